import { httpsRules } from "../../account/endpoints.js";
import { runtimeGroupRules, s3GatewayRoutes } from "../facts.js";
import type { NetworkRule } from "../rule.js";

/** Egress to the endpoints' group alone silently drops image layers, which come from S3 (facts §2). */
export const sgEgressS3: NetworkRule = {
  id: "sg-egress-s3",
  severity: "error",
  scope: "network",
  finds: "S3 through a gateway endpoint, but no 443 egress to the S3 prefix list (or 0.0.0.0/0)",
  check: (t) => {
    if (t.serviceS3Endpoint === true) return [];
    const rules = runtimeGroupRules(t);
    if ("notChecked" in rules) return rules;
    const lists = [...new Set(s3GatewayRoutes(t).map((r) => r.prefixListId))];
    if (lists.length === 0) return [];
    const egress = httpsRules(rules, t.groupIds, true);
    if (egress.some((r) => (r.prefixListId !== undefined && lists.includes(r.prefixListId)) || r.cidrIpv4 === "0.0.0.0/0")) return [];
    return [
      {
        resource: t.groupIds.join(", "),
        message: "The runtime reaches S3 through a gateway endpoint, but its security groups allow no HTTPS to the S3 prefix list: image layers do not download.",
        evidence: `the runtime subnets' route tables send ${lists.join(", ")} to an S3 gateway endpoint; no egress rule of ${t.groupIds.join(", ")} names it or 0.0.0.0/0.`,
        fix: `aws ec2 authorize-security-group-egress --region ${t.region} --group-id ${t.groupIds[0]} --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId=${lists[0]}}]'`,
      },
    ];
  },
};
