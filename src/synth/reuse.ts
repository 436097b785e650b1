import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { check, forEachIn, local, named, TAG_NAME, TAG_ROLE, variable, type Assertion } from "./common.js";

type Stack = cdk.TerraformStack;

/** Which existing endpoints the rest of the network layer must give the runtime a path to. */
export interface Reused {
  /** Terraform expression (no interpolation) for the security groups of the reused interface endpoints, a list. */
  readonly interfaceGroupIds: string;
  /** Expression for the S3 prefix list when the VPC's S3 gateway endpoint is reused. */
  readonly s3PrefixListId?: string;
  /** Checks of the reused endpoints that must hold before the runtime's security group is made. */
  readonly preconditions: readonly Assertion[];
}

/** Whether a rule's CIDR holds a whole subnet CIDR `c`: the subnet's address under the rule's prefix is the rule's network. */
const ruleHolds = (c: string): string =>
  `try(tonumber(split("/", ${c})[1]) >= tonumber(split("/", r.cidr_ipv4)[1]) && cidrhost(r.cidr_ipv4, 0) == cidrhost("\${cidrhost(${c}, 0)}/\${split("/", r.cidr_ipv4)[1]}", 0), false)`;

/**
 * The existing VPC's own endpoints that the runtime uses: each is looked up at plan time and
 * must be able to serve it, and its security group must admit the runtime.
 */
export function reusedEndpoints(stack: Stack, plan: Plan): Reused {
  const reused = plan.reusedEndpoints;
  variable(stack, "existing_interface_endpoints", {
    type: "list(string)",
    description: "Interface endpoints the VPC already has (service suffixes): reused, looked up and checked at plan time, never created. From vpc.existingEndpoints.",
    default: reused.filter((e) => e.type === "Interface").map((e) => e.suffix),
  });
  const s3 = reused.some((e) => e.suffix === "s3");
  if (s3) {
    named(
      new cdk.DataAwsVpcEndpoint(stack, "data.aws_vpc_endpoint.s3", {
        vpcId: "${var.vpc_id}",
        serviceName: "com.amazonaws.${var.region}.s3",
        filter: [{ name: "vpc-endpoint-type", values: ["Gateway"] }],
        lifecycle: {
          postcondition: [
            { condition: '${lower(self.state) == "available"}', errorMessage: "The VPC's S3 gateway endpoint ${self.id} is ${self.state}, not available, so the runtime could not pull image layers through it." },
            {
              condition: "${length(setsubtract(local.private_route_table_ids, self.route_table_ids)) == 0}",
              errorMessage:
                'The VPC\'s S3 gateway endpoint ${self.id} is not on route table ${join(", ", setsubtract(local.private_route_table_ids, self.route_table_ids))} of the runtime\'s subnets, so image layers from S3 would not reach the runtime. Add it: aws ec2 modify-vpc-endpoint --vpc-endpoint-id ${self.id} --add-route-table-ids ${join(" ", setsubtract(local.private_route_table_ids, self.route_table_ids))}',
            },
          ],
        },
      }),
      "s3",
    );
  }
  named(
    new cdk.DataAwsVpcEndpoint(stack, "data.aws_vpc_endpoint.existing", {
      forEach: forEachIn("toset(var.existing_interface_endpoints)"),
      vpcId: "${var.vpc_id}",
      serviceName: "com.amazonaws.${var.region}.${each.key}",
      filter: [{ name: "vpc-endpoint-type", values: ["Interface"] }],
      lifecycle: {
        postcondition: [
          { condition: '${lower(self.state) == "available"}', errorMessage: "The VPC's endpoint ${self.id} for ${self.service_name} is ${self.state}, not available: the runtime cannot use it until it is." },
          {
            condition: "${self.private_dns_enabled}",
            errorMessage:
              'The VPC\'s endpoint ${self.id} for ${self.service_name} has private DNS off, so the runtime, which calls the service by its public name, does not reach it. Turn private DNS on for it, or remove "${each.key}" from vpc.existingEndpoints in agentcore-vpc.json so that one with private DNS is created.',
          },
        ],
      },
    }),
    "existing",
  );
  named(
    new cdk.DataAwsSubnet(stack, "data.aws_subnet.existing_endpoint", {
      forEach: forEachIn("toset(flatten([for e in data.aws_vpc_endpoint.existing : e.subnet_ids]))"),
      id: "${each.key}",
    }),
    "existing_endpoint",
  );
  local(stack, "existing_endpoint_az_ids", "${{ for k, e in data.aws_vpc_endpoint.existing : k => distinct([for s in e.subnet_ids : data.aws_subnet.existing_endpoint[s].availability_zone_id]) }}");
  local(stack, "existing_endpoint_group_ids", "${distinct(flatten([for e in data.aws_vpc_endpoint.existing : e.security_group_ids]))}");
  endpointIngressCheck(stack);
  check(stack, "existing_endpoints_in_runtime_azs", [
    {
      condition: "${alltrue([for k, azs in local.existing_endpoint_az_ids : length(setsubtract(local.subnet_az_ids, azs)) == 0])}",
      errorMessage:
        'Reused endpoints missing from some of the runtime\'s AZs: ${join("; ", [for k, azs in local.existing_endpoint_az_ids : "${k} (${data.aws_vpc_endpoint.existing[k].id}) is not in ${join(", ", setsubtract(local.subnet_az_ids, azs))}" if length(setsubtract(local.subnet_az_ids, azs)) > 0])}. Runtime ENIs there reach it in another AZ: cross-AZ data charges, and no endpoint if that AZ fails. Its owners can add a subnet in each of these AZs.',
    },
  ]);
  return {
    interfaceGroupIds: "local.existing_endpoint_group_ids",
    ...(s3 ? { s3PrefixListId: "${data.aws_vpc_endpoint.s3.prefix_list_id}" } : {}),
    preconditions: [
      {
        condition: "${alltrue([for k, azs in local.existing_endpoint_az_ids : length(setintersection(azs, local.subnet_az_ids)) > 0])}",
        errorMessage:
          'Reused endpoints in none of the runtime\'s AZs (${join(", ", local.subnet_az_ids)}): ${join("; ", [for k, azs in local.existing_endpoint_az_ids : "${k} (${data.aws_vpc_endpoint.existing[k].id}) is only in ${join(", ", azs)}" if length(setintersection(azs, local.subnet_az_ids)) == 0])}. Ask the endpoint\'s owners to add a subnet in one of the runtime\'s AZs, or choose runtime subnets in the endpoint\'s AZs.',
      },
    ],
  };
}

/**
 * Whether each reused endpoint's security groups admit HTTPS from the runtime: from its
 * security group (once it exists, found by tag) or from CIDRs holding all its subnets.
 * The groups belong to the VPC's owners, so a gap is a warning naming the rule to add.
 */
function endpointIngressCheck(stack: Stack): void {
  named(
    new cdk.DataAwsVpcSecurityGroupRules(stack, "data.aws_vpc_security_group_rules.existing_endpoint", {
      forEach: forEachIn("toset(local.existing_endpoint_group_ids)"),
      filter: [{ name: "group-id", values: ["${each.key}"] }],
    }),
    "existing_endpoint",
  );
  named(
    new cdk.DataAwsVpcSecurityGroupRule(stack, "data.aws_vpc_security_group_rule.existing_endpoint", {
      forEach: forEachIn("toset(flatten([for g in data.aws_vpc_security_group_rules.existing_endpoint : g.ids]))"),
      securityGroupRuleId: "${each.key}",
    }),
    "existing_endpoint",
  );
  named(
    new cdk.DataAwsSecurityGroups(stack, "data.aws_security_groups.runtime", {
      filter: [{ name: "vpc-id", values: ["${var.vpc_id}"] }],
      tags: { [TAG_NAME]: "${var.name}", [TAG_ROLE]: "runtime" },
    }),
    "runtime",
  );
  local(stack, "runtime_subnet_cidrs", "${[for id in var.subnet_ids : data.aws_subnet.private[id].cidr_block]}");
  local(
    stack,
    "groups_admitting_runtime",
    "${[for g in local.existing_endpoint_group_ids : g if anytrue([for r in data.aws_vpc_security_group_rule.existing_endpoint : " +
      'r.security_group_id == g && !r.is_egress && contains(["tcp", "6", "-1"], r.ip_protocol) && (r.ip_protocol == "-1" || try(r.from_port <= 443 && r.to_port >= 443, false)) && ' +
      `(contains(data.aws_security_groups.runtime.ids, coalesce(r.referenced_security_group_id, "none")) || alltrue([for c in local.runtime_subnet_cidrs : ${ruleHolds("c")}]))])]}`,
  );
  check(stack, "existing_endpoints_admit_runtime", [
    {
      condition: "${alltrue([for k, e in data.aws_vpc_endpoint.existing : length(setintersection(e.security_group_ids, local.groups_admitting_runtime)) > 0])}",
      errorMessage:
        'These reused endpoints admit no HTTPS from the runtime: ${join("; ", [for k, e in data.aws_vpc_endpoint.existing : "${k} (${e.id}, security groups ${join(", ", e.security_group_ids)})" if length(setintersection(e.security_group_ids, local.groups_admitting_runtime)) == 0])}. Until their owners add an ingress rule for TCP 443 from the runtime\'s security group (output runtime_security_group_id) or from its subnets (${join(", ", local.runtime_subnet_cidrs)}), the runtime\'s calls to these services time out. See README.md, "Endpoints the VPC already has".',
    },
  ]);
}

/**
 * Interface endpoints with private DNS that the VPC already has, found through their network
 * interfaces (no data source lists endpoints), without those this project made (its tag).
 * Creating one for the same service fails, and would take the name over for the whole VPC.
 */
export function foreignPrivateDnsEndpoints(stack: Stack): { condition: string; errorMessage: string } {
  named(
    new cdk.DataAwsNetworkInterfaces(stack, "data.aws_network_interfaces.endpoints", {
      filter: [
        { name: "vpc-id", values: ["${var.vpc_id}"] },
        { name: "interface-type", values: ["vpc_endpoint"] },
      ],
    }),
    "endpoints",
  );
  named(
    new cdk.DataAwsNetworkInterface(stack, "data.aws_network_interface.endpoint", {
      forEach: forEachIn("toset(data.aws_network_interfaces.endpoints.ids)"),
      id: "${each.key}",
    }),
    "endpoint",
  );
  // An endpoint's interface is described as "VPC Endpoint Interface vpce-...".
  named(
    new cdk.DataAwsVpcEndpoint(stack, "data.aws_vpc_endpoint.found", {
      forEach: forEachIn('toset(distinct(compact([for n in data.aws_network_interface.endpoint : try(regex("vpce-[0-9a-f]+", n.description), "")])))'),
      id: "${each.key}",
    }),
    "found",
  );
  local(stack, "foreign_private_dns_endpoints", `\${[for e in data.aws_vpc_endpoint.found : e if e.private_dns_enabled && lookup(e.tags, "${TAG_NAME}", "") != var.name]}`);
  return {
    condition: '${!contains([for e in local.foreign_private_dns_endpoints : e.service_name], "com.amazonaws.${var.region}.${each.key}")}',
    errorMessage:
      'VPC ${var.vpc_id} already has an interface endpoint with private DNS for com.amazonaws.${var.region}.${each.key} (${join(", ", [for e in local.foreign_private_dns_endpoints : e.id if e.service_name == "com.amazonaws.${var.region}.${each.key}"])}), so another one cannot be created. Add "${each.key}" to vpc.existingEndpoints in agentcore-vpc.json and regenerate: the runtime then uses that one.',
  };
}
