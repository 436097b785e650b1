import { parseArgs } from "node:util";
import { runtimeArnParts } from "../account/runtime.js";
import { FEATURES, isFeature, type Feature } from "../catalog/features.js";
import * as P from "../catalog/patterns.js";
import { SUPPORTED_REGIONS, supportedAzIds } from "../catalog/regions.js";
import { UsageError } from "./args.js";
import { contextFromEnv } from "./input.js";
import { parseDuration } from "./wait-enis.js";

export const DOCTOR_USAGE = `Usage: create-agentcore-vpc doctor --runtime ID|ARN [--features LIST] [--region R] [--json]
       create-agentcore-vpc doctor --all [--features LIST] [--region R] [--json]
       create-agentcore-vpc doctor --project DIR [--json]
       create-agentcore-vpc doctor --vpc vpc-... [--subnets subnet-...,...] [--security-groups sg-...,...]
                                   [--features LIST] [--region R] [--json]
       create-agentcore-vpc doctor --wait-for-enis --vpc vpc-... [--subnets ...] [--security-groups ...] [--timeout 8h]

Reads the AWS account (read-only) and says what stops an AgentCore runtime in VPC mode from
working: a failed status and its reason, unsupported AZ IDs, public subnets, DNS settings, missing
endpoints, security groups without the HTTPS paths the runtime needs, an image in another region,
the execution role's trust, logs never delivered, network interfaces left behind.

What to check (one of):
  --runtime ID|ARN       a runtime, and everything it depends on
  --all                  every runtime in the region: a summary row each, then the details
  --project DIR          what a generated project made: its runtime by name, or before that is
                         applied its network by tags (DIR/agentcore-vpc.json)
  --vpc ID               a network before a runtime exists
Options:
  --subnets IDS          with --vpc: the runtime's subnets (default: the supported private subnets,
                         one per AZ)
  --security-groups IDS  with --vpc: the runtime's security groups (their egress rules are checked)
  --features LIST        features whose endpoints the runtime needs besides ECR, S3 and logs:
                         ${FEATURES.join(", ")}
  --region R             default: the runtime ARN's, the project's, then AWS_REGION, AWS_DEFAULT_REGION
  --json                 the report as JSON on standard output (with --all, an array of reports)
  --wait-for-enis        after a runtime is deleted: wait until AgentCore has released its network
                         interfaces in the VPC (or in these subnets or security groups), so that the
                         network can be destroyed; checks nothing else
  --timeout D            how long to wait (default 8h; also 30m, 90s)
  --interval D           how often to look (default 30s)
  -h, --help             show this help

Exit status: 0 when no finding is an error (with --wait-for-enis: when none is left), 1 when one is
(or the wait timed out), 2 for usage, credential or API trouble, 130 when interrupted.`;

export type DoctorScope =
  | { readonly kind: "network"; readonly vpcId: string; readonly subnetIds?: readonly string[]; readonly groupIds: readonly string[] }
  | { readonly kind: "runtime"; readonly runtimeId: string; /** The account of a runtime ARN. */ readonly account?: string }
  | { readonly kind: "all" }
  | { readonly kind: "project"; readonly directory: string };

export interface DoctorOptions {
  readonly scope: DoctorScope;
  readonly features: readonly Feature[];
  /** Undefined only for --project without --region: the project's region is used. */
  readonly region?: string;
  readonly json: boolean;
  /** --wait-for-enis, with its timeout and poll interval in milliseconds. */
  readonly wait?: { readonly timeoutMs: number; readonly intervalMs: number };
}

function ids(option: string, text: string | undefined, pattern: RegExp, example: string): string[] | undefined {
  if (text === undefined) return undefined;
  const list = text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const bad = list.filter((s) => !pattern.test(s));
  if (list.length === 0 || bad.length > 0) throw new UsageError(`${option}: got ${JSON.stringify(text)}. Expected IDs separated by commas, such as ${example}.`);
  return list;
}

export function checkRegion(region: string, from: string): string {
  if (!supportedAzIds(region)) throw new UsageError(`doctor: the region ${JSON.stringify(region)} (${from}) has no published AgentCore VPC-mode AZ IDs. Supported: ${SUPPORTED_REGIONS.join(", ")}.`);
  return region;
}

const RUNTIME_ID = /^[a-zA-Z][a-zA-Z0-9_]{0,47}-[a-zA-Z0-9]{10}$/;

/** The doctor's arguments; undefined for --help. */
export function parseDoctor(rawArgs: readonly string[], env: Readonly<Record<string, string | undefined>>): DoctorOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...rawArgs],
      strict: true,
      options: {
        runtime: { type: "string" },
        all: { type: "boolean", default: false },
        project: { type: "string" },
        vpc: { type: "string" },
        subnets: { type: "string" },
        "security-groups": { type: "string" },
        features: { type: "string" },
        region: { type: "string" },
        json: { type: "boolean", default: false },
        "wait-for-enis": { type: "boolean", default: false },
        timeout: { type: "string" },
        interval: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`doctor: ${(error as Error).message}\nRun create-agentcore-vpc doctor --help for the options.`);
  }
  if (values.help) return undefined;
  const wait = values["wait-for-enis"] === true;
  if (!wait && (values.timeout !== undefined || values.interval !== undefined)) throw new UsageError("doctor: --timeout and --interval go with --wait-for-enis.");
  const chosen = [values.runtime !== undefined && "--runtime", values.all && "--all", values.project !== undefined && "--project", values.vpc !== undefined && "--vpc"].filter((x): x is string => typeof x === "string");
  if (chosen.length > 1) throw new UsageError(`doctor: ${chosen.join(" and ")} cannot go together: give one of --runtime, --all, --project or --vpc.`);
  if (chosen.length === 0) throw new UsageError("doctor: say what to check: --runtime ID, --all, --project DIR or --vpc vpc-... (create-agentcore-vpc doctor --help).");
  if (wait && values.vpc === undefined) throw new UsageError("doctor --wait-for-enis: --vpc is needed: the VPC whose interfaces to wait for.");
  if (values.vpc === undefined && (values.subnets !== undefined || values["security-groups"] !== undefined)) throw new UsageError("doctor: --subnets and --security-groups go with --vpc; a runtime's own are read from it.");
  if (values.project !== undefined && values.features !== undefined) throw new UsageError("doctor --project: the features are the project's (features in agentcore-vpc.json); leave out --features.");

  const features = (values.features ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const unknown = features.filter((f) => !isFeature(f));
  if (unknown.length > 0) throw new UsageError(`doctor --features: got ${unknown.map((f) => JSON.stringify(f)).join(", ")}. Allowed: ${FEATURES.join(", ")}.`);

  let scope: DoctorScope;
  let regionOfTarget: string | undefined;
  if (values.runtime !== undefined) {
    const arn = runtimeArnParts(values.runtime);
    if (!arn && !RUNTIME_ID.test(values.runtime)) throw new UsageError(`doctor --runtime: got ${JSON.stringify(values.runtime)}. Expected a runtime ID such as support_agent-Ab12Cd34Ef, or its ARN (arn:aws:bedrock-agentcore:<region>:<account>:runtime/<id>).`);
    if (arn && values.region !== undefined && values.region !== arn.region) throw new UsageError(`doctor: --region ${values.region} and the runtime ARN's region ${arn.region} differ: leave out --region.`);
    scope = { kind: "runtime", runtimeId: arn?.id ?? values.runtime, ...(arn ? { account: arn.account } : {}) };
    regionOfTarget = arn?.region;
  } else if (values.all) {
    scope = { kind: "all" };
  } else if (values.project !== undefined) {
    scope = { kind: "project", directory: values.project };
  } else {
    if (!P.VPC_ID.test(values.vpc!)) throw new UsageError(`doctor --vpc: got ${JSON.stringify(values.vpc)}. Expected a VPC ID such as vpc-0123456789abcdef0.`);
    const subnetIds = ids("--subnets", values.subnets, P.SUBNET_ID, "subnet-0123456789abcdef0,subnet-0fedcba9876543210");
    scope = { kind: "network", vpcId: values.vpc!, ...(subnetIds ? { subnetIds } : {}), groupIds: ids("--security-groups", values["security-groups"], /^sg-[0-9a-f]{8,17}$/, "sg-0123456789abcdef0") ?? [] };
  }

  const context = contextFromEnv(env).region;
  const region =
    values.region !== undefined ? checkRegion(values.region, "--region") : regionOfTarget !== undefined ? checkRegion(regionOfTarget, "the runtime ARN") : scope.kind === "project" ? undefined : context ? checkRegion(context.value, context.from) : undefined;
  if (region === undefined && scope.kind !== "project") throw new UsageError("doctor: no region: give --region, or set AWS_REGION.");
  return {
    scope,
    features: FEATURES.filter((f) => features.includes(f)),
    ...(region !== undefined ? { region } : {}),
    json: values.json === true,
    ...(wait ? { wait: { timeoutMs: parseDuration("--timeout", values.timeout ?? "8h"), intervalMs: parseDuration("--interval", values.interval ?? "30s") } } : {}),
  };
}
