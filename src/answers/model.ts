import type { Feature } from "../catalog/features.js";
import type { Format } from "../render/format.js";

export interface NewVpc {
  readonly cidr: string;
  readonly azCount: number;
}

export interface ExistingVpc {
  readonly id: string;
  readonly subnetIds: readonly string[];
  /** Endpoint suffixes the VPC already has ("s3", "ecr.api", ...): reused, never created again. In catalog order. */
  readonly existingEndpoints: readonly string[];
}

/**
 * The database: "attach" makes a security group to attach to it (the default); "existing" wires
 * the runtime to a database that has its own group and a Secrets Manager secret.
 */
export type RdsSettings =
  | { readonly mode: "attach"; readonly port: number }
  | { readonly mode: "existing"; readonly port: number; readonly securityGroupId: string; readonly secretArn: string; readonly host?: string };

export const RDS_MODES = ["attach", "existing"] as const;

/** Long-term memory strategies, as the answers name them; [] keeps the events (short-term memory) only. */
export const MEMORY_STRATEGIES = ["semantic", "summarization", "userPreference"] as const;
export type MemoryStrategy = (typeof MEMORY_STRATEGIES)[number];

export interface MemorySettings {
  /** How long the memory keeps a conversation's events. */
  readonly expiryDays: number;
  readonly strategies: readonly MemoryStrategy[];
}

/** The validated, complete answers: everything downstream of validation works from this. */
export interface Answers {
  readonly name: string;
  readonly region: string;
  readonly features: readonly Feature[];
  readonly internet: boolean;
  readonly vpc: NewVpc | ExistingVpc;
  readonly rds?: RdsSettings;
  /** Present exactly when the memory feature is chosen. */
  readonly memory?: MemorySettings;
  readonly image: string;
  /** Stored so that regenerating from agentcore-vpc.json keeps the project's syntax. */
  readonly format: Format;
}

export const ANSWER_KEYS = ["name", "region", "features", "internet", "vpc", "rds", "memory", "image", "format"] as const;

export function isExistingVpc(vpc: NewVpc | ExistingVpc): vpc is ExistingVpc {
  return "id" in vpc;
}

/** Placeholder account of the default image: applying the runtime layer needs a real image. */
export const PLACEHOLDER_ACCOUNT = "123456789012";

/**
 * The documented defaults. Some depend on earlier answers: internet follows Browser
 * (which needs a NAT path) and the image sits in the chosen region under the runtime name.
 */
export const DEFAULTS = {
  name: "support_agent",
  region: "us-east-1",
  features: ["models", "memory", "observability"] as readonly Feature[],
  internet: (features: readonly Feature[]): boolean => features.includes("browser"),
  vpc: { cidr: "10.0.0.0/16", azCount: 2 } as NewVpc,
  rdsPort: 5432,
  memory: { expiryDays: 30, strategies: ["semantic"] } as MemorySettings,
  image: (region: string, name: string): string => `${PLACEHOLDER_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${repositoryOf(name)}:1.0.0`,
  format: "hcl" as Format,
};

/**
 * An ECR repository name for a runtime name: lower case, each run of underscores one hyphen,
 * none at either end (ECR allows no doubled or trailing separator). A runtime name starts with
 * a letter, so something always remains.
 */
export function repositoryOf(name: string): string {
  return name.toLowerCase().replace(/_+/g, "-").replace(/^-+|-+$/g, "");
}

function serializeRds(rds: RdsSettings): Record<string, unknown> {
  // "attach" is the default: an answers file from before modes regenerates to the same bytes.
  if (rds.mode === "attach") return { port: rds.port };
  return { mode: rds.mode, securityGroupId: rds.securityGroupId, secretArn: rds.secretArn, ...(rds.host ? { host: rds.host } : {}), port: rds.port };
}

/** The answers file as written into the output: fixed key order, so the same answers give the same bytes. */
export function serializeAnswers(answers: Answers): string {
  const ordered = {
    name: answers.name,
    region: answers.region,
    features: answers.features,
    internet: answers.internet,
    vpc: isExistingVpc(answers.vpc)
      ? { id: answers.vpc.id, subnetIds: answers.vpc.subnetIds, existingEndpoints: answers.vpc.existingEndpoints }
      : { cidr: answers.vpc.cidr, azCount: answers.vpc.azCount },
    ...(answers.rds ? { rds: serializeRds(answers.rds) } : {}),
    ...(answers.memory ? { memory: { expiryDays: answers.memory.expiryDays, strategies: answers.memory.strategies } } : {}),
    image: answers.image,
    format: answers.format,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
