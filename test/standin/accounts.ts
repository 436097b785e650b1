import { SUPPORTED_AZ_IDS } from "../../src/catalog/regions.js";

/** What a fake AWS account holds, as the EC2 Query API describes it. */
export interface Zone {
  readonly name: string;
  readonly id: string;
}
export interface Vpc {
  readonly id: string;
  readonly cidr: string;
  readonly dnsSupport: boolean;
  readonly dnsHostnames: boolean;
}
export interface Subnet {
  readonly id: string;
  readonly vpcId: string;
  readonly zoneId: string;
  readonly cidr: string;
}
export interface Route {
  readonly cidr: string;
  readonly natGatewayId?: string;
  /** "local", an internet gateway (igw-), or a Gateway Load Balancer / firewall endpoint (vpce-), as EC2 reports them. */
  readonly gatewayId?: string;
  readonly transitGatewayId?: string;
  readonly networkInterfaceId?: string;
}
export interface RouteTable {
  readonly id: string;
  readonly vpcId: string;
  readonly main: boolean;
  readonly subnetIds: readonly string[];
  readonly routes: readonly Route[];
}
export interface Region {
  readonly zones: readonly Zone[];
  readonly vpcs: readonly Vpc[];
  readonly subnets: readonly Subnet[];
  readonly routeTables: readonly RouteTable[];
}
export interface Account {
  readonly id: string;
  readonly regions: Readonly<Record<string, Region>>;
}

function zoneNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf("az") + 2));
}

/**
 * AZ names shuffled against IDs the way real accounts shuffle them: <region>a is an ID
 * AgentCore does not support, so anything choosing "the first N AZ names" goes wrong.
 */
export function shuffledZones(region: string, drop: readonly string[] = []): Zone[] {
  const supported = SUPPORTED_AZ_IDS[region]!;
  const prefix = supported[0]!.slice(0, supported[0]!.lastIndexOf("az"));
  const taken = new Set(supported.map(zoneNumber));
  const unsupported = [1, 2, 3, 4, 5, 6, 7].filter((n) => !taken.has(n)).slice(0, 2).map((n) => `${prefix}az${n}`);
  const order = [unsupported[0]!, supported[2]!, supported[0]!, unsupported[1]!, supported[1]!].filter((id) => !drop.includes(id));
  return order.map((id, i) => ({ name: `${region}${"abcdef"[i]}`, id }));
}

const EMPTY: Omit<Region, "zones"> = { vpcs: [], subnets: [], routeTables: [] };
const local = (cidr: string): Route => ({ cidr, gatewayId: "local" });

/** The existing networks the examples and the negative cases point at. */
const EXISTING: Readonly<Record<string, Omit<Region, "zones">>> = {
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
  },
  "us-east-1": {
    vpcs: [{ id: "vpc-0123456789abcdef0", cidr: "10.9.0.0/16", dnsSupport: true, dnsHostnames: true }],
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
};

function account(id: string, drop: readonly string[] = []): Account {
  const regions = Object.fromEntries(Object.keys(SUPPORTED_AZ_IDS).map((r) => [r, { zones: shuffledZones(r, drop), ...(EXISTING[r] ?? EMPTY) }]));
  return { id, regions };
}

/** Accounts by access key ID: the stand-in tells them apart by the key that signs each request. */
export const ACCOUNTS: Readonly<Record<string, Account>> = {
  AKIASTANDINSHUFFLED0: account("111122223333"),
  // An account that lacks one of the IDs AgentCore supports in ap-northeast-1.
  AKIASTANDINFEWAZS000: account("444455556666", ["apne1-az4"]),
};
