import { parseArgs } from "node:util";
import { preselectSubnets, subnetViews } from "../account/subnets.js";
import { FEATURES, isFeature, type Feature } from "../catalog/features.js";
import * as P from "../catalog/patterns.js";
import { SUPPORTED_REGIONS, supportedAzIds } from "../catalog/regions.js";
import { runRules, type Report } from "../doctor/run.js";
import type { NetworkTarget } from "../doctor/target.js";
import { accountOpener, isInspectionError, type OpenAccount } from "./discovery.js";
import { contextFromEnv } from "./input.js";
import type { Io } from "./main.js";
import { UsageError } from "./args.js";
import { parseDuration, waitForEnis } from "./wait-enis.js";

export const DOCTOR_USAGE = `Usage: create-agentcore-vpc doctor --vpc vpc-... [--subnets subnet-...,...] [--security-groups sg-...,...]
                                   [--features LIST] [--region R] [--json]
       create-agentcore-vpc doctor --wait-for-enis --vpc vpc-... [--subnets ...] [--security-groups ...] [--timeout 8h]

Reads a VPC from the AWS account (read-only) and says what would stop an AgentCore runtime in
VPC mode from working there: unsupported AZ IDs, public subnets, DNS settings, missing endpoints,
security groups without the HTTPS paths the runtime needs.

Options:
  --vpc ID               the VPC to check
  --subnets IDS          the runtime's subnets (default: the supported private subnets, one per AZ)
  --security-groups IDS  the runtime's security groups (their egress rules are checked)
  --features LIST        features whose endpoints the runtime needs besides ECR, S3 and logs:
                         ${FEATURES.join(", ")}
  --region R             default: AWS_REGION, then AWS_DEFAULT_REGION
  --json                 one JSON report on standard output
  --wait-for-enis        after a runtime is deleted: wait until AgentCore has released its network
                         interfaces in the VPC (or in these subnets or security groups), so that the
                         network can be destroyed; checks nothing else
  --timeout D            how long to wait (default 8h; also 30m, 90s)
  --interval D           how often to look (default 30s)
  -h, --help             show this help

Exit status: 0 when no finding is an error (with --wait-for-enis: when none is left), 1 when one is
(or the wait timed out), 2 for usage, credential or API trouble, 130 when interrupted.`;

export interface DoctorOptions {
  readonly vpcId: string;
  readonly subnetIds?: readonly string[];
  readonly groupIds: readonly string[];
  readonly features: readonly Feature[];
  readonly region: string;
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

/** The doctor's arguments; undefined for --help. */
export function parseDoctor(rawArgs: readonly string[], env: Readonly<Record<string, string | undefined>>): DoctorOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...rawArgs],
      strict: true,
      options: {
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
  if (!values["wait-for-enis"] && (values.timeout !== undefined || values.interval !== undefined)) throw new UsageError("doctor: --timeout and --interval go with --wait-for-enis.");
  if (values.vpc === undefined) throw new UsageError("doctor: --vpc is needed: the VPC to check, such as --vpc vpc-0123456789abcdef0.");
  if (!P.VPC_ID.test(values.vpc)) throw new UsageError(`doctor --vpc: got ${JSON.stringify(values.vpc)}. Expected a VPC ID such as vpc-0123456789abcdef0.`);
  const features = (values.features ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  const unknown = features.filter((f) => !isFeature(f));
  if (unknown.length > 0) throw new UsageError(`doctor --features: got ${unknown.map((f) => JSON.stringify(f)).join(", ")}. Allowed: ${FEATURES.join(", ")}.`);
  const context = contextFromEnv(env);
  const region = values.region ?? context.region?.value;
  if (region === undefined) throw new UsageError("doctor: no region: give --region, or set AWS_REGION.");
  if (!supportedAzIds(region)) throw new UsageError(`doctor --region: got ${JSON.stringify(region)}${values.region ? "" : ` (from ${context.region!.from})`}. AgentCore VPC mode has published AZ IDs in ${SUPPORTED_REGIONS.join(", ")}.`);
  const subnetIds = ids("--subnets", values.subnets, P.SUBNET_ID, "subnet-0123456789abcdef0,subnet-0fedcba9876543210");
  return {
    vpcId: values.vpc,
    ...(subnetIds ? { subnetIds } : {}),
    groupIds: ids("--security-groups", values["security-groups"], /^sg-[0-9a-f]{8,17}$/, "sg-0123456789abcdef0") ?? [],
    features: FEATURES.filter((f) => features.includes(f)),
    region,
    json: values.json === true,
    ...(values["wait-for-enis"] ? { wait: { timeoutMs: parseDuration("--timeout", values.timeout ?? "8h"), intervalMs: parseDuration("--interval", values.interval ?? "30s") } } : {}),
  };
}

function human(report: Report, heading: string): string {
  const lines = [heading];
  for (const severity of ["error", "warning", "info"] as const) {
    const found = report.findings.filter((f) => f.severity === severity);
    if (found.length === 0) continue;
    lines.push("", `${severity === "error" ? "Errors" : severity === "warning" ? "Warnings" : "Information"} (${found.length}):`);
    for (const f of found) lines.push(`  [${f.id}] ${f.resource}: ${f.message}`, `      seen: ${f.evidence}`, `      fix:  ${f.fix}`);
  }
  if (report.notChecked.length > 0) lines.push("", "Not checked:", ...report.notChecked.map((n) => `  [${n.id}] ${n.reason}`));
  lines.push("", `Checked: ${report.checked.join(", ")}.`);
  return lines.join("\n");
}

/** `create-agentcore-vpc doctor`: exit 0 without errors, 1 with one, 2 for usage or AWS trouble. */
export async function doctor(rawArgs: readonly string[], io: Io, open: OpenAccount = accountOpener(io.env ?? {})): Promise<number> {
  const env = io.env ?? {};
  try {
    const options = parseDoctor(rawArgs, env);
    if (!options) {
      io.stdout.write(`${DOCTOR_USAGE}\n`);
      return 0;
    }
    if (io.isTTY === true && !options.json) io.stderr.write(`Reading ${options.vpcId} in ${options.region}...\n`);
    const { reader } = await open(options.region);
    if (options.wait) {
      const tty = io.isTTY === true;
      const progress = (line: string): void => void io.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
      const say = (line: string): void => void io.stdout.write(`${tty ? "\r\x1b[2K" : ""}${line}\n`);
      const scope = { vpcId: options.vpcId, ...(options.subnetIds ? { subnetIds: options.subnetIds } : {}), groupIds: options.groupIds };
      return await waitForEnis(reader, scope, options.wait.timeoutMs, options.wait.intervalMs, { say, progress, ...(io.signal ? { signal: io.signal } : {}) });
    }
    const identity = await reader.identity();
    const [details, groups] = await Promise.all([reader.readVpc(options.vpcId), reader.readGroupRules(options.groupIds)]);
    const inVpc = new Set(details.subnets.map((s) => s.id));
    const strangers = (options.subnetIds ?? []).filter((s) => !inVpc.has(s));
    if (strangers.length > 0) throw new UsageError(`doctor --subnets: ${strangers.join(", ")} ${strangers.length > 1 ? "are" : "is"} not in ${options.vpcId}.`);
    const subnetIds = options.subnetIds ?? preselectSubnets(subnetViews(details, options.region), options.region).chosen.map((s) => s.id);
    const target: NetworkTarget = {
      region: options.region,
      details,
      subnetIds,
      groupIds: options.groupIds,
      ...("rules" in groups ? { groupRules: groups.rules } : { groupRulesError: groups.error }),
      features: options.features,
    };
    const report = runRules(target);
    const errors = report.findings.filter((f) => f.severity === "error").length;
    if (options.json) {
      const document = {
        region: options.region,
        account: identity.account,
        target: { vpc: options.vpcId, subnets: subnetIds, subnetsGiven: options.subnetIds !== undefined, securityGroups: options.groupIds, features: options.features },
        findings: report.findings.map((f) => ({ id: f.id, severity: f.severity, resource: f.resource, message: f.message, evidence: f.evidence, fix: f.fix })),
        checked: report.checked,
        notChecked: report.notChecked,
      };
      io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    } else {
      const warnings = report.findings.filter((f) => f.severity === "warning").length;
      const subnets = options.subnetIds ? subnetIds.join(", ") : `${subnetIds.join(", ") || "none"} (the supported private subnets, one per AZ)`;
      io.stdout.write(`${human(report, `${options.vpcId} in ${options.region} (account ${identity.account}), runtime subnets ${subnets}: ${errors} errors, ${warnings} warnings.`)}\n`);
    }
    return errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || isInspectionError(error)) {
      io.stderr.write(`create-agentcore-vpc: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
