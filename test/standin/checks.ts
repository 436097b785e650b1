import { isExistingVpc, type Answers } from "../../src/answers/model.js";
import { supportedAzIds } from "../../src/catalog/regions.js";
import { planFor } from "../../src/plan/plan.js";
import { S3_PREFIX_LIST, type Region } from "./accounts.js";
import type { PlanJson } from "./plan.js";

type After = Record<string, unknown>;

function created(plan: PlanJson, type: string, name?: string): After[] {
  return (plan.resource_changes ?? [])
    .filter((c) => c.mode === "managed" && c.type === type && (name === undefined || c.name === name) && c.change.actions.includes("create"))
    .map((c) => c.change.after ?? {});
}

/**
 * What a plan of the network layer must contain for these answers in this account.
 * Returns the problems found; an empty list means the plan is right.
 */
export function checkPlan(plan: PlanJson, answers: Answers, region: Region): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };
  const supported = supportedAzIds(answers.region)!;
  const newVpc = !isExistingVpc(answers.vpc);

  // Endpoints: exactly the catalog's set less what the VPC has, by full service name and type.
  const intended = planFor(answers);
  const endpoints = created(plan, "aws_vpc_endpoint").map((e) => `${e.service_name as string} ${e.vpc_endpoint_type as string}`).sort();
  const wanted = intended.endpoints.filter((e) => !e.reused).map((e) => `${e.serviceName} ${e.type}`).sort();
  expect(JSON.stringify(endpoints) === JSON.stringify(wanted), `endpoints ${JSON.stringify(endpoints)}, expected ${JSON.stringify(wanted)}`);
  const egress = created(plan, "aws_vpc_security_group_egress_rule");
  if (isExistingVpc(answers.vpc)) {
    const vpcId = answers.vpc.id;
    // None duplicates one the VPC has (not this project's own): an interface endpoint with private DNS, or an S3 gateway on one of the same route tables.
    const has = region.endpoints.filter((e) => e.vpcId === vpcId && e.tags?.["agentcore-vpc:name"] !== answers.name);
    for (const e of created(plan, "aws_vpc_endpoint")) {
      const twin = has.find(
        (h) =>
          `com.amazonaws.${answers.region}.${h.service}` === e.service_name &&
          h.type === e.vpc_endpoint_type &&
          (h.type === "Gateway" ? h.routeTableIds.some((t) => (e.route_table_ids as string[]).includes(t)) : h.privateDns),
      );
      expect(twin === undefined, `${e.service_name as string} is created although the VPC has ${twin?.id}`);
    }
    // The runtime reaches each reused one: HTTPS to one of its security groups, or to the S3 prefix list.
    for (const r of intended.reusedEndpoints) {
      const theirs = region.endpoints.find((e) => e.vpcId === vpcId && e.service === r.suffix && e.type === r.type);
      if (!theirs) {
        problems.push(`the fixture VPC has no ${r.suffix} endpoint to reuse`);
        continue;
      }
      const reaches = egress.some(
        (g) => g.from_port === 443 && g.to_port === 443 && (r.type === "Gateway" ? g.prefix_list_id === S3_PREFIX_LIST : theirs.securityGroupIds.includes(g.referenced_security_group_id as string)),
      );
      expect(reaches, `no HTTPS egress from the runtime to the reused ${r.suffix} endpoint ${theirs.id}`);
    }
  }
  for (const e of created(plan, "aws_vpc_endpoint")) {
    if (e.vpc_endpoint_type === "Interface") expect(e.private_dns_enabled === true, `${e.service_name as string} has private DNS off`);
  }

  // Existing subnets may share an AZ, but an interface endpoint takes one subnet in each of their AZs.
  if (isExistingVpc(answers.vpc)) {
    const zoneOf = (id: string): string | undefined => region.subnets.find((s) => s.id === id)?.zoneId;
    const zones = [...new Set(answers.vpc.subnetIds.map(zoneOf))].sort();
    for (const e of created(plan, "aws_vpc_endpoint").filter((x) => x.vpc_endpoint_type === "Interface")) {
      const endpointZones = (e.subnet_ids as string[]).map(zoneOf);
      expect(JSON.stringify([...endpointZones].sort()) === JSON.stringify(zones), `${e.service_name as string} in subnets of ${endpointZones.join(", ")}, expected one in each of ${zones.join(", ")}`);
    }
  }

  // Subnets: in supported AZ IDs, distinct, the lowest the account has.
  if (newVpc) {
    const azIds = created(plan, "aws_subnet", "private").map((s) => s.availability_zone_id as string);
    const available = region.zones.map((z) => z.id).filter((id) => supported.includes(id)).sort();
    const lowest = available.slice(0, answers.vpc.azCount);
    for (const id of azIds) expect(supported.includes(id), `private subnet in AZ ID ${id}, which AgentCore does not support (supported: ${supported.join(", ")})`);
    expect(new Set(azIds).size === azIds.length, `private subnets share an AZ ID: ${azIds.join(", ")}`);
    expect(JSON.stringify([...azIds].sort()) === JSON.stringify(lowest), `private subnets in ${azIds.join(", ")}, expected ${lowest.join(", ")}`);
    for (const s of created(plan, "aws_subnet")) expect(s.availability_zone === null || s.availability_zone === undefined, "a subnet is placed by AZ name");
  }

  // Internet path: NAT, IGW and a public subnet exactly when a new VPC needs internet.
  const nat = answers.internet && newVpc;
  for (const type of ["aws_nat_gateway", "aws_internet_gateway", "aws_eip"]) {
    expect(created(plan, type).length === (nat ? 1 : 0), `${type}: ${created(plan, type).length} planned with internet ${answers.internet} in a ${newVpc ? "new" : "existing"} VPC`);
  }
  expect(created(plan, "aws_subnet", "public").length === (nat ? 1 : 0), "public subnet planned without a NAT gateway, or missing with one");
  const defaultRoutes = created(plan, "aws_route").filter((r) => r.destination_cidr_block === "0.0.0.0/0");
  expect(defaultRoutes.length === (nat ? 2 : 0), `${defaultRoutes.length} default routes planned`);

  // Security groups: nothing inbound from the world; world egress only with internet.
  const ingress = created(plan, "aws_vpc_security_group_ingress_rule");
  for (const r of ingress) expect(r.cidr_ipv4 !== "0.0.0.0/0" && r.cidr_ipv6 !== "::/0", `ingress from the world: ${r.description as string}`);
  for (const sg of created(plan, "aws_security_group")) {
    expect(((sg.ingress as unknown[] | undefined) ?? []).length === 0, `inline ingress on ${sg.name as string}`);
  }
  // HTTPS of the runtime (and of a VPC-mode Code Interpreter) with internet; a VPC-mode Browser's web traffic, HTTP and HTTPS.
  const worldEgress = egress.filter((r) => r.cidr_ipv4 === "0.0.0.0/0" || r.cidr_ipv6 === "::/0");
  const https = worldEgress.filter((r) => r.from_port === 443 && r.to_port === 443 && !String(r.description).startsWith("HTTPS to websites"));
  const web = worldEgress.filter((r) => String(r.description).includes("to websites"));
  const interpreterInVpc = answers.codeInterpreter?.network === "vpc";
  expect(https.length === (answers.internet ? (interpreterInVpc ? 2 : 1) : 0), `${https.length} HTTPS egress rules to the world with internet ${answers.internet}`);
  expect(web.length === (answers.browser?.network === "vpc" ? 2 : 0) && worldEgress.length === https.length + web.length, `world egress: ${worldEgress.map((r) => r.description as string).join("; ")}`);
  expect(egress.some((r) => r.description === "HTTPS to S3 through the gateway endpoint (image layers)" && r.from_port === 443), "no HTTPS egress to the S3 prefix list");

  // The database port, both ways, only with RDS.
  const dbRules = [...ingress, ...egress].filter((r) => r.from_port !== 443 && !web.includes(r));
  // In an existing VPC the endpoints created serve its other workloads too (private DNS): HTTPS from each VPC CIDR.
  if (isExistingVpc(answers.vpc) && intended.interfaceEndpoints.length > 0) {
    const cidr = region.vpcs.find((v) => v.id === (answers.vpc as { id: string }).id)?.cidr;
    expect(ingress.some((r) => r.cidr_ipv4 === cidr && r.from_port === 443), `endpoints admit no HTTPS from the VPC's CIDR ${cidr}`);
  }
  if (answers.rds) {
    const port = answers.rds.port;
    expect(dbRules.length === 2 && dbRules.every((r) => r.from_port === port && r.to_port === port && r.ip_protocol === "tcp"), `database rules ${JSON.stringify(dbRules.map((r) => r.from_port))}, expected port ${port} both ways`);
  } else {
    expect(dbRules.length === 0, "database port rules without RDS");
  }
  return problems;
}
