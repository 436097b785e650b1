import { isExistingVpc } from "../answers/model.js";
import * as P from "../catalog/patterns.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { forEachIn, layerStack, named, output, variable } from "./common.js";
import { database, databaseOutputs, databaseVariables } from "./database.js";
import { flowLogs } from "./flow-logs.js";
import { rule, securityGroup } from "./groups.js";
import { existingVpc, newVpc, type VpcRefs } from "./vpc.js";

type Stack = cdk.TerraformStack;

function securityGroups(stack: Stack, plan: Plan, refs: VpcRefs): void {
  const https = { fromPort: 443, toPort: 443 };
  // Invocations do not enter through the runtime ENI: no ingress at all.
  securityGroup(stack, "runtime", "AgentCore runtime ENIs: no ingress, egress only where the agent needs it", refs.vpcId, refs.runtimePreconditions);
  securityGroup(stack, "endpoints", refs.sharedCidrs ? "Interface VPC endpoints: HTTPS from the runtime and the VPC" : "Interface VPC endpoints: HTTPS from the runtime only", refs.vpcId);
  rule(stack, "egress", "runtime_to_endpoints", "runtime", {
    referencedSecurityGroupId: "${aws_security_group.endpoints.id}",
    description: "HTTPS to the interface endpoints",
    ...https,
  });
  if (refs.reused) {
    rule(stack, "egress", "runtime_to_existing_endpoints", "runtime", {
      forEach: forEachIn(`toset(${refs.reused.interfaceGroupIds})`),
      referencedSecurityGroupId: "${each.key}",
      description: "HTTPS to the VPC's own interface endpoints",
      ...https,
    });
  }
  // Without this rule S3 traffic through the gateway endpoint is silently dropped.
  rule(stack, "egress", "runtime_to_s3", "runtime", {
    prefixListId: refs.reused?.s3PrefixListId ?? "${aws_vpc_endpoint.s3.prefix_list_id}",
    description: "HTTPS to S3 through the gateway endpoint (image layers)",
    ...https,
  });
  rule(stack, "ingress", "endpoints_from_runtime", "endpoints", {
    referencedSecurityGroupId: "${aws_security_group.runtime.id}",
    description: "HTTPS from the runtime",
    ...https,
  });
  if (refs.sharedCidrs) {
    // Private DNS sends the whole VPC's calls of these services to these endpoints: its other workloads must keep reaching them.
    rule(stack, "ingress", "endpoints_from_vpc", "endpoints", {
      forEach: forEachIn(`toset(${refs.sharedCidrs})`),
      cidrIpv4: "${each.key}",
      description: "HTTPS from the VPC's other workloads, whose DNS resolves these services to these endpoints",
      ...https,
    });
  }
  if (plan.answers.internet) {
    rule(stack, "egress", "runtime_to_internet", "runtime", { cidrIpv4: "0.0.0.0/0", description: "HTTPS to the internet through the NAT gateway", ...https });
  }
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

/** The network layer: lives longer than the runtime, because AgentCore ENIs linger after a runtime is deleted. */
export function networkStack(scope: cdk.Construct, plan: Plan): Stack {
  const { answers } = plan;
  const stack = layerStack(scope, "network", answers, "AWS region of the VPC and the runtime.");
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

  output(stack, "vpc_id", "ID of the VPC.", refs.vpcId);
  output(stack, "vpc_cidr", "IPv4 CIDR of the VPC.", refs.vpcCidr);
  output(stack, "private_subnet_ids", "Private subnets of the runtime ENIs.", refs.subnetIds);
  output(
    stack,
    "private_subnet_az_ids",
    "AZ ID of each private subnet, all supported by AgentCore.",
    plan.existingVpc ? "${{ for id, s in data.aws_subnet.private : id => s.availability_zone_id }}" : "${{ for az, s in aws_subnet.private : s.id => az }}",
  );
  output(stack, "runtime_security_group_id", "Security group of the runtime ENIs.", "${aws_security_group.runtime.id}");
  output(stack, "endpoint_security_group_id", "Security group of the interface endpoints.", "${aws_security_group.endpoints.id}");
  if (answers.rds) databaseOutputs(stack, answers.rds);
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
