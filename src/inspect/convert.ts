/** The EC2 API's shapes, as the SDK returns them, turned into the account model. */
import type { NetworkInterface, RouteTable, SecurityGroupRule, Subnet, Tag, Vpc, VpcEndpoint } from "@aws-sdk/client-ec2";
import type { EndpointInfo, ManagedEniInfo, RouteTableInfo, SecurityGroupRuleInfo, SubnetInfo, VpcSummary } from "../account/model.js";
import { InspectionError } from "./errors.js";

/** A field every EC2 answer carries; its absence means the endpoint is not EC2. */
function field<T, K extends keyof T>(item: T, key: K, call: string): NonNullable<T[K]> {
  const value = item[key];
  if (value === undefined || value === null) {
    throw new InspectionError(`${call} answered an item without ${String(key)}, which EC2 always sends: check that the endpoint (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EC2) is EC2.`, call);
  }
  return value as NonNullable<T[K]>;
}

const nameOf = (tags: readonly Tag[] | undefined): string | undefined => tags?.find((t) => t.Key === "Name")?.Value;

export const byId = (a: { readonly id: string }, b: { readonly id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function toVpc(vpc: Vpc): VpcSummary {
  const call = "ec2:DescribeVpcs";
  const primary = field(vpc, "CidrBlock", call);
  const associated = (vpc.CidrBlockAssociationSet ?? []).filter((a) => a.CidrBlockState?.State === "associated").flatMap((a) => (a.CidrBlock ? [a.CidrBlock] : []));
  return {
    id: field(vpc, "VpcId", call),
    name: nameOf(vpc.Tags),
    cidrs: [primary, ...associated.filter((c) => c !== primary)],
    isDefault: vpc.IsDefault ?? false,
  };
}

/** An IPv6-only subnet has no IPv4 CIDR, and a runtime ENI needs one: such a subnet is left out. */
export function toSubnet(subnet: Subnet): SubnetInfo[] {
  const call = "ec2:DescribeSubnets";
  if (!subnet.CidrBlock) return [];
  return [{
    id: field(subnet, "SubnetId", call),
    vpcId: field(subnet, "VpcId", call),
    name: nameOf(subnet.Tags),
    azName: field(subnet, "AvailabilityZone", call),
    azId: field(subnet, "AvailabilityZoneId", call),
    cidr: field(subnet, "CidrBlock", call),
    freeIps: field(subnet, "AvailableIpAddressCount", call),
  }];
}

export function toRouteTable(table: RouteTable): RouteTableInfo {
  const associations = (table.Associations ?? []).filter((a) => (a.AssociationState?.State ?? "associated") === "associated");
  return {
    id: field(table, "RouteTableId", "ec2:DescribeRouteTables"),
    main: associations.some((a) => a.Main === true),
    subnetIds: associations.flatMap((a) => (a.SubnetId ? [a.SubnetId] : [])),
    routes: (table.Routes ?? []).map((r) => ({
      destinationCidr: r.DestinationCidrBlock,
      destinationPrefixListId: r.DestinationPrefixListId,
      gatewayId: r.GatewayId,
      natGatewayId: r.NatGatewayId,
      transitGatewayId: r.TransitGatewayId,
      networkInterfaceId: r.NetworkInterfaceId,
      vpcPeeringConnectionId: r.VpcPeeringConnectionId,
      state: r.State,
    })),
  };
}

/** A resource or service-network endpoint names no AWS service: it is left out. */
export function toEndpoint(endpoint: VpcEndpoint): EndpointInfo[] {
  const call = "ec2:DescribeVpcEndpoints";
  if (!endpoint.ServiceName) return [];
  return [{
    id: field(endpoint, "VpcEndpointId", call),
    serviceName: field(endpoint, "ServiceName", call),
    type: field(endpoint, "VpcEndpointType", call),
    // The SDK's enum spells states "Available", EC2 sends "available": one spelling for the model.
    state: field(endpoint, "State", call).toLowerCase(),
    privateDns: endpoint.PrivateDnsEnabled ?? false,
    subnetIds: endpoint.SubnetIds ?? [],
    routeTableIds: endpoint.RouteTableIds ?? [],
    securityGroupIds: (endpoint.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    tags: Object.fromEntries((endpoint.Tags ?? []).flatMap((t) => (t.Key !== undefined ? [[t.Key, t.Value ?? ""]] : []))),
  }];
}

export function toRule(rule: SecurityGroupRule): SecurityGroupRuleInfo {
  const call = "ec2:DescribeSecurityGroupRules";
  return {
    id: field(rule, "SecurityGroupRuleId", call),
    groupId: field(rule, "GroupId", call),
    egress: rule.IsEgress ?? false,
    protocol: field(rule, "IpProtocol", call),
    fromPort: rule.FromPort,
    toPort: rule.ToPort,
    cidrIpv4: rule.CidrIpv4,
    referencedGroupId: rule.ReferencedGroupInfo?.GroupId,
    prefixListId: rule.PrefixListId,
  };
}

export function toManagedEni(eni: NetworkInterface): ManagedEniInfo {
  const call = "ec2:DescribeNetworkInterfaces";
  return { id: field(eni, "NetworkInterfaceId", call), subnetId: field(eni, "SubnetId", call), securityGroupIds: (eni.Groups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])) };
}
