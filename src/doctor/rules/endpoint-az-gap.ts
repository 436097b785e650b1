import { endpointsInUse, runtimeSubnets } from "../facts.js";
import type { NetworkRule } from "../rule.js";

export const endpointAzGap: NetworkRule = {
  id: "endpoint-az-gap",
  severity: "warning",
  scope: "network",
  finds: "an interface endpoint absent from a runtime subnet's AZ",
  check: (t) => {
    const runtimeAzs = [...new Set(runtimeSubnets(t).map((s) => s.azId))];
    return endpointsInUse(t).flatMap(({ endpoint }) => {
      const azs = new Set(t.details.subnets.filter((s) => endpoint.subnetIds.includes(s.id)).map((s) => s.azId));
      const missing = runtimeAzs.filter((az) => !azs.has(az));
      if (missing.length === 0) return [];
      return [
        {
          resource: endpoint.id,
          message: `Endpoint ${endpoint.id} (${endpoint.serviceName}) is not in ${missing.join(", ")}: runtime ENIs there reach it across AZs, and lose it when its AZ fails.`,
          evidence: `its subnets are in ${[...azs].join(", ") || "no AZ"}; the runtime's are in ${runtimeAzs.join(", ")}.`,
          fix: `aws ec2 modify-vpc-endpoint --region ${t.region} --vpc-endpoint-id ${endpoint.id} --add-subnet-ids <a subnet in ${missing.join(", ")}>`,
        },
      ];
    });
  },
};
