import { GONE_STATES } from "../account/endpoints.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { check, forEachIn, keepWhenRemoved, local, named, TAG_NAME, TAG_ROLE, variable, type Assertion } from "./common.js";

type Stack = cdk.TerraformStack;

/** What the rest of the network layer needs from the existing VPC's own endpoints. */
export interface Reused {
  /** Terraform expression (no interpolation) for the security groups of the reused interface endpoints, a list. */
  readonly interfaceGroupIds: string;
  /** Expression for the S3 prefix list, when the VPC's S3 gateway endpoints are reused. */
  readonly s3PrefixListId?: string;
  /** Checks that must hold before the runtime's security group is made. */
  readonly preconditions: readonly Assertion[];
  /** Each interface endpoint to create must not collide with one of the VPC's. */
  readonly interfaceEndpointPrecondition: Assertion;
}

/** The states in which an endpoint is gone, as a Terraform list. */
const GONE = `[${GONE_STATES.map((s) => JSON.stringify(s)).join(", ")}]`;

/** Whether the rule `r`'s CIDR holds a whole subnet CIDR `c`: the subnet's address under the rule's prefix is the rule's network. */
const ruleHolds = (c: string): string =>
  `try(tonumber(split("/", ${c})[1]) >= tonumber(split("/", r.cidr_ipv4)[1]) && cidrhost(r.cidr_ipv4, 0) == cidrhost("\${cidrhost(${c}, 0)}/\${split("/", r.cidr_ipv4)[1]}", 0), false)`;

/**
 * The VPC's interface endpoints, found through their network interfaces (no data source lists
 * endpoints), less those this project made (its tag): by service, those with private DNS.
 */
function vpcInterfaceEndpoints(stack: Stack): void {
  // In a shared VPC the subnets hold other accounts' endpoints too, which this account cannot describe.
  named(
    new cdk.DataAwsNetworkInterfaces(stack, "data.aws_network_interfaces.endpoints", {
      filter: [
        { name: "vpc-id", values: ["${var.vpc_id}"] },
        { name: "interface-type", values: ["vpc_endpoint"] },
        { name: "owner-id", values: ["${data.aws_caller_identity.current.account_id}"] },
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
  local(
    stack,
    "private_dns_endpoints",
    `\${{ for e in data.aws_vpc_endpoint.found : e.service_name => e... if e.private_dns_enabled && !contains(${GONE}, lower(e.state)) && try(e.tags["${TAG_NAME}"], "") != var.name }}`,
  );
}

/**
 * The existing VPC's own endpoints that the runtime uses: each must be able to serve it, the
 * runtime gets a path to each, and none is created twice.
 */
export function reusedEndpoints(stack: Stack, plan: Plan): Reused {
  variable(stack, "existing_interface_endpoints", {
    type: "list(string)",
    description: "Interface endpoints the VPC already has (service suffixes): reused, looked up and checked at plan time, never created. From vpc.existingEndpoints.",
    default: plan.reusedEndpoints.filter((e) => e.type === "Interface").map((e) => e.suffix),
  });
  vpcInterfaceEndpoints(stack);
  local(stack, "reused_endpoints", '${{ for k in var.existing_interface_endpoints : k => local.private_dns_endpoints["com.amazonaws.${var.region}.${k}"][0] if contains(keys(local.private_dns_endpoints), "com.amazonaws.${var.region}.${k}") }}');
  named(
    new cdk.DataAwsSubnet(stack, "data.aws_subnet.existing_endpoint", {
      forEach: forEachIn("toset(flatten([for e in values(local.reused_endpoints) : e.subnet_ids]))"),
      id: "${each.key}",
    }),
    "existing_endpoint",
  );
  local(stack, "existing_endpoint_az_ids", "${{ for k, e in local.reused_endpoints : k => distinct([for s in e.subnet_ids : data.aws_subnet.existing_endpoint[s].availability_zone_id]) }}");
  local(stack, "existing_endpoint_group_ids", "${distinct(flatten([for e in values(local.reused_endpoints) : e.security_group_ids]))}");
  endpointIngressCheck(stack);
  check(stack, "existing_endpoints_in_runtime_azs", [
    {
      condition: "${alltrue([for k, azs in local.existing_endpoint_az_ids : length(setsubtract(local.subnet_az_ids, azs)) == 0])}",
      errorMessage:
        'Reused endpoints missing from some of the runtime\'s AZs: ${join("; ", [for k, azs in local.existing_endpoint_az_ids : "${k} (${local.reused_endpoints[k].id}) is not in ${join(", ", setsubtract(local.subnet_az_ids, azs))}" if length(setsubtract(local.subnet_az_ids, azs)) > 0])}. Runtime ENIs there reach it in another AZ: cross-AZ data charges, and no endpoint if that AZ fails. Its owners can add a subnet in each of these AZs.',
    },
  ]);
  const s3 = plan.reusedEndpoints.some((e) => e.suffix === "s3");
  if (s3) s3Routes(stack);
  return {
    interfaceGroupIds: "local.existing_endpoint_group_ids",
    ...(s3 ? { s3PrefixListId: "${data.aws_prefix_list.s3.id}" } : {}),
    preconditions: [...interfacePreconditions(plan), ...(s3 ? [S3_ON_RUNTIME_TABLES] : [])],
    interfaceEndpointPrecondition: {
      condition: '${!contains(keys(local.private_dns_endpoints), "com.amazonaws.${var.region}.${each.key}")}',
      errorMessage:
        'VPC ${var.vpc_id} already has an interface endpoint with private DNS for com.amazonaws.${var.region}.${each.key} (${join(", ", [for e in lookup(local.private_dns_endpoints, "com.amazonaws.${var.region}.${each.key}", []) : e.id])}), so another one cannot be created. Add "${each.key}" to vpc.existingEndpoints in agentcore-vpc.json and regenerate: the runtime then uses that one.',
    },
  };
}

function interfacePreconditions(plan: Plan): Assertion[] {
  const usable: Assertion[] = [
    {
      condition: '${alltrue([for k, e in local.reused_endpoints : lower(e.state) == "available"])}',
      errorMessage: 'Reused endpoints that are not available: ${join("; ", [for k, e in local.reused_endpoints : "${k} (${e.id}) is ${e.state}" if lower(e.state) != "available"])}. The runtime cannot use them until they are.',
    },
    {
      condition: "${alltrue([for k, azs in local.existing_endpoint_az_ids : length(setintersection(azs, local.subnet_az_ids)) > 0])}",
      errorMessage:
        'Reused endpoints in none of the runtime\'s AZs (${join(", ", local.subnet_az_ids)}): ${join("; ", [for k, azs in local.existing_endpoint_az_ids : "${k} (${local.reused_endpoints[k].id}) is only in ${join(", ", azs)}" if length(setintersection(azs, local.subnet_az_ids)) == 0])}. Ask the endpoint\'s owners to add a subnet in one of the runtime\'s AZs, or choose runtime subnets in the endpoint\'s AZs.',
    },
  ];
  // With internet egress a service the VPC has no private-DNS endpoint for is reached the other way.
  if (plan.answers.internet) return usable;
  return [
    {
      condition: "${length(setsubtract(var.existing_interface_endpoints, keys(local.reused_endpoints))) == 0}",
      errorMessage:
        'VPC ${var.vpc_id} has no interface endpoint with private DNS for ${join(", ", setsubtract(var.existing_interface_endpoints, keys(local.reused_endpoints)))}, listed in existing_interface_endpoints: the runtime, which calls each service by its public name, would not reach it. Turn private DNS on for the VPC\'s endpoint, or remove the service from vpc.existingEndpoints in agentcore-vpc.json so that one with private DNS is created.',
    },
    ...usable,
  ];
}

/** Each route table of the runtime's subnets must carry the S3 prefix list's route: one of the VPC's S3 gateway endpoints is on it. */
const S3_ON_RUNTIME_TABLES: Assertion = {
  condition: "${length(setsubtract(local.private_route_table_ids, data.aws_route_tables.s3.ids)) == 0}",
  errorMessage:
    'Route table ${join(", ", setsubtract(local.private_route_table_ids, data.aws_route_tables.s3.ids))} of the runtime\'s subnets has no route to an S3 gateway endpoint (prefix list ${data.aws_prefix_list.s3.id}), so image layers from S3 would not reach the runtime. Add the table to the VPC\'s S3 gateway endpoint (aws ec2 modify-vpc-endpoint --vpc-endpoint-id <its ID> --add-route-table-ids ${join(" ", setsubtract(local.private_route_table_ids, data.aws_route_tables.s3.ids))}), or remove "s3" from vpc.existingEndpoints so that one is created.',
};

/**
 * The VPC may have several S3 gateway endpoints (a route table takes one): what counts is a
 * route on every runtime table. An S3 gateway endpoint an earlier generation made is kept, not
 * destroyed: the answers now say the VPC has one, and that may be it.
 */
function s3Routes(stack: Stack): void {
  keepWhenRemoved(stack, "aws_vpc_endpoint.s3");
  named(new cdk.DataAwsPrefixList(stack, "data.aws_prefix_list.s3", { name: "com.amazonaws.${var.region}.s3" }), "s3");
  named(
    new cdk.DataAwsRouteTables(stack, "data.aws_route_tables.s3", {
      vpcId: "${var.vpc_id}",
      filter: [{ name: "route.destination-prefix-list-id", values: ["${data.aws_prefix_list.s3.id}"] }],
    }),
    "s3",
  );
}

/**
 * Whether each reused endpoint's security groups admit HTTPS from the runtime: from its
 * security group (once it exists, found by tag), or from CIDRs that together hold every one of
 * its subnets. The groups belong to the VPC's owners, so a gap is a warning naming the rule to add.
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
      // A group without rules has no list of IDs at all.
      forEach: forEachIn("toset(flatten([for g in data.aws_vpc_security_group_rules.existing_endpoint : g.ids if g.ids != null]))"),
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
    "https_ingress_rules",
    '${[for r in data.aws_vpc_security_group_rule.existing_endpoint : r if !r.is_egress && contains(["tcp", "6", "-1"], r.ip_protocol) && (r.ip_protocol == "-1" || try(r.from_port <= 443 && r.to_port >= 443, false))]}',
  );
  local(
    stack,
    "reused_admitting_runtime",
    "${[for k, e in local.reused_endpoints : k if anytrue([for r in local.https_ingress_rules : contains(e.security_group_ids, r.security_group_id) && contains(data.aws_security_groups.runtime.ids, coalesce(r.referenced_security_group_id, \"none\"))]) || " +
      `alltrue([for c in local.runtime_subnet_cidrs : anytrue([for r in local.https_ingress_rules : contains(e.security_group_ids, r.security_group_id) && ${ruleHolds("c")}])])]}`,
  );
  check(stack, "existing_endpoints_admit_runtime", [
    {
      condition: "${length(setsubtract(keys(local.reused_endpoints), local.reused_admitting_runtime)) == 0}",
      errorMessage:
        'These reused endpoints admit no HTTPS from the runtime: ${join("; ", [for k, e in local.reused_endpoints : "${k} (${e.id}, security groups ${join(", ", e.security_group_ids)})" if !contains(local.reused_admitting_runtime, k)])}. Until their owners add an ingress rule for TCP 443 from the runtime\'s security group (output runtime_security_group_id) or from its subnets (${join(", ", local.runtime_subnet_cidrs)}), the runtime\'s calls to these services time out (a rule through a prefix list is not recognised here). See README.md, "Endpoints the VPC already has".',
    },
  ]);
}
