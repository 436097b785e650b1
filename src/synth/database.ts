import type { RdsSettings } from "../answers/model.js";
import * as P from "../catalog/patterns.js";
import * as cdk from "./cdktn.js";
import { hclString, named, output, variable } from "./common.js";
import { databasePort } from "./database-access.js";
import { rule, securityGroup } from "./groups.js";

type Stack = cdk.TerraformStack;

/** The group the database port is opened on: one this layer makes to attach, or the database's own. */
const TARGET: Readonly<Record<RdsSettings["mode"], string>> = { attach: "${aws_security_group.database.id}", existing: "${data.aws_security_group.database.id}", create: "${aws_security_group.database.id}" };

export function databaseVariables(stack: Stack, rds: RdsSettings): void {
  databasePort(stack, rds.port, rds.mode === "attach" ? "Port of the RDS database the agent connects to." : `Port of the database, opened from the runtime; keep ${rds.mode === "create" ? "data/'s" : "runtime/'s"} database_port equal to it.`);
  if (rds.mode !== "existing") return;
  variable(stack, "database_security_group_id", {
    type: "string",
    description: "Security group of the existing database: the network layer adds an ingress rule on it from the runtime's group.",
    default: rds.securityGroupId,
    validation: { condition: `\${can(regex(${hclString(P.SECURITY_GROUP_ID.source)}, var.database_security_group_id))}`, errorMessage: "database_security_group_id must be a security group ID such as sg-0123456789abcdef0." },
  });
}

/** The expression inside "${...}", to compare with inside another one. */
function expression(interpolation: string): string {
  const inner = /^\$\{(.+)\}$/.exec(interpolation)?.[1];
  if (!inner) throw new Error(`not a single interpolation: ${interpolation}`);
  return inner;
}

/** The database port between the runtime and the database, both ways, and nothing else. */
export function database(stack: Stack, rds: RdsSettings, vpcId: string): void {
  if (rds.mode !== "existing") {
    // For a created database the group is made here rather than in data/: the runtime's egress rule refers to it.
    const role = rds.mode === "create" ? "The RDS database of data/" : "Attach to the RDS database";
    securityGroup(stack, "database", `${role}: accepts the database port from the runtime only`, vpcId);
  } else {
    // The group must be in the runtime's VPC: a rule referencing a group of another VPC admits nothing.
    named(
      new cdk.DataAwsSecurityGroup(stack, "data.aws_security_group.database", {
        id: "${var.database_security_group_id}",
        lifecycle: {
          postcondition: [
            {
              condition: `\${self.vpc_id == ${expression(vpcId)}}`,
              errorMessage: "The database security group ${var.database_security_group_id} is in ${self.vpc_id}, not in the runtime's VPC: give the group of a database in that VPC (rds.securityGroupId in agentcore-vpc.json).",
            },
          ],
        },
      }),
      "database",
    );
  }
  const port = cdk.Token.asNumber("${var.database_port}");
  const dbPort = { fromPort: port, toPort: port };
  rule(stack, "egress", "runtime_to_database", "runtime", { referencedSecurityGroupId: TARGET[rds.mode], description: "Database port to the RDS database", ...dbPort });
  rule(stack, "ingress", "database_from_runtime", TARGET[rds.mode], { referencedSecurityGroupId: "${aws_security_group.runtime.id}", description: "Database port from the AgentCore runtime", ...dbPort });
}

export function databaseOutputs(stack: Stack, rds: RdsSettings, dependsOn: readonly cdk.TerraformResource[]): void {
  output(
    stack,
    "database_security_group_id",
    { attach: "Attach this security group to the RDS database.", existing: "The existing database's security group, which now admits the runtime on the database port.", create: "Security group of the database data/ creates." }[rds.mode],
    TARGET[rds.mode],
    dependsOn,
  );
}
