import { discover } from "../src/account/discover.js";
import { admitsHttpsFrom, judgeEndpoints } from "../src/account/endpoints.js";
import type { EndpointInfo, SecurityGroupRuleInfo, SubnetInfo } from "../src/account/model.js";
import { preselectSubnets, subnetViews } from "../src/account/subnets.js";
import { resolveAnswers } from "../src/answers/validate.js";
import { planFor } from "../src/plan/plan.js";
import { cidrHolds } from "../src/util/cidr.js";
import { endpoint, REGION, subnet, vpc } from "./fixtures/network-model.js";

/** The judgements over account models: pure, so each case is a hand-built model. */
describe("subnets: tier from the default route, support from the AZ ID", () => {
  test.each([
    ["nat", "nat-gateway", "private"],
    ["tgw", "transit-gateway", "private"],
    ["firewall", "firewall-endpoint", "private"],
    ["appliance", "network-interface", "private"],
    ["igw", "internet-gateway", "public"],
    ["blackhole", "blackhole", "private"],
    ["main", "none", "private"],
  ])("a default route to %s is %s, %s", (table, route, tier) => {
    const [view] = subnetViews(vpc([[subnet("subnet-a", "usw2-az1", "10.0.0.0/20"), table]]), REGION);
    expect([view!.defaultRoute, view!.tier, view!.routeTableId]).toEqual([route, tier, `rtb-${table}`]);
  });

  test("the preselection: supported, private, one per AZ, a way out preferred over none, then more free addresses", () => {
    const views = subnetViews(
      vpc([
        [subnet("subnet-1a", "usw2-az1", "10.0.0.0/20", 100), "main"],
        [subnet("subnet-1b", "usw2-az1", "10.0.16.0/20", 10), "nat"],
        [subnet("subnet-2a", "usw2-az2", "10.0.32.0/20", 50), "tgw"],
        [subnet("subnet-2b", "usw2-az2", "10.0.48.0/20", 500), "tgw"],
        [subnet("subnet-3a", "usw2-az3", "10.0.64.0/20"), "igw"],
        [subnet("subnet-4a", "usw2-az4", "10.0.80.0/20"), "nat"],
        [subnet("subnet-3b", "usw2-az3", "10.0.96.0/20", 0), "nat"],
      ]),
      REGION,
    );
    const { chosen, passed } = preselectSubnets(views, REGION);
    expect(chosen.map((s) => s.id)).toEqual(["subnet-1b", "subnet-2b"]);
    expect(Object.fromEntries(passed.map((p) => [p.subnet.id, p.reason]))).toEqual({
      "subnet-1a": "one subnet per AZ: subnet-1b is taken in usw2-az1",
      "subnet-2a": "one subnet per AZ: subnet-2b is taken in usw2-az2",
      "subnet-3a": "public: its default route goes to internet gateway igw-1, and a runtime ENI there gets no internet",
      "subnet-3b": "no free addresses",
      "subnet-4a": "AZ ID usw2-az4 is not one where AgentCore places runtime ENIs in us-west-2",
    });
  });

  test("with internet, a subnet without a way out is passed over even when it is alone in its AZ", () => {
    const views = subnetViews(vpc([[subnet("subnet-1a", "usw2-az1", "10.0.0.0/20"), "main"], [subnet("subnet-2a", "usw2-az2", "10.0.16.0/20"), "blackhole"]]), REGION);
    expect(preselectSubnets(views, REGION).chosen.map((s) => s.id)).toEqual(["subnet-1a", "subnet-2a"]);
    expect(preselectSubnets(views, REGION, true).passed.map((p) => p.reason)).toEqual(["no internet egress: its default route is none", "no internet egress: its default route is blackhole"]);
  });
});

describe("endpoints: reused, created, or in the way", () => {
  const runtime: [SubnetInfo, string][] = [
    [subnet("subnet-1", "usw2-az1", "10.0.0.0/20"), "nat"],
    [subnet("subnet-2", "usw2-az2", "10.0.16.0/20"), "nat"],
    [subnet("subnet-4", "usw2-az4", "10.0.32.0/20"), "nat"],
  ];
  const ids = ["subnet-1", "subnet-2"];
  const open: SecurityGroupRuleInfo[] = [{ id: "sgr-1", groupId: "sg-e", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.0.0.0/16" }];
  /** The verdict on one endpoint; `rules` null: the rules could not be read. */
  const judge = (e: EndpointInfo, rules: SecurityGroupRuleInfo[] | null = open) => judgeEndpoints(vpc(runtime, [e], rules ?? undefined), REGION, "my_agent", ids, [e.serviceName.split(`${REGION}.`)[1]!])[0];

  test.each([
    ["a usable interface endpoint", endpoint("ecr.api"), { reuse: true, warnings: [] }],
    ["private DNS off", endpoint("ecr.api", { privateDns: false }), { reuse: false, reason: expect.stringContaining("private DNS is off") }],
    ["pending", endpoint("ecr.api", { state: "pending" }), { reuse: true, blocking: "it is pending, not available; with private DNS on, another one cannot be created" }],
    ["only outside the runtime's AZs", endpoint("ecr.api", { subnetIds: ["subnet-4"] }), { reuse: true, blocking: expect.stringContaining("it is only in usw2-az4, none of the runtime's AZs (usw2-az1, usw2-az2)") }],
    ["in one of the runtime's two AZs", endpoint("ecr.api", { subnetIds: ["subnet-1"] }), { reuse: true, warnings: ["not in usw2-az2: runtime ENIs there reach it across AZs"] }],
    ["the S3 gateway on the runtime's route table", endpoint("s3"), { reuse: true, warnings: [] }],
    ["the S3 gateway on other route tables only", endpoint("s3", { routeTableIds: ["rtb-other"] }), { reuse: false, reason: "none is on the runtime's route tables (rtb-nat)" }],
  ])("%s", (_what, e, verdict) => {
    expect(judge(e)).toMatchObject(verdict);
  });

  test("a deleted endpoint is not there, this project's own is not the VPC's, and an absent one gets no verdict", () => {
    const endpoints = [endpoint("logs", { state: "deleted" }), endpoint("ecr.api", { tags: { "agentcore-vpc:name": "my_agent" } })];
    expect(judgeEndpoints(vpc(runtime, endpoints, open), REGION, "my_agent", ids, ["logs", "ecr.api", "ecr.dkr"])).toEqual([]);
    // Another project's endpoint is the VPC's as far as this one is concerned.
    expect(judgeEndpoints(vpc(runtime, endpoints, open), REGION, "other_agent", ids, ["ecr.api"])).toMatchObject([{ suffix: "ecr.api", reuse: true }]);
  });

  test("several S3 gateway endpoints: reused when every runtime table has one's route; a table without one stops the plan", () => {
    const natAndTgw: [SubnetInfo, string][] = [
      [subnet("subnet-1", "usw2-az1", "10.0.0.0/20"), "nat"],
      [subnet("subnet-2", "usw2-az2", "10.0.16.0/20"), "tgw"],
    ];
    const both = [endpoint("s3", { id: "vpce-a", routeTableIds: ["rtb-nat"] }), endpoint("s3", { id: "vpce-b", routeTableIds: ["rtb-tgw"] })];
    expect(judgeEndpoints(vpc(natAndTgw, both, open), REGION, "my_agent", ids, ["s3"])).toMatchObject([{ reuse: true, warnings: [] }]);
    expect(judgeEndpoints(vpc(natAndTgw, both, open), REGION, "my_agent", ids, ["s3"])[0]!.blocking).toBeUndefined();
    expect(judgeEndpoints(vpc(natAndTgw, [both[0]!], open), REGION, "my_agent", ids, ["s3"])[0]).toMatchObject({
      reuse: true,
      blocking: expect.stringContaining("route table rtb-tgw of the runtime's subnets has no S3 gateway endpoint's route"),
    });
  });

  test("the security group check: only rules that admit TCP 443 from CIDRs holding every runtime subnet count", () => {
    const cidrs = ["10.0.0.0/20", "10.0.16.0/20"];
    const rule = (more: Partial<SecurityGroupRuleInfo>): SecurityGroupRuleInfo[] => [{ id: "r", groupId: "sg-e", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.0.0.0/16", ...more }];
    expect(admitsHttpsFrom(rule({}), ["sg-e"], cidrs)).toBe(true);
    expect(admitsHttpsFrom(rule({ protocol: "-1", fromPort: -1, toPort: -1 }), ["sg-e"], cidrs)).toBe(true);
    expect(admitsHttpsFrom(rule({ fromPort: 0, toPort: 65535 }), ["sg-e"], cidrs)).toBe(true);
    expect(admitsHttpsFrom(rule({ cidrIpv4: "10.0.0.0/20" }), ["sg-e"], cidrs)).toBe(false);
    // Rules for each subnet together admit them all.
    expect(admitsHttpsFrom([...rule({ id: "a", cidrIpv4: "10.0.0.0/20" }), ...rule({ id: "b", cidrIpv4: "10.0.16.0/20" })], ["sg-e"], cidrs)).toBe(true);
    expect(admitsHttpsFrom(rule({ fromPort: 80, toPort: 80 }), ["sg-e"], cidrs)).toBe(false);
    expect(admitsHttpsFrom(rule({ egress: true }), ["sg-e"], cidrs)).toBe(false);
    expect(admitsHttpsFrom(rule({ protocol: "udp" }), ["sg-e"], cidrs)).toBe(false);
    expect(admitsHttpsFrom(rule({ groupId: "sg-other" }), ["sg-e"], cidrs)).toBe(false);
    expect(judge(endpoint("ecr.api"), rule({ cidrIpv4: "192.168.0.0/16" }))!.warnings).toEqual([
      "its security groups (sg-e) admit no HTTPS from the runtime's subnets (10.0.0.0/20, 10.0.16.0/20): their owners must add a rule (README.md of the project says which)",
    ]);
    expect(judge(endpoint("ecr.api"), [...rule({ cidrIpv4: undefined, referencedGroupId: "sg-runtime" })])!.warnings).toEqual([
      "its security groups (sg-e) admit HTTPS from security groups sg-runtime, but from no CIDR holding the runtime's subnets (10.0.0.0/20, 10.0.16.0/20): enough only if one of them is the runtime's (the plan checks)",
    ]);
    expect(judge(endpoint("ecr.api"), null)!.warnings).toEqual(["whether its security groups admit the runtime could not be checked: ec2:DescribeSecurityGroupRules was denied"]);
  });

  test("discovery judges every service the runtime calls, with internet too: private DNS sends the runtime to the VPC's endpoint anyway", () => {
    const details = vpc(runtime, [endpoint("s3"), endpoint("ecr.api"), endpoint("bedrock-runtime", { privateDns: false }), endpoint("xray")], open);
    const d = discover(details, { name: "my_agent", region: REGION, features: ["models"], internet: true });
    expect(d.subnetIds).toEqual(["subnet-1", "subnet-2"]);
    expect(d.existingEndpoints).toEqual(["s3", "ecr.api"]);
  });
});

describe("cidrHolds", () => {
  test.each([
    ["10.0.0.0/16", "10.0.16.0/20", true],
    ["0.0.0.0/0", "192.168.1.0/24", true],
    ["10.0.0.0/20", "10.0.16.0/20", false],
    ["10.0.0.0/24", "10.0.0.0/16", false],
    ["10.0.5.0/16", "10.0.200.0/24", true],
    ["not a cidr", "10.0.0.0/16", false],
  ])("%s holds %s: %s", (outer, inner, holds) => {
    expect(cidrHolds(outer, inner)).toBe(holds);
  });
});

describe("answers and plan with vpc.existingEndpoints", () => {
  const base = { region: REGION, features: ["models", "memory"], vpc: { id: "vpc-0123456789abcdef0", subnetIds: ["subnet-01234567", "subnet-89abcdef"] } };

  test.each([
    [{ existingEndpoints: "s3" }, "vpc.existingEndpoints", "Expected an array"],
    [{ existingEndpoints: ["s3", "dynamodb"] }, "vpc.existingEndpoints[1]", "Allowed: s3, ecr.api,"],
    [{ existingEndpoints: ["logs", "logs"] }, "vpc.existingEndpoints[1]", "Listed twice"],
  ])("%j is refused, naming the field", (extra, field, rule) => {
    const resolution = resolveAnswers({ ...base, vpc: { ...base.vpc, ...extra } });
    expect(resolution.ok ? [] : resolution.problems).toEqual([expect.objectContaining({ field, rule: expect.stringContaining(rule) })]);
  });

  test("a new VPC takes no existingEndpoints", () => {
    const resolution = resolveAnswers({ vpc: { cidr: "10.0.0.0/16", existingEndpoints: ["s3"] } });
    expect(resolution.ok ? "" : resolution.problems[0]!.rule).toContain("Mixes a new VPC");
  });

  test("reused endpoints are created by no one, cost nothing, and are kept in catalog order; one the runtime does not call is noted", () => {
    const resolution = resolveAnswers({ ...base, vpc: { ...base.vpc, existingEndpoints: ["monitoring", "ecr.dkr", "s3"] } });
    if (!resolution.ok) throw new Error(JSON.stringify(resolution.problems));
    const plan = planFor(resolution.answers);
    expect(resolution.answers.vpc).toMatchObject({ existingEndpoints: ["s3", "ecr.dkr", "monitoring"] });
    expect(plan.reusedEndpoints.map((e) => e.suffix)).toEqual(["s3", "ecr.dkr"]);
    expect(plan.interfaceEndpoints.map((e) => e.suffix)).toEqual(["ecr.api", "logs", "bedrock-runtime", "bedrock-agentcore", "bedrock-agentcore-control"]);
    expect(plan.cost.map((c) => c.item)).toEqual([
      "5 interface endpoints x up to 2 AZs ($7.30 per AZ-month)",
      "2 endpoints the VPC already has, reused (s3, ecr.dkr)",
      "AgentCore runtime: billed per second of vCPU and memory while sessions run",
      "AgentCore Memory: billed per event stored and long-term record",
    ]);
    expect(plan.notes).toContain("vpc.existingEndpoints lists monitoring, which this runtime does not call: nothing is looked up for it.");
  });

  test("with internet, an existing interface endpoint the runtime calls is still reused", () => {
    const resolution = resolveAnswers({ ...base, internet: true, vpc: { ...base.vpc, existingEndpoints: ["ecr.api"] } });
    if (!resolution.ok) throw new Error(JSON.stringify(resolution.problems));
    expect(planFor(resolution.answers).endpoints.map((e) => `${e.suffix} ${e.reused ? "reused" : "created"}`)).toEqual(["s3 created", "ecr.api reused"]);
  });
});
