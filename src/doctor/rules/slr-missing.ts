import { isUnread, NETWORK_SLR } from "../../account/runtime.js";
import type { AccountRule } from "../rule.js";

/** Often blamed for a failure it did not cause: AWS creates it on the first VPC-mode create, if the caller may (facts §8). */
export const slrMissing: AccountRule = {
  id: "slr-missing",
  severity: "info",
  scope: "account",
  finds: "AWSServiceRoleForBedrockAgentCoreNetwork absent (AWS creates it on the first VPC-mode create if the caller may)",
  check: ({ serviceLinkedRole }) => {
    if (isUnread(serviceLinkedRole)) return { notChecked: serviceLinkedRole.unread };
    if (serviceLinkedRole) return [];
    return [
      {
        resource: NETWORK_SLR,
        message: `The account has no ${NETWORK_SLR} yet. AWS creates it on the first VPC-mode create, if the identity creating the runtime may call iam:CreateServiceLinkedRole.`,
        evidence: `iam:GetRole ${NETWORK_SLR} answers NoSuchEntity.`,
        fix: "Nothing, if whoever applies the runtime layer has iam:CreateServiceLinkedRole; otherwise create it once: aws iam create-service-linked-role --aws-service-name network.bedrock-agentcore.amazonaws.com",
      },
    ];
  },
};
