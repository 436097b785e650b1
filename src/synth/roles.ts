import * as cdk from "./cdktn.js";
import { named } from "./common.js";
import { AGENTCORE } from "./execution-policy.js";

type Stack = cdk.TerraformStack;

/**
 * The trust every role of this layer has in AgentCore: the runtime, the gateway and the tools are
 * all assumed by the same service. The SourceAccount/SourceArn conditions keep other accounts'
 * AgentCore from assuming them (the confused-deputy guard, agentcore-facts §6).
 */
export function agentcoreTrust(stack: Stack): cdk.DataAwsIamPolicyDocument {
  return named(
    new cdk.DataAwsIamPolicyDocument(stack, "data.aws_iam_policy_document.trust", {
      statement: [
        {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["bedrock-agentcore.amazonaws.com"] }],
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: ["${local.account_id}"] },
            { test: "ArnLike", variable: "aws:SourceArn", values: [`${AGENTCORE}:*`] },
          ],
        },
      ],
    }),
    "trust",
  );
}

export interface RoleSpec {
  /** Terraform name, and the role name's suffix (with hyphens) unless `suffix` gives a shorter one. */
  readonly key: string;
  /** IAM role names have at most 64 characters, and the runtime name up to 48. */
  readonly suffix?: string;
  readonly description: string;
  /** Inline permissions; none gives a role that may do nothing until its user grants what they need. */
  readonly statements?: readonly cdk.DataAwsIamPolicyDocumentStatement[];
}

/** A role AgentCore assumes, with its inline policy; what uses the role depends on the policy too. */
export function serviceRole(stack: Stack, trust: cdk.DataAwsIamPolicyDocument, spec: RoleSpec): { role: cdk.IamRole; policy?: cdk.IamRolePolicy } {
  const name = `\${var.name}-${spec.suffix ?? spec.key.replace(/_/g, "-")}`;
  const document = spec.statements
    ? named(new cdk.DataAwsIamPolicyDocument(stack, `data.aws_iam_policy_document.${spec.key}`, { statement: [...spec.statements] }), spec.key)
    : undefined;
  const role = named(new cdk.IamRole(stack, `aws_iam_role.${spec.key}`, { name, description: spec.description, assumeRolePolicy: trust.json }), spec.key);
  if (!document) return { role };
  const policy = named(new cdk.IamRolePolicy(stack, `aws_iam_role_policy.${spec.key}`, { name, role: role.id, policy: document.json }), spec.key);
  return { role, policy };
}
