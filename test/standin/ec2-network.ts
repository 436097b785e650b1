/** The EC2 read calls about the network itself: zones, VPCs, subnets, route tables, prefix lists. */
import { S3_PREFIX_LIST, type Account, type Region, type RouteTable, type Subnet, type Vpc, type Zone } from "./accounts.js";
import { ApiError, ec2Response, select, tags, UnsupportedError, type Matchers, type Params } from "./query.js";

export function zoneOf(region: Region, zoneId: string): Zone {
  const zone = region.zones.find((z) => z.id === zoneId);
  if (!zone) throw new Error(`fixture error: subnet in zone ${zoneId}, which the region does not list`);
  return zone;
}

/** The S3 prefix list of a region, as DescribePrefixLists names it. */
function prefixLists(regionName: string): { id: string; name: string; cidrs: string[] }[] {
  return [{ id: S3_PREFIX_LIST, name: `com.amazonaws.${regionName}.s3`, cidrs: ["52.92.16.0/20", "3.5.76.0/22"] }];
}

const VPC_MATCHERS: Matchers<Vpc> = { "vpc-id": (v) => [v.id], "cidr-block": (v) => [v.cidr], "tag:agentcore-vpc:name": (v) => (v.tags?.["agentcore-vpc:name"] !== undefined ? [v.tags["agentcore-vpc:name"]] : []) };

/** A table's routes, with the prefix-list route each gateway endpoint on it adds, as EC2 lists them. */
function routesOf(region: Region, table: RouteTable): RouteTable["routes"] {
  const gateways = region.endpoints.filter((e) => e.type === "Gateway" && e.routeTableIds.includes(table.id));
  return [...table.routes, ...gateways.map((e) => ({ prefixListId: S3_PREFIX_LIST, gatewayId: e.id }))];
}

const SUBNET_MATCHERS: Matchers<Subnet> = {
  "subnet-id": (s) => [s.id],
  "vpc-id": (s) => [s.vpcId],
  "availability-zone-id": (s) => [s.zoneId],
};
const ROUTE_TABLE_MATCHERS: Matchers<RouteTable> = {
  "route-table-id": (t) => [t.id],
  "vpc-id": (t) => [t.vpcId],
  "association.main": (t) => [String(t.main)],
  "association.subnet-id": (t) => t.subnetIds,
};

export function networkAction(action: string, params: Params, account: Account, region: Region, regionName: string): string | undefined {
  switch (action) {
    case "DescribeAvailabilityZones": {
      const zones = select(action, region.zones, params, "ZoneName", (z) => z.name, {
        "zone-id": (z) => [z.id],
        "zone-name": (z) => [z.name],
        state: () => ["available"],
        "opt-in-status": () => ["opt-in-not-required"],
        "zone-type": () => ["availability-zone"],
      }, "InvalidParameterValue");
      return ec2Response(action, {
        availabilityZoneInfo: zones.map((z) => ({
          zoneName: z.name,
          zoneState: "available",
          regionName,
          zoneId: z.id,
          zoneType: "availability-zone",
          optInStatus: "opt-in-not-required",
          groupName: regionName,
          networkBorderGroup: regionName,
          messageSet: [],
        })),
      });
    }
    case "DescribeVpcs": {
      const vpcs = select(action, region.vpcs, params, "VpcId", (v) => v.id, VPC_MATCHERS, "InvalidVpcID.NotFound");
      return ec2Response(action, {
        vpcSet: vpcs.map((v) => ({
          vpcId: v.id,
          ownerId: account.id,
          state: "available",
          cidrBlock: v.cidr,
          cidrBlockAssociationSet: [{ cidrBlock: v.cidr, associationId: `${v.id}-cidr`, cidrBlockState: { state: "associated" } }],
          dhcpOptionsId: "dopt-0123456789abcdef0",
          instanceTenancy: "default",
          isDefault: false,
          tagSet: tags(v.name, v.tags),
        })),
      });
    }
    case "DescribeVpcAttribute": {
      const id = params.get("VpcId")!;
      const vpc = region.vpcs.find((v) => v.id === id);
      if (!vpc) throw new ApiError("InvalidVpcID.NotFound", `The vpc ID '${id}' does not exist`);
      const attribute = params.get("Attribute")!;
      const values: Record<string, boolean> = { enableDnsSupport: vpc.dnsSupport, enableDnsHostnames: vpc.dnsHostnames, enableNetworkAddressUsageMetrics: false };
      if (!(attribute in values)) throw new UnsupportedError(`DescribeVpcAttribute attribute "${attribute}"`);
      return ec2Response(action, { vpcId: id, [attribute]: { value: values[attribute] } });
    }
    case "DescribeSubnets": {
      const subnets = select(action, region.subnets, params, "SubnetId", (s) => s.id, SUBNET_MATCHERS, "InvalidSubnetID.NotFound");
      return ec2Response(action, {
        subnetSet: subnets.map((s) => ({
          subnetId: s.id,
          subnetArn: `arn:aws:ec2:${regionName}:${account.id}:subnet/${s.id}`,
          state: "available",
          ownerId: account.id,
          vpcId: s.vpcId,
          cidrBlock: s.cidr,
          ipv6CidrBlockAssociationSet: [],
          availableIpAddressCount: s.freeIps ?? 4091,
          availabilityZone: zoneOf(region, s.zoneId).name,
          availabilityZoneId: s.zoneId,
          defaultForAz: false,
          mapPublicIpOnLaunch: false,
          mapCustomerOwnedIpOnLaunch: false,
          assignIpv6AddressOnCreation: false,
          ipv6Native: false,
          enableDns64: false,
          privateDnsNameOptionsOnLaunch: { hostnameType: "ip-name", enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
          tagSet: tags(s.name),
        })),
      });
    }
    case "DescribeRouteTables": {
      const matchers: Matchers<RouteTable> = { ...ROUTE_TABLE_MATCHERS, "route.destination-prefix-list-id": (t) => routesOf(region, t).flatMap((r) => (r.prefixListId ? [r.prefixListId] : [])) };
      const tables = select(action, region.routeTables, params, "RouteTableId", (t) => t.id, matchers, "InvalidRouteTableID.NotFound");
      return ec2Response(action, {
        routeTableSet: tables.map((t) => ({
          routeTableId: t.id,
          vpcId: t.vpcId,
          ownerId: account.id,
          routeSet: routesOf(region, t).map((r) => ({
            destinationCidrBlock: r.cidr,
            destinationPrefixListId: r.prefixListId,
            gatewayId: r.gatewayId,
            natGatewayId: r.natGatewayId,
            transitGatewayId: r.transitGatewayId,
            networkInterfaceId: r.networkInterfaceId,
            state: "active",
            origin: r.gatewayId === "local" ? "CreateRouteTable" : "CreateRoute",
          })),
          associationSet: [
            ...(t.main ? [{ routeTableAssociationId: `${t.id}-main`, routeTableId: t.id, main: true, associationState: { state: "associated" } }] : []),
            ...t.subnetIds.map((s) => ({ routeTableAssociationId: `${t.id}-${s}`, routeTableId: t.id, subnetId: s, main: false, associationState: { state: "associated" } })),
          ],
          propagatingVgwSet: [],
          tagSet: tags(),
        })),
      });
    }
    case "DescribePrefixLists": {
      const found = select(action, prefixLists(regionName), params, "PrefixListId", (p) => p.id, { "prefix-list-name": (p) => [p.name], "prefix-list-id": (p) => [p.id] }, "InvalidPrefixListID.NotFound");
      return ec2Response(action, { prefixListSet: found.map((p) => ({ prefixListId: p.id, prefixListName: p.name, cidrSet: p.cidrs })) });
    }
    default:
      return undefined;
  }
}
