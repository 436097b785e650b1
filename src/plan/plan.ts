import { ENDPOINT_RULES, endpointsFor, serviceName, type ChosenEndpoint } from "../catalog/endpoints.js";
import * as P from "../catalog/patterns.js";
import * as price from "../catalog/pricing.js";
import { supportedAzIds } from "../catalog/regions.js";
import { isAurora, isExistingVpc, PLACEHOLDER_ACCOUNT, type Answers, type CreatedDatabase } from "../answers/model.js";
import * as D from "../catalog/databases.js";
import { cidrSubnet, formatCidr, parseCidr } from "../util/cidr.js";

export interface PlannedEndpoint extends ChosenEndpoint {
  readonly serviceName: string;
  /** The existing VPC has it (vpc.existingEndpoints): looked up and checked at plan time, never created. */
  readonly reused: boolean;
}

export interface PlannedSubnet {
  /** Existing subnet ID, or undefined for one this project creates. */
  readonly id?: string;
  readonly cidr?: string;
  /** The AZ ID the subnet lands in when the account has the lowest supported IDs. */
  readonly expectedAzId?: string;
  readonly tier: "private" | "public";
}

export interface CostLine {
  readonly item: string;
  readonly monthlyUsd: number;
}

export interface Plan {
  readonly answers: Answers;
  readonly supportedAzIds: readonly string[];
  readonly existingVpc: boolean;
  /** Every endpoint the runtime reaches AWS through: created or reused. */
  readonly endpoints: readonly PlannedEndpoint[];
  /** The interface endpoints this project creates. */
  readonly interfaceEndpoints: readonly PlannedEndpoint[];
  /** The endpoints of the existing VPC the runtime uses. */
  readonly reusedEndpoints: readonly PlannedEndpoint[];
  readonly subnets: readonly PlannedSubnet[];
  /** How many AZs the interface endpoints and runtime ENIs span (at most this many, for existing subnets). */
  readonly azCount: number;
  /** False for existing subnets: their AZs are read at plan time, so azCount is an upper bound. */
  readonly azCountKnown: boolean;
  readonly nat: boolean;
  readonly cost: readonly CostLine[];
  readonly monthlyUsd: number;
  readonly notes: readonly string[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function subnetsOf(answers: Answers, azIds: readonly string[]): PlannedSubnet[] {
  if (isExistingVpc(answers.vpc)) return answers.vpc.subnetIds.map((id) => ({ id, tier: "private" }));
  const vpc = parseCidr(answers.vpc.cidr);
  if (!vpc) throw new Error(`unvalidated CIDR ${answers.vpc.cidr}`);
  const privateSubnets: PlannedSubnet[] = azIds.slice(0, answers.vpc.azCount).map((az, i) => ({
    cidr: formatCidr(cidrSubnet(vpc, P.SUBNET_NEWBITS, i)),
    expectedAzId: az,
    tier: "private",
  }));
  if (!answers.internet) return privateSubnets;
  const publicSubnet: PlannedSubnet = {
    cidr: formatCidr(cidrSubnet(vpc, P.SUBNET_NEWBITS, P.PUBLIC_SUBNET_NETNUM)),
    expectedAzId: azIds[0]!,
    tier: "public",
  };
  return [...privateSubnets, publicSubnet];
}

/**
 * The endpoints the runtime uses. An existing one is reused whenever the runtime calls its
 * service, even with a NAT path: with private DNS the service's name resolves to it anyway.
 */
function plannedEndpoints(answers: Answers): PlannedEndpoint[] {
  const existing = isExistingVpc(answers.vpc) ? answers.vpc.existingEndpoints : [];
  const reused = endpointsFor(answers.features, false).filter((e) => existing.includes(e.suffix));
  const created = endpointsFor(answers.features, answers.internet).filter((e) => !existing.includes(e.suffix));
  return [...reused.map((e) => ({ ...e, reused: true })), ...created.map((e) => ({ ...e, reused: false }))]
    .map((e) => ({ ...e, serviceName: serviceName(answers.region, e.suffix) }))
    .sort((a, b) => ENDPOINT_ORDER.indexOf(a.suffix) - ENDPOINT_ORDER.indexOf(b.suffix));
}

const ENDPOINT_ORDER = ENDPOINT_RULES.map((r) => r.suffix);

/** The database data/ creates: compute at its size (an Aurora cluster at its minimum), and its storage. */
function databaseCost(db: CreatedDatabase): CostLine[] {
  const title = D.ENGINES[db.engine].title;
  if (isAurora(db)) {
    const instances = db.multiAz ? 2 : 1;
    return [
      {
        item: `${title}: ${instances} instance${instances > 1 ? "s (writer and reader)" : ""} at the minimum ${db.capacity.min} ACU (${price.usdRate(D.ACU_PER_HOUR)} per ACU-hour; more under load, up to ${db.capacity.max})`,
        monthlyUsd: round2(instances * db.capacity.min * D.ACU_PER_HOUR * price.HOURS_PER_MONTH),
      },
      { item: `Aurora storage and I/O: billed by use (${price.usdRate(D.AURORA_STORAGE_PER_GB_MONTH)} per GB-month stored)`, monthlyUsd: 0 },
    ];
  }
  const copies = db.multiAz ? 2 : 1;
  return [
    { item: `${title} ${db.instanceClass}${db.multiAz ? " Multi-AZ (primary and standby)" : ""} (${price.usdRate(D.INSTANCE_CLASSES[db.instanceClass]!)} per instance-hour)`, monthlyUsd: round2(copies * D.INSTANCE_CLASSES[db.instanceClass]! * price.HOURS_PER_MONTH) },
    { item: `${db.storageGb} GB gp3 storage${db.multiAz ? " x 2 copies" : ""} (${price.usdRate(D.STORAGE_PER_GB_MONTH)} per GB-month)`, monthlyUsd: round2(copies * db.storageGb * D.STORAGE_PER_GB_MONTH) },
  ];
}

/** The AgentCore resources the runtime uses: none has a monthly fee, each is billed by use (agentcore-facts §9). */
function usageBilled(answers: Answers): CostLine[] {
  const lines: string[] = ["AgentCore runtime: billed per second of vCPU and memory while sessions run"];
  if (answers.memory) lines.push("AgentCore Memory: billed per event stored and long-term record");
  if (answers.gateway && !("arn" in answers.gateway)) lines.push("AgentCore Gateway: billed per tool call and search");
  const browser = answers.browser && (answers.browser.network === "vpc" ? "VPC mode" : answers.browser.recording ? "public mode" : "AWS-managed");
  if (browser) lines.push(`AgentCore Browser (${browser}): billed per second of session vCPU and memory`);
  if (answers.codeInterpreter) lines.push(`AgentCore Code Interpreter (${answers.codeInterpreter.network === "vpc" ? "VPC mode" : "AWS-managed sandbox"}): billed per second of session vCPU and memory`);
  if (answers.browser?.recording) lines.push("S3 bucket of Browser recordings: billed per GB stored and request, kept recording_retention_days (30)");
  return lines.map((item) => ({ item, monthlyUsd: 0 }));
}

/** Everything the generator decides, before any Terraform is synthesized. */
export function planFor(answers: Answers): Plan {
  const azIds = supportedAzIds(answers.region);
  if (!azIds) throw new Error(`unvalidated region ${answers.region}`);
  const endpoints = plannedEndpoints(answers);
  const interfaceEndpoints = endpoints.filter((e) => e.type === "Interface" && !e.reused);
  const reusedEndpoints = endpoints.filter((e) => e.reused);
  // Existing subnets may share AZs; an endpoint takes one subnet per AZ, and a region has this many supported ones.
  const azCount = isExistingVpc(answers.vpc) ? Math.min(answers.vpc.subnetIds.length, azIds.length) : answers.vpc.azCount;
  const azCountKnown = !isExistingVpc(answers.vpc);
  const cost: CostLine[] = [];
  if (interfaceEndpoints.length > 0) {
    cost.push({
      item: `${interfaceEndpoints.length} interface endpoints x ${azCountKnown ? "" : "up to "}${azCount} AZs (${price.usd(price.INTERFACE_ENDPOINT_PER_AZ_MONTH)} per AZ-month)`,
      monthlyUsd: round2(interfaceEndpoints.length * azCount * price.INTERFACE_ENDPOINT_PER_AZ_MONTH),
    });
  }
  if (endpoints.some((e) => e.suffix === "s3" && !e.reused)) cost.push({ item: "S3 gateway endpoint", monthlyUsd: 0 });
  if (reusedEndpoints.length > 0) cost.push({ item: `${reusedEndpoints.length} endpoints the VPC already has, reused (${reusedEndpoints.map((e) => e.suffix).join(", ")})`, monthlyUsd: 0 });
  const nat = answers.internet && !isExistingVpc(answers.vpc);
  if (nat) {
    cost.push({
      item: "NAT gateway and its public IPv4 address",
      monthlyUsd: round2(price.NAT_GATEWAY_PER_MONTH),
    });
  }
  if (answers.rds?.mode === "create") cost.push(...databaseCost(answers.rds));
  cost.push(...usageBilled(answers));
  const notes: string[] = [];
  if (answers.rds?.mode === "create") {
    notes.push(
      "The database has deletion protection and keeps a final snapshot: to delete it, set database_deletion_protection = false in data/terraform.tfvars and apply, then destroy data/. Apply data/ after network/ and before runtime/, which finds the database by its identifier.",
    );
  }
  if (P.parseImage(answers.image)?.account === PLACEHOLDER_ACCOUNT) {
    notes.push(`The image ${answers.image} is a placeholder: set var.image in runtime/terraform.tfvars before applying the runtime layer.`);
  }
  if (isExistingVpc(answers.vpc)) {
    const used = new Set(endpoints.map((e) => e.suffix));
    const unused = answers.vpc.existingEndpoints.filter((s) => !used.has(s));
    if (unused.length > 0) notes.push(`vpc.existingEndpoints lists ${unused.join(", ")}, which this runtime does not call: nothing is looked up for ${unused.length > 1 ? "them" : "it"}.`);
  }
  if (answers.internet && isExistingVpc(answers.vpc)) {
    notes.push(
      "Internet egress uses the existing VPC's own path: the plan fails if a subnet's route table has no 0.0.0.0/0 route, or sends it to an internet gateway (a public subnet). A NAT or transit gateway, a firewall or Gateway Load Balancer endpoint, or an appliance's interface will do.",
    );
  }
  return {
    answers,
    supportedAzIds: azIds,
    existingVpc: isExistingVpc(answers.vpc),
    endpoints,
    interfaceEndpoints,
    reusedEndpoints,
    subnets: subnetsOf(answers, azIds),
    azCount,
    azCountKnown,
    nat,
    cost,
    monthlyUsd: round2(cost.reduce((sum, line) => sum + line.monthlyUsd, 0)),
    notes,
  };
}
