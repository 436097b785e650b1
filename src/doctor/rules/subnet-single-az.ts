import { runtimeSubnets } from "../facts.js";
import type { NetworkRule } from "../rule.js";

export const subnetSingleAz: NetworkRule = {
  id: "subnet-single-az",
  severity: "warning",
  scope: "network",
  finds: "all runtime subnets in one AZ",
  check: (t) => {
    const azs = [...new Set(runtimeSubnets(t).map((s) => s.azId))];
    if (azs.length !== 1) return [];
    return [
      {
        resource: t.subnetIds.join(", "),
        message: `Every runtime subnet is in ${azs[0]}: the runtime stops when that AZ does.`,
        evidence: `subnets ${t.subnetIds.join(", ")} are all in ${azs[0]}.`,
        fix: "Add a private subnet in a second supported AZ ID to the runtime's network configuration.",
      },
    ];
  },
};
