import type { Feature } from "./features.js";

export type EndpointType = "Interface" | "Gateway";

export interface EndpointRule {
  /** Service name suffix: com.amazonaws.<region>.<suffix> */
  readonly suffix: string;
  readonly type: EndpointType;
  /** Why the endpoint is there, shown in the dry run and the generated README. */
  readonly reason: string;
  /** Needed whatever the features when there is no NAT path. */
  readonly always?: true;
  /** Needed when any of these features is chosen and there is no NAT path. */
  readonly features?: readonly Feature[];
  /** Kept even with a NAT path (free, and keeps image layers off NAT data charges). */
  readonly evenWithNat?: true;
}

/**
 * Which endpoint each feature needs in a VPC without NAT (agentcore-facts §2).
 * Order is the order of the generated configuration and README table.
 */
export const ENDPOINT_RULES: readonly EndpointRule[] = [
  {
    suffix: "s3",
    type: "Gateway",
    always: true,
    evenWithNat: true,
    reason: "ECR image layers and code artifacts are stored in S3 (free gateway endpoint on the private route tables)",
  },
  { suffix: "ecr.api", type: "Interface", always: true, reason: "ECR authentication and image manifests for the container runtime" },
  { suffix: "ecr.dkr", type: "Interface", always: true, reason: "ECR image pulls for the container runtime" },
  { suffix: "logs", type: "Interface", always: true, reason: "container stdout/stderr and agent logs go to CloudWatch Logs" },
  { suffix: "bedrock-runtime", type: "Interface", features: ["models"], reason: "the agent calls Bedrock models (InvokeModel / Converse)" },
  {
    suffix: "bedrock-agentcore",
    type: "Interface",
    features: ["memory", "identity", "codeInterpreter", "browser"],
    reason: "AgentCore data plane: Memory, Identity tokens, Code Interpreter and Browser sessions",
  },
  // GetMemory is a control-plane call, and the Memory SDK makes it (agentcore-facts §2, §6).
  { suffix: "bedrock-agentcore-control", type: "Interface", features: ["memory"], reason: "Memory: the Memory SDK reads the Memory's configuration (GetMemory, a control-plane call)" },
  { suffix: "bedrock-agentcore.gateway", type: "Interface", features: ["gateway"], reason: "the agent calls an AgentCore Gateway (MCP)" },
  { suffix: "xray", type: "Interface", features: ["observability"], reason: "Observability: trace export to X-Ray" },
  { suffix: "monitoring", type: "Interface", features: ["observability"], reason: "Observability: CloudWatch metrics" },
  { suffix: "secretsmanager", type: "Interface", features: ["rds"], reason: "the agent reads database credentials from Secrets Manager" },
];

export interface ChosenEndpoint {
  readonly suffix: string;
  readonly type: EndpointType;
  readonly reason: string;
}

/** The minimal correct endpoint set for a feature set and internet choice. */
export function endpointsFor(features: readonly Feature[], internet: boolean): ChosenEndpoint[] {
  return ENDPOINT_RULES.filter((rule) => {
    if (internet && !rule.evenWithNat) return false;
    return rule.always === true || (rule.features ?? []).some((f) => features.includes(f));
  }).map(({ suffix, type, reason }) => ({ suffix, type, reason }));
}

export function serviceName(region: string, suffix: string): string {
  return `com.amazonaws.${region}.${suffix}`;
}
