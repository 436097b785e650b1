import { inScope, usedBy } from "../../account/enis.js";
import { holdsInterfaces, isUnread } from "../../account/runtime.js";
import type { NetworkRule } from "../rule.js";

/** Interfaces AgentCore keeps for hours after a runtime goes block the network's teardown (facts §8). */
export const eniLingering: NetworkRule = {
  id: "eni-lingering",
  severity: "warning",
  scope: "network",
  finds: "AgentCore-managed ENIs in these subnets or groups with no runtime using them (the network cannot be destroyed yet)",
  check: (t) => {
    if (isUnread(t.managedEnis)) return { notChecked: t.managedEnis.unread };
    if (isUnread(t.runtimes)) return { notChecked: t.runtimes.unread };
    const runtimes = t.runtimes;
    const lingering = inScope(t.managedEnis, { subnetIds: t.subnetIds, groupIds: t.groupIds }).filter((e) => !usedBy(e, runtimes));
    const live = runtimes.filter((r) => holdsInterfaces(r.status));
    if (lingering.length === 0) return [];
    const subnets = [...new Set(lingering.map((e) => e.subnetId))];
    const groups = [...new Set(lingering.flatMap((e) => e.securityGroupIds))];
    return [
      {
        resource: lingering.map((e) => e.id).join(", "),
        message: `${lingering.length} AgentCore network interface${lingering.length > 1 ? "s" : ""} remain${lingering.length > 1 ? "" : "s"} with no runtime using ${lingering.length > 1 ? "them" : "it"}: subnets ${subnets.join(", ")} and groups ${groups.join(", ")} cannot be deleted until AgentCore releases ${lingering.length > 1 ? "them" : "it"}.`,
        evidence: `ec2:DescribeNetworkInterfaces (tag AmazonBedrockAgentCoreManaged=true) lists ${lingering.map((e) => `${e.id} in ${e.subnetId}`).join(", ")}; ${live.length === 0 ? "the region has no runtime that holds interfaces" : `none of the region's ${live.length} runtimes that hold interfaces uses that subnet with those groups`} (a VPC-mode Browser or Code Interpreter, which the doctor does not read, makes such interfaces too).`,
        fix: `Wait: AgentCore releases them up to about 8 hours after the runtime is deleted; they cannot be deleted by hand. create-agentcore-vpc doctor --wait-for-enis --region ${t.region} --vpc ${t.details.vpc.id} --subnets ${subnets.join(",")} waits for it.`,
      },
    ];
  },
};
