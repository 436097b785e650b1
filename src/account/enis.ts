import type { ManagedEniInfo } from "./model.js";
import { holdsInterfaces, type RuntimeInfo } from "./runtime.js";

/** Where to look for AgentCore's interfaces: these subnets or security groups, or the whole VPC when neither is named. */
export interface EniScope {
  readonly subnetIds?: readonly string[];
  readonly groupIds: readonly string[];
}

export function inScope(enis: readonly ManagedEniInfo[], scope: EniScope): ManagedEniInfo[] {
  const bySubnet = (e: ManagedEniInfo): boolean => scope.subnetIds?.includes(e.subnetId) ?? false;
  const byGroup = (e: ManagedEniInfo): boolean => e.securityGroupIds.some((g) => scope.groupIds.includes(g));
  return scope.subnetIds === undefined && scope.groupIds.length === 0 ? [...enis] : enis.filter((e) => bySubnet(e) || byGroup(e));
}

/** Whether a runtime that still holds interfaces uses this one: its subnet, and one of its groups. */
export function usedBy(eni: ManagedEniInfo, runtimes: readonly Pick<RuntimeInfo, "status" | "subnetIds" | "groupIds">[]): boolean {
  return runtimes.some((r) => holdsInterfaces(r.status) && r.subnetIds.includes(eni.subnetId) && r.groupIds.some((g) => eni.securityGroupIds.includes(g)));
}
