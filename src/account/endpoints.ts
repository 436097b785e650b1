import { ENDPOINT_RULES, serviceName } from "../catalog/endpoints.js";
import { TAG_NAME } from "../catalog/tags.js";
import { cidrHolds } from "../util/cidr.js";
import type { EndpointInfo, SecurityGroupRuleInfo, VpcDetails } from "./model.js";
import { routeTableOf } from "./subnets.js";

/** What the VPC's endpoint for one service means for the runtime. */
export interface EndpointVerdict {
  readonly suffix: string;
  readonly endpoint: EndpointInfo;
  /** Goes into vpc.existingEndpoints: the runtime uses it, and none is created in its place. */
  readonly reuse: boolean;
  /** Why the plan will stop until the endpoint's owners change it (a reused one that cannot serve yet). */
  readonly blocking?: string;
  /** What works but should be fixed. */
  readonly warnings: readonly string[];
  /** Why it is not reused, when it is not (one is then created, if the runtime needs it). */
  readonly reason?: string;
}

/** States in which an endpoint is no longer there for anyone. */
export const GONE_STATES: readonly string[] = ["deleting", "deleted", "rejected", "failed", "expired"];

/** The VPC's endpoints for a service, of one type, that still exist. */
export function vpcEndpointsFor(details: VpcDetails, region: string, suffix: string, type: string): EndpointInfo[] {
  return details.endpoints.filter((e) => e.serviceName === serviceName(region, suffix) && e.type === type && !GONE_STATES.includes(e.state));
}

export function allowsHttps(r: SecurityGroupRuleInfo): boolean {
  return ["tcp", "6", "-1"].includes(r.protocol) && (r.protocol === "-1" || r.fromPort === undefined || r.fromPort === -1 || (r.fromPort <= 443 && (r.toPort ?? 65535) >= 443));
}

/** The groups' rules in one direction that allow TCP 443. */
export function httpsRules(rules: readonly SecurityGroupRuleInfo[], groupIds: readonly string[], egress: boolean): SecurityGroupRuleInfo[] {
  return rules.filter((r) => groupIds.includes(r.groupId) && r.egress === egress && allowsHttps(r));
}

/** Whether every one of `cidrs` is held by some rule's CIDR. */
export function coversCidrs(rules: readonly SecurityGroupRuleInfo[], cidrs: readonly string[]): boolean {
  return cidrs.every((c) => rules.some((r) => r.cidrIpv4 !== undefined && cidrHolds(r.cidrIpv4, c)));
}

/** Whether the groups' rules admit TCP 443 from every one of `cidrs`: each held by some rule's CIDR. */
export function admitsHttpsFrom(rules: readonly SecurityGroupRuleInfo[], groupIds: readonly string[], cidrs: readonly string[]): boolean {
  return coversCidrs(httpsRules(rules, groupIds, false), cidrs);
}

function interfaceVerdict(suffix: string, candidates: readonly EndpointInfo[], details: VpcDetails, runtimeSubnetIds: readonly string[]): EndpointVerdict {
  const withDns = candidates.find((e) => e.privateDns);
  if (!withDns) {
    return { suffix, endpoint: candidates[0]!, reuse: false, warnings: [], reason: "private DNS is off, so the runtime would not reach it by the service's name" };
  }
  const azOf = (id: string): string | undefined => details.subnets.find((s) => s.id === id)?.azId;
  const runtimeAzs = [...new Set(runtimeSubnetIds.map(azOf).filter((a): a is string => a !== undefined))];
  const endpointAzs = [...new Set(withDns.subnetIds.map(azOf).filter((a): a is string => a !== undefined))];
  const warnings: string[] = [];
  let blocking: string | undefined;
  if (withDns.state !== "available") {
    blocking = `it is ${withDns.state}, not available; with private DNS on, another one cannot be created`;
  } else if (!runtimeAzs.some((az) => endpointAzs.includes(az))) {
    blocking = `it is only in ${endpointAzs.join(", ") || "no subnet"}, none of the runtime's AZs (${runtimeAzs.join(", ")}); with private DNS on, another one cannot be created: its owners must add a subnet in one of them`;
  } else {
    const missing = runtimeAzs.filter((az) => !endpointAzs.includes(az));
    if (missing.length > 0) warnings.push(`not in ${missing.join(", ")}: runtime ENIs there reach it across AZs`);
  }
  const cidrs = runtimeSubnetIds.map((id) => details.subnets.find((s) => s.id === id)?.cidr).filter((c): c is string => c !== undefined);
  if (details.endpointGroupRules === undefined) {
    warnings.push(`whether its security groups admit the runtime could not be checked: ${details.endpointGroupRulesError ?? "their rules were not read"}`);
  } else if (!admitsHttpsFrom(details.endpointGroupRules, withDns.securityGroupIds, cidrs)) {
    // A rule by group may name the runtime's once the network layer has made it: the plan checks that.
    const groups = [...new Set(httpsRules(details.endpointGroupRules, withDns.securityGroupIds, false).flatMap((r) => r.referencedGroupId ?? []))];
    warnings.push(
      groups.length > 0
        ? `its security groups (${withDns.securityGroupIds.join(", ")}) admit HTTPS from security groups ${groups.join(", ")}, but from no CIDR holding the runtime's subnets (${cidrs.join(", ")}): enough only if one of them is the runtime's (the plan checks)`
        : `its security groups (${withDns.securityGroupIds.join(", ")}) admit no HTTPS from the runtime's subnets (${cidrs.join(", ")}): their owners must add a rule (README.md of the project says which)`,
    );
  }
  return { suffix, endpoint: withDns, reuse: true, warnings, ...(blocking ? { blocking } : {}) };
}

/**
 * The VPC may have several S3 gateway endpoints, each on its own route tables (a table takes
 * one): what counts is that each runtime subnet's table has the route of one of them.
 */
function gatewayVerdict(suffix: string, candidates: readonly EndpointInfo[], details: VpcDetails, runtimeSubnetIds: readonly string[]): EndpointVerdict {
  const tables = [...new Set(runtimeSubnetIds.map((id) => routeTableOf(details.routeTables, id)?.id).filter((t): t is string => t !== undefined))];
  const ids = candidates.map((e) => e.id);
  const routed = tables.filter((t) => details.routeTables.find((x) => x.id === t)?.routes.some((r) => r.destinationPrefixListId !== undefined && ids.includes(r.gatewayId ?? "")));
  const endpoint = candidates.find((e) => e.routeTableIds.some((t) => routed.includes(t))) ?? candidates[0]!;
  if (routed.length === 0) return { suffix, endpoint, reuse: false, warnings: [], reason: `none is on the runtime's route tables (${tables.join(", ")})` };
  const missing = tables.filter((t) => !routed.includes(t));
  const blocking = missing.length > 0 ? `route table ${missing.join(", ")} of the runtime's subnets has no S3 gateway endpoint's route, and another endpoint cannot be put on the tables that do: add the table to ${endpoint.id}` : undefined;
  return { suffix, endpoint, reuse: true, warnings: [], ...(blocking ? { blocking } : {}) };
}

/**
 * The VPC's endpoints for the services `suffixes` names, judged for the runtime `name` in these
 * subnets. Its own endpoints (this project's tag with that name) are not the VPC's: they stay
 * its own, created and kept by its network layer. Services without a verdict are created.
 */
export function judgeEndpoints(details: VpcDetails, region: string, name: string, runtimeSubnetIds: readonly string[], suffixes: readonly string[]): EndpointVerdict[] {
  return ENDPOINT_RULES.filter((rule) => suffixes.includes(rule.suffix)).flatMap((rule) => {
    const candidates = vpcEndpointsFor(details, region, rule.suffix, rule.type)
      .filter((e) => e.tags[TAG_NAME] !== name)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    if (candidates.length === 0) return [];
    return [rule.type === "Gateway" ? gatewayVerdict(rule.suffix, candidates, details, runtimeSubnetIds) : interfaceVerdict(rule.suffix, candidates, details, runtimeSubnetIds)];
  });
}

/** The answers' vpc.existingEndpoints for these verdicts, in catalog order. */
export function existingEndpointsOf(verdicts: readonly EndpointVerdict[]): string[] {
  return verdicts.filter((v) => v.reuse).map((v) => v.suffix);
}
