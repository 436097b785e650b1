import { supportedAzIds } from "../catalog/regions.js";
import type { RouteInfo, RouteTableInfo, SubnetInfo, VpcDetails } from "./model.js";

/** Where a subnet's 0.0.0.0/0 goes: the classes that decide whether a runtime ENI there gets internet. */
export type DefaultRoute =
  | "nat-gateway"
  | "transit-gateway"
  | "firewall-endpoint"
  | "network-interface"
  | "peering"
  | "virtual-private-gateway"
  | "internet-gateway"
  | "blackhole"
  | "none";

export const DEFAULT_ROUTE_TITLE: Readonly<Record<DefaultRoute, string>> = {
  "nat-gateway": "NAT gateway",
  "transit-gateway": "transit gateway",
  "firewall-endpoint": "firewall endpoint",
  "network-interface": "appliance interface",
  peering: "peering connection",
  "virtual-private-gateway": "virtual private gateway",
  "internet-gateway": "internet gateway",
  blackhole: "blackhole",
  none: "none",
};

export interface SubnetView extends SubnetInfo {
  readonly routeTableId?: string;
  readonly defaultRoute: DefaultRoute;
  /** The gateway, endpoint or interface the default route goes to. */
  readonly target?: string;
  /** A subnet whose default route is an internet gateway is public; a runtime ENI there gets no internet. */
  readonly tier: "private" | "public";
  /** Its AZ ID is one where AgentCore places runtime ENIs. */
  readonly supported: boolean;
}

/** A subnet without an explicit association uses the VPC's main route table. */
export function routeTableOf(tables: readonly RouteTableInfo[], subnetId: string): RouteTableInfo | undefined {
  return tables.find((t) => t.subnetIds.includes(subnetId)) ?? tables.find((t) => t.main);
}

function classify(route: RouteInfo | undefined): { kind: DefaultRoute; target?: string } {
  if (!route) return { kind: "none" };
  if (route.state === "blackhole") return { kind: "blackhole", target: route.natGatewayId ?? route.transitGatewayId ?? route.gatewayId ?? route.networkInterfaceId };
  if (route.natGatewayId) return { kind: "nat-gateway", target: route.natGatewayId };
  if (route.transitGatewayId) return { kind: "transit-gateway", target: route.transitGatewayId };
  if (route.networkInterfaceId) return { kind: "network-interface", target: route.networkInterfaceId };
  if (route.vpcPeeringConnectionId) return { kind: "peering", target: route.vpcPeeringConnectionId };
  const gateway = route.gatewayId ?? "";
  if (gateway.startsWith("igw-")) return { kind: "internet-gateway", target: gateway };
  if (gateway.startsWith("vpce-")) return { kind: "firewall-endpoint", target: gateway };
  if (gateway.startsWith("vgw-")) return { kind: "virtual-private-gateway", target: gateway };
  return { kind: "none" };
}

/** Every subnet of the VPC with its route, tier and AgentCore support, sorted by AZ ID then ID. */
export function subnetViews(details: VpcDetails, region: string): SubnetView[] {
  const supported = supportedAzIds(region) ?? [];
  return details.subnets
    .map((subnet) => {
      const table = routeTableOf(details.routeTables, subnet.id);
      const route = classify(table?.routes.find((r) => r.destinationCidr === "0.0.0.0/0"));
      return {
        ...subnet,
        ...(table ? { routeTableId: table.id } : {}),
        defaultRoute: route.kind,
        ...(route.target ? { target: route.target } : {}),
        tier: route.kind === "internet-gateway" ? ("public" as const) : ("private" as const),
        supported: supported.includes(subnet.azId),
      };
    })
    .sort((a, b) => (a.azId === b.azId ? (a.id < b.id ? -1 : 1) : a.azId < b.azId ? -1 : 1));
}

/** A default route that carries traffic beyond the VPC: what internet egress needs. */
export function hasEgressPath(view: SubnetView): boolean {
  return !["internet-gateway", "blackhole", "none"].includes(view.defaultRoute);
}

export interface Preselection {
  readonly chosen: readonly SubnetView[];
  /** Every subnet not chosen, with the reason; `spare` when it could hold the runtime, but another in its AZ was taken. */
  readonly passed: readonly { readonly subnet: SubnetView; readonly reason: string; readonly spare: boolean }[];
}

/**
 * The runtime's subnets: supported, private, at most one per AZ. Within an AZ a subnet with an
 * egress path beats one without (internet may be wanted later), then more free addresses.
 * With `internet`, a subnet without an egress path is passed over.
 */
export function preselectSubnets(views: readonly SubnetView[], region: string, internet?: boolean): Preselection {
  const passed: { subnet: SubnetView; reason: string; spare: boolean }[] = [];
  const candidates: SubnetView[] = [];
  const refuse = (subnet: SubnetView, reason: string): void => void passed.push({ subnet, reason, spare: false });
  for (const view of views) {
    if (!view.supported) refuse(view, `AZ ID ${view.azId} is not one where AgentCore places runtime ENIs in ${region}`);
    else if (view.tier === "public") refuse(view, `public: its default route goes to internet gateway ${view.target}, and a runtime ENI there gets no internet`);
    else if (internet === true && !hasEgressPath(view)) refuse(view, `no internet egress: its default route is ${DEFAULT_ROUTE_TITLE[view.defaultRoute]}`);
    else if (view.freeIps === 0) refuse(view, "no free addresses");
    else candidates.push(view);
  }
  const rank = (v: SubnetView): [number, number] => [hasEgressPath(v) ? 0 : 1, -v.freeIps];
  const better = (a: SubnetView, b: SubnetView): boolean => {
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] !== rb[0] ? ra[0] < rb[0] : ra[1] !== rb[1] ? ra[1] < rb[1] : a.id < b.id;
  };
  const best = new Map<string, SubnetView>();
  for (const view of candidates) {
    const current = best.get(view.azId);
    if (!current || better(view, current)) best.set(view.azId, view);
  }
  for (const view of candidates) {
    const taken = best.get(view.azId)!;
    if (taken !== view) passed.push({ subnet: view, reason: `one subnet per AZ: ${taken.id} is taken in ${view.azId}`, spare: true });
  }
  const chosen = [...best.values()].sort((a, b) => (a.azId < b.azId ? -1 : 1));
  return { chosen, passed: passed.sort((a, b) => (a.subnet.id < b.subnet.id ? -1 : 1)) };
}
