import { discover, type Discovery } from "../account/discover.js";
import type { EndpointVerdict } from "../account/endpoints.js";
import type { Identity, VpcDetails, VpcSummary } from "../account/model.js";
import { DEFAULT_ROUTE_TITLE, type SubnetView } from "../account/subnets.js";
import { endpointsFor } from "../catalog/endpoints.js";
import type { Feature } from "../catalog/features.js";
import * as price from "../catalog/pricing.js";
import type { ExistingVpc } from "../answers/model.js";
import { formatProblem, resolveAnswers, type Context } from "../answers/validate.js";
import type { AccountReader } from "../inspect/index.js";
import { InputError } from "./input.js";
import { table } from "./table.js";

/** The account, opened for one region: the inspection chunk is loaded only here. */
export interface OpenedAccount {
  readonly reader: AccountReader;
  /** Every IAM action the reader may call, all read-only. */
  readonly readCalls: readonly string[];
}

export type OpenAccount = (region: string) => Promise<OpenedAccount>;

export function accountOpener(env: Readonly<Record<string, string | undefined>>): OpenAccount {
  return async (region) => {
    const inspect = await import("../inspect/index.js");
    return { reader: inspect.openAccount({ region, env }), readCalls: inspect.DISCOVERY_CALLS };
  };
}

/** The inspection chunk's errors, told apart by name: the chunk has its own copy of the class. */
export function isInspectionError(error: unknown): error is Error {
  return error instanceof Error && error.name === "InspectionError";
}


export function vpcLabel(vpc: VpcSummary): string {
  return `${vpc.id}  ${vpc.name ?? "(no Name tag)"}  ${vpc.cidrs.join(", ")}${vpc.isDefault ? "  (the default VPC)" : ""}`;
}

export function subnetLabel(s: SubnetView): string {
  const route = `${DEFAULT_ROUTE_TITLE[s.defaultRoute]}${s.target ? ` ${s.target}` : ""}`;
  return `${s.id}  ${s.azId} (${s.azName})  ${s.supported ? "supported" : "unsupported"}  ${s.tier}, default route: ${route}  ${s.freeIps} free${s.name ? `  ${s.name}` : ""}`;
}

/** One line per service the runtime calls: the VPC's endpoint reused, or one created, and why. */
export function endpointLines(verdicts: readonly EndpointVerdict[], features: readonly Feature[], internet: boolean): string[] {
  const created = new Set(endpointsFor(features, internet).map((e) => e.suffix));
  return table(
    endpointsFor(features, false).map((e) => {
      const verdict = verdicts.find((v) => v.suffix === e.suffix);
      if (verdict?.reuse) {
        const notes = [...(verdict.blocking ? [`the plan stops until fixed: ${verdict.blocking}`] : []), ...verdict.warnings];
        return [e.suffix, "reused", `${verdict.endpoint.id}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`];
      }
      const why = verdict ? `the VPC's ${verdict.endpoint.id} is not used: ${verdict.reason}` : "the VPC has none";
      return created.has(e.suffix) ? [e.suffix, "created", why] : [e.suffix, "not needed", `internet egress reaches the service (${why})`];
    }),
  );
}

/** What reusing saves: the interface endpoints that would otherwise be created, in each AZ. */
export function reuseSavingUsd(verdicts: readonly EndpointVerdict[], features: readonly Feature[], internet: boolean, azCount: number): number {
  const wouldCreate = endpointsFor(features, internet).filter((e) => e.type === "Interface").map((e) => e.suffix);
  const reused = verdicts.filter((v) => v.reuse && wouldCreate.includes(v.suffix)).length;
  return Math.round(reused * azCount * price.INTERFACE_ENDPOINT_PER_AZ_MONTH * 100) / 100;
}

/** What --discover read and decided, for the terminal. */
export function discoveryReport(identity: Identity, details: VpcDetails, discovery: Discovery, answers: { features: readonly Feature[]; internet: boolean }): string[] {
  const chosen = new Set(discovery.subnetIds);
  const saving = reuseSavingUsd(discovery.verdicts, answers.features, answers.internet, discovery.runtimeAzIds.length);
  const passed = new Map((discovery.preselection?.passed ?? []).map((p) => [p.subnet.id, p.reason]));
  return [
    `Read ${vpcLabel(details.vpc)} as ${identity.arn}.`,
    discovery.preselection ? "Subnets (+ chosen: supported, private, at most one per AZ):" : "Subnets (+ given in the answers):",
    ...discovery.views.map((v) => `  ${chosen.has(v.id) ? "+" : "-"} ${subnetLabel(v)}${passed.has(v.id) ? ` (not taken: ${passed.get(v.id)})` : ""}`),
    "Endpoints:",
    ...endpointLines(discovery.verdicts, answers.features, answers.internet),
    ...(saving > 0 ? [`Reusing the VPC's endpoints saves ${price.usd(saving)} a month against creating them.`] : []),
  ];
}

type Raw = Record<string, unknown>;

/** Stands in for absent subnet IDs while the rest of the answers is checked, before the account is read. */
const PROBE_SUBNETS = ["subnet-00000000", "subnet-00000001"];

/** The answers as --discover will complete them, for checking everything else first; refuses answers that name no existing VPC. */
export function probeForDiscovery(raw: Raw, source: string): Raw {
  const vpc = raw.vpc;
  if (typeof vpc !== "object" || vpc === null || Array.isArray(vpc) || !("id" in vpc)) {
    throw new InputError(`--discover reads an existing VPC, but the answers${source} name none: give "vpc": { "id": "vpc-..." } (subnetIds optional).`);
  }
  return "subnetIds" in vpc ? raw : { ...raw, vpc: { ...vpc, subnetIds: PROBE_SUBNETS } };
}

/**
 * --discover: reads the VPC the answers name and fills in what the account says, the
 * subnets only when none are given. Runs once every other answer is known (from the file,
 * the defaults or the wizard), so the endpoints are judged for the features that will be
 * generated. Returns the answers as agentcore-vpc.json will hold them.
 */
export async function discoverAnswers(raw: Raw, context: Context, open: OpenAccount, say: (text: string) => void, source: string): Promise<Raw> {
  const vpc = raw.vpc as Raw;
  const givenSubnets = "subnetIds" in vpc;
  const probe = resolveAnswers(probeForDiscovery(raw, source), context);
  if (!probe.ok) throw new InputError(`Invalid answers${source}:\n${probe.problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
  const answers = probe.answers;
  const id = (answers.vpc as ExistingVpc).id;
  const { reader } = await open(answers.region);
  const identity = await reader.identity();
  const details = await reader.readVpc(id);
  const discovery = discover(details, { ...answers, ...(givenSubnets ? { subnetIds: (answers.vpc as ExistingVpc).subnetIds } : {}) });
  for (const line of discoveryReport(identity, details, discovery, answers)) say(line);
  const refuse = (problems: readonly string[]): never => {
    throw new InputError(`--discover: ${id} cannot hold the runtime as the answers${source} ask:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  };
  if (discovery.vpcProblems.length > 0) refuse(discovery.vpcProblems.map((p) => `${p}: interface endpoints with private DNS do not resolve without both; turn it on for the VPC`));
  if (discovery.subnetProblems.length > 0) refuse(discovery.subnetProblems.map((p) => `vpc.subnetIds: ${p}`));
  const azCount = discovery.runtimeAzIds.length;
  if (azCount < 2) {
    refuse([
      `${discovery.subnetIds.length === 0 ? "no subnet" : `subnets in ${azCount} AZ only`} ${givenSubnets ? "given" : "that AgentCore can use (supported AZ ID, private" + (answers.internet ? ", with an egress path)" : ")")}: it needs them in two supported AZs. Add such subnets, or name vpc.subnetIds.`,
    ]);
  }
  const before = vpc.existingEndpoints;
  if (Array.isArray(before) && JSON.stringify([...before].sort()) !== JSON.stringify([...discovery.existingEndpoints].sort())) {
    say(`vpc.existingEndpoints: the answers said ${JSON.stringify(before)}, the account says ${JSON.stringify(discovery.existingEndpoints)}; the account's is used.`);
  }
  for (const v of discovery.verdicts.filter((x) => x.blocking)) say(`Warning: the VPC's ${v.suffix} endpoint ${v.endpoint.id} will stop the plan until it is fixed: ${v.blocking}.`);
  return { ...raw, vpc: { id, subnetIds: discovery.subnetIds, existingEndpoints: discovery.existingEndpoints } };
}
