import { serviceName } from "../../catalog/endpoints.js";
import { endpointsOf, needsEndpoints, servicesCalled } from "../facts.js";
import type { NetworkRule } from "../rule.js";

/** The runtime calls services by their public names: only private DNS sends them to an endpoint. */
export const endpointPrivateDnsOff: NetworkRule = {
  id: "endpoint-private-dns-off",
  severity: "error",
  scope: "network",
  finds: "an interface endpoint the runtime would use has private DNS off",
  check: (t) => {
    if (!needsEndpoints(t)) return [];
    return servicesCalled(t)
      .filter((s) => s.type === "Interface")
      .flatMap((s) => {
        const endpoints = endpointsOf(t, s.suffix, "Interface");
        if (endpoints.length === 0 || endpoints.some((e) => e.privateDns)) return [];
        return endpoints.map((e) => ({
          resource: e.id,
          message: `Endpoint ${e.id} for ${serviceName(t.region, s.suffix)} has private DNS off: the runtime's calls by the service's name do not reach it.`,
          evidence: "ec2:DescribeVpcEndpoints: PrivateDnsEnabled = false, and no other endpoint for the service has it on.",
          fix: `aws ec2 modify-vpc-endpoint --region ${t.region} --vpc-endpoint-id ${e.id} --private-dns-enabled`,
        }));
      });
  },
};
