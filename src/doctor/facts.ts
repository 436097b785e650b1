import type { EndpointInfo, SecurityGroupRuleInfo } from "../account/model.js";
import { routeTableOf, subnetViews, hasEgressPath, type SubnetView } from "../account/subnets.js";
import { coversCidrs, httpsRules, vpcEndpointsFor } from "../account/endpoints.js";
import { endpointsFor, type EndpointRule } from "../catalog/endpoints.js";
import type { NotChecked } from "./rule.js";
import type { NetworkTarget } from "./target.js";

/** What several rules derive from the target. */

export function runtimeSubnets(t: NetworkTarget): SubnetView[] {
  return subnetViews(t.details, t.region).filter((v) => t.subnetIds.includes(v.id));
}

/** Without a way out of the VPC from every runtime subnet, each service needs an endpoint. */
export function needsEndpoints(t: NetworkTarget): boolean {
  return runtimeSubnets(t).some((s) => !hasEgressPath(s));
}

/** The services the runtime calls, as the generator's catalog lists them. */
export function servicesCalled(t: NetworkTarget): Pick<EndpointRule, "suffix" | "type">[] {
  return endpointsFor(t.features, false).filter((s) => !(s.suffix === "s3" && t.serviceS3Endpoint === true));
}

/** The VPC's endpoints for a service, of the catalog's type, that still exist. */
export function endpointsOf(t: NetworkTarget, suffix: string, type: string): EndpointInfo[] {
  return vpcEndpointsFor(t.details, t.region, suffix, type);
}

/** The interface endpoints the runtime's calls resolve to: private DNS on, for a service it calls. */
export function endpointsInUse(t: NetworkTarget): { suffix: string; endpoint: EndpointInfo }[] {
  return servicesCalled(t)
    .filter((s) => s.type === "Interface")
    .flatMap((s) => endpointsOf(t, s.suffix, "Interface").filter((e) => e.privateDns).map((endpoint) => ({ suffix: s.suffix, endpoint })));
}

/** The S3 gateway endpoints whose route a runtime subnet's table carries. */
export function s3GatewayRoutes(t: NetworkTarget): { tableId: string; prefixListId: string }[] {
  const s3 = endpointsOf(t, "s3", "Gateway").map((e) => e.id);
  const tables = [...new Set(t.subnetIds.map((id) => routeTableOf(t.details.routeTables, id)).filter((x) => x !== undefined))];
  return tables.flatMap((table) =>
    table.routes.filter((r) => r.destinationPrefixListId && s3.includes(r.gatewayId ?? "")).map((r) => ({ tableId: table.id, prefixListId: r.destinationPrefixListId! })),
  );
}

/** Whether rules of `groupIds` in direction `egress` allow HTTPS to (or from) a group of `peers`, or to CIDRs holding each of `cidrs`. */
export function httpsBetween(rules: readonly SecurityGroupRuleInfo[], groupIds: readonly string[], egress: boolean, peers: readonly string[], cidrs: readonly string[]): boolean {
  const https = httpsRules(rules, groupIds, egress);
  if (https.some((r) => r.referencedGroupId !== undefined && peers.includes(r.referencedGroupId))) return true;
  return cidrs.length > 0 && coversCidrs(https, cidrs);
}

/** The runtime's security group rules, or why the rules that need them cannot run. */
export function runtimeGroupRules(t: NetworkTarget): readonly SecurityGroupRuleInfo[] | NotChecked {
  if (t.groupIds.length === 0) return { notChecked: "no runtime security group was named (--security-groups)" };
  return t.groupRules ?? { notChecked: t.groupRulesError ?? "the runtime's security group rules were not read" };
}

export function subnetCidrs(t: NetworkTarget, ids: readonly string[]): string[] {
  return t.details.subnets.filter((s) => ids.includes(s.id)).map((s) => s.cidr);
}
