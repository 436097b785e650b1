import type { SecurityGroupRuleInfo, SubnetInfo, VpcDetails } from "../src/account/model.js";
import { restoreEnvAfterEach, runCli, standInCredentials } from "./helpers.js";
import { NETWORK_RULES } from "../src/doctor/rules/index.js";
import { runRules } from "../src/doctor/run.js";
import type { NetworkTarget } from "../src/doctor/target.js";
import { formatDuration, inScope, parseDuration } from "../src/cli/wait-enis.js";
import { endpoint, https, REGION, subnet, vpc } from "./fixtures/network-model.js";
import { startStandIn, type StandIn } from "./standin/server.js";

/** A network the generator would make: private subnets in two supported AZs, behind NAT, with ECR, S3 and logs endpoints open to the runtime. */
const HEALTHY_SUBNETS: [SubnetInfo, string][] = [
  [subnet("subnet-1", "usw2-az1", "10.0.0.0/20"), "nat"],
  [subnet("subnet-2", "usw2-az2", "10.0.16.0/20"), "nat"],
];
const ENDPOINT_INGRESS = [https("sgr-in", "sg-e", { referencedGroupId: "sg-r" })];
const RUNTIME_EGRESS = [https("sgr-e", "sg-r", { egress: true, referencedGroupId: "sg-e" }), https("sgr-s3", "sg-r", { egress: true, prefixListId: "pl-s3" })];

function target(details: VpcDetails, more: Partial<NetworkTarget> = {}): NetworkTarget {
  return { region: REGION, details, subnetIds: ["subnet-1", "subnet-2"], groupIds: ["sg-r"], groupRules: RUNTIME_EGRESS, features: [], ...more };
}

const healthy = (): NetworkTarget => target(vpc(HEALTHY_SUBNETS, [endpoint("s3"), endpoint("ecr.api"), endpoint("ecr.dkr"), endpoint("logs")], ENDPOINT_INGRESS));
const isolated = (endpoints = [endpoint("s3"), endpoint("ecr.api"), endpoint("ecr.dkr"), endpoint("logs")]): VpcDetails =>
  vpc([[subnet("subnet-1", "usw2-az1", "10.0.0.0/20"), "main"], [subnet("subnet-2", "usw2-az2", "10.0.16.0/20"), "nat"]], endpoints.map((e) => (e.type === "Gateway" ? { ...e, routeTableIds: ["rtb-main", "rtb-nat"] } : e)), ENDPOINT_INGRESS);

/** Each rule, with a target that makes it fire and what its finding names. */
const FIRES: [string, NetworkTarget, string][] = [
  ["subnet-az-unsupported", target(vpc([...HEALTHY_SUBNETS, [subnet("subnet-4", "usw2-az4", "10.0.32.0/20"), "nat"]], [], ENDPOINT_INGRESS), { subnetIds: ["subnet-1", "subnet-4"] }), "subnet-4"],
  ["subnet-single-az", target(vpc([[subnet("subnet-1", "usw2-az1", "10.0.0.0/20"), "nat"], [subnet("subnet-3", "usw2-az1", "10.0.48.0/20"), "nat"]], [], ENDPOINT_INGRESS), { subnetIds: ["subnet-1", "subnet-3"] }), "subnet-1, subnet-3"],
  ["subnet-public-route", target(vpc([HEALTHY_SUBNETS[0]!, [subnet("subnet-2", "usw2-az2", "10.0.16.0/20"), "igw"]], [], ENDPOINT_INGRESS)), "subnet-2"],
  ["vpc-dns-off", target({ ...healthy().details, dnsHostnames: false }), "vpc-1"],
  ["endpoint-missing", target(isolated([endpoint("s3"), endpoint("ecr.api"), endpoint("logs")])), `com.amazonaws.${REGION}.ecr.dkr`],
  ["endpoint-private-dns-off", target(isolated([endpoint("s3"), endpoint("ecr.api"), endpoint("ecr.dkr"), endpoint("logs", { privateDns: false })])), "vpce-logs"],
  ["endpoint-az-gap", target(vpc(HEALTHY_SUBNETS, [endpoint("ecr.api", { subnetIds: ["subnet-1"] })], ENDPOINT_INGRESS)), "vpce-ecr.api"],
  ["sg-egress-endpoints", target(vpc(HEALTHY_SUBNETS, [endpoint("ecr.api")], ENDPOINT_INGRESS), { groupRules: [RUNTIME_EGRESS[1]!] }), "vpce-ecr.api"],
  ["sg-ingress-endpoints", target(vpc(HEALTHY_SUBNETS, [endpoint("ecr.api")], [https("sgr-in", "sg-e", { cidrIpv4: "10.0.0.0/20" })])), "vpce-ecr.api"],
  ["sg-egress-s3", target(vpc(HEALTHY_SUBNETS, [endpoint("s3")], ENDPOINT_INGRESS), { groupRules: [RUNTIME_EGRESS[0]!] }), "sg-r"],
];

describe("each doctor rule fires on its cause and stays quiet without it", () => {
  test("every rule has a case", () => {
    expect(FIRES.map(([id]) => id).sort()).toEqual(NETWORK_RULES.map((r) => r.id).sort());
  });

  test("a healthy network gives no finding, and every rule ran", () => {
    expect(runRules(healthy())).toEqual({ findings: [], checked: NETWORK_RULES.map((r) => r.id), notChecked: [] });
  });

  test.each(FIRES)("%s", (id, broken, resource) => {
    const report = runRules(broken);
    expect(report.findings.filter((f) => f.id === id).map((f) => f.resource)).toEqual([resource]);
    const finding = report.findings.find((f) => f.id === id)!;
    expect([finding.severity, finding.message.length > 0, finding.evidence.length > 0, finding.fix.length > 0]).toEqual([NETWORK_RULES.find((r) => r.id === id)!.severity, true, true, true]);
  });

  test("HTTPS by CIDR counts both ways: to 0.0.0.0/0 for S3 and the endpoints, from the subnets' CIDRs into an endpoint", () => {
    const open: SecurityGroupRuleInfo[] = [https("sgr-any", "sg-r", { egress: true, protocol: "-1", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0" })];
    const byCidr = target(vpc(HEALTHY_SUBNETS, [endpoint("s3"), endpoint("ecr.api")], [https("a", "sg-e", { cidrIpv4: "10.0.0.0/20" }), https("b", "sg-e", { cidrIpv4: "10.0.16.0/20" })]), { groupRules: open });
    expect(runRules(byCidr).findings).toEqual([]);
  });

  test("without the runtime's security groups, or when their rules are denied, the rules that need them are reported as not checked", () => {
    expect(runRules({ ...healthy(), groupIds: [], groupRules: [] }).notChecked.map((n) => n.id)).toEqual(["sg-egress-endpoints", "sg-egress-s3"]);
    const denied = runRules({ ...healthy(), groupRules: undefined, groupRulesError: "ec2:DescribeSecurityGroupRules was denied", details: { ...healthy().details, endpointGroupRules: undefined, endpointGroupRulesError: "denied too" } });
    expect(denied.notChecked).toEqual([
      { id: "sg-egress-endpoints", reason: "ec2:DescribeSecurityGroupRules was denied" },
      { id: "sg-ingress-endpoints", reason: "denied too" },
      { id: "sg-egress-s3", reason: "ec2:DescribeSecurityGroupRules was denied" },
    ]);
  });
});

describe("create-agentcore-vpc doctor against the stand-in", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn?.close());
  restoreEnvAfterEach();

  /** The doctor in-process, signed in as an identity of the stand-in. */
  function run(args: string[], accessKey = "AKIASTANDINSHUFFLED0") {
    Object.assign(process.env, standInCredentials(standIn.url, accessKey));
    return runCli(["doctor", ...args], process.cwd(), { env: { AWS_ENDPOINT_URL: standIn.url } });
  }

  test("the runtime network ledger_agent uses: no finding, exit 0", async () => {
    const result = await run(["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--security-groups", "sg-0c0ffee00000005e4"]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain("vpc-0c0ffee0c0ffee001 in us-west-2 (account 111122223333), runtime subnets subnet-0c0ffee0000000a01, subnet-0c0ffee0000000a02, subnet-0c0ffee0000000a03 (the supported private subnets, one per AZ): 0 errors, 0 warnings.");
  });

  test("a hand-made runtime network: each problem with the resource, the evidence and the fix; exit 1; --json", async () => {
    const args = ["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--subnets", "subnet-0c0ffee0000000a01,subnet-0c0ffee0000000a04,subnet-0c0ffee0000000a05", "--security-groups", "sg-0c0ffee00000005e5", "--features", "observability"];
    const result = await run([...args, "--json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { account: string; findings: { id: string; severity: string; resource: string }[]; checked: string[] };
    expect(report.account).toBe("111122223333");
    expect(report.findings.map((f) => `${f.severity} ${f.id} ${f.resource}`)).toEqual([
      "error subnet-az-unsupported subnet-0c0ffee0000000a04",
      "error subnet-public-route subnet-0c0ffee0000000a05",
      "error sg-egress-endpoints vpce-0c0ffee000000e006",
      "error sg-ingress-endpoints vpce-0c0ffee000000e006",
      "error sg-egress-s3 sg-0c0ffee00000005e5",
      // The ECR, logs and monitoring endpoints are not in the unsupported AZ the runtime was given; xray is only there.
      "warning endpoint-az-gap vpce-0c0ffee000000e002",
      "warning endpoint-az-gap vpce-0c0ffee000000e003",
      "warning endpoint-az-gap vpce-0c0ffee000000e004",
      "warning endpoint-az-gap vpce-0c0ffee000000e007",
      "warning endpoint-az-gap vpce-0c0ffee000000e006",
    ]);
    expect(report.checked).toEqual(NETWORK_RULES.map((r) => r.id));
    const text = (await run(args)).stdout;
    expect(text).toContain("  [sg-egress-s3] sg-0c0ffee00000005e5: The runtime reaches S3 through a gateway endpoint, but its security groups allow no HTTPS to the S3 prefix list");
    expect(text).toContain("      fix:  aws ec2 authorize-security-group-egress --region us-west-2 --group-id sg-0c0ffee00000005e5 --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId=pl-63a5400a}]'");
  });

  test("a VPC without DNS hostnames and without a way out or endpoints", async () => {
    const result = await run(["--vpc", "vpc-0d0d0d0d0d0d0d0d0", "--region", "us-east-2", "--json"]);
    expect(result.code).toBe(1);
    const ids = (JSON.parse(result.stdout) as { findings: { id: string; resource: string }[] }).findings.map((f) => `${f.id} ${f.resource}`);
    expect(ids).toEqual([
      "vpc-dns-off vpc-0d0d0d0d0d0d0d0d0",
      "endpoint-missing com.amazonaws.us-east-2.s3",
      "endpoint-missing com.amazonaws.us-east-2.ecr.api",
      "endpoint-missing com.amazonaws.us-east-2.ecr.dkr",
      "endpoint-missing com.amazonaws.us-east-2.logs",
    ]);
  });

  test("a denied call ends nothing: the rules it feeds are not checked, naming the permission", async () => {
    const result = await run(["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--security-groups", "sg-0c0ffee00000005e4"], "AKIASTANDINNOSGRULES");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Not checked:\n  [sg-egress-endpoints] ec2:DescribeSecurityGroupRules was denied");
  });

  test.each([
    [[], "doctor: --vpc is needed"],
    [["--vpc", "vpc-x"], 'doctor --vpc: got "vpc-x"'],
    [["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--features", "models,telepathy"], 'doctor --features: got "telepathy"'],
    [["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--subnets", "subnet-0aa11bb22cc33dd44"], "doctor --subnets: subnet-0aa11bb22cc33dd44 is not in vpc-0c0ffee0c0ffee001"],
    [["--vpc", "vpc-0c0ffee0c0ffee0ff", "--region", "us-west-2"], "VPC vpc-0c0ffee0c0ffee0ff was not found in us-west-2 (ec2:DescribeVpcs)"],
  ])("%j: exit 2 with the reason", async (args, message) => {
    const result = await run(args);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
  });

  test("the stand-in answered every call", () => {
    expect(standIn.unsupported).toEqual([]);
  });
});

describe("doctor --wait-for-enis", () => {
  restoreEnvAfterEach();

  /** A stand-in of its own: its interfaces go away as they are read. */
  async function waitOn(args: string[]) {
    const standIn = await startStandIn();
    try {
      Object.assign(process.env, standInCredentials(standIn.url, "AKIASTANDINSHUFFLED0"));
      const result = await runCli(["doctor", "--wait-for-enis", "--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", ...args], process.cwd(), { env: { AWS_ENDPOINT_URL: standIn.url } });
      expect(standIn.unsupported).toEqual([]);
      return { ...result, calls: standIn.calls.filter((c) => c === "ec2 DescribeNetworkInterfaces").length };
    } finally {
      await standIn.close();
    }
  }

  test("polls until AgentCore has released every interface, showing how many are left, then exits 0", async () => {
    const result = await waitOn(["--interval", "0.02s"]);
    expect([result.code, result.calls]).toEqual([0, 4]);
    expect(result.stderr.split("\n").map((l) => l.replace(/waited \d+s/, "waited Ns"))).toEqual([
      "2 AgentCore network interfaces left in vpc-0c0ffee0c0ffee001, waited Ns",
      "2 AgentCore network interfaces left in vpc-0c0ffee0c0ffee001, waited Ns",
      "1 AgentCore network interface left in vpc-0c0ffee0c0ffee001, waited Ns",
      "",
    ]);
    expect(result.stdout).toMatch(/^No AgentCore network interface is left in vpc-0c0ffee0c0ffee001 \(waited \d+s\): the network layer can be destroyed\.\n$/);
  });

  test("only the named subnets or security groups count", async () => {
    const result = await waitOn(["--interval", "0.02s", "--subnets", "subnet-0c0ffee0000000a01"]);
    expect([result.code, result.calls]).toEqual([0, 3]);
    expect(result.stderr).toContain("1 AgentCore network interface left in vpc-0c0ffee0c0ffee001, subnets subnet-0c0ffee0000000a01");
  });

  test("gives up after --timeout with exit 1, naming what is left", async () => {
    const result = await waitOn(["--interval", "5s", "--timeout", "0.05s"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("2 AgentCore network interfaces are still in vpc-0c0ffee0c0ffee001 after 0s: eni-0c0ffee00000aa001, eni-0c0ffee00000aa002.");
  });

  test.each([
    [["--timeout", "8h"], "doctor: --timeout and --interval go with --wait-for-enis."],
    [["--wait-for-enis", "--timeout", "soon"], '--timeout: got "soon". Expected a duration such as 8h, 30m or 90s.'],
  ])("%j is refused", async (args, message) => {
    const result = await runCli(["doctor", "--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", ...args], process.cwd());
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
  });

  test("durations and the scope", () => {
    expect([parseDuration("t", "8h"), parseDuration("t", "30m"), parseDuration("t", "1.5s")]).toEqual([28_800_000, 1_800_000, 1_500]);
    expect(() => parseDuration("--timeout", "0s")).toThrow('--timeout: got "0s"');
    expect([formatDuration(59_000), formatDuration(61_000), formatDuration(3_720_000)]).toEqual(["59s", "1m 1s", "1h 2m"]);
    const enis = [
      { id: "eni-a", subnetId: "subnet-1", securityGroupIds: ["sg-r"] },
      { id: "eni-b", subnetId: "subnet-2", securityGroupIds: ["sg-other"] },
    ];
    expect(inScope(enis, { vpcId: "vpc-1", groupIds: [] }).map((e) => e.id)).toEqual(["eni-a", "eni-b"]);
    expect(inScope(enis, { vpcId: "vpc-1", groupIds: ["sg-r"] }).map((e) => e.id)).toEqual(["eni-a"]);
    expect(inScope(enis, { vpcId: "vpc-1", subnetIds: ["subnet-2"], groupIds: ["sg-r"] }).map((e) => e.id)).toEqual(["eni-a", "eni-b"]);
  });
});
