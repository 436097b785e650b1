import { SUPPORTED_AZ_IDS } from "../../src/catalog/regions.js";
import { BULK_ACCESS_KEY, bulkAccount } from "./bulk.js";
import { ROLES, RUNTIME_ACCOUNT, RUNTIME_REGIONS, type Delivery, type DeliverySource, type Role, type Runtime } from "./runtime-accounts.js";
import { EXISTING } from "./networks.js";
import { S3_PREFIX_LIST, shuffledZones } from "./region-facts.js";

/** What a fake AWS account holds, as the EC2 Query API describes it. */
export interface Zone {
  readonly name: string;
  readonly id: string;
}
export interface Vpc {
  readonly id: string;
  readonly name?: string;
  readonly cidr: string;
  readonly dnsSupport: boolean;
  readonly dnsHostnames: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}
export interface Subnet {
  readonly id: string;
  readonly vpcId: string;
  readonly zoneId: string;
  readonly cidr: string;
  /** Free addresses; 4091 (a whole /20) unless given. */
  readonly freeIps?: number;
  readonly name?: string;
}
export interface Route {
  /** Absent for a gateway endpoint's route, whose destination is a prefix list. */
  readonly cidr?: string;
  readonly prefixListId?: string;
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
export interface Endpoint {
  readonly id: string;
  readonly vpcId: string;
  /** The suffix of com.amazonaws.<region>.<suffix>. */
  readonly service: string;
  readonly type: "Interface" | "Gateway";
  /** As EC2 reports it: "available", "pending", ... */
  readonly state: string;
  readonly privateDns: boolean;
  readonly subnetIds: readonly string[];
  readonly routeTableIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  readonly tags?: Readonly<Record<string, string>>;
}
export interface SecurityGroupRule {
  readonly id: string;
  readonly egress: boolean;
  /** "tcp", "-1", ... */
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly cidr?: string;
  readonly referencedGroupId?: string;
  readonly prefixListId?: string;
}
export interface SecurityGroup {
  readonly id: string;
  readonly vpcId: string;
  readonly name: string;
  readonly rules: readonly SecurityGroupRule[];
  readonly tags?: Readonly<Record<string, string>>;
}
/** An interface AgentCore made for a runtime: it lingers after the runtime is deleted, for this many reads of it. */
export interface ManagedEni {
  readonly id: string;
  readonly subnetId: string;
  readonly groupIds: readonly string[];
  readonly lingersForReads: number;
}
export interface Region {
  readonly zones: readonly Zone[];
  readonly managedEnis: readonly ManagedEni[];
  readonly vpcs: readonly Vpc[];
  readonly subnets: readonly Subnet[];
  readonly routeTables: readonly RouteTable[];
  readonly endpoints: readonly Endpoint[];
  readonly securityGroups: readonly SecurityGroup[];
  readonly runtimes: readonly Runtime[];
  readonly deliverySources: readonly DeliverySource[];
  readonly deliveries: readonly Delivery[];
}
export interface Account {
  readonly id: string;
  readonly regions: Readonly<Record<string, Region>>;
  /** IAM is global: the account's roles. */
  readonly roles: readonly Role[];
  /** Actions this identity may not call ("ec2 DescribeSecurityGroupRules"): answered as AWS denies them. */
  readonly denied?: readonly string[];
}

const EMPTY: Omit<Region, "zones"> = { vpcs: [], subnets: [], routeTables: [], endpoints: [], securityGroups: [], managedEnis: [], runtimes: [], deliverySources: [], deliveries: [] };

export { S3_PREFIX_LIST };

function account(id: string, drop: readonly string[] = [], denied?: readonly string[]): Account {
  const regions = Object.fromEntries(Object.keys(SUPPORTED_AZ_IDS).map((r) => [r, { zones: shuffledZones(r, drop), ...EMPTY, ...EXISTING[r] }]));
  return { id, regions, roles: [], ...(denied ? { denied } : {}) };
}

/** The shared networks with the runtime fixtures in them (runtime-accounts.ts). */
function runtimeAccount(denied?: readonly string[]): Account {
  const base = account(RUNTIME_ACCOUNT, [], denied);
  const regions = Object.fromEntries(
    Object.entries(base.regions).map(([name, region]) => {
      const extra = RUNTIME_REGIONS[name];
      if (!extra) return [name, region];
      const groups = extra.securityGroups ?? [];
      const kept = region.securityGroups.filter((g) => !groups.some((x) => x.id === g.id));
      return [
        name,
        {
          ...region,
          ...extra,
          vpcs: [...region.vpcs, ...(extra.vpcs ?? [])],
          subnets: [...region.subnets, ...(extra.subnets ?? [])],
          routeTables: [...region.routeTables, ...(extra.routeTables ?? [])],
          endpoints: [...region.endpoints, ...(extra.endpoints ?? [])],
          securityGroups: [...kept, ...groups],
          managedEnis: extra.managedEnis ?? region.managedEnis,
        },
      ];
    }),
  );
  return { ...base, regions, roles: ROLES };
}

function fleetAccount(): Account {
  const fleet = bulkAccount();
  const base = account(fleet.id);
  return { ...base, roles: fleet.roles, regions: { ...base.regions, [fleet.regionName]: { zones: shuffledZones(fleet.regionName), ...fleet.region } } };
}

/** Accounts by access key ID: the stand-in tells them apart by the key that signs each request. */
export const ACCOUNTS: Readonly<Record<string, Account>> = {
  AKIASTANDINSHUFFLED0: account("111122223333"),
  // An account that lacks one of the IDs AgentCore supports in ap-northeast-1.
  AKIASTANDINFEWAZS000: account("444455556666", ["apne1-az4"]),
  // The same networks as the first, read by an identity that may not list security group rules.
  AKIASTANDINNOSGRULES: account("111122223333", [], ["ec2 DescribeSecurityGroupRules"]),
  // The field reports and a healthy runtime.
  AKIASTANDINRUNTIMES0: runtimeAccount(),
  // The same, read by an identity that may read neither roles nor log deliveries.
  AKIASTANDINNOIAMLOGS: runtimeAccount(["iam GetRole", "logs DescribeDeliverySources"]),
  // The same, read by an identity that may read runtimes but not list them.
  AKIASTANDINNOLISTING: runtimeAccount(["bedrock-agentcore ListAgentRuntimes"]),
  [BULK_ACCESS_KEY]: fleetAccount(),
};
