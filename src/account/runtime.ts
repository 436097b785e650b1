/**
 * An AgentCore runtime and what it depends on outside the network, as the control plane, IAM
 * and CloudWatch Logs describe them: what the doctor's runtime rules judge.
 */

/** What ListAgentRuntimes tells of a runtime. */
export interface RuntimeSummary {
  readonly id: string;
  readonly arn: string;
  readonly name: string;
  readonly status: string;
}

export interface RuntimeInfo extends RuntimeSummary {
  /** ISO 8601, as the control plane sends it. */
  readonly createdAt: string;
  /** Only sent with a status ending in FAILED, and not always then. */
  readonly failureReason?: string;
  readonly roleArn: string;
  /** "VPC" or "PUBLIC". */
  readonly networkMode: string;
  readonly subnetIds: readonly string[];
  readonly groupIds: readonly string[];
  /** requireServiceS3Endpoint as the control plane sends it: see servesS3. */
  readonly serviceS3Endpoint?: boolean;
  /** The container image, for a runtime deployed from one (not from code in S3). */
  readonly containerUri?: string;
}

/** A role's trust policy, parsed from the URL-encoded JSON IAM returns. */
export interface RoleInfo {
  readonly name: string;
  readonly arn: string;
  readonly trust: unknown;
}

/** The region's vended-log deliveries: sources (a resource and a log type) and where they go. */
export interface LogDeliveries {
  readonly sources: readonly { readonly name: string; readonly resourceArns: readonly string[]; readonly logType: string }[];
  readonly deliveries: readonly { readonly sourceName: string; readonly destinationArn: string }[];
}

/** A read that was denied or could not apply: the sentence to report, so the rules it feeds say "not checked". */
export interface Unread {
  readonly unread: string;
}

export type Read<T> = T | Unread;

export function isUnread<T>(value: Read<T>): value is Unread {
  return typeof value === "object" && value !== null && "unread" in value;
}

/** The network service-linked role AWS creates on the first VPC-mode create (facts §8). */
export const NETWORK_SLR = "AWSServiceRoleForBedrockAgentCoreNetwork";

/** The region of an ECR image URI (<account>.dkr.ecr.<region>.amazonaws.com/...), or undefined for another registry. */
export function imageRegion(uri: string): string | undefined {
  return /^\d{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\//.exec(uri)?.[1];
}

/** The ID a runtime ARN names (arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>), with its region. */
export function runtimeArnParts(arn: string): { region: string; account: string; id: string } | undefined {
  const m = /^arn:aws[a-z-]*:bedrock-agentcore:([a-z0-9-]+):(\d{12}):runtime\/([A-Za-z0-9_-]+)$/.exec(arn);
  return m ? { region: m[1]!, account: m[2]!, id: m[3]! } : undefined;
}

/** The account and name of a role ARN (arn:aws:iam::<account>:role/<path/>name). */
export function roleArnParts(arn: string): { account: string; name: string } | undefined {
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):role\/(?:[^/]+\/)*([\w+=,.@-]+)$/.exec(arn);
  return m ? { account: m[1]!, name: m[2]! } : undefined;
}

/** When AgentCore began rolling out runtimes without the S3 gateway of its own (facts §2). */
export const SERVICE_S3_ROLLOUT = "2026-05-05";

/**
 * Whether the runtime reaches S3 through the service's own gateway rather than the VPC: runtimes
 * made before the rollout keep it until requireServiceS3Endpoint is set to false; later ones
 * never have it. The rollout was gradual, so a runtime made soon after may still have it: then
 * the doctor asks for an S3 path the runtime does not yet need, which it will once opted out.
 */
export function servesS3(runtime: Pick<RuntimeInfo, "serviceS3Endpoint" | "createdAt">): boolean {
  return runtime.serviceS3Endpoint ?? runtime.createdAt < SERVICE_S3_ROLLOUT;
}

/** The statuses whose runtime still holds its network interfaces. */
export function holdsInterfaces(status: string): boolean {
  return status !== "DELETING";
}
