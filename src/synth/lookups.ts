import { isExistingVpc, type Answers } from "../answers/model.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import * as P from "../catalog/patterns.js";
import { hclString, named, TAG_NAME, TAG_ROLE, TAG_TIER, variable, type StackKind } from "./common.js";

/** What a layer after the network layer knows of it: the private subnets and security groups by role. */
export interface NetworkLookups {
  readonly subnets: string;
  readonly groups: Readonly<Record<string, string>>;
}

/**
 * Finds the network layer's private subnets and the security groups of `roles` by tag, so the
 * layers share no state backend. In an existing VPC the subnets are the answers' own.
 */
export function networkLookups(stack: cdk.TerraformStack, plan: Plan, roles: readonly string[]): NetworkLookups {
  const { vpc } = plan.answers;
  if (isExistingVpc(vpc)) {
    variable(stack, "vpc_id", { type: "string", description: "ID of the existing VPC.", default: vpc.id });
    variable(stack, "subnet_ids", { type: "list(string)", description: "Private subnets of the runtime ENIs (checked by the network layer).", default: vpc.subnetIds });
  } else {
    named(new cdk.DataAwsVpc(stack, "data.aws_vpc.this", { tags: { [TAG_NAME]: "${var.name}" } }), "this");
    named(
      new cdk.DataAwsSubnets(stack, "data.aws_subnets.private", {
        filter: [{ name: "vpc-id", values: ["${data.aws_vpc.this.id}"] }],
        tags: { [TAG_NAME]: "${var.name}", [TAG_TIER]: "private" },
        lifecycle: {
          postcondition: [{ condition: "${length(self.ids) > 0}", errorMessage: "No private subnets tagged for ${var.name} were found: apply the network layer first." }],
        },
      }),
      "private",
    );
  }
  const vpcId = isExistingVpc(vpc) ? "${var.vpc_id}" : "${data.aws_vpc.this.id}";
  const groups = Object.fromEntries(
    roles.map((role) => {
      named(new cdk.DataAwsSecurityGroup(stack, `data.aws_security_group.${role}`, { vpcId, tags: { [TAG_NAME]: "${var.name}", [TAG_ROLE]: role } }), role);
      return [role, `\${data.aws_security_group.${role}.id}`];
    }),
  );
  return { subnets: isExistingVpc(vpc) ? "${var.subnet_ids}" : "${data.aws_subnets.private.ids}", groups };
}

/** The network's output, and a later module's input, that is the security group of `role`. */
export const groupInput = (role: string): string => `${role}_security_group_id`;

/** The network's security groups a layer after it uses, by role: the runtime's ENIs (and its tools'), or the database. */
export function groupsOf(layer: "data" | "runtime", answers: Answers): string[] {
  if (layer === "data") return ["database"];
  return ["runtime", ...(answers.browser?.network === "vpc" ? ["browser"] : []), ...(answers.codeInterpreter?.network === "vpc" ? ["code_interpreter"] : [])];
}

/** Whose ENIs or which database each security group role is for, in its input's description. */
const GROUP_OF: Readonly<Record<string, string>> = { runtime: "the runtime ENIs", browser: "the Browser's ENIs", code_interpreter: "the Code Interpreter's ENIs", database: "the database" };

/**
 * What a child module after the network module is given instead of finding it: its caller
 * passes the network module's outputs, or what its own look-ups found.
 */
export function networkInputs(stack: cdk.TerraformStack, roles: readonly string[]): NetworkLookups {
  variable(stack, "subnet_ids", { type: "list(string)", description: "Private subnets in supported AZ IDs: the network module's private_subnet_ids." });
  const groups = Object.fromEntries(
    roles.map((role) => {
      const name = groupInput(role);
      variable(stack, name, {
        type: "string",
        description: `Security group of ${GROUP_OF[role] ?? role}: the network module's ${name}.`,
        validation: { condition: `\${can(regex(${hclString(P.SECURITY_GROUP_ID.source)}, var.${name}))}`, errorMessage: `${name} must be a security group ID such as sg-0123456789abcdef0.` },
      });
      return [role, `\${var.${name}}`];
    }),
  );
  return { subnets: "${var.subnet_ids}", groups };
}

/** The network as a layer finds it (a root) or is given it (a child module). */
export function networkOf(stack: cdk.TerraformStack, plan: Plan, roles: readonly string[], kind: StackKind): NetworkLookups {
  return kind === "root" ? networkLookups(stack, plan, roles) : networkInputs(stack, roles);
}
