import { isExistingVpc } from "../answers/model.js";
import * as P from "../catalog/patterns.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { forEachIn, layerStack, named, output, variable, type StackKind } from "./common.js";
import { database, databaseOutputs, databaseVariables } from "./database.js";
import { flowLogs } from "./flow-logs.js";
import { rule, securityGroup } from "./groups.js";
import { existingVpc, newVpc, type VpcRefs } from "./vpc.js";

type Stack = cdk.TerraformStack;

const https = { fromPort: 443, toPort: 443 };

/** A workload's HTTPS paths to AWS: the interface endpoints (created and reused), S3, and the internet when asked for. */
function awsPaths(stack: Stack, plan: Plan, refs: VpcRefs, role: string, s3Use: string): void {
  rule(stack, "egress", `${role}_to_endpoints`, role, { referencedSecurityGroupId: "${aws_security_group.endpoints.id}", description: "HTTPS to the interface endpoints", ...https });
  if (refs.reused) {
    rule(stack, "egress", `${role}_to_existing_endpoints`, role, {
      forEach: forEachIn(`toset(${refs.reused.interfaceGroupIds})`),
      referencedSecurityGroupId: "${each.key}",
      description: "HTTPS to the VPC's own interface endpoints",
      ...https,
    });
  }
  // Without this rule S3 traffic through the gateway endpoint is silently dropped.
  rule(stack, "egress", `${role}_to_s3`, role, {
    prefixListId: refs.reused?.s3PrefixListId ?? "${aws_vpc_endpoint.s3.prefix_list_id}",
    description: `HTTPS to S3 through the gateway endpoint (${s3Use})`,
    ...https,
  });
  rule(stack, "ingress", `endpoints_from_${role}`, "endpoints", { referencedSecurityGroupId: `\${aws_security_group.${role}.id}`, description: `HTTPS from the ${role.replace(/_/g, " ")}`, ...https });
  if (plan.answers.internet) {
    rule(stack, "egress", `${role}_to_internet`, role, { cidrIpv4: "0.0.0.0/0", description: "HTTPS to the internet through the NAT gateway", ...https });
  }
}

/** The built-in tools in VPC mode: their ENIs sit in the runtime's subnets, each tool with a group of its own and nothing inbound. */
function toolGroups(stack: Stack, plan: Plan, refs: VpcRefs): void {
  const { browser, codeInterpreter } = plan.answers;
  if (browser?.network === "vpc") {
    securityGroup(stack, "browser", "AgentCore Browser ENIs: no ingress, web egress through the NAT path", refs.vpcId);
    for (const [name, port] of [["https", 443], ["http", 80]] as const) {
      rule(stack, "egress", `browser_to_web_${name}`, "browser", { cidrIpv4: "0.0.0.0/0", description: `${name.toUpperCase()} to websites, intranet and public`, fromPort: port, toPort: port });
    }
  }
  if (codeInterpreter?.network === "vpc") {
    securityGroup(stack, "code_interpreter", "AgentCore Code Interpreter ENIs: no ingress, egress to AWS and the VPC's services", refs.vpcId);
    awsPaths(stack, plan, refs, "code_interpreter", "objects the code reads and writes");
    rule(stack, "egress", "code_interpreter_to_vpc", "code_interpreter", { cidrIpv4: refs.vpcCidr, description: "HTTPS to the VPC's own services", ...https });
  }
}

function securityGroups(stack: Stack, plan: Plan, refs: VpcRefs): void {
  // Invocations do not enter through the runtime ENI: no ingress at all.
  securityGroup(stack, "runtime", "AgentCore runtime ENIs: no ingress, egress only where the agent needs it", refs.vpcId, refs.runtimePreconditions);
  securityGroup(stack, "endpoints", refs.sharedCidrs ? "Interface VPC endpoints: HTTPS from the runtime and the VPC" : "Interface VPC endpoints: HTTPS from the runtime only", refs.vpcId);
  awsPaths(stack, plan, refs, "runtime", "image layers");
  if (refs.sharedCidrs) {
    // Private DNS sends the whole VPC's calls of these services to these endpoints: its other workloads must keep reaching them.
    rule(stack, "ingress", "endpoints_from_vpc", "endpoints", {
      forEach: forEachIn(`toset(${refs.sharedCidrs})`),
      cidrIpv4: "${each.key}",
      description: "HTTPS from the VPC's other workloads, whose DNS resolves these services to these endpoints",
      ...https,
    });
  }
  toolGroups(stack, plan, refs);
  if (plan.answers.rds) database(stack, plan.answers.rds, refs.vpcId);
}

function endpoints(stack: Stack, refs: VpcRefs): void {
  if (!refs.reused?.s3PrefixListId) {
    named(
      new cdk.VpcEndpoint(stack, "aws_vpc_endpoint.s3", {
        vpcId: refs.vpcId,
        serviceName: "com.amazonaws.${var.region}.s3",
        vpcEndpointType: "Gateway",
        routeTableIds: Array.isArray(refs.routeTableIds) ? refs.routeTableIds : cdk.Token.asList(refs.routeTableIds),
        tags: { Name: "${var.name}-s3" },
      }),
      "s3",
    );
  }
  named(
    new cdk.VpcEndpoint(stack, "aws_vpc_endpoint.interface", {
      forEach: forEachIn("toset(var.interface_endpoints)"),
      vpcId: refs.vpcId,
      serviceName: "com.amazonaws.${var.region}.${each.key}",
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: cdk.Token.asList(refs.endpointSubnetIds),
      securityGroupIds: ["${aws_security_group.endpoints.id}"],
      tags: { Name: "${var.name}-${each.key}" },
      ...(refs.interfaceEndpointPrecondition ? { lifecycle: { precondition: [refs.interfaceEndpointPrecondition] } } : {}),
    }),
    "interface",
  );
}

/** What the runtime's image pull, logs and calls travel through: the endpoints, the security group rules and the routes. */
const PATH_TYPES = new Set(["aws_vpc_endpoint", "aws_vpc_security_group_egress_rule", "aws_vpc_security_group_ingress_rule", "aws_route", "aws_route_table_association", "aws_nat_gateway"]);

/** The network layer: lives longer than the runtime, because AgentCore ENIs linger after a runtime is deleted. */
export function networkStack(scope: cdk.Construct, plan: Plan, kind: StackKind): Stack {
  const { answers } = plan;
  const stack = layerStack(scope, "network", answers, "AWS region of the VPC and the runtime.", kind);
  variable(stack, "supported_az_ids", {
    type: "list(string)",
    description: "AZ IDs where AgentCore can place runtime ENIs in this region (published by AWS; not AZ names).",
    default: plan.supportedAzIds,
  });
  variable(stack, "interface_endpoints", {
    type: "list(string)",
    description: answers.internet
      ? "Interface endpoint service suffixes (com.amazonaws.<region>.<suffix>). Empty: the NAT gateway reaches every AWS API. See README.md for when endpoints pay off."
      : "Interface endpoint service suffixes (com.amazonaws.<region>.<suffix>) the agent needs without a NAT path. See README.md for the reason of each.",
    default: plan.interfaceEndpoints.map((e) => e.suffix),
  });
  if (answers.rds) databaseVariables(stack, answers.rds);
  // The account's ID, for the flow logs' key policy and, in an existing VPC, for finding its own endpoints.
  named(new cdk.DataAwsCallerIdentity(stack, "data.aws_caller_identity.current", {}), "current");
  const refs = isExistingVpc(answers.vpc) ? existingVpc(stack, plan, answers.vpc) : newVpc(stack, plan, answers.vpc);
  securityGroups(stack, plan, refs);
  endpoints(stack, refs);
  flowLogs(stack, refs);

  // A module's caller may create the runtime as soon as it has the subnets and groups: they are
  // given only once every path to AWS exists. (A layer's runtime is applied after the whole layer.)
  const ready = kind === "module" ? stack.node.children.filter((c): c is cdk.TerraformResource => c instanceof cdk.TerraformResource && PATH_TYPES.has(c.terraformResourceType)) : [];
  output(stack, "vpc_id", "ID of the VPC.", refs.vpcId);
  output(stack, "vpc_cidr", "IPv4 CIDR of the VPC.", refs.vpcCidr);
  output(stack, "private_subnet_ids", "Private subnets of the runtime ENIs.", refs.subnetIds, ready);
  output(
    stack,
    "private_subnet_az_ids",
    "AZ ID of each private subnet, all supported by AgentCore.",
    plan.existingVpc ? "${{ for id, s in data.aws_subnet.private : id => s.availability_zone_id }}" : "${{ for az, s in aws_subnet.private : s.id => az }}",
  );
  output(stack, "runtime_security_group_id", "Security group of the runtime ENIs.", "${aws_security_group.runtime.id}", ready);
  output(stack, "endpoint_security_group_id", "Security group of the interface endpoints.", "${aws_security_group.endpoints.id}");
  if (answers.browser?.network === "vpc") output(stack, "browser_security_group_id", "Security group of the Browser's ENIs.", "${aws_security_group.browser.id}", ready);
  if (answers.codeInterpreter?.network === "vpc") output(stack, "code_interpreter_security_group_id", "Security group of the Code Interpreter's ENIs.", "${aws_security_group.code_interpreter.id}", ready);
  if (answers.rds) databaseOutputs(stack, answers.rds, ready);
  output(stack, "interface_endpoint_ids", "Interface endpoint ID by service suffix.", "${{ for suffix, e in aws_vpc_endpoint.interface : suffix => e.id }}");
  if (refs.reused?.s3PrefixListId) output(stack, "s3_prefix_list_id", "The S3 prefix list the runtime reaches the VPC's S3 gateway endpoints through.", refs.reused.s3PrefixListId);
  else output(stack, "s3_endpoint_id", "ID of the S3 gateway endpoint.", "${aws_vpc_endpoint.s3.id}");
  if (refs.reused) {
    output(stack, "reused_endpoint_ids", "ID of each interface endpoint of the VPC the runtime uses, by service suffix.", "${{ for suffix, e in local.reused_endpoints : suffix => e.id }}");
    output(stack, "private_subnet_cidrs", "CIDR of each private subnet: the sources a reused endpoint's security group must admit HTTPS from.", "${local.runtime_subnet_cidrs}");
  }
  if (plan.nat) output(stack, "nat_public_ip", "Public IPv4 address the runtime's internet traffic leaves from.", "${aws_eip.nat.public_ip}");
  return stack;
}
