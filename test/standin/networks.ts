import type { Endpoint, Region, Route, SecurityGroup } from "./accounts.js";
import { S3_PREFIX_LIST } from "./region-facts.js";

const local = (cidr: string): Route => ({ cidr, gatewayId: "local" });

/** ledger_agent's runtime group: HTTPS to the shared endpoints' group and to the S3 prefix list, as this project makes it. */
export const LEDGER_RUNTIME_GROUP: SecurityGroup = {
  id: "sg-0c0ffee00000005e4",
  vpcId: "vpc-0c0ffee0c0ffee001",
  name: "ledger_agent-runtime",
  rules: [
    { id: "sgr-0c0ffee000000e401", egress: true, protocol: "tcp", fromPort: 443, toPort: 443, referencedGroupId: "sg-0c0ffee00000005e1" },
    { id: "sgr-0c0ffee000000e402", egress: true, protocol: "tcp", fromPort: 443, toPort: 443, prefixListId: S3_PREFIX_LIST },
  ],
  tags: { "agentcore-vpc:name": "ledger_agent", "agentcore-vpc:role": "runtime" },
};

/** An interface endpoint of the shared VPC: private DNS on, in its three supported AZs, HTTPS open to the VPC. */
const SHARED_INTERFACE: Omit<Endpoint, "id" | "service"> = {
  vpcId: "vpc-0c0ffee0c0ffee001",
  type: "Interface",
  state: "available",
  privateDns: true,
  subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02", "subnet-0c0ffee0000000a03"],
  routeTableIds: [],
  securityGroupIds: ["sg-0c0ffee00000005e1"],
};

/** The existing networks the examples and the negative cases point at. */
export const EXISTING: Readonly<Record<string, Partial<Omit<Region, "zones">>>> = {
  "us-east-2": {
    vpcs: [
      { id: "vpc-0a1b2c3d4e5f60718", cidr: "10.1.0.0/16", dnsSupport: true, dnsHostnames: true },
      { id: "vpc-0d0d0d0d0d0d0d0d0", cidr: "10.2.0.0/16", dnsSupport: true, dnsHostnames: false },
    ],
    subnets: [
      { id: "subnet-0aa11bb22cc33dd44", vpcId: "vpc-0a1b2c3d4e5f60718", zoneId: "use2-az1", cidr: "10.1.0.0/20" },
      { id: "subnet-0ee55ff66aa77bb88", vpcId: "vpc-0a1b2c3d4e5f60718", zoneId: "use2-az2", cidr: "10.1.16.0/20" },
      { id: "subnet-0d1d1d1d1d1d1d1d1", vpcId: "vpc-0d0d0d0d0d0d0d0d0", zoneId: "use2-az1", cidr: "10.2.0.0/20" },
      { id: "subnet-0d2d2d2d2d2d2d2d2", vpcId: "vpc-0d0d0d0d0d0d0d0d0", zoneId: "use2-az2", cidr: "10.2.16.0/20" },
    ],
    routeTables: [
      // The first VPC's subnets use its main route table implicitly.
      { id: "rtb-0a0a0a0a0a0a0a0a0", vpcId: "vpc-0a1b2c3d4e5f60718", main: true, subnetIds: [], routes: [local("10.1.0.0/16")] },
      { id: "rtb-0d0d0d0d0d0d0d0d0", vpcId: "vpc-0d0d0d0d0d0d0d0d0", main: true, subnetIds: [], routes: [local("10.2.0.0/16")] },
    ],
    // Databases' own groups: one in the first VPC, one in the second.
    securityGroups: [
      { id: "sg-0db0db0db0db0db01", vpcId: "vpc-0a1b2c3d4e5f60718", name: "inventory-db", rules: [] },
      { id: "sg-0db0db0db0db0db02", vpcId: "vpc-0d0d0d0d0d0d0d0d0", name: "other-db", rules: [] },
      // The group the network layer of the created-database example made, found by data/ by its tags.
      { id: "sg-0db0db0db0db0db03", vpcId: "vpc-0a1b2c3d4e5f60718", name: "payments_agent-database", rules: [], tags: { "agentcore-vpc:name": "payments_agent", "agentcore-vpc:role": "database" } },
    ],
  },
  "us-east-1": {
    vpcs: [{ id: "vpc-0123456789abcdef0", name: "platform", cidr: "10.9.0.0/16", dnsSupport: true, dnsHostnames: true }],
    subnets: [
      { id: "subnet-01234567", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az1", cidr: "10.9.0.0/20" },
      { id: "subnet-89abcdef", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az2", cidr: "10.9.16.0/20" },
      { id: "subnet-0fedcba987654321f", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az4", cidr: "10.9.32.0/20" },
      { id: "subnet-0bad0bad0bad0bad0", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az3", cidr: "10.9.48.0/20" },
      { id: "subnet-0b1b1b1b1b1b1b1b1", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az4", cidr: "10.9.64.0/20" },
      // A second subnet in use1-az1, and subnets whose default route is a transit gateway, a firewall endpoint, an appliance, or nothing.
      { id: "subnet-0c1c1c1c1c1c1c1c1", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az1", cidr: "10.9.80.0/20" },
      { id: "subnet-0e1e1e1e1e1e1e1e1", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az2", cidr: "10.9.96.0/20" },
      { id: "subnet-0f1f1f1f1f1f1f1f1", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az4", cidr: "10.9.112.0/20" },
      { id: "subnet-0a2a2a2a2a2a2a2a2", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az1", cidr: "10.9.128.0/20" },
      { id: "subnet-0d3d3d3d3d3d3d3d3", vpcId: "vpc-0123456789abcdef0", zoneId: "use1-az2", cidr: "10.9.144.0/20" },
    ],
    routeTables: [
      { id: "rtb-0123456789abcdef0", vpcId: "vpc-0123456789abcdef0", main: true, subnetIds: [], routes: [local("10.9.0.0/16")] },
      {
        id: "rtb-0aaaaaaaaaaaaaaaa",
        vpcId: "vpc-0123456789abcdef0",
        main: false,
        subnetIds: ["subnet-01234567", "subnet-89abcdef", "subnet-0fedcba987654321f", "subnet-0bad0bad0bad0bad0", "subnet-0c1c1c1c1c1c1c1c1"],
        routes: [local("10.9.0.0/16"), { cidr: "0.0.0.0/0", natGatewayId: "nat-0123456789abcdef0" }],
      },
      // A public subnet: its default route goes to an internet gateway, not a NAT gateway.
      {
        id: "rtb-0bbbbbbbbbbbbbbbb",
        vpcId: "vpc-0123456789abcdef0",
        main: false,
        subnetIds: ["subnet-0b1b1b1b1b1b1b1b1"],
        routes: [local("10.9.0.0/16"), { cidr: "0.0.0.0/0", gatewayId: "igw-0123456789abcdef0" }],
      },
      { id: "rtb-0eeeeeeeeeeeeeeee", vpcId: "vpc-0123456789abcdef0", main: false, subnetIds: ["subnet-0e1e1e1e1e1e1e1e1"], routes: [local("10.9.0.0/16"), { cidr: "0.0.0.0/0", transitGatewayId: "tgw-0123456789abcdef0" }] },
      { id: "rtb-0fffffffffffffff0", vpcId: "vpc-0123456789abcdef0", main: false, subnetIds: ["subnet-0f1f1f1f1f1f1f1f1"], routes: [local("10.9.0.0/16"), { cidr: "0.0.0.0/0", gatewayId: "vpce-0123456789abcdef0" }] },
      { id: "rtb-0a2a2a2a2a2a2a2a2", vpcId: "vpc-0123456789abcdef0", main: false, subnetIds: ["subnet-0a2a2a2a2a2a2a2a2"], routes: [local("10.9.0.0/16"), { cidr: "0.0.0.0/0", networkInterfaceId: "eni-0123456789abcdef0" }] },
      { id: "rtb-0d3d3d3d3d3d3d3d3", vpcId: "vpc-0123456789abcdef0", main: false, subnetIds: ["subnet-0d3d3d3d3d3d3d3d3"], routes: [local("10.9.0.0/16")] },
    ],
  },
  // A platform VPC whose egress goes through a transit gateway and which already has shared endpoints.
  "us-west-2": {
    vpcs: [
      { id: "vpc-0c0ffee0c0ffee001", name: "shared-services", cidr: "10.30.0.0/16", dnsSupport: true, dnsHostnames: true },
      { id: "vpc-0c0ffee0c0ffee002", cidr: "10.31.0.0/16", dnsSupport: true, dnsHostnames: true },
    ],
    subnets: [
      { id: "subnet-0c0ffee0000000a01", vpcId: "vpc-0c0ffee0c0ffee001", zoneId: "usw2-az1", cidr: "10.30.0.0/20", name: "private-1" },
      { id: "subnet-0c0ffee0000000a02", vpcId: "vpc-0c0ffee0c0ffee001", zoneId: "usw2-az2", cidr: "10.30.16.0/20", name: "private-2" },
      { id: "subnet-0c0ffee0000000a03", vpcId: "vpc-0c0ffee0c0ffee001", zoneId: "usw2-az3", cidr: "10.30.32.0/20", name: "private-3", freeIps: 12 },
      // In an AZ ID AgentCore does not support; public; and private without any default route.
      { id: "subnet-0c0ffee0000000a04", vpcId: "vpc-0c0ffee0c0ffee001", zoneId: "usw2-az4", cidr: "10.30.48.0/20", name: "private-4" },
      { id: "subnet-0c0ffee0000000a05", vpcId: "vpc-0c0ffee0c0ffee001", zoneId: "usw2-az1", cidr: "10.30.64.0/20", name: "public-1" },
      { id: "subnet-0c0ffee0000000a06", vpcId: "vpc-0c0ffee0c0ffee001", zoneId: "usw2-az2", cidr: "10.30.80.0/20", name: "isolated-2" },
    ],
    routeTables: [
      { id: "rtb-0c0ffee00000000a0", vpcId: "vpc-0c0ffee0c0ffee001", main: true, subnetIds: [], routes: [local("10.30.0.0/16")] },
      {
        id: "rtb-0c0ffee00000000a1",
        vpcId: "vpc-0c0ffee0c0ffee001",
        main: false,
        subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02", "subnet-0c0ffee0000000a03", "subnet-0c0ffee0000000a04"],
        routes: [local("10.30.0.0/16"), { cidr: "0.0.0.0/0", transitGatewayId: "tgw-0c0ffee0000000001" }],
      },
      { id: "rtb-0c0ffee00000000a2", vpcId: "vpc-0c0ffee0c0ffee001", main: false, subnetIds: ["subnet-0c0ffee0000000a05"], routes: [local("10.30.0.0/16"), { cidr: "0.0.0.0/0", gatewayId: "igw-0c0ffee0000000001" }] },
      { id: "rtb-0c0ffee00000000a3", vpcId: "vpc-0c0ffee0c0ffee001", main: false, subnetIds: ["subnet-0c0ffee0000000a06"], routes: [local("10.30.0.0/16")] },
    ],
    endpoints: [
      { id: "vpce-0c0ffee000000e001", vpcId: "vpc-0c0ffee0c0ffee001", service: "s3", type: "Gateway", state: "available", privateDns: false, subnetIds: [], routeTableIds: ["rtb-0c0ffee00000000a1"], securityGroupIds: [] },
      // A second S3 gateway endpoint, for another route table: a table takes one, a VPC may have several.
      { id: "vpce-0c0ffee000000e011", vpcId: "vpc-0c0ffee0c0ffee001", service: "s3", type: "Gateway", state: "available", privateDns: false, subnetIds: [], routeTableIds: ["rtb-0c0ffee00000000a2"], securityGroupIds: [] },
      ...["ecr.api", "ecr.dkr", "logs"].map((service, i) => ({ ...SHARED_INTERFACE, id: `vpce-0c0ffee000000e00${i + 2}`, service })),
      // Private DNS off: the runtime cannot use it, and a second one with private DNS can be created.
      { ...SHARED_INTERFACE, id: "vpce-0c0ffee000000e005", service: "bedrock-runtime", privateDns: false, subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02"] },
      // Its security group admits HTTPS from another network only.
      { ...SHARED_INTERFACE, id: "vpce-0c0ffee000000e006", service: "monitoring", securityGroupIds: ["sg-0c0ffee00000005e2"] },
      // Only in the AZ ID AgentCore does not support.
      { ...SHARED_INTERFACE, id: "vpce-0c0ffee000000e007", service: "xray", subnetIds: ["subnet-0c0ffee0000000a04"] },
      { ...SHARED_INTERFACE, id: "vpce-0c0ffee000000e008", service: "secretsmanager", state: "pending" },
      // In one of the runtime's AZs only.
      { ...SHARED_INTERFACE, id: "vpce-0c0ffee000000e009", service: "bedrock-agentcore", subnetIds: ["subnet-0c0ffee0000000a01"] },
      // What an earlier apply of the ledger_agent example left: its own endpoint, with private DNS, tagged as this project tags it.
      { ...SHARED_INTERFACE, id: "vpce-0c0ffee000000e010", service: "bedrock-runtime", securityGroupIds: ["sg-0c0ffee00000005e3"], tags: { "agentcore-vpc:name": "ledger_agent" } },
    ],
    // ledger_agent's runtime was deleted: AgentCore releases its interfaces after a while.
    managedEnis: [
      { id: "eni-0c0ffee00000aa001", subnetId: "subnet-0c0ffee0000000a01", groupIds: ["sg-0c0ffee00000005e4"], lingersForReads: 2 },
      { id: "eni-0c0ffee00000aa002", subnetId: "subnet-0c0ffee0000000a02", groupIds: ["sg-0c0ffee00000005e4"], lingersForReads: 3 },
    ],
    securityGroups: [
      { id: "sg-0c0ffee00000005e1", vpcId: "vpc-0c0ffee0c0ffee001", name: "shared-endpoints", rules: [{ id: "sgr-0c0ffee000000e101", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, cidr: "10.30.0.0/16" }] },
      {
        id: "sg-0c0ffee00000005e2",
        vpcId: "vpc-0c0ffee0c0ffee001",
        name: "monitoring-endpoint",
        rules: [
          { id: "sgr-0c0ffee000000e201", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, cidr: "10.99.0.0/16" },
          { id: "sgr-0c0ffee000000e202", egress: false, protocol: "tcp", fromPort: 80, toPort: 80, cidr: "10.30.0.0/16" },
          { id: "sgr-0c0ffee000000e203", egress: true, protocol: "-1", fromPort: -1, toPort: -1, cidr: "0.0.0.0/0" },
          // Admits the ledger_agent example's runtime, once that exists, and nobody else's.
          { id: "sgr-0c0ffee000000e204", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, referencedGroupId: "sg-0c0ffee00000005e4" },
        ],
      },
      // As this project makes an endpoints group in an existing VPC: HTTPS from the VPC.
      {
        id: "sg-0c0ffee00000005e3",
        vpcId: "vpc-0c0ffee0c0ffee001",
        name: "ledger_agent-endpoints",
        rules: [{ id: "sgr-0c0ffee000000e301", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, cidr: "10.30.0.0/16" }],
        tags: { "agentcore-vpc:name": "ledger_agent", "agentcore-vpc:role": "endpoints" },
      },
      LEDGER_RUNTIME_GROUP,
      // A runtime group someone made by hand: HTTPS to the shared endpoints' group only, nothing to S3.
      {
        id: "sg-0c0ffee00000005e5",
        vpcId: "vpc-0c0ffee0c0ffee001",
        name: "hand-made-runtime",
        rules: [{ id: "sgr-0c0ffee000000e501", egress: true, protocol: "tcp", fromPort: 443, toPort: 443, referencedGroupId: "sg-0c0ffee00000005e1" }],
      },
    ],
  },
};

