import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Answers } from "../src/answers/model.js";
import { SCENARIOS } from "../scripts/scenarios.js";
import { ACCOUNTS } from "./standin/accounts.js";
import { checkPlan } from "./standin/checks.js";
import { planAgainstStandIn, type PlanResult } from "./standin/plan.js";
import { startStandIn, type StandIn } from "./standin/server.js";
import { eachLimited, EXAMPLES, terraformEnv, tempDir } from "./helpers.js";

/**
 * terraform plan of every example's network layer, with the real hashicorp/aws provider,
 * against the loopback EC2/STS stand-in. All plans run up front, three at a time: about four
 * minutes on two cores, so the hook may take twice that on a busy machine.
 */
const SHUFFLED = "AKIASTANDINSHUFFLED0";
const FEW_AZS = "AKIASTANDINFEWAZS000";

interface Case {
  readonly id: string;
  readonly example: string;
  readonly accessKey: string;
  readonly vars?: Record<string, string>;
  /** Rewrites main.tf of the copy before planning. */
  readonly mutate?: (mainTf: string) => string;
}

const EXTRA: Case[] = [
  { id: "flow-logs", example: "defaults", accessKey: SHUFFLED, vars: { enable_flow_logs: "true" } },
  // Two subnets share use1-az1; endpoints are asked for so that their subnets can be checked.
  { id: "shared-az", example: "existing-vpc-nat", accessKey: SHUFFLED, vars: { subnet_ids: '["subnet-01234567","subnet-0c1c1c1c1c1c1c1c1","subnet-89abcdef"]', interface_endpoints: '["ecr.api","logs"]' } },
  { id: "egress-tgw-firewall", example: "existing-vpc-nat", accessKey: SHUFFLED, vars: { subnet_ids: '["subnet-0e1e1e1e1e1e1e1e1","subnet-0f1f1f1f1f1f1f1f1"]' } },
  { id: "egress-appliance", example: "existing-vpc-nat", accessKey: SHUFFLED, vars: { subnet_ids: '["subnet-0a2a2a2a2a2a2a2a2","subnet-89abcdef"]' } },
  // The VPC's monitoring endpoint admits HTTPS from another network, and from ledger_agent's runtime security group only.
  { id: "reused-unadmitted", example: "existing-vpc-tgw", accessKey: SHUFFLED, vars: { existing_interface_endpoints: '["ecr.api","monitoring"]' } },
  { id: "reused-admitted-by-group", example: "existing-vpc-shared-endpoints", accessKey: SHUFFLED, vars: { existing_interface_endpoints: '["ecr.api","monitoring"]' } },
];

const NEGATIVE: Case[] = [
  { id: "unsupported-subnet", example: "existing-vpc-nat", accessKey: SHUFFLED, vars: { subnet_ids: '["subnet-01234567","subnet-0bad0bad0bad0bad0"]' } },
  { id: "no-dns-hostnames", example: "existing-vpc", accessKey: SHUFFLED, vars: { vpc_id: "vpc-0d0d0d0d0d0d0d0d0", subnet_ids: '["subnet-0d1d1d1d1d1d1d1d1","subnet-0d2d2d2d2d2d2d2d2"]' } },
  { id: "too-few-azs", example: "az-gap", accessKey: FEW_AZS },
  { id: "public-subnet-for-internet", example: "existing-vpc-nat", accessKey: SHUFFLED, vars: { subnet_ids: '["subnet-01234567","subnet-0b1b1b1b1b1b1b1b1"]' } },
  { id: "no-default-route", example: "existing-vpc-nat", accessKey: SHUFFLED, vars: { subnet_ids: '["subnet-01234567","subnet-0d3d3d3d3d3d3d3d3"]' } },
  { id: "one-az", example: "existing-vpc-nat", accessKey: SHUFFLED, vars: { subnet_ids: '["subnet-01234567","subnet-0c1c1c1c1c1c1c1c1"]' } },
  { id: "reused-private-dns-off", example: "existing-vpc-shared-endpoints", accessKey: SHUFFLED, vars: { existing_interface_endpoints: '["ecr.api","bedrock-runtime"]' } },
  { id: "reused-pending", example: "existing-vpc-shared-endpoints", accessKey: SHUFFLED, vars: { existing_interface_endpoints: '["ecr.api","secretsmanager"]' } },
  { id: "reused-outside-runtime-azs", example: "existing-vpc-shared-endpoints", accessKey: SHUFFLED, vars: { existing_interface_endpoints: '["ecr.api","xray"]' } },
  { id: "reused-s3-off-route-table", example: "existing-vpc-shared-endpoints", accessKey: SHUFFLED, vars: { subnet_ids: '["subnet-0c0ffee0000000a01","subnet-0c0ffee0000000a06"]' } },
  // The database's group is in the other VPC of the region.
  { id: "database-in-another-vpc", example: "existing-database", accessKey: SHUFFLED, vars: { database_security_group_id: "sg-0db0db0db0db0db02" } },
  // The answers do not say the VPC has ECR endpoints: creating them would collide with its own.
  { id: "duplicate-interface", example: "existing-vpc-shared-endpoints", accessKey: SHUFFLED, vars: { existing_interface_endpoints: '["logs"]', interface_endpoints: '["ecr.api","ecr.dkr","bedrock-runtime"]' } },
  {
    // What the classic bug looks like: the first az_count AZs in name order.
    id: "by-az-name",
    example: "defaults",
    accessKey: SHUFFLED,
    mutate: (tf) => tf.replace(/az_ids = slice\(sort\(([^)]*)\), 0,/, "az_ids = slice(data.aws_availability_zones.all.zone_ids, 0,") + '\ndata "aws_availability_zones" "all" {\n  state = "available"\n}\n',
  },
];

const CASES: Case[] = [...SCENARIOS.map((s) => ({ id: s.name, example: s.name, accessKey: SHUFFLED })), ...EXTRA, ...NEGATIVE];

const oneLine = (text: string): string => text.replace(/\s+/g, " ");

describe("terraform plan of the network layer against the EC2 stand-in", () => {
  let standIn: StandIn;
  const results = new Map<string, PlanResult>();

  beforeAll(async () => {
    const env = await terraformEnv(await tempDir("agentcore-vpc-plan-env-"));
    standIn = await startStandIn();
    await eachLimited(CASES, 3, async (c) => {
      let dir = join(EXAMPLES, c.example, "network");
      if (c.mutate) {
        const copy = await tempDir("agentcore-vpc-mutant-");
        await cp(dir, copy, { recursive: true });
        await writeFile(join(copy, "main.tf"), c.mutate(await readFile(join(copy, "main.tf"), "utf8")));
        dir = copy;
      }
      results.set(c.id, await planAgainstStandIn(dir, standIn, env, c.accessKey, c.vars));
    });
  }, 600_000);

  afterAll(() => standIn?.close());

  function answersOf(example: string): Promise<Answers> {
    return readFile(join(EXAMPLES, example, "agentcore-vpc.json"), "utf8").then((t) => JSON.parse(t) as Answers);
  }

  test("the stand-in answered every call the plans made", () => {
    expect(standIn.unsupported).toEqual([]);
    expect(new Set(standIn.calls)).toEqual(
      new Set([
        "sts GetCallerIdentity",
        "ec2 DescribeAvailabilityZones",
        "ec2 DescribeVpcs",
        "ec2 DescribeVpcAttribute",
        "ec2 DescribeSubnets",
        "ec2 DescribeRouteTables",
        "ec2 DescribeNetworkInterfaces",
        "ec2 DescribeVpcEndpoints",
        "ec2 DescribePrefixLists",
        "ec2 DescribeSecurityGroups",
        "ec2 DescribeSecurityGroupRules",
      ]),
    );
  });

  test.each(SCENARIOS.map((s) => s.name))("%s plans exactly what the generator intends", async (name) => {
    const result = results.get(name)!;
    if (!result.ok) throw new Error(`plan of ${name} failed:\n${result.error}`);
    const answers = await answersOf(name);
    expect(checkPlan(result.plan, answers, ACCOUNTS[SHUFFLED]!.regions[answers.region]!)).toEqual([]);
  });

  /** The resources a successful plan creates; a failed plan fails the test with terraform's output. */
  function planned(id: string): { address: string; after: Record<string, unknown> }[] {
    const result = results.get(id)!;
    if (!result.ok) throw new Error(`plan ${id} failed:\n${result.error}`);
    return (result.plan.resource_changes ?? []).map((c) => ({ address: c.address, after: c.change.after ?? {} }));
  }

  test("the planned endpoints are the exact service names", () => {
    const names = (id: string): string[] =>
      planned(id)
        .filter((c) => c.address.startsWith("aws_vpc_endpoint."))
        .map((c) => `${String(c.after.service_name)} ${String(c.after.vpc_endpoint_type)}`)
        .sort();
    expect(names("private-minimal")).toEqual([
      "com.amazonaws.us-east-1.bedrock-runtime Interface",
      "com.amazonaws.us-east-1.ecr.api Interface",
      "com.amazonaws.us-east-1.ecr.dkr Interface",
      "com.amazonaws.us-east-1.logs Interface",
      "com.amazonaws.us-east-1.s3 Gateway",
    ]);
    expect(names("browser-internet")).toEqual(["com.amazonaws.eu-west-1.s3 Gateway"]);
  });

  test("subnets land in the supported AZ IDs even though the account's AZ names are shuffled", () => {
    const zones = (id: string): string[] =>
      planned(id)
        .filter((c) => c.address.startsWith("aws_subnet.private"))
        .map((c) => String(c.after.availability_zone_id))
        .sort();
    // us-east-1a is use1-az3 here; ap-northeast-1 supports az1, az2 and az4 but not az3.
    expect(zones("defaults")).toEqual(["use1-az1", "use1-az2"]);
    expect(zones("az-gap")).toEqual(["apne1-az1", "apne1-az2", "apne1-az4"]);
  });

  test("existing subnets may share an AZ: each interface endpoint takes the first subnet of each AZ", () => {
    const endpoints = planned("shared-az").filter((c) => c.address.startsWith("aws_vpc_endpoint.interface"));
    expect(endpoints.map((e) => e.after.subnet_ids)).toEqual([
      ["subnet-01234567", "subnet-89abcdef"],
      ["subnet-01234567", "subnet-89abcdef"],
    ]);
  });

  test.each(["egress-tgw-firewall", "egress-appliance"])("%s: a default route to a transit gateway, a firewall endpoint or an appliance is internet egress", (id) => {
    expect(planned(id).some((c) => c.address === "aws_security_group.runtime")).toBe(true);
  });

  test("an existing VPC's S3, ECR, logs and AgentCore endpoints are reused: only the missing one is created, and the runtime reaches every one", () => {
    // ledger_agent's own bedrock-runtime endpoint from an earlier apply is its own, not a collision; for scout_agent it is the VPC's, and reused.
    const created = (id: string): string[] =>
      planned(id)
        .filter((c) => c.address.startsWith("aws_vpc_endpoint."))
        .map((c) => String(c.after.service_name));
    // Its bedrock-runtime endpoint has private DNS off, so one with private DNS is made, and it has no control-plane
    // endpoint, which Memory needs; through the transit gateway none is needed.
    expect(created("existing-vpc-shared-endpoints")).toEqual(["com.amazonaws.us-west-2.bedrock-agentcore-control", "com.amazonaws.us-west-2.bedrock-runtime"]);
    expect(created("existing-vpc-tgw")).toEqual([]);
    const egress = planned("existing-vpc-shared-endpoints").filter((c) => c.address.startsWith("aws_vpc_security_group_egress_rule."));
    expect(egress.map((c) => [c.address, c.after.referenced_security_group_id ?? c.after.prefix_list_id ?? null])).toEqual([
      ["aws_vpc_security_group_egress_rule.runtime_to_endpoints", null],
      ['aws_vpc_security_group_egress_rule.runtime_to_existing_endpoints["sg-0c0ffee00000005e1"]', "sg-0c0ffee00000005e1"],
      ["aws_vpc_security_group_egress_rule.runtime_to_s3", "pl-63a5400a"],
    ]);
  });

  /** What terraform printed for a plan that succeeded, on one line per paragraph. */
  function output(id: string): string {
    const result = results.get(id)!;
    if (!result.ok) throw new Error(`plan ${id} failed:\n${result.error}`);
    return oneLine(result.output);
  }

  test("a reused endpoint missing from some of the runtime's AZs, or one whose security group does not admit the runtime, is a warning naming it", () => {
    const shared = output("existing-vpc-shared-endpoints");
    expect(shared).toContain("Reused endpoints missing from some of the runtime's AZs: bedrock-agentcore (vpce-0c0ffee000000e009) is not in usw2-az2, usw2-az3.");
    expect(shared).not.toContain("admit no HTTPS");
    expect(output("reused-unadmitted")).toContain("These reused endpoints admit no HTTPS from the runtime: monitoring (vpce-0c0ffee000000e006, security groups sg-0c0ffee00000005e2).");
    // The same endpoint admits ledger_agent's runtime security group, found by this project's tags.
    expect(output("reused-admitted-by-group")).not.toContain("admit no HTTPS");
  });

  test("flow logs, when turned on, plan a KMS-encrypted log group with a rotating key", async () => {
    const created = planned("flow-logs");
    const one = (address: string) => created.find((c) => c.address === address)?.after;
    expect(one("aws_flow_log.this[0]")).toMatchObject({ traffic_type: "ALL", log_destination_type: "cloud-watch-logs", max_aggregation_interval: 600 });
    expect(one("aws_kms_key.logs[0]")).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    expect(one("aws_cloudwatch_log_group.flow_logs[0]")).toMatchObject({ name: "/aws/vpc-flow-logs/support_agent", retention_in_days: 90 });
    expect(one("aws_iam_role.flow_logs[0]")).toMatchObject({ name: "support_agent-flow-logs" });
    expect(planned("defaults").some((c) => c.address.startsWith("aws_flow_log."))).toBe(false);
  });

  test.each([
    ["unsupported-subnet", "an existing subnet in an unsupported AZ", "Subnet subnet-0bad0bad0bad0bad0 is in AZ ID use1-az3, where AgentCore cannot place runtime ENIs"],
    ["no-dns-hostnames", "an existing VPC without DNS hostnames", "VPC vpc-0d0d0d0d0d0d0d0d0 must have DNS support and DNS hostnames enabled"],
    ["too-few-azs", "an account with fewer supported AZs than az_count", "This account has 2 of the AgentCore-supported AZ IDs in ap-northeast-1 (apne1-az1, apne1-az2, apne1-az4) available, fewer than az_count = 3"],
    ["public-subnet-for-internet", "internet egress through a subnet routed to an internet gateway", "Route table rtb-0bbbbbbbbbbbbbbbb sends 0.0.0.0/0 to internet gateway igw-0123456789abcdef0: its subnets are public"],
    ["no-default-route", "internet egress through a subnet with no default route", "Route table rtb-0d3d3d3d3d3d3d3d3 used by the runtime subnets has no 0.0.0.0/0 route"],
    ["one-az", "existing subnets all in one AZ", "The subnets in subnet_ids are all in use1-az1: AgentCore needs the runtime's subnets in at least two supported AZs"],
    ["reused-private-dns-off", "a reused interface endpoint without private DNS", "VPC vpc-0c0ffee0c0ffee001 has no interface endpoint with private DNS for bedrock-runtime, listed in existing_interface_endpoints"],
    ["reused-pending", "a reused endpoint that is not available", "Reused endpoints that are not available: secretsmanager (vpce-0c0ffee000000e008) is pending."],
    ["reused-outside-runtime-azs", "a reused endpoint in none of the runtime's AZs", "Reused endpoints in none of the runtime's AZs (usw2-az1, usw2-az2, usw2-az3): xray (vpce-0c0ffee000000e007) is only in usw2-az4"],
    ["reused-s3-off-route-table", "a runtime subnet's route table without a reused S3 gateway endpoint's route", "Route table rtb-0c0ffee00000000a3 of the runtime's subnets has no route to an S3 gateway endpoint (prefix list pl-63a5400a)"],
    ["database-in-another-vpc", "an existing database's group in another VPC", "The database security group sg-0db0db0db0db0db02 is in vpc-0d0d0d0d0d0d0d0d0, not in the runtime's VPC"],
    ["duplicate-interface", "an interface endpoint the VPC already has with private DNS", 'VPC vpc-0c0ffee0c0ffee001 already has an interface endpoint with private DNS for com.amazonaws.us-west-2.ecr.api (vpce-0c0ffee000000e002), so another one cannot be created. Add "ecr.api" to vpc.existingEndpoints'],
  ])("%s: %s fails the plan with a clear message", (id, _what, message) => {
    const result = results.get(id)!;
    expect(result.ok ? "the plan succeeded" : oneLine(result.error)).toContain(message);
  });

  test("an existing database: its own group admits the runtime on the database port, and the runtime may reach it there", () => {
    const rules = planned("existing-database").filter((c) => c.address.includes("database"));
    expect(rules.map((c) => [c.address, c.after.security_group_id ?? null, c.after.referenced_security_group_id ?? null, c.after.from_port, c.after.to_port])).toEqual([
      ["aws_vpc_security_group_egress_rule.runtime_to_database", null, "sg-0db0db0db0db0db01", 5432, 5432],
      ["aws_vpc_security_group_ingress_rule.database_from_runtime", "sg-0db0db0db0db0db01", null, 5432, 5432],
    ]);
    expect(planned("existing-database").some((c) => c.address === "aws_security_group.database")).toBe(false);
  });

  test("the checks catch a generator that picks subnets by AZ name", async () => {
    const result = results.get("by-az-name")!;
    if (!result.ok) throw new Error(result.error);
    const problems = checkPlan(result.plan, await answersOf("defaults"), ACCOUNTS[SHUFFLED]!.regions["us-east-1"]!);
    expect(problems).toContain("private subnet in AZ ID use1-az3, which AgentCore does not support (supported: use1-az1, use1-az2, use1-az4)");
  });
});
