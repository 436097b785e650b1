import { supportedAzIds } from "../../catalog/regions.js";
import { runtimeSubnets } from "../facts.js";
import type { NetworkRule } from "../rule.js";

/** UPDATE_FAILED within seconds and no reason: AgentCore places ENIs only in its supported AZ IDs (facts §1). */
export const subnetAzUnsupported: NetworkRule = {
  id: "subnet-az-unsupported",
  severity: "error",
  scope: "network",
  finds: "a runtime subnet whose AZ ID AgentCore does not support",
  check: (t) =>
    runtimeSubnets(t)
      .filter((s) => !s.supported)
      .map((s) => ({
        resource: s.id,
        message: `Subnet ${s.id} is in AZ ID ${s.azId}, where AgentCore does not place runtime ENIs.`,
        evidence: `${s.azName} is ${s.azId} in this account; AgentCore supports ${(supportedAzIds(t.region) ?? []).join(", ")} in ${t.region}.`,
        fix: `Use a subnet in one of ${(supportedAzIds(t.region) ?? []).join(", ")}: aws ec2 describe-subnets --region ${t.region} --filters Name=vpc-id,Values=${t.details.vpc.id} Name=availability-zone-id,Values=${(supportedAzIds(t.region) ?? []).join(",")}`,
        answer: `replace ${s.id} in vpc.subnetIds of agentcore-vpc.json with a subnet in ${(supportedAzIds(t.region) ?? []).join(", ")} and regenerate`,
      })),
};
