import type { ManagedEniInfo, SecurityGroupRuleInfo, SubnetInfo, VpcDetails } from "../src/account/model.js";
import { servesS3, type Read, type RuntimeInfo } from "../src/account/runtime.js";
import { RULES } from "../src/doctor/rules/index.js";
import { runRules } from "../src/doctor/run.js";
import type { DoctorTarget, NetworkTarget, RuntimeTarget } from "../src/doctor/target.js";
import { endpoint, https, REGION, subnet, vpc } from "./fixtures/network-model.js";

const ACCOUNT = "111122223333";

/** A network the generator would make: private subnets in two supported AZs, behind NAT, with ECR, S3 and logs endpoints open to the runtime. */
const HEALTHY_SUBNETS: [SubnetInfo, string][] = [
  [subnet("subnet-1", "usw2-az1", "10.0.0.0/20"), "nat"],
  [subnet("subnet-2", "usw2-az2", "10.0.16.0/20"), "nat"],
];
const ENDPOINT_INGRESS = [https("sgr-in", "sg-e", { referencedGroupId: "sg-r" })];
const RUNTIME_EGRESS = [https("sgr-e", "sg-r", { egress: true, referencedGroupId: "sg-e" }), https("sgr-s3", "sg-r", { egress: true, prefixListId: "pl-s3" })];

const RUNTIME: RuntimeInfo = {
  id: "support_agent-Ab12Cd34Ef",
  arn: `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/support_agent-Ab12Cd34Ef`,
  name: "support_agent",
  status: "READY",
  createdAt: "2026-09-01T00:00:00.000Z",
  roleArn: `arn:aws:iam::${ACCOUNT}:role/support_agent-runtime`,
  networkMode: "VPC",
  subnetIds: ["subnet-1", "subnet-2"],
  groupIds: ["sg-r"],
  containerUri: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/support-agent:1.0.0`,
};
const TRUST = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:*` } } }],
};
const ENI: ManagedEniInfo = { id: "eni-1", subnetId: "subnet-1", securityGroupIds: ["sg-r"] };

function network(details: VpcDetails, more: Partial<NetworkTarget> = {}): NetworkTarget {
  return { region: REGION, details, subnetIds: ["subnet-1", "subnet-2"], groupIds: ["sg-r"], groupRules: RUNTIME_EGRESS, features: [], managedEnis: [ENI], runtimes: [RUNTIME], ...more };
}
const healthyNetwork = (more: Partial<NetworkTarget> = {}): NetworkTarget =>
  network(vpc(HEALTHY_SUBNETS, [endpoint("s3"), endpoint("ecr.api"), endpoint("ecr.dkr"), endpoint("logs")], ENDPOINT_INGRESS), more);
const isolated = (endpoints = [endpoint("s3"), endpoint("ecr.api"), endpoint("ecr.dkr"), endpoint("logs")]): VpcDetails =>
  vpc([[subnet("subnet-1", "usw2-az1", "10.0.0.0/20"), "main"], [subnet("subnet-2", "usw2-az2", "10.0.16.0/20"), "nat"]], endpoints.map((e) => (e.type === "Gateway" ? { ...e, routeTableIds: ["rtb-main", "rtb-nat"] } : e)), ENDPOINT_INGRESS);

/** A network check, as --vpc makes one. */
function net(n: NetworkTarget, serviceLinkedRole: Read<boolean> = true): DoctorTarget {
  return { network: n, account: { region: REGION, serviceLinkedRole } };
}

/** A runtime check: the runtime as the generator makes it, in `n`. */
function rt(runtime: Partial<RuntimeInfo> = {}, more: Partial<RuntimeTarget> = {}, n: NetworkTarget | undefined = healthyNetwork()): DoctorTarget {
  const r = { ...RUNTIME, ...runtime };
  const target: RuntimeTarget = {
    region: REGION,
    account: ACCOUNT,
    runtime: r,
    role: { name: "support_agent-runtime", arn: r.roleArn, trust: TRUST },
    deliveries: { sources: [{ name: "support-logs", resourceArns: [r.arn], logType: "APPLICATION_LOGS" }], deliveries: [{ sourceName: "support-logs", destinationArn: "arn:aws:logs:::delivery-destination:d" }] },
    missingSubnets: [],
    ...(n ? { network: n } : {}),
    ...more,
  };
  return { ...(target.network ? { network: target.network } : {}), runtime: target, account: { region: REGION, serviceLinkedRole: true } };
}

/** Each rule, with a target that makes it fire and what its finding names. */
const FIRES: [string, DoctorTarget, string][] = [
  ["runtime-failed", rt({ status: "UPDATE_FAILED" }), RUNTIME.id],
  ["subnet-missing", rt({}, { missingSubnets: ["subnet-9"] }), "subnet-9"],
  ["subnet-az-unsupported", net(network(vpc([...HEALTHY_SUBNETS, [subnet("subnet-4", "usw2-az4", "10.0.32.0/20"), "nat"]], [], ENDPOINT_INGRESS), { subnetIds: ["subnet-1", "subnet-4"] })), "subnet-4"],
  ["subnet-single-az", net(network(vpc([[subnet("subnet-1", "usw2-az1", "10.0.0.0/20"), "nat"], [subnet("subnet-3", "usw2-az1", "10.0.48.0/20"), "nat"]], [], ENDPOINT_INGRESS), { subnetIds: ["subnet-1", "subnet-3"] })), "subnet-1, subnet-3"],
  ["subnet-public-route", net(network(vpc([HEALTHY_SUBNETS[0]!, [subnet("subnet-2", "usw2-az2", "10.0.16.0/20"), "igw"]], [], ENDPOINT_INGRESS))), "subnet-2"],
  ["vpc-dns-off", net(healthyNetwork({ details: { ...healthyNetwork().details, dnsHostnames: false } })), "vpc-1"],
  ["endpoint-missing", net(network(isolated([endpoint("s3"), endpoint("ecr.api"), endpoint("logs")]))), `com.amazonaws.${REGION}.ecr.dkr`],
  ["image-cross-region", rt({ containerUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.0.0` }, {}, network(isolated())), `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.0.0`],
  ["endpoint-private-dns-off", net(network(isolated([endpoint("s3"), endpoint("ecr.api"), endpoint("ecr.dkr"), endpoint("logs", { privateDns: false })]))), "vpce-logs"],
  ["endpoint-az-gap", net(network(vpc(HEALTHY_SUBNETS, [endpoint("ecr.api", { subnetIds: ["subnet-1"] })], ENDPOINT_INGRESS))), "vpce-ecr.api"],
  ["sg-egress-endpoints", net(network(vpc(HEALTHY_SUBNETS, [endpoint("ecr.api")], ENDPOINT_INGRESS), { groupRules: [RUNTIME_EGRESS[1]!] })), "vpce-ecr.api"],
  ["sg-ingress-endpoints", net(network(vpc(HEALTHY_SUBNETS, [endpoint("ecr.api")], [https("sgr-in", "sg-e", { cidrIpv4: "10.0.0.0/20" })]))), "vpce-ecr.api"],
  ["sg-egress-s3", net(network(vpc(HEALTHY_SUBNETS, [endpoint("s3")], ENDPOINT_INGRESS), { groupRules: [RUNTIME_EGRESS[0]!] })), "sg-r"],
  ["role-missing", rt({}, { role: undefined }), RUNTIME.roleArn],
  ["role-trust", rt({}, { role: { name: "support_agent-runtime", arn: RUNTIME.roleArn, trust: { Statement: [{ ...TRUST.Statement[0], Condition: undefined }] } } }), RUNTIME.roleArn],
  ["observability-off", rt({}, { deliveries: { sources: [], deliveries: [] } }), RUNTIME.id],
  ["eni-lingering", net(healthyNetwork({ managedEnis: [{ id: "eni-old", subnetId: "subnet-2", securityGroupIds: ["sg-old"] }], runtimes: [] })), "eni-old"],
  ["slr-missing", net(healthyNetwork(), false), "AWSServiceRoleForBedrockAgentCoreNetwork"],
];

const ids = (t: DoctorTarget): string[] => runRules(t).findings.map((f) => f.id);

describe("each doctor rule fires on its cause and stays quiet without it", () => {
  test("every rule has a case", () => {
    expect(FIRES.map(([id]) => id).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  test("a healthy runtime in a healthy network gives no finding, and every rule ran", () => {
    expect(runRules(rt())).toEqual({ findings: [], checked: RULES.map((r) => r.id), notChecked: [] });
  });

  test("a healthy network alone: only the network and account rules run", () => {
    expect(runRules(net(healthyNetwork()))).toEqual({ findings: [], checked: RULES.filter((r) => r.scope !== "runtime").map((r) => r.id), notChecked: [] });
  });

  test.each(FIRES)("%s", (id, broken, resource) => {
    const report = runRules(broken);
    expect(report.findings.filter((f) => f.id === id).map((f) => f.resource)).toEqual([resource]);
    const finding = report.findings.find((f) => f.id === id)!;
    expect([finding.severity, finding.message.length > 0, finding.evidence.length > 0, finding.fix.length > 0]).toEqual([RULES.find((r) => r.id === id)!.severity, true, true, true]);
  });

  test("HTTPS by CIDR counts both ways: to 0.0.0.0/0 for S3 and the endpoints, from the subnets' CIDRs into an endpoint", () => {
    const open: SecurityGroupRuleInfo[] = [https("sgr-any", "sg-r", { egress: true, protocol: "-1", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0" })];
    const byCidr = network(vpc(HEALTHY_SUBNETS, [endpoint("s3"), endpoint("ecr.api")], [https("a", "sg-e", { cidrIpv4: "10.0.0.0/20" }), https("b", "sg-e", { cidrIpv4: "10.0.16.0/20" })]), { groupRules: open });
    expect(ids(net(byCidr))).toEqual([]);
  });

  test("without the runtime's security groups, or when their rules are denied, the rules that need them are reported as not checked", () => {
    expect(runRules(net({ ...healthyNetwork(), groupIds: [], groupRules: [] })).notChecked.map((n) => n.id)).toEqual(["sg-egress-endpoints", "sg-egress-s3"]);
    const denied = runRules(net({ ...healthyNetwork(), groupRules: undefined, groupRulesError: "ec2:DescribeSecurityGroupRules was denied", details: { ...healthyNetwork().details, endpointGroupRules: undefined, endpointGroupRulesError: "denied too" } }));
    expect(denied.notChecked).toEqual([
      { id: "sg-egress-endpoints", reason: "ec2:DescribeSecurityGroupRules was denied" },
      { id: "sg-ingress-endpoints", reason: "denied too" },
      { id: "sg-egress-s3", reason: "ec2:DescribeSecurityGroupRules was denied" },
    ]);
  });

  test("a denied read leaves only its rules unchecked", () => {
    const unread = { unread: "iam:GetRole was denied" };
    const report = runRules({ ...rt({}, { role: unread, deliveries: { unread: "logs:DescribeDeliverySources was denied" } }), account: { region: REGION, serviceLinkedRole: unread } });
    expect(report.notChecked.map((n) => n.id)).toEqual(["role-missing", "role-trust", "observability-off", "slr-missing"]);
    expect(runRules(net(healthyNetwork({ runtimes: { unread: "bedrock-agentcore:ListAgentRuntimes was denied" } }))).notChecked).toEqual([{ id: "eni-lingering", reason: "bedrock-agentcore:ListAgentRuntimes was denied" }]);
  });
});

describe("the runtime rules' edges", () => {
  test("runtime-failed gives the API's reason, or says there is none; a status that is not a failure is quiet", () => {
    const [withReason] = runRules(rt({ status: "CREATE_FAILED", failureReason: "Subnet subnet-1 is not in a supported AZ." })).findings;
    expect(withReason!.message).toBe("Runtime support_agent is CREATE_FAILED: Subnet subnet-1 is not in a supported AZ.");
    expect(runRules(rt({ status: "UPDATE_FAILED" })).findings[0]!.message).toContain("the API gives no reason");
    expect(["READY", "CREATING", "UPDATING", "DELETING"].flatMap((status) => ids(rt({ status })))).toEqual([]);
  });

  test("image-cross-region: quiet with a NAT path, for an image in the region, for a registry that is not ECR, and in PUBLIC mode", () => {
    const elsewhere = `${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/a:1`;
    expect(ids(rt({ containerUri: elsewhere }))).toEqual([]);
    expect(ids(rt({}, {}, network(isolated())))).toEqual([]);
    expect(ids(rt({ containerUri: "public.ecr.aws/agents/a:1" }, {}, network(isolated())))).toEqual([]);
    expect(ids(rt({ containerUri: elsewhere, networkMode: "PUBLIC" }, {}, undefined))).toEqual([]);
    expect(runRules(rt({ containerUri: elsewhere }, {}, network(isolated()))).findings[0]!.fix).toContain(`${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/a`);
  });

  test("role-trust reads any condition operator, keys in any case, and lists; names what is missing", () => {
    const trust = (statement: Record<string, unknown>) => rt({}, { role: { name: "r", arn: RUNTIME.roleArn, trust: { Statement: statement } } });
    const like = { Effect: "Allow", Principal: { Service: ["ec2.amazonaws.com", "bedrock-agentcore.amazonaws.com"] }, Action: ["sts:AssumeRole", "sts:TagSession"], Condition: { StringLike: { "AWS:SourceAccount": ACCOUNT }, ArnEquals: { "aws:sourcearn": "arn:aws:bedrock-agentcore:*" } } };
    expect(ids(trust(like))).toEqual([]);
    const onlyAccount = runRules(trust({ ...like, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } })).findings;
    expect(onlyAccount.map((f) => f.message)).toEqual([expect.stringContaining("without aws:SourceArn:")]);
    expect(runRules(trust({ ...like, Effect: "Deny" })).findings[0]!.message).toContain("does not let bedrock-agentcore.amazonaws.com assume it");
  });

  test("role-trust: conditions that name another account or resource admit no runtime of this one", () => {
    const trust = (condition: Record<string, unknown>) => rt({}, { role: { name: "r", arn: RUNTIME.roleArn, trust: { Statement: [{ ...TRUST.Statement[0], Condition: condition }] } } });
    const otherAccount = runRules(trust({ StringEquals: { "aws:SourceAccount": "999999999999" }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:*` } })).findings;
    expect(otherAccount.map((f) => f.message)).toEqual([expect.stringContaining("its conditions do not match this runtime")]);
    const otherRegion = runRules(trust({ StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:eu-west-1:${ACCOUNT}:*` } })).findings;
    expect(otherRegion.map((f) => f.id)).toEqual(["role-trust"]);
    expect(ids(trust({ StringEquals: { "aws:SourceAccount": [ACCOUNT, "999999999999"] }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/support_agent-*` } }))).toEqual([]);
    // The fix keeps the runtime's partition.
    const china = runRules(rt({ arn: `arn:aws-cn:bedrock-agentcore:${REGION}:${ACCOUNT}:runtime/support_agent-Ab12Cd34Ef` }, { role: { name: "r", arn: RUNTIME.roleArn, trust: "not a policy" } })).findings;
    expect(china[0]!.fix).toContain(`"aws:SourceArn":"arn:aws-cn:bedrock-agentcore:${REGION}:${ACCOUNT}:*"`);
  });

  test("observability-off counts only application or usage logs that are delivered", () => {
    const source = (logType: string) => ({ name: "s", resourceArns: [RUNTIME.arn], logType });
    const delivered = [{ sourceName: "s", destinationArn: "d" }];
    expect(ids(rt({}, { deliveries: { sources: [source("USAGE_LOGS")], deliveries: delivered } }))).toEqual([]);
    expect(ids(rt({}, { deliveries: { sources: [source("TRACES")], deliveries: delivered } }))).toEqual(["observability-off"]);
    const undelivered = runRules(rt({}, { deliveries: { sources: [source("APPLICATION_LOGS")], deliveries: [] } })).findings[0]!;
    expect(undelivered.evidence).toContain("no delivery from it");
    expect(ids(rt({}, { deliveries: { sources: [{ ...source("APPLICATION_LOGS"), resourceArns: ["arn:other"] }], deliveries: delivered } }))).toEqual(["observability-off"]);
  });

  test("observability-off: a generated project that chose no observability is not faulted for it", () => {
    const report = runRules(rt({}, { deliveries: { sources: [], deliveries: [] }, observabilityDeclined: true }));
    expect([report.findings, report.notChecked.map((n) => n.id)]).toEqual([[], ["observability-off"]]);
  });

  test("eni-lingering: an interface a live runtime uses is quiet, and so is one outside the runtime's subnets and groups; one a deleting runtime held is not", () => {
    expect(ids(net(healthyNetwork()))).toEqual([]);
    expect(ids(net(healthyNetwork({ runtimes: [{ ...RUNTIME, status: "DELETING" }] })))).toEqual(["eni-lingering"]);
    expect(ids(net(healthyNetwork({ managedEnis: [{ ...ENI, subnetId: "subnet-elsewhere", securityGroupIds: ["sg-other"] }], runtimes: [] })))).toEqual([]);
  });

  test("servesS3: the service's own S3 gateway until opted out, for runtimes made before the rollout only", () => {
    expect(servesS3({ createdAt: "2026-02-01T00:00:00.000Z" })).toBe(true);
    expect(servesS3({ createdAt: "2026-02-01T00:00:00.000Z", serviceS3Endpoint: false })).toBe(false);
    expect(servesS3({ createdAt: "2026-09-01T00:00:00.000Z" })).toBe(false);
    expect(servesS3({ createdAt: "2026-09-01T00:00:00.000Z", serviceS3Endpoint: true })).toBe(true);
  });

  test("a runtime that keeps the service's own S3 gateway needs no S3 path from the VPC", () => {
    const noS3 = network(isolated([endpoint("ecr.api"), endpoint("ecr.dkr"), endpoint("logs")]), { groupRules: [RUNTIME_EGRESS[0]!] });
    expect(ids(net(noS3))).toEqual(["endpoint-missing"]);
    expect(ids(net({ ...noS3, serviceS3Endpoint: true }))).toEqual([]);
  });
});
