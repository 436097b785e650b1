import { serviceName } from "../../catalog/endpoints.js";
import { endpointsOf, needsEndpoints, s3GatewayRoutes, servicesCalled } from "../facts.js";
import type { NetworkRule } from "../rule.js";

/** READY, then health checks time out and the log group stays empty: no path to ECR, S3 or logs (facts §2). */
export const endpointMissing: NetworkRule = {
  id: "endpoint-missing",
  severity: "error",
  scope: "network",
  finds: "no NAT or transit path and no endpoint for a service the runtime needs",
  check: (t) => {
    if (!needsEndpoints(t)) return [];
    const s3Tables = new Set(s3GatewayRoutes(t).map((r) => r.tableId));
    return servicesCalled(t).flatMap((s) => {
      const name = serviceName(t.region, s.suffix);
      const present = s.type === "Gateway" ? s3Tables.size > 0 : endpointsOf(t, s.suffix, "Interface").length > 0;
      if (present) return [];
      return [
        {
          resource: name,
          message: `The VPC has no ${s.type === "Gateway" ? "gateway" : "interface"} endpoint for ${name}, and a runtime subnet has no way out of the VPC.`,
          evidence: `ec2:DescribeVpcEndpoints lists none for ${name} in ${t.details.vpc.id}; a runtime subnet's default route leads nowhere outside it.`,
          fix:
            s.type === "Gateway"
              ? `aws ec2 create-vpc-endpoint --region ${t.region} --vpc-id ${t.details.vpc.id} --service-name ${name} --route-table-ids <the runtime subnets' route tables>`
              : `aws ec2 create-vpc-endpoint --region ${t.region} --vpc-id ${t.details.vpc.id} --vpc-endpoint-type Interface --service-name ${name} --private-dns-enabled --subnet-ids <one runtime subnet per AZ> --security-group-ids <a group admitting HTTPS from the runtime>`,
          answer: `in an existing VPC, remove "${s.suffix}" from vpc.existingEndpoints in agentcore-vpc.json (the network layer then creates it) or set internet to true, and regenerate; in a VPC the project made, apply the network layer (it creates every endpoint the features need)`,
        },
      ];
    });
  },
};
