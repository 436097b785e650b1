import type { Feature } from "../catalog/features.js";
import type { Format, Layout } from "../render/format.js";

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
  | { readonly mode: "existing"; readonly port: number; readonly securityGroupId: string; readonly secretArn: string; readonly host?: string }
  | CreatedDatabase;

export const RDS_MODES = ["attach", "existing", "create"] as const;

/** RDS engines a created database may run: an instance (postgres, mysql) or Aurora Serverless v2. */
export const DATABASE_ENGINES = ["postgres", "mysql", "aurora-postgresql", "aurora-mysql"] as const;
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

/** A database this project creates in the private subnets, in a layer of its own. */
export type CreatedDatabase = {
  readonly mode: "create";
  readonly port: number;
  /** A standby in a second AZ (an instance), or a reader there (Aurora). */
  readonly multiAz: boolean;
} & (
  | { readonly engine: "postgres" | "mysql"; readonly instanceClass: string; readonly storageGb: number }
  | { readonly engine: "aurora-postgresql" | "aurora-mysql"; readonly capacity: { readonly min: number; readonly max: number } }
);

export function isAurora(db: CreatedDatabase): db is Extract<CreatedDatabase, { capacity: unknown }> {
  return "capacity" in db;
}

/** Long-term memory strategies, as the answers name them; [] keeps the events (short-term memory) only. */
export const MEMORY_STRATEGIES = ["semantic", "summarization", "userPreference"] as const;
export type MemoryStrategy = (typeof MEMORY_STRATEGIES)[number];

export interface MemorySettings {
  /** How long the memory keeps a conversation's events. */
  readonly expiryDays: number;
  readonly strategies: readonly MemoryStrategy[];
}

/** "vpc": a custom Browser whose ENIs sit in the private subnets (needs the NAT path); "public": browses from AWS's network, no intranet sites. */
export const BROWSER_NETWORKS = ["vpc", "public"] as const;
export interface BrowserSettings {
  readonly network: (typeof BROWSER_NETWORKS)[number];
  /** Session recordings to an S3 bucket this project owns. */
  readonly recording: boolean;
}

/** "vpc": a custom Code Interpreter in the private subnets; "sandbox": the AWS-managed one, which has no network. */
export const CODE_INTERPRETER_NETWORKS = ["vpc", "sandbox"] as const;
export interface CodeInterpreterSettings {
  readonly network: (typeof CODE_INTERPRETER_NETWORKS)[number];
}

export const GATEWAY_AUTHORIZERS = ["AWS_IAM", "CUSTOM_JWT"] as const;
/** A gateway this project creates (an inbound authorizer of callers' SigV4 or their JWTs), or one that exists, by ARN. */
export type GatewaySettings =
  | { readonly create: true; readonly authorizer: "AWS_IAM" }
  | { readonly create: true; readonly authorizer: "CUSTOM_JWT"; readonly discoveryUrl: string; readonly allowedAudience: readonly string[]; readonly allowedClients: readonly string[] }
  | { readonly arn: string };

/** The protocol the agent's container serves (agentcore-facts §5); HTTP is the service's default. */
export const PROTOCOLS = ["HTTP", "MCP", "A2A"] as const;
export type Protocol = (typeof PROTOCOLS)[number];

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
  /** Each present exactly when its feature is chosen. */
  readonly browser?: BrowserSettings;
  readonly codeInterpreter?: CodeInterpreterSettings;
  readonly gateway?: GatewaySettings;
  readonly protocol: Protocol;
  readonly image: string;
  /** Stored so that regenerating from agentcore-vpc.json keeps the project's syntax. */
  readonly format: Format;
  /** Stored for the same reason: layers (root configurations) or modules (child modules and thin roots). */
  readonly layout: Layout;
}

export const ANSWER_KEYS = ["name", "region", "features", "internet", "vpc", "rds", "memory", "browser", "codeInterpreter", "gateway", "protocol", "image", "format", "layout"] as const;

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
  internet: (features: readonly Feature[], browserNetwork: unknown): boolean => features.includes("browser") && browserNetwork !== "public",
  vpc: { cidr: "10.0.0.0/16", azCount: 2 } as NewVpc,
  rdsPort: 5432,
  database: { engine: "postgres" as DatabaseEngine, instanceClass: "db.t4g.micro", storageGb: 20, capacity: { min: 0.5, max: 4 }, multiAz: false },
  memory: { expiryDays: 30, strategies: ["semantic"] } as MemorySettings,
  browser: { network: "vpc", recording: false } as BrowserSettings,
  codeInterpreter: { network: "vpc" } as CodeInterpreterSettings,
  gateway: { create: true, authorizer: "AWS_IAM" } as GatewaySettings,
  protocol: "HTTP" as Protocol,
  image: (region: string, name: string): string => `${PLACEHOLDER_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${repositoryOf(name)}:1.0.0`,
  format: "hcl" as Format,
  layout: "layers" as Layout,
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
  if (rds.mode === "create") {
    const size = isAurora(rds) ? { capacity: { min: rds.capacity.min, max: rds.capacity.max } } : { instanceClass: rds.instanceClass, storageGb: rds.storageGb };
    return { mode: rds.mode, engine: rds.engine, ...size, multiAz: rds.multiAz, port: rds.port };
  }
  return { mode: rds.mode, securityGroupId: rds.securityGroupId, secretArn: rds.secretArn, ...(rds.host ? { host: rds.host } : {}), port: rds.port };
}

function serializeGateway(gateway: GatewaySettings): Record<string, unknown> {
  if ("arn" in gateway) return { arn: gateway.arn };
  if (gateway.authorizer === "AWS_IAM") return { create: true, authorizer: gateway.authorizer };
  return { create: true, authorizer: gateway.authorizer, discoveryUrl: gateway.discoveryUrl, allowedAudience: gateway.allowedAudience, allowedClients: gateway.allowedClients };
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
    ...(answers.browser ? { browser: { network: answers.browser.network, recording: answers.browser.recording } } : {}),
    ...(answers.codeInterpreter ? { codeInterpreter: { network: answers.codeInterpreter.network } } : {}),
    ...(answers.gateway ? { gateway: serializeGateway(answers.gateway) } : {}),
    // HTTP is the default: an answers file from before the protocol was asked regenerates to the same bytes.
    ...(answers.protocol !== "HTTP" ? { protocol: answers.protocol } : {}),
    image: answers.image,
    format: answers.format,
    // layers is the default: an answers file from before the layout was asked regenerates to the same bytes.
    ...(answers.layout !== "layers" ? { layout: answers.layout } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
