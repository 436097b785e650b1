import * as cdk from "./cdktn.js";
import { named, TAG_ROLE, type Assertion } from "./common.js";

type Stack = cdk.TerraformStack;

export function securityGroup(stack: Stack, role: string, description: string, vpcId: string, preconditions: readonly Assertion[] = []): void {
  named(
    new cdk.SecurityGroup(stack, `aws_security_group.${role}`, {
      name: `\${var.name}-${role}`,
      description,
      vpcId,
      tags: { Name: `\${var.name}-${role}`, [TAG_ROLE]: role },
      ...(preconditions.length > 0 ? { lifecycle: { precondition: [...preconditions] } } : {}),
    }),
    role,
  );
}

export type RuleProps = Omit<cdk.VpcSecurityGroupEgressRuleConfig, "securityGroupId" | "ipProtocol">;

/** A TCP rule on a security group: one of this layer's by role ("runtime"), or any by an expression ("${...}"). */
export function rule(stack: Stack, direction: "egress" | "ingress", name: string, from: string, props: RuleProps): void {
  const config = { securityGroupId: from.startsWith("${") ? from : `\${aws_security_group.${from}.id}`, ipProtocol: "tcp", ...props };
  const type = `aws_vpc_security_group_${direction}_rule`;
  named(
    direction === "egress" ? new cdk.VpcSecurityGroupEgressRule(stack, `${type}.${name}`, config) : new cdk.VpcSecurityGroupIngressRule(stack, `${type}.${name}`, config),
    name,
  );
}

