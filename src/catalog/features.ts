/** The AgentCore features an agent can use, in the order they are shown and stored. */
export const FEATURES = [
  "models",
  "memory",
  "identity",
  "gateway",
  "browser",
  "codeInterpreter",
  "observability",
  "rds",
] as const;

export type Feature = (typeof FEATURES)[number];

export const FEATURE_MEANING: Readonly<Record<Feature, string>> = {
  models: "calls Amazon Bedrock models (InvokeModel / Converse)",
  memory: "stores and retrieves conversation memory with AgentCore Memory",
  identity: "gets workload and OAuth tokens from AgentCore Identity",
  gateway: "calls tools through an AgentCore Gateway (MCP)",
  browser: "drives the AgentCore Browser tool (in VPC mode it needs internet egress)",
  codeInterpreter: "runs code in the AgentCore Code Interpreter",
  observability: "ships logs, traces and metrics to CloudWatch and X-Ray",
  rds: "connects to an Amazon RDS database in the VPC",
};

/** How AWS names each feature in prose. */
export const FEATURE_TITLE: Readonly<Record<Feature, string>> = {
  models: "Bedrock models",
  memory: "Memory",
  identity: "Identity",
  gateway: "Gateway",
  browser: "Browser",
  codeInterpreter: "Code Interpreter",
  observability: "Observability",
  rds: "RDS",
};

export function isFeature(value: unknown): value is Feature {
  return typeof value === "string" && (FEATURES as readonly string[]).includes(value);
}
