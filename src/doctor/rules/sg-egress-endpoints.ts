import { endpointsInUse, httpsBetween, runtimeGroupRules, subnetCidrs } from "../facts.js";
import type { NetworkRule } from "../rule.js";

export const sgEgressEndpoints: NetworkRule = {
  id: "sg-egress-endpoints",
  severity: "error",
  scope: "network",
  finds: "the runtime's security groups allow no 443 egress to an interface endpoint it needs",
  check: (t) => {
    const rules = runtimeGroupRules(t);
    if ("notChecked" in rules) return rules;
    return endpointsInUse(t)
      .filter(({ endpoint }) => !httpsBetween(rules, t.groupIds, true, endpoint.securityGroupIds, subnetCidrs(t, endpoint.subnetIds)))
      .map(({ endpoint }) => ({
        resource: endpoint.id,
        message: `The runtime's security groups allow no HTTPS to endpoint ${endpoint.id} (${endpoint.serviceName}): its calls to the service time out.`,
        evidence: `egress rules of ${t.groupIds.join(", ")} name neither ${endpoint.securityGroupIds.join(", ")} nor CIDRs holding the endpoint's subnets.`,
        fix: `aws ec2 authorize-security-group-egress --region ${t.region} --group-id ${t.groupIds[0]} --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,UserIdGroupPairs=[{GroupId=${endpoint.securityGroupIds[0] ?? "<the endpoint's group>"}}]'`,
      }));
  },
};
