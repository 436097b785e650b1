import { supportedAzIds } from "../../catalog/regions.js";
import { runtimeSubnets } from "../facts.js";
import type { Rule } from "../rule.js";

/** UPDATE_FAILED within seconds and no reason: AgentCore places ENIs only in its supported AZ IDs (facts §1). */
export const subnetAzUnsupported: Rule = {
  id: "subnet-az-unsupported",
  severity: "error",
  finds: "a runtime subnet whose AZ ID AgentCore does not support",
  check: (t) =>
    runtimeSubnets(t)
      .filter((s) => !s.supported)
      .map((s) => ({
        resource: s.id,
        message: `Subnet ${s.id} is in AZ ID ${s.azId}, where AgentCore does not place runtime ENIs.`,
        evidence: `${s.azName} is ${s.azId} in this account; AgentCore supports ${(supportedAzIds(t.region) ?? []).join(", ")} in ${t.region}.`,
        fix: `Use a subnet in one of ${(supportedAzIds(t.region) ?? []).join(", ")}: aws ec2 describe-subnets --region ${t.region} --filters Name=vpc-id,Values=${t.details.vpc.id} Name=availability-zone-id,Values=${(supportedAzIds(t.region) ?? []).join(",")}`,
      })),
};
