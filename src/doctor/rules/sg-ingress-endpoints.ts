import { endpointsInUse, httpsBetween, subnetCidrs } from "../facts.js";
import type { NetworkRule } from "../rule.js";

export const sgIngressEndpoints: NetworkRule = {
  id: "sg-ingress-endpoints",
  severity: "error",
  scope: "network",
  finds: "an endpoint's security group admits no 443 from the runtime's security groups or subnets",
  check: (t) => {
    const rules = t.details.endpointGroupRules;
    if (!rules) return { notChecked: t.details.endpointGroupRulesError ?? "the endpoints' security group rules were not read" };
    const cidrs = subnetCidrs(t, t.subnetIds);
    return endpointsInUse(t)
      .filter(({ endpoint }) => !httpsBetween(rules, endpoint.securityGroupIds, false, t.groupIds, cidrs))
      .map(({ endpoint }) => ({
        resource: endpoint.id,
        message: `Endpoint ${endpoint.id} (${endpoint.serviceName}) admits no HTTPS from the runtime: its calls to the service time out.`,
        evidence: `ingress rules of ${endpoint.securityGroupIds.join(", ")} name neither ${t.groupIds.join(", ") || "a runtime group"} nor CIDRs holding ${cidrs.join(", ")}.`,
        fix: `aws ec2 authorize-security-group-ingress --region ${t.region} --group-id ${endpoint.securityGroupIds[0] ?? "<the endpoint's group>"} --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,${t.groupIds[0] ? `UserIdGroupPairs=[{GroupId=${t.groupIds[0]}}]` : `IpRanges=[{CidrIp=${cidrs[0]}}]`}'`,
      }));
  },
};
