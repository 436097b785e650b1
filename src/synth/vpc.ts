import type { ExistingVpc, NewVpc } from "../answers/model.js";
import * as P from "../catalog/patterns.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { forEachIn, hclString, local, named, TAG_TIER, variable, type Assertion } from "./common.js";
import { reusedEndpoints, type Reused } from "./reuse.js";

type Stack = cdk.TerraformStack;

/** What the shared part of the network layer needs from the VPC-specific part. */
export interface VpcRefs {
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Expression for the private subnet IDs, a list. */
  readonly subnetIds: string;
  /** Expression for the subnets of the interface endpoints: one per AZ. */
  readonly endpointSubnetIds: string;
  /** The route tables the private subnets use: a list, or an expression for one. */
  readonly routeTableIds: string[] | string;
  /** Checks of what this layer did not make, before the runtime's security group is created. */
  readonly runtimePreconditions: readonly Assertion[];
  /** In an existing VPC: the endpoints it already has that the runtime uses. */
  readonly reused?: Reused;
  /** In an existing VPC: each interface endpoint to create must not collide with one it has. */
  readonly interfaceEndpointPrecondition?: Assertion;
  /** In an existing VPC, a Terraform expression (no interpolation): its CIDRs, whose workloads resolve a service to the endpoints created here. */
  readonly sharedCidrs?: string;
}

export function newVpc(stack: Stack, plan: Plan, vpc: NewVpc): VpcRefs {
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
    endpointSubnetIds: "${[for s in aws_subnet.private : s.id]}",
    routeTableIds: ["${aws_route_table.private.id}"],
    runtimePreconditions: [],
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

export function existingVpc(stack: Stack, plan: Plan, vpc: ExistingVpc): VpcRefs {
  variable(stack, "vpc_id", {
    type: "string",
    description: "ID of the existing VPC.",
    default: vpc.id,
    validation: { condition: `\${can(regex(${hclString(P.VPC_ID.source)}, var.vpc_id))}`, errorMessage: "vpc_id must look like vpc-0123456789abcdef0." },
  });
  variable(stack, "subnet_ids", {
    type: "list(string)",
    description: "Existing private subnets for the runtime ENIs, in at least two supported AZ IDs; interface endpoints use the first one of each AZ.",
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
  local(stack, "subnet_az_ids", "${distinct([for id in var.subnet_ids : data.aws_subnet.private[id].availability_zone_id])}");
  // An interface endpoint takes one subnet per AZ: the first listed in each.
  local(stack, "endpoint_subnet_ids", "${[for az in local.subnet_az_ids : [for id in var.subnet_ids : id if data.aws_subnet.private[id].availability_zone_id == az][0]]}");
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
  if (plan.answers.internet) internetRoutes(stack);
  const reused = reusedEndpoints(stack, plan);
  return {
    vpcId: "${data.aws_vpc.this.id}",
    vpcCidr: "${data.aws_vpc.this.cidr_block}",
    subnetIds: "${var.subnet_ids}",
    endpointSubnetIds: "${local.endpoint_subnet_ids}",
    routeTableIds: "${local.private_route_table_ids}",
    runtimePreconditions: [
      {
        condition: "${length(local.subnet_az_ids) >= 2}",
        errorMessage:
          "The subnets in subnet_ids are all in ${join(\", \", local.subnet_az_ids)}: AgentCore needs the runtime's subnets in at least two supported AZs. Add a subnet in another of ${join(\", \", var.supported_az_ids)}.",
      },
      ...reused.preconditions,
    ],
    reused,
    interfaceEndpointPrecondition: reused.interfaceEndpointPrecondition,
    sharedCidrs: "[for a in data.aws_vpc.this.cidr_block_associations : a.cidr_block]",
  };
}

/**
 * Internet egress of existing subnets: any default route will do (a NAT or transit gateway,
 * a firewall or Gateway Load Balancer endpoint, an appliance's interface) except an internet
 * gateway, where a runtime ENI, which has only a private IP, still reaches nothing.
 */
function internetRoutes(stack: Stack): void {
  named(
    new cdk.DataAwsRouteTable(stack, "data.aws_route_table.private", {
      forEach: forEachIn("toset(local.private_route_table_ids)"),
      routeTableId: "${each.key}",
      lifecycle: {
        postcondition: [
          {
            condition: '${anytrue([for r in self.routes : r.cidr_block == "0.0.0.0/0"])}',
            errorMessage:
              "Route table ${self.id} used by the runtime subnets has no 0.0.0.0/0 route, so the runtime would have no internet egress. Add a default route to a NAT gateway, transit gateway or firewall endpoint, or choose subnets whose route table has one.",
          },
          {
            condition: '${alltrue([for r in self.routes : !(r.cidr_block == "0.0.0.0/0" && startswith(r.gateway_id, "igw-"))])}',
            errorMessage:
              'Route table ${self.id} sends 0.0.0.0/0 to internet gateway ${join(", ", [for r in self.routes : r.gateway_id if r.cidr_block == "0.0.0.0/0"])}: its subnets are public, and a runtime ENI there has only a private IP, so it gets no internet. Choose private subnets whose default route goes to a NAT gateway, transit gateway or firewall endpoint.',
          },
        ],
      },
    }),
    "private",
  );
}

