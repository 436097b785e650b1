import type { Endpoint, ManagedEni, RouteTable, SecurityGroup, Subnet, Vpc } from "./accounts.js";
import { LEDGER_RUNTIME_GROUP } from "./networks.js";

/** A runtime as the AgentCore control plane keeps it; its ARN is built from the account and region. */
export interface Runtime {
  readonly id: string;
  readonly name: string;
  readonly status: string;
  readonly failureReason?: string;
  readonly roleName: string;
  readonly networkMode?: "VPC" | "PUBLIC";
  readonly subnetIds: readonly string[];
  readonly groupIds: readonly string[];
  readonly image: string;
  readonly serviceS3Endpoint?: boolean;
  /** RFC 3339; after the S3 gateway rollout unless given. */
  readonly createdAt?: string;
  /** Listed, then deleted before it is read: GetAgentRuntime answers not found. */
  readonly vanished?: boolean;
  /** The caller may list it but not read it (a per-resource policy). */
  readonly getDenied?: boolean;
}
export interface Role {
  readonly name: string;
  readonly path?: string;
  readonly trust: unknown;
}
/** A vended-log delivery source: a runtime's log type. */
export interface DeliverySource {
  readonly name: string;
  readonly resourceArn: string;
  readonly logType: string;
}
export interface Delivery {
  readonly id: string;
  readonly sourceName: string;
  readonly destinationArn: string;
}
/** What the runtime account adds to a region of the shared networks; a group replaces the one with its ID, managedEnis replaces theirs. */
export interface RuntimeRegion {
  readonly vpcs?: readonly Vpc[];
  readonly subnets?: readonly Subnet[];
  readonly routeTables?: readonly RouteTable[];
  readonly endpoints?: readonly Endpoint[];
  readonly runtimes: readonly Runtime[];
  readonly deliverySources: readonly DeliverySource[];
  readonly deliveries: readonly Delivery[];
  readonly securityGroups?: readonly SecurityGroup[];
  readonly managedEnis?: readonly ManagedEni[];
}

/** The account of the runtime fixtures. */
export const RUNTIME_ACCOUNT = "210987654321";

/** The trust the generator writes (facts §6). */
export function agentCoreTrust(account: string, conditions = true): unknown {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: "bedrock-agentcore.amazonaws.com" },
        Action: "sts:AssumeRole",
        ...(conditions ? { Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:*:${account}:*` } } } : {}),
      },
    ],
  };
}

export const NETWORK_SLR_ROLE: Role = {
  name: "AWSServiceRoleForBedrockAgentCoreNetwork",
  path: "/aws-service-role/network.bedrock-agentcore.amazonaws.com/",
  trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "network.bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole" }] },
};

export const ROLES: readonly Role[] = [
  NETWORK_SLR_ROLE,
  { name: "ledger_agent-runtime", trust: agentCoreTrust(RUNTIME_ACCOUNT) },
  { name: "billing_agent-runtime", path: "/agents/", trust: agentCoreTrust(RUNTIME_ACCOUNT) },
  // Copied from a sample: the service, but no confused-deputy conditions.
  { name: "intake_agent-role", trust: agentCoreTrust(RUNTIME_ACCOUNT, false) },
  // A role made for ECS and reused.
  { name: "triage_agent-role", trust: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] } },
];

const image = (region: string, repo: string) => `${RUNTIME_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${repo}:1.0.0`;
export const runtimeArn = (region: string, id: string, account = RUNTIME_ACCOUNT) => `arn:aws:bedrock-agentcore:${region}:${account}:runtime/${id}`;
const WEST = "us-west-2";

/** The field reports (facts §10), each a runtime, and a healthy one made as the generator makes it. */
export const RUNTIME_REGIONS: Readonly<Record<string, RuntimeRegion>> = {
  [WEST]: {
    runtimes: [
      // Healthy: the generator's groups in the shared VPC, its trust, logs delivered.
      { id: "ledger_agent-Lq8v2mXr4T", name: "ledger_agent", status: "READY", roleName: "ledger_agent-runtime", subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02"], groupIds: ["sg-0c0ffee00000005e4"], image: image(WEST, "ledger-agent") },
      // Field report: READY, invocations time out, the log group stays empty. The hand-made group
      // allows the endpoints' group but not the S3 prefix list, and no delivery was ever made.
      { id: "intake_agent-H3kPz9WqYb", name: "intake_agent", status: "READY", roleName: "intake_agent-role", subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02"], groupIds: ["sg-0c0ffee00000005e5"], image: image(WEST, "intake-agent") },
    ],
    deliverySources: [
      { name: "ledger_agent-application-logs", resourceArn: runtimeArn(WEST, "ledger_agent-Lq8v2mXr4T"), logType: "APPLICATION_LOGS" },
      // A source someone started for intake_agent's usage logs, with no delivery: nothing is shipped.
      { name: "intake_agent-usage-logs", resourceArn: runtimeArn(WEST, "intake_agent-H3kPz9WqYb"), logType: "USAGE_LOGS" },
    ],
    // ledger_agent's runtime group as the generator makes it for its models: HTTPS to its own endpoints' group too.
    securityGroups: [
      {
        ...LEDGER_RUNTIME_GROUP,
        rules: [...LEDGER_RUNTIME_GROUP.rules, { id: "sgr-0c0ffee000000e403", egress: true, protocol: "tcp", fromPort: 443, toPort: 443, referencedGroupId: "sg-0c0ffee00000005e3" }],
      },
    ],
    deliveries: [{ id: "dlv0ledger0000001", sourceName: "ledger_agent-application-logs", destinationArn: `arn:aws:logs:${WEST}:${RUNTIME_ACCOUNT}:delivery-destination:ledger_agent-logs` }],
    // ledger_agent's interfaces, in use; none lingers.
    managedEnis: [
      { id: "eni-0c0ffee00000aa001", subnetId: "subnet-0c0ffee0000000a01", groupIds: ["sg-0c0ffee00000005e4"], lingersForReads: Infinity },
      { id: "eni-0c0ffee00000aa002", subnetId: "subnet-0c0ffee0000000a02", groupIds: ["sg-0c0ffee00000005e4"], lingersForReads: Infinity },
      { id: "eni-0c0ffee00000aa003", subnetId: "subnet-0c0ffee0000000a01", groupIds: ["sg-0c0ffee00000005e5"], lingersForReads: Infinity },
    ],
  },
  "us-east-1": {
    runtimes: [
      // Field report: UPDATE_FAILED within seconds, no reason given: its second subnet is in use1-az3.
      { id: "billing_agent-Zr7Tn2Vq5K", name: "billing_agent", status: "UPDATE_FAILED", roleName: "billing_agent-runtime", subnetIds: ["subnet-01234567", "subnet-0bad0bad0bad0bad0"], groupIds: ["sg-0b111ee0000000001"], image: image("us-east-1", "billing-agent") },
      // One subnet without a way out, another since deleted, and a logs endpoint whose private DNS is off.
      { id: "relay_agent-Qs5Wd1Hy7U", name: "relay_agent", status: "READY", roleName: "billing_agent-runtime", subnetIds: ["subnet-0d3d3d3d3d3d3d3d3", "subnet-0000000000000dead"], groupIds: ["sg-0b111ee0000000001"], image: image("us-east-1", "relay-agent") },
    ],
    deliverySources: [{ name: "relay_agent-application-logs", resourceArn: runtimeArn("us-east-1", "relay_agent-Qs5Wd1Hy7U"), logType: "APPLICATION_LOGS" }],
    deliveries: [{ id: "dlv0relay00000001", sourceName: "relay_agent-application-logs", destinationArn: `arn:aws:logs:us-east-1:${RUNTIME_ACCOUNT}:delivery-destination:relay_agent-logs` }],
    endpoints: [
      { id: "vpce-0b111ee000000e001", vpcId: "vpc-0123456789abcdef0", service: "logs", type: "Interface", state: "available", privateDns: false, subnetIds: ["subnet-0d3d3d3d3d3d3d3d3"], routeTableIds: [], securityGroupIds: ["sg-0b111ee0000000001"] },
    ],
    securityGroups: [
      { id: "sg-0b111ee0000000001", vpcId: "vpc-0123456789abcdef0", name: "billing-runtime", rules: [{ id: "sgr-0b111ee0000000101", egress: true, protocol: "tcp", fromPort: 443, toPort: 443, cidr: "0.0.0.0/0" }] },
    ],
  },
  "us-east-2": {
    runtimes: [
      // Field report: READY, health checks time out: an isolated VPC with no endpoint at all, and
      // an image in another region. Its role was made for ECS.
      { id: "triage_agent-Pw4Xc8Nd2M", name: "triage_agent", status: "READY", roleName: "triage_agent-role", subnetIds: ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"], groupIds: ["sg-0e2222e0000000001"], image: image("us-east-1", "triage-agent") },
      // CREATE_FAILED with a reason; its VPC has DNS hostnames off and its role was deleted.
      {
        id: "orphan_agent-Jm6Rb3Fs9L",
        name: "orphan_agent",
        status: "CREATE_FAILED",
        failureReason: "Access denied while assuming the execution role arn:aws:iam::210987654321:role/orphan_agent-role.",
        roleName: "orphan_agent-role",
        subnetIds: ["subnet-0d1d1d1d1d1d1d1d1", "subnet-0d2d2d2d2d2d2d2d2"],
        groupIds: ["sg-0e2222e0000000002"],
        image: image("us-east-2", "orphan-agent"),
      },
    ],
    deliverySources: [],
    deliveries: [],
    securityGroups: [
      { id: "sg-0e2222e0000000001", vpcId: "vpc-0a1b2c3d4e5f60718", name: "triage-runtime", rules: [{ id: "sgr-0e2222e0000000101", egress: true, protocol: "-1", fromPort: -1, toPort: -1, cidr: "0.0.0.0/0" }] },
      { id: "sg-0e2222e0000000002", vpcId: "vpc-0d0d0d0d0d0d0d0d0", name: "orphan-runtime", rules: [{ id: "sgr-0e2222e0000000201", egress: true, protocol: "-1", fromPort: -1, toPort: -1, cidr: "0.0.0.0/0" }] },
    ],
    // A deleted runtime's interfaces in triage_agent's subnets, under a group no runtime uses.
    managedEnis: [{ id: "eni-0e2222e00000bb001", subnetId: "subnet-0aa11bb22cc33dd44", groupIds: ["sg-0e2222e0000000099"], lingersForReads: Infinity }],
  },
  // The browser-internet example after its network layer was applied and before its runtime was:
  // what --project finds by the project's tags.
  "eu-west-1": {
    runtimes: [],
    deliverySources: [],
    deliveries: [],
    vpcs: [{ id: "vpc-0e5ea4c000000e001", name: "research_agent", cidr: "172.16.0.0/20", dnsSupport: true, dnsHostnames: true, tags: { "agentcore-vpc:name": "research_agent" } }],
    subnets: [
      { id: "subnet-0e5ea4c00000000a1", vpcId: "vpc-0e5ea4c000000e001", zoneId: "euw1-az1", cidr: "172.16.0.0/23", name: "research_agent-private-euw1-az1" },
      { id: "subnet-0e5ea4c00000000a2", vpcId: "vpc-0e5ea4c000000e001", zoneId: "euw1-az2", cidr: "172.16.2.0/23", name: "research_agent-private-euw1-az2" },
      { id: "subnet-0e5ea4c00000000b1", vpcId: "vpc-0e5ea4c000000e001", zoneId: "euw1-az1", cidr: "172.16.8.0/24", name: "research_agent-public-euw1-az1" },
    ],
    routeTables: [
      { id: "rtb-0e5ea4c00000000a0", vpcId: "vpc-0e5ea4c000000e001", main: true, subnetIds: [], routes: [{ cidr: "172.16.0.0/20", gatewayId: "local" }] },
      { id: "rtb-0e5ea4c00000000a1", vpcId: "vpc-0e5ea4c000000e001", main: false, subnetIds: ["subnet-0e5ea4c00000000a1", "subnet-0e5ea4c00000000a2"], routes: [{ cidr: "172.16.0.0/20", gatewayId: "local" }, { cidr: "0.0.0.0/0", natGatewayId: "nat-0e5ea4c00000000a1" }] },
      { id: "rtb-0e5ea4c00000000b1", vpcId: "vpc-0e5ea4c000000e001", main: false, subnetIds: ["subnet-0e5ea4c00000000b1"], routes: [{ cidr: "172.16.0.0/20", gatewayId: "local" }, { cidr: "0.0.0.0/0", gatewayId: "igw-0e5ea4c00000000b1" }] },
    ],
    securityGroups: [
      {
        id: "sg-0e5ea4c00000000a1",
        vpcId: "vpc-0e5ea4c000000e001",
        name: "research_agent-runtime",
        rules: [{ id: "sgr-0e5ea4c00000000a1", egress: true, protocol: "tcp", fromPort: 443, toPort: 443, cidr: "0.0.0.0/0" }],
        tags: { "agentcore-vpc:name": "research_agent", "agentcore-vpc:role": "runtime" },
      },
    ],
  },
  // A runtime deleted between the list and the read, one the caller may not read, and one made
  // before the S3 gateway rollout, in a VPC without a way out that has no S3 path.
  "ap-northeast-1": {
    runtimes: [
      { id: "ghost_agent-Vn3Kq8Lz1P", name: "ghost_agent", status: "DELETING", roleName: "ledger_agent-runtime", subnetIds: [], groupIds: [], image: image("ap-northeast-1", "ghost-agent"), vanished: true },
      { id: "locked_agent-Tr9Gm4Bc6X", name: "locked_agent", status: "READY", roleName: "ledger_agent-runtime", subnetIds: [], groupIds: [], image: image("ap-northeast-1", "locked-agent"), getDenied: true },
      { id: "veteran_agent-Eh2Ju7Np0S", name: "veteran_agent", status: "READY", roleName: "ledger_agent-runtime", subnetIds: ["subnet-0a9a9a9a9a9a9a9a1", "subnet-0a9a9a9a9a9a9a9a2"], groupIds: ["sg-0a9a9a9a9a9a9a9a1"], image: image("ap-northeast-1", "veteran-agent"), createdAt: "2026-02-01T00:00:00Z" },
    ],
    deliverySources: [{ name: "veteran_agent-application-logs", resourceArn: runtimeArn("ap-northeast-1", "veteran_agent-Eh2Ju7Np0S"), logType: "APPLICATION_LOGS" }],
    deliveries: [{ id: "dlv0veteran000001", sourceName: "veteran_agent-application-logs", destinationArn: `arn:aws:logs:ap-northeast-1:${RUNTIME_ACCOUNT}:delivery-destination:veteran_agent-logs` }],
    vpcs: [{ id: "vpc-0a9a9a9a9a9a9a9a0", cidr: "10.90.0.0/16", dnsSupport: true, dnsHostnames: true }],
    subnets: [
      { id: "subnet-0a9a9a9a9a9a9a9a1", vpcId: "vpc-0a9a9a9a9a9a9a9a0", zoneId: "apne1-az1", cidr: "10.90.0.0/20" },
      { id: "subnet-0a9a9a9a9a9a9a9a2", vpcId: "vpc-0a9a9a9a9a9a9a9a0", zoneId: "apne1-az2", cidr: "10.90.16.0/20" },
    ],
    routeTables: [{ id: "rtb-0a9a9a9a9a9a9a9a0", vpcId: "vpc-0a9a9a9a9a9a9a9a0", main: true, subnetIds: [], routes: [{ cidr: "10.90.0.0/16", gatewayId: "local" }] }],
    endpoints: ["ecr.api", "ecr.dkr", "logs"].map((service, i) => ({
      id: `vpce-0a9a9a9a9a9a9a9e${i}`,
      vpcId: "vpc-0a9a9a9a9a9a9a9a0",
      service,
      type: "Interface" as const,
      state: "available",
      privateDns: true,
      subnetIds: ["subnet-0a9a9a9a9a9a9a9a1", "subnet-0a9a9a9a9a9a9a9a2"],
      routeTableIds: [],
      securityGroupIds: ["sg-0a9a9a9a9a9a9a9e0"],
    })),
    securityGroups: [
      { id: "sg-0a9a9a9a9a9a9a9a1", vpcId: "vpc-0a9a9a9a9a9a9a9a0", name: "veteran-runtime", rules: [{ id: "sgr-0a9a9a9a9a9a9a9a1", egress: true, protocol: "tcp", fromPort: 443, toPort: 443, referencedGroupId: "sg-0a9a9a9a9a9a9a9e0" }] },
      { id: "sg-0a9a9a9a9a9a9a9e0", vpcId: "vpc-0a9a9a9a9a9a9a9a0", name: "veteran-endpoints", rules: [{ id: "sgr-0a9a9a9a9a9a9a9e0", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, referencedGroupId: "sg-0a9a9a9a9a9a9a9a1" }] },
    ],
  },
};
