import type { Account, Region } from "./accounts.js";
import { agentCoreTrust, runtimeArn, type Role } from "./runtime-accounts.js";
import { shuffledZones } from "./region-facts.js";

/** The key of an account with many runtimes across many VPCs: what `doctor --all` is measured on. */
export const BULK_ACCESS_KEY = "AKIASTANDINBULK00000";
const ID = "999988887777";
const REGION = "us-east-1";

const hex = (n: number, width: number) => n.toString(16).padStart(width, "0");

/** `vpcs` VPCs with `perVpc` runtimes each, healthy, one role per VPC, every runtime's logs delivered. */
export function bulkAccount(vpcs = 10, perVpc = 20): Pick<Account, "id" | "roles"> & { region: Omit<Region, "zones">; regionName: string } {
  const zones = shuffledZones(REGION);
  const supported = zones.filter((z) => ["use1-az1", "use1-az2"].includes(z.id));
  const region: { -readonly [K in keyof Omit<Region, "zones">]: Region[K][number][] } = { vpcs: [], subnets: [], routeTables: [], endpoints: [], securityGroups: [], managedEnis: [], runtimes: [], deliverySources: [], deliveries: [] };
  const roles: Role[] = [];
  for (let v = 0; v < vpcs; v += 1) {
    const vpcId = `vpc-0b0${hex(v, 14)}`;
    const subnetIds = supported.map((_, z) => `subnet-0b0${hex(v, 6)}${hex(z, 8)}`);
    const groupId = `sg-0b0${hex(v, 14)}`;
    region.vpcs.push({ id: vpcId, cidr: `10.${100 + v}.0.0/16`, dnsSupport: true, dnsHostnames: true });
    supported.forEach((zone, z) => region.subnets.push({ id: subnetIds[z]!, vpcId, zoneId: zone.id, cidr: `10.${100 + v}.${z * 16}.0/20` }));
    region.routeTables.push({ id: `rtb-0b0${hex(v, 14)}`, vpcId, main: true, subnetIds: [], routes: [{ cidr: `10.${100 + v}.0.0/16`, gatewayId: "local" }, { cidr: "0.0.0.0/0", natGatewayId: `nat-0b0${hex(v, 14)}` }] });
    region.securityGroups.push({ id: groupId, vpcId, name: `fleet-${v}-runtime`, rules: [{ id: `sgr-0b0${hex(v, 14)}`, egress: true, protocol: "tcp", fromPort: 443, toPort: 443, cidr: "0.0.0.0/0" }] });
    roles.push({ name: `fleet_${v}-runtime`, trust: agentCoreTrust(ID) });
    for (let r = 0; r < perVpc; r += 1) {
      const name = `fleet_${v}_agent_${r}`;
      const id = `${name}-${hex(v * perVpc + r, 10)}`;
      region.runtimes.push({ id, name, status: "READY", roleName: `fleet_${v}-runtime`, subnetIds, groupIds: [groupId], image: `${ID}.dkr.ecr.${REGION}.amazonaws.com/fleet:1.0.0` });
      region.deliverySources.push({ name: `${name}-logs`, resourceArn: runtimeArn(REGION, id, ID), logType: "APPLICATION_LOGS" });
      region.deliveries.push({ id: `dlv${hex(v * perVpc + r, 12)}`, sourceName: `${name}-logs`, destinationArn: `arn:aws:logs:${REGION}:${ID}:delivery-destination:fleet` });
      region.managedEnis.push({ id: `eni-0b0${hex(v * perVpc + r, 14)}`, subnetId: subnetIds[r % subnetIds.length]!, groupIds: [groupId], lingersForReads: Infinity });
    }
  }
  return { id: ID, roles, region, regionName: REGION };
}
