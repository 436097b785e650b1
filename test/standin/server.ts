import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACCOUNTS, type Account, type Endpoint, type Region, type RouteTable, type SecurityGroup, type Subnet, type Vpc, type Zone } from "./accounts.js";

/**
 * A loopback stand-in for the EC2 and STS Query APIs: just the read calls a plan of the
 * network layer makes, answered from account fixtures. Anything else is recorded as a
 * failure naming the action, and answered with an error so the plan stops too.
 */

type Params = URLSearchParams;

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Plain objects become nested elements; arrays become <item> lists. */
function xml(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `<item>${xml(v)}</item>`).join("");
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${xml(v)}</${k}>`)
      .join("");
  }
  return escapeXml(String(value));
}

function ec2Response(action: string, body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>standin</requestId>${xml(body)}</${action}Response>`;
}

/** Values of the numbered parameters Prefix.1, Prefix.2, ... */
function listParam(params: Params, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${prefix}.${i}`); i += 1) out.push(params.get(`${prefix}.${i}`)!);
  return out;
}

function filters(params: Params): { name: string; values: string[] }[] {
  const out = [];
  for (let i = 1; params.has(`Filter.${i}.Name`); i += 1) out.push({ name: params.get(`Filter.${i}.Name`)!, values: listParam(params, `Filter.${i}.Value`) });
  return out;
}

type Matchers<T> = Record<string, (item: T) => readonly string[]>;

/** Applies ID parameters and Filter.N parameters; an unknown filter name is an error, not a silent pass. */
function select<T>(action: string, items: readonly T[], params: Params, idParam: string, idOf: (item: T) => string, matchers: Matchers<T>, notFound: string): T[] {
  const ids = listParam(params, idParam);
  for (const id of ids) if (!items.some((item) => idOf(item) === id)) throw new ApiError(notFound, `The ID '${id}' does not exist`);
  let selected = ids.length > 0 ? items.filter((item) => ids.includes(idOf(item))) : [...items];
  for (const filter of filters(params)) {
    const matcher = matchers[filter.name];
    if (!matcher) throw new UnsupportedError(`${action} filter "${filter.name}"`);
    selected = selected.filter((item) => matcher(item).some((v) => filter.values.includes(v)));
  }
  return selected;
}

export class UnsupportedError extends Error {}

function zoneOf(region: Region, zoneId: string): Zone {
  const zone = region.zones.find((z) => z.id === zoneId);
  if (!zone) throw new Error(`fixture error: subnet in zone ${zoneId}, which the region does not list`);
  return zone;
}

function tags(name?: string): unknown[] {
  return name ? [{ key: "Name", value: name }] : [];
}

/** The S3 prefix list of a region, as DescribePrefixLists names it. */
function prefixLists(regionName: string): { id: string; name: string; cidrs: string[] }[] {
  return [{ id: "pl-63a5400a", name: `com.amazonaws.${regionName}.s3`, cidrs: ["52.92.16.0/20", "3.5.76.0/22"] }];
}

/** The network interfaces of an interface endpoint: one in each of its subnets. */
function endpointInterfaces(endpoint: Endpoint): { id: string; subnetId: string; endpoint: Endpoint }[] {
  if (endpoint.type !== "Interface") return [];
  return endpoint.subnetIds.map((subnetId, i) => ({ id: `eni-${endpoint.id.slice(5)}${i}`, subnetId, endpoint }));
}

const VPC_MATCHERS: Matchers<Vpc> = { "vpc-id": (v) => [v.id], "cidr-block": (v) => [v.cidr] };
const ENDPOINT_MATCHERS: Matchers<Endpoint> = {
  "vpc-endpoint-id": (e) => [e.id],
  "vpc-id": (e) => [e.vpcId],
  "vpc-endpoint-type": (e) => [e.type],
  "vpc-endpoint-state": (e) => [e.state],
};
const GROUP_MATCHERS: Matchers<SecurityGroup> = {
  "group-id": (g) => [g.id],
  "vpc-id": (g) => [g.vpcId],
  // No fixture group carries tags: a tag filter matches nothing.
  "tag:agentcore-vpc:name": () => [],
  "tag:agentcore-vpc:role": () => [],
};
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

function ec2(action: string, params: Params, account: Account, regionName: string): string {
  const region = account.regions[regionName];
  if (!region) throw new ApiError("InvalidRegion", `no fixture for region ${regionName}`);
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
          tagSet: tags(v.name),
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
      const tables = select(action, region.routeTables, params, "RouteTableId", (t) => t.id, ROUTE_TABLE_MATCHERS, "InvalidRouteTableID.NotFound");
      return ec2Response(action, {
        routeTableSet: tables.map((t) => ({
          routeTableId: t.id,
          vpcId: t.vpcId,
          ownerId: account.id,
          routeSet: t.routes.map((r) => ({
            destinationCidrBlock: r.cidr,
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
    case "DescribeNetworkInterfaces": {
      // The appliances' interfaces that routes point at (the provider reads them for such a route), and those of interface endpoints.
      type Eni = { id: string; subnetId: string; vpcId: string; type: string; description: string; groups: readonly string[] };
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
      const found = select(action, [...appliances, ...ofEndpoints], params, "NetworkInterfaceId", (e) => e.id, {
        "network-interface-id": (e) => [e.id],
        "vpc-id": (e) => [e.vpcId],
        "interface-type": (e) => [e.type],
      }, "InvalidNetworkInterfaceID.NotFound");
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
            tagSet: tags(),
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
          tagSet: tags(),
          ownerId: account.id,
        })),
      });
    }
    case "DescribePrefixLists": {
      const found = select(action, prefixLists(regionName), params, "PrefixListId", (p) => p.id, { "prefix-list-name": (p) => [p.name], "prefix-list-id": (p) => [p.id] }, "InvalidPrefixListID.NotFound");
      return ec2Response(action, { prefixListSet: found.map((p) => ({ prefixListId: p.id, prefixListName: p.name, cidrSet: p.cidrs })) });
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
          tagSet: tags(),
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
          referencedGroupInfo: r.referencedGroupId ? { groupId: r.referencedGroupId, userId: account.id } : undefined,
          securityGroupRuleArn: `arn:aws:ec2:${regionName}:${account.id}:security-group-rule/${r.id}`,
          tagSet: tags(),
        })),
      });
    }
    default:
      throw new UnsupportedError(`EC2 action ${action}`);
  }
}

function sts(action: string, account: Account): string {
  if (action !== "GetCallerIdentity") throw new UnsupportedError(`STS action ${action}`);
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${account.id}:user/standin</Arn><UserId>AIDASTANDIN</UserId><Account>${account.id}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>standin</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
}

function errorBody(service: string, code: string, message: string): string {
  return service === "sts"
    ? `<ErrorResponse><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>standin</RequestId></ErrorResponse>`
    : `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>standin</RequestID></Response>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface StandIn {
  readonly url: string;
  /** Every call answered, as "service Action". */
  readonly calls: string[];
  /** What the stand-in could not answer; a test fails if this is not empty. */
  readonly unsupported: string[];
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const calls: string[] = [];
  const unsupported: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const params = new URLSearchParams(await readBody(req));
      // SigV4: Credential=<access key>/<date>/<region>/<service>/aws4_request
      const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? "");
      const [, accessKey = "", region = "", service = "unknown"] = scope ?? [];
      const action = params.get("Action") ?? `(no Action; ${req.method} ${req.url})`;
      let status = 200;
      let body: string;
      try {
        const account = ACCOUNTS[accessKey];
        if (!account) throw new ApiError("InvalidClientTokenId", `unknown access key ${accessKey}`);
        if (account.denied?.includes(`${service} ${action}`)) {
          throw new ApiError(service === "ec2" ? "UnauthorizedOperation" : "AccessDenied", `You are not authorized to perform this operation. User: arn:aws:iam::${account.id}:user/standin is not authorized to perform: ${service}:${action}`);
        }
        if (service === "ec2") body = ec2(action, params, account, region);
        else if (service === "sts") body = sts(action, account);
        else throw new UnsupportedError(`${service} action ${action}`);
        calls.push(`${service} ${action}`);
      } catch (error) {
        status = 400;
        if (error instanceof ApiError) {
          body = errorBody(service, error.code, error.message);
        } else {
          const what = error instanceof UnsupportedError ? error.message : `${action}: ${(error as Error).message}`;
          unsupported.push(what);
          body = errorBody(service, "StandInUnsupported", `the EC2 stand-in does not implement ${what}`);
        }
      }
      res.writeHead(status, { "content-type": "text/xml" }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    unsupported,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
