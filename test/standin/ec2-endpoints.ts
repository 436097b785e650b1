/** The EC2 read calls about what sits in the network: interfaces, VPC endpoints, security groups and their rules. */
import type { Account, Endpoint, Region, SecurityGroup } from "./accounts.js";
import { zoneOf } from "./ec2-network.js";
import { ec2Response, select, tags, type Matchers, type Params } from "./query.js";

/** The network interfaces of an interface endpoint: one in each of its subnets. */
function endpointInterfaces(endpoint: Endpoint): { id: string; subnetId: string; endpoint: Endpoint }[] {
  if (endpoint.type !== "Interface") return [];
  return endpoint.subnetIds.map((subnetId, i) => ({ id: `eni-${endpoint.id.slice(5)}${i}`, subnetId, endpoint }));
}

const ENDPOINT_MATCHERS: Matchers<Endpoint> = {
  "vpc-endpoint-id": (e) => [e.id],
  "vpc-id": (e) => [e.vpcId],
  "vpc-endpoint-type": (e) => [e.type],
  "vpc-endpoint-state": (e) => [e.state],
};
const GROUP_MATCHERS: Matchers<SecurityGroup> = {
  "group-id": (g) => [g.id],
  "vpc-id": (g) => [g.vpcId],
  "tag:agentcore-vpc:name": (g) => (g.tags?.["agentcore-vpc:name"] !== undefined ? [g.tags["agentcore-vpc:name"]] : []),
  "tag:agentcore-vpc:role": (g) => (g.tags?.["agentcore-vpc:role"] !== undefined ? [g.tags["agentcore-vpc:role"]] : []),
};

/** `reads` counts how often each lingering interface was listed, so that it goes away as AgentCore's do. */
export function endpointAction(action: string, params: Params, account: Account, region: Region, regionName: string, reads: Map<string, number>): string | undefined {
  switch (action) {
    case "DescribeNetworkInterfaces": {
      // The appliances' interfaces that routes point at (the provider reads them for such a route), and those of interface endpoints.
      type Eni = { id: string; subnetId: string; vpcId: string; type: string; description: string; groups: readonly string[]; managed?: true };
      const appliances: Eni[] = region.routeTables.flatMap((t) =>
        t.routes.filter((r) => r.networkInterfaceId).map((r) => ({ id: r.networkInterfaceId!, subnetId: region.subnets.find((x) => x.vpcId === t.vpcId)!.id, vpcId: t.vpcId, type: "interface", description: "egress appliance", groups: [] })),
      );
      const ofEndpoints: Eni[] = region.endpoints.flatMap(endpointInterfaces).map((e) => ({
        id: e.id,
        subnetId: e.subnetId,
        vpcId: e.endpoint.vpcId,
        type: "vpc_endpoint",
        description: `VPC Endpoint Interface ${e.endpoint.id}`,
        groups: e.endpoint.securityGroupIds,
      }));
      const key = (id: string): string => `${account.id} ${id}`;
      const managed: Eni[] = region.managedEnis
        .filter((m) => (reads.get(key(m.id)) ?? 0) < m.lingersForReads)
        .map((m) => ({ id: m.id, subnetId: m.subnetId, vpcId: region.subnets.find((s) => s.id === m.subnetId)!.vpcId, type: "interface", description: "AgentCore runtime network interface", groups: m.groupIds, managed: true }));
      const found = select(action, [...appliances, ...ofEndpoints, ...managed], params, "NetworkInterfaceId", (e) => e.id, {
        "network-interface-id": (e) => [e.id],
        "vpc-id": (e) => [e.vpcId],
        "interface-type": (e) => [e.type],
        "owner-id": () => [account.id],
        "tag:AmazonBedrockAgentCoreManaged": (e) => (e.managed ? ["true"] : []),
      }, "InvalidNetworkInterfaceID.NotFound");
      for (const eni of found.filter((e) => e.managed)) reads.set(key(eni.id), (reads.get(key(eni.id)) ?? 0) + 1);
      return ec2Response(action, {
        networkInterfaceSet: found.map((eni) => {
          const subnet = region.subnets.find((x) => x.id === eni.subnetId)!;
          return {
            networkInterfaceId: eni.id,
            subnetId: subnet.id,
            vpcId: eni.vpcId,
            availabilityZone: zoneOf(region, subnet.zoneId).name,
            description: eni.description,
            ownerId: account.id,
            requesterId: eni.type === "vpc_endpoint" ? "727180483921" : undefined,
            requesterManaged: eni.type === "vpc_endpoint",
            status: "in-use",
            macAddress: "02:00:00:00:00:01",
            privateIpAddress: "10.9.0.10",
            sourceDestCheck: eni.type !== "interface",
            interfaceType: eni.type,
            groupSet: eni.groups.map((groupId) => ({ groupId, groupName: region.securityGroups.find((g) => g.id === groupId)?.name ?? groupId })),
            privateIpAddressesSet: [{ privateIpAddress: "10.9.0.10", primary: true }],
            ipv6AddressesSet: [],
            tagSet: eni.managed ? tags(undefined, { AmazonBedrockAgentCoreManaged: "true" }) : tags(),
          };
        }),
      });
    }
    case "DescribeVpcEndpoints": {
      const all = region.endpoints.map((e) => ({ ...e, serviceName: `com.amazonaws.${regionName}.${e.service}` }));
      const found = select(action, all, params, "VpcEndpointId", (e) => e.id, { ...ENDPOINT_MATCHERS, "service-name": (e) => [e.serviceName] }, "InvalidVpcEndpointId.NotFound");
      return ec2Response(action, {
        vpcEndpointSet: found.map((e) => ({
          vpcEndpointId: e.id,
          vpcEndpointType: e.type,
          vpcId: e.vpcId,
          serviceName: e.serviceName,
          state: e.state,
          policyDocument: '{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
          routeTableIdSet: e.routeTableIds,
          subnetIdSet: e.subnetIds,
          groupSet: e.securityGroupIds.map((groupId) => ({ groupId, groupName: region.securityGroups.find((g) => g.id === groupId)?.name ?? groupId })),
          ipAddressType: "ipv4",
          dnsOptions: { dnsRecordIpType: "ipv4" },
          privateDnsEnabled: e.privateDns,
          requesterManaged: false,
          networkInterfaceIdSet: endpointInterfaces(e).map((n) => n.id),
          dnsEntrySet: e.type === "Interface" ? [{ dnsName: `${e.id}.${e.service}.${regionName}.vpce.amazonaws.com`, hostedZoneId: "Z1YSA3EXCYUU9Z" }] : [],
          creationTimestamp: "2025-06-01T00:00:00.000Z",
          tagSet: tags(undefined, e.tags),
          ownerId: account.id,
        })),
      });
    }
    case "DescribeSecurityGroups": {
      const found = select(action, region.securityGroups, params, "GroupId", (g) => g.id, GROUP_MATCHERS, "InvalidGroup.NotFound");
      return ec2Response(action, {
        securityGroupInfo: found.map((g) => ({
          ownerId: account.id,
          groupId: g.id,
          groupName: g.name,
          groupDescription: g.name,
          vpcId: g.vpcId,
          securityGroupArn: `arn:aws:ec2:${regionName}:${account.id}:security-group/${g.id}`,
          ipPermissions: [],
          ipPermissionsEgress: [],
          tagSet: tags(undefined, g.tags),
        })),
      });
    }
    case "DescribeSecurityGroupRules": {
      const rules = region.securityGroups.flatMap((g) => g.rules.map((r) => ({ ...r, groupId: g.id })));
      const found = select(action, rules, params, "SecurityGroupRuleId", (r) => r.id, { "group-id": (r) => [r.groupId], "security-group-rule-id": (r) => [r.id] }, "InvalidSecurityGroupRuleId.NotFound");
      return ec2Response(action, {
        securityGroupRuleSet: found.map((r) => ({
          securityGroupRuleId: r.id,
          groupId: r.groupId,
          groupOwnerId: account.id,
          isEgress: r.egress,
          ipProtocol: r.protocol,
          fromPort: r.fromPort,
          toPort: r.toPort,
          cidrIpv4: r.cidr,
          prefixListId: r.prefixListId,
          referencedGroupInfo: r.referencedGroupId ? { groupId: r.referencedGroupId, userId: account.id } : undefined,
          securityGroupRuleArn: `arn:aws:ec2:${regionName}:${account.id}:security-group-rule/${r.id}`,
          tagSet: tags(),
        })),
      });
    }
    default:
      return undefined;
  }
}
