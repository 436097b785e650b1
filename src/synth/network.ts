import { isExistingVpc, type ExistingVpc, type NewVpc } from "../answers/model.js";
import * as P from "../catalog/patterns.js";
import * as price from "../catalog/pricing.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { forEachIn, hclString, layerStack, local, named, output, TAG_ROLE, TAG_TIER, variable } from "./common.js";

type Stack = cdk.TerraformStack;

/** What the shared part of the network layer needs from the VPC-specific part. */
interface VpcRefs {
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Expression for the private subnet IDs, a list. */
  readonly subnetIds: string;
  /** The route tables the private subnets use: a list, or an expression for one. */
  readonly routeTableIds: string[] | string;
  /** A precondition for interface endpoints, when the subnets were not placed by this layer. */
  readonly endpointPrecondition?: { condition: string; errorMessage: string };
}

function newVpc(stack: Stack, plan: Plan, vpc: NewVpc): VpcRefs {
  variable(stack, "vpc_cidr", {
    type: "string",
    description: `IPv4 CIDR of the VPC (/${P.VPC_PREFIX_MIN} to /${P.VPC_PREFIX_MAX}); each subnet is 1/16 of it.`,
    default: vpc.cidr,
    validation: {
      condition: `\${can(cidrhost(var.vpc_cidr, 0)) && try(tonumber(split("/", var.vpc_cidr)[1]) >= ${P.VPC_PREFIX_MIN} && tonumber(split("/", var.vpc_cidr)[1]) <= ${P.VPC_PREFIX_MAX}, false)}`,
      errorMessage: `vpc_cidr must be an IPv4 CIDR from /${P.VPC_PREFIX_MIN} to /${P.VPC_PREFIX_MAX}.`,
    },
  });
  variable(stack, "az_count", {
    type: "number",
    description: "How many supported AZs get a private subnet for the runtime ENIs and interface endpoints.",
    default: vpc.azCount,
    validation: {
      condition: `\${var.az_count >= ${P.AZ_COUNT_MIN} && var.az_count <= ${P.AZ_COUNT_MAX}}`,
      errorMessage: `az_count must be ${P.AZ_COUNT_MIN} or ${P.AZ_COUNT_MAX}.`,
    },
  });

  // Subnets are chosen by AZ ID, never by AZ name: names map to different IDs in every account.
  named(
    new cdk.DataAwsAvailabilityZones(stack, "data.aws_availability_zones.supported", {
      state: "available",
      filter: [{ name: "zone-id", values: cdk.Token.asList("${var.supported_az_ids}") }],
      lifecycle: {
        postcondition: [
          {
            condition: "${length(self.zone_ids) >= var.az_count}",
            errorMessage:
              "This account has ${length(self.zone_ids)} of the AgentCore-supported AZ IDs in ${var.region} (${join(\", \", var.supported_az_ids)}) available, fewer than az_count = ${var.az_count}. Lower az_count or use another region.",
          },
        ],
      },
    }),
    "supported",
  );
  local(stack, "az_ids",
    "${slice(sort(data.aws_availability_zones.supported.zone_ids), 0, min(var.az_count, length(data.aws_availability_zones.supported.zone_ids)))}",
  );

  named(
    new cdk.Vpc(stack, "aws_vpc.this", {
      cidrBlock: "${var.vpc_cidr}",
      // Interface endpoints with private DNS need both.
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: "${var.name}" },
    }),
    "this",
  );
    named(
    new cdk.Subnet(stack, "aws_subnet.private", {
      forEach: forEachIn("toset(local.az_ids)"),
      vpcId: "${aws_vpc.this.id}",
      availabilityZoneId: "${each.key}",
      cidrBlock: `\${cidrsubnet(var.vpc_cidr, ${P.SUBNET_NEWBITS}, index(local.az_ids, each.key))}`,
      tags: { Name: "${var.name}-private-${each.key}", [TAG_TIER]: "private" },
    }),
    "private",
  );
  named(new cdk.RouteTable(stack, "aws_route_table.private", { vpcId: "${aws_vpc.this.id}", tags: { Name: "${var.name}-private" } }), "private");
  named(
    new cdk.RouteTableAssociation(stack, "aws_route_table_association.private", {
      forEach: forEachIn("aws_subnet.private"),
      subnetId: "${each.value.id}",
      routeTableId: "${aws_route_table.private.id}",
    }),
    "private",
  );
  if (plan.nat) natPath(stack);
  return {
    vpcId: "${aws_vpc.this.id}",
    vpcCidr: "${aws_vpc.this.cidr_block}",
    subnetIds: "${[for s in aws_subnet.private : s.id]}",
    routeTableIds: ["${aws_route_table.private.id}"],
  };
}

/** Internet egress: the runtime ENIs stay private; only the NAT gateway sits in a public subnet. */
function natPath(stack: Stack): void {
  named(new cdk.InternetGateway(stack, "aws_internet_gateway.this", { vpcId: "${aws_vpc.this.id}", tags: { Name: "${var.name}" } }), "this");
  named(
    new cdk.Subnet(stack, "aws_subnet.public", {
      vpcId: "${aws_vpc.this.id}",
      availabilityZoneId: "${local.az_ids[0]}",
      cidrBlock: `\${cidrsubnet(var.vpc_cidr, ${P.SUBNET_NEWBITS}, ${P.PUBLIC_SUBNET_NETNUM})}`,
      tags: { Name: "${var.name}-public", [TAG_TIER]: "public" },
    }),
    "public",
  );
  named(new cdk.RouteTable(stack, "aws_route_table.public", { vpcId: "${aws_vpc.this.id}", tags: { Name: "${var.name}-public" } }), "public");
  named(
    new cdk.Route(stack, "aws_route.public_internet", {
      routeTableId: "${aws_route_table.public.id}",
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: "${aws_internet_gateway.this.id}",
    }),
    "public_internet",
  );
  named(
    new cdk.RouteTableAssociation(stack, "aws_route_table_association.public", {
      subnetId: "${aws_subnet.public.id}",
      routeTableId: "${aws_route_table.public.id}",
    }),
    "public",
  );
  named(new cdk.Eip(stack, "aws_eip.nat", { domain: "vpc", tags: { Name: "${var.name}-nat" } }), "nat");
  const nat = named(
    new cdk.NatGateway(stack, "aws_nat_gateway.this", {
      allocationId: "${aws_eip.nat.id}",
      subnetId: "${aws_subnet.public.id}",
      tags: { Name: "${var.name}" },
    }),
    "this",
  );
  nat.addOverride("depends_on", ["aws_internet_gateway.this"]);
  named(
    new cdk.Route(stack, "aws_route.private_internet", {
      routeTableId: "${aws_route_table.private.id}",
      destinationCidrBlock: "0.0.0.0/0",
      natGatewayId: "${aws_nat_gateway.this.id}",
    }),
    "private_internet",
  );
}

function existingVpc(stack: Stack, plan: Plan, vpc: ExistingVpc): VpcRefs {
  variable(stack, "vpc_id", {
    type: "string",
    description: "ID of the existing VPC.",
    default: vpc.id,
    validation: { condition: `\${can(regex(${hclString(P.VPC_ID.source)}, var.vpc_id))}`, errorMessage: "vpc_id must look like vpc-0123456789abcdef0." },
  });
  variable(stack, "subnet_ids", {
    type: "list(string)",
    description: "Existing private subnets for the runtime ENIs and interface endpoints, each in a different supported AZ ID.",
    default: vpc.subnetIds,
    validation: {
      condition: `\${length(var.subnet_ids) >= ${P.SUBNETS_MIN} && length(var.subnet_ids) <= ${P.SUBNETS_MAX}}`,
      errorMessage: `subnet_ids must hold ${P.SUBNETS_MIN} to ${P.SUBNETS_MAX} subnets.`,
    },
  });
  named(
    new cdk.DataAwsVpc(stack, "data.aws_vpc.this", {
      id: "${var.vpc_id}",
      lifecycle: {
        postcondition: [
          {
            condition: "${self.enable_dns_support && self.enable_dns_hostnames}",
            errorMessage:
              "VPC ${self.id} must have DNS support and DNS hostnames enabled (enableDnsSupport, enableDnsHostnames): interface endpoints with private DNS do not resolve otherwise.",
          },
        ],
      },
    }),
    "this",
  );
  // Existing subnets are checked by AZ ID at plan time, before anything is created.
  named(
    new cdk.DataAwsSubnet(stack, "data.aws_subnet.private", {
      forEach: forEachIn("toset(var.subnet_ids)"),
      id: "${each.key}",
      lifecycle: {
        postcondition: [
          {
            condition: "${contains(var.supported_az_ids, self.availability_zone_id)}",
            errorMessage:
              "Subnet ${self.id} is in AZ ID ${self.availability_zone_id}, where AgentCore cannot place runtime ENIs. Supported AZ IDs in ${var.region}: ${join(\", \", var.supported_az_ids)}.",
          },
          {
            condition: "${self.vpc_id == var.vpc_id}",
            errorMessage: "Subnet ${self.id} belongs to ${self.vpc_id}, not to ${var.vpc_id}.",
          },
        ],
      },
    }),
    "private",
  );
  // A subnet without an explicit association uses the VPC's main route table.
  named(
    new cdk.DataAwsRouteTables(stack, "data.aws_route_tables.subnet", {
      forEach: forEachIn("toset(var.subnet_ids)"),
      vpcId: "${var.vpc_id}",
      filter: [{ name: "association.subnet-id", values: ["${each.key}"] }],
    }),
    "subnet",
  );
  named(
    new cdk.DataAwsRouteTables(stack, "data.aws_route_tables.main", {
      vpcId: "${var.vpc_id}",
      filter: [{ name: "association.main", values: ["true"] }],
    }),
    "main",
  );
  local(stack, "private_route_table_ids",
    "${distinct([for id in var.subnet_ids : try(data.aws_route_tables.subnet[id].ids[0], one(data.aws_route_tables.main.ids))])}",
  );
  if (plan.answers.internet) {
    // A route to an internet gateway is a public subnet: a runtime ENI there still has no internet.
    named(
      new cdk.DataAwsRouteTable(stack, "data.aws_route_table.private", {
        forEach: forEachIn("toset(local.private_route_table_ids)"),
        routeTableId: "${each.key}",
        lifecycle: {
          postcondition: [
            {
              condition: "${anytrue([for r in self.routes : r.cidr_block == \"0.0.0.0/0\" && r.nat_gateway_id != \"\"])}",
              errorMessage:
                "Route table ${self.id} used by the runtime subnets has no 0.0.0.0/0 route to a NAT gateway, so the runtime would have no internet egress. Add a NAT route or choose private subnets that have one.",
            },
          ],
        },
      }),
      "private",
    );
  }
  return {
    vpcId: "${data.aws_vpc.this.id}",
    vpcCidr: "${data.aws_vpc.this.cidr_block}",
    subnetIds: "${var.subnet_ids}",
    routeTableIds: "${local.private_route_table_ids}",
    endpointPrecondition: {
      condition: "${length(distinct([for s in data.aws_subnet.private : s.availability_zone_id])) == length(var.subnet_ids)}",
      errorMessage: "Each subnet in subnet_ids must be in a different AZ: an interface endpoint takes one subnet per AZ.",
    },
  };
}

function securityGroup(stack: Stack, role: string, description: string, vpcId: string): void {
  named(
    new cdk.SecurityGroup(stack, `aws_security_group.${role}`, {
      name: `\${var.name}-${role}`,
      description,
      vpcId,
      tags: { Name: `\${var.name}-${role}`, [TAG_ROLE]: role },
    }),
    role,
  );
}

type RuleProps = Omit<cdk.VpcSecurityGroupEgressRuleConfig, "securityGroupId" | "ipProtocol">;

/** A TCP rule on one of this layer's security groups; `from` names the group it belongs to. */
function rule(stack: Stack, direction: "egress" | "ingress", name: string, from: string, props: RuleProps): void {
  const config = { securityGroupId: `\${aws_security_group.${from}.id}`, ipProtocol: "tcp", ...props };
  const type = `aws_vpc_security_group_${direction}_rule`;
  named(
    direction === "egress" ? new cdk.VpcSecurityGroupEgressRule(stack, `${type}.${name}`, config) : new cdk.VpcSecurityGroupIngressRule(stack, `${type}.${name}`, config),
    name,
  );
}

function securityGroups(stack: Stack, plan: Plan, refs: VpcRefs): void {
  const https = { fromPort: 443, toPort: 443 };
  // Invocations do not enter through the runtime ENI: no ingress at all.
  securityGroup(stack, "runtime", "AgentCore runtime ENIs: no ingress, egress only where the agent needs it", refs.vpcId);
  securityGroup(stack, "endpoints", "Interface VPC endpoints: HTTPS from the runtime only", refs.vpcId);
  rule(stack, "egress", "runtime_to_endpoints", "runtime", {
    referencedSecurityGroupId: "${aws_security_group.endpoints.id}",
    description: "HTTPS to the interface endpoints",
    ...https,
  });
  // Without this rule S3 traffic through the gateway endpoint is silently dropped.
  rule(stack, "egress", "runtime_to_s3", "runtime", {
    prefixListId: "${aws_vpc_endpoint.s3.prefix_list_id}",
    description: "HTTPS to S3 through the gateway endpoint (image layers)",
    ...https,
  });
  rule(stack, "ingress", "endpoints_from_runtime", "endpoints", {
    referencedSecurityGroupId: "${aws_security_group.runtime.id}",
    description: "HTTPS from the runtime",
    ...https,
  });
  if (plan.answers.internet) {
    rule(stack, "egress", "runtime_to_internet", "runtime", { cidrIpv4: "0.0.0.0/0", description: "HTTPS to the internet through the NAT gateway", ...https });
  }
  if (plan.answers.rds) {
    securityGroup(stack, "database", "Attach to the RDS database: accepts the database port from the runtime only", refs.vpcId);
    const port = cdk.Token.asNumber("${var.database_port}");
    const dbPort = { fromPort: port, toPort: port };
    rule(stack, "egress", "runtime_to_database", "runtime", {
      referencedSecurityGroupId: "${aws_security_group.database.id}",
      description: "Database port to the RDS database",
      ...dbPort,
    });
    rule(stack, "ingress", "database_from_runtime", "database", {
      referencedSecurityGroupId: "${aws_security_group.runtime.id}",
      description: "Database port from the runtime",
      ...dbPort,
    });
  }
}

/**
 * Optional VPC flow logs into a log group encrypted with a key of this layer. Off by default:
 * ingestion is charged per GB (see README.md).
 */
function flowLogs(stack: Stack, refs: VpcRefs): void {
  variable(stack, "enable_flow_logs", {
    type: "bool",
    description: `Record VPC flow logs in a KMS-encrypted CloudWatch log group (about $${price.FLOW_LOGS_INGEST_PER_GB}/GB ingested, $${price.LOG_STORAGE_PER_GB_MONTH}/GB-month stored, $${price.KMS_KEY_PER_MONTH}/month for the key).`,
    default: false,
  });
  variable(stack, "flow_log_retention_days", { type: "number", description: "Retention of the flow log group, in days.", default: 90 });
  const count = cdk.Token.asNumber("${var.enable_flow_logs ? 1 : 0}");
  named(new cdk.DataAwsCallerIdentity(stack, "data.aws_caller_identity.current", {}), "current");
  named(new cdk.DataAwsPartition(stack, "data.aws_partition.current", {}), "current");
  const account = "${data.aws_caller_identity.current.account_id}";
  const logGroups = `arn:\${data.aws_partition.current.partition}:logs:\${var.region}:${account}:log-group`;
  named(
    new cdk.DataAwsIamPolicyDocument(stack, "data.aws_iam_policy_document.logs_key", {
      statement: [
        // The account keeps control of its key through IAM, as in the default key policy.
        {
          sid: "AccountAdministers",
          principals: [{ type: "AWS", identifiers: [`arn:\${data.aws_partition.current.partition}:iam::${account}:root`] }],
          actions: ["kms:*"],
          resources: ["*"],
        },
        {
          sid: "CloudWatchLogsEncrypts",
          principals: [{ type: "Service", identifiers: ["logs.${var.region}.amazonaws.com"] }],
          actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
          resources: ["*"],
          condition: [{ test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: [`${logGroups}:/aws/vpc-flow-logs/\${var.name}`] }],
        },
      ],
    }),
    "logs_key",
  );
  named(
    new cdk.KmsKey(stack, "aws_kms_key.logs", {
      count,
      description: "Encrypts the ${var.name} VPC flow logs",
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: "${data.aws_iam_policy_document.logs_key.json}",
    }),
    "logs",
  );
  named(
    new cdk.CloudwatchLogGroup(stack, "aws_cloudwatch_log_group.flow_logs", {
      count,
      name: "/aws/vpc-flow-logs/${var.name}",
      retentionInDays: cdk.Token.asNumber("${var.flow_log_retention_days}"),
      kmsKeyId: "${aws_kms_key.logs[0].arn}",
    }),
    "flow_logs",
  );
  named(
    new cdk.DataAwsIamPolicyDocument(stack, "data.aws_iam_policy_document.flow_logs_trust", {
      statement: [
        {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
          condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: [account] }],
        },
      ],
    }),
    "flow_logs_trust",
  );
  named(
    new cdk.DataAwsIamPolicyDocument(stack, "data.aws_iam_policy_document.flow_logs", {
      statement: [
        {
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [`${logGroups}:/aws/vpc-flow-logs/\${var.name}:*`],
        },
      ],
    }),
    "flow_logs",
  );
  named(
    new cdk.IamRole(stack, "aws_iam_role.flow_logs", {
      count,
      name: "${var.name}-flow-logs",
      assumeRolePolicy: "${data.aws_iam_policy_document.flow_logs_trust.json}",
    }),
    "flow_logs",
  );
  named(
    new cdk.IamRolePolicy(stack, "aws_iam_role_policy.flow_logs", {
      count,
      name: "${var.name}-flow-logs",
      role: "${aws_iam_role.flow_logs[0].id}",
      policy: "${data.aws_iam_policy_document.flow_logs.json}",
    }),
    "flow_logs",
  );
  named(
    new cdk.FlowLog(stack, "aws_flow_log.this", {
      count,
      vpcId: refs.vpcId,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: "${aws_cloudwatch_log_group.flow_logs[0].arn}",
      iamRoleArn: "${aws_iam_role.flow_logs[0].arn}",
      maxAggregationInterval: 600,
      tags: { Name: "${var.name}" },
    }),
    "this",
  );
}

function endpoints(stack: Stack, refs: VpcRefs): void {
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
  named(
    new cdk.VpcEndpoint(stack, "aws_vpc_endpoint.interface", {
      forEach: forEachIn("toset(var.interface_endpoints)"),
      vpcId: refs.vpcId,
      serviceName: "com.amazonaws.${var.region}.${each.key}",
      vpcEndpointType: "Interface",
      privateDnsEnabled: true,
      subnetIds: cdk.Token.asList(refs.subnetIds),
      securityGroupIds: ["${aws_security_group.endpoints.id}"],
      tags: { Name: "${var.name}-${each.key}" },
      ...(refs.endpointPrecondition ? { lifecycle: { precondition: [refs.endpointPrecondition] } } : {}),
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
  if (answers.rds) {
    variable(stack, "database_port", {
      type: "number",
      description: "Port of the RDS database the agent connects to.",
      default: answers.rds.port,
      validation: {
        condition: `\${var.database_port >= ${P.RDS_PORT_MIN} && var.database_port <= ${P.RDS_PORT_MAX}}`,
        errorMessage: `database_port must be from ${P.RDS_PORT_MIN} to ${P.RDS_PORT_MAX}.`,
      },
    });
  }
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
  if (answers.rds) output(stack, "database_security_group_id", "Attach this security group to the RDS database.", "${aws_security_group.database.id}");
  output(stack, "interface_endpoint_ids", "Interface endpoint ID by service suffix.", "${{ for suffix, e in aws_vpc_endpoint.interface : suffix => e.id }}");
  output(stack, "s3_endpoint_id", "ID of the S3 gateway endpoint.", "${aws_vpc_endpoint.s3.id}");
  if (plan.nat) output(stack, "nat_public_ip", "Public IPv4 address the runtime's internet traffic leaves from.", "${aws_eip.nat.public_ip}");
  return stack;
}
