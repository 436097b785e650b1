import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACCOUNTS, type Account, type Region, type RouteTable, type Subnet, type Vpc, type Zone } from "./accounts.js";

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

function tags(): unknown[] {
  return [];
}

const VPC_MATCHERS: Matchers<Vpc> = { "vpc-id": (v) => [v.id], "cidr-block": (v) => [v.cidr] };
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
          tagSet: tags(),
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
          availableIpAddressCount: 4091,
          availabilityZone: zoneOf(region, s.zoneId).name,
          availabilityZoneId: s.zoneId,
          defaultForAz: false,
          mapPublicIpOnLaunch: false,
          mapCustomerOwnedIpOnLaunch: false,
          assignIpv6AddressOnCreation: false,
          ipv6Native: false,
          enableDns64: false,
          privateDnsNameOptionsOnLaunch: { hostnameType: "ip-name", enableResourceNameDnsARecord: false, enableResourceNameDnsAAAARecord: false },
          tagSet: tags(),
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
      // The appliances' interfaces that routes point at (the provider reads them for such a route).
      const enis = region.routeTables.flatMap((t) => t.routes.filter((r) => r.networkInterfaceId).map((r) => ({ id: r.networkInterfaceId!, table: t })));
      const found = select(action, enis, params, "NetworkInterfaceId", (e) => e.id, { "network-interface-id": (e) => [e.id] }, "InvalidNetworkInterfaceID.NotFound");
      return ec2Response(action, {
        networkInterfaceSet: found.map(({ id, table }) => {
          const subnet = region.subnets.find((x) => x.vpcId === table.vpcId)!;
          return {
            networkInterfaceId: id,
            subnetId: subnet.id,
            vpcId: table.vpcId,
            availabilityZone: zoneOf(region, subnet.zoneId).name,
            description: "egress appliance",
            ownerId: account.id,
            requesterManaged: false,
            status: "in-use",
            macAddress: "02:00:00:00:00:01",
            privateIpAddress: "10.9.0.10",
            sourceDestCheck: false,
            interfaceType: "interface",
            groupSet: [],
            privateIpAddressesSet: [{ privateIpAddress: "10.9.0.10", primary: true }],
            ipv6AddressesSet: [],
            tagSet: tags(),
          };
        }),
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
