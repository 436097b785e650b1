/**
 * An account's network as the EC2 API describes it: what the inspection layer reads, and
 * all that the pure judgements (subnet tiers, endpoint reuse) and the plan work from.
 */

export interface Identity {
  readonly account: string;
  readonly arn: string;
}

export interface VpcSummary {
  readonly id: string;
  /** The Name tag, when there is one. */
  readonly name?: string;
  /** Every associated IPv4 CIDR, the primary first. */
  readonly cidrs: readonly string[];
  readonly isDefault: boolean;
}

export interface SubnetInfo {
  readonly id: string;
  readonly vpcId: string;
  readonly name?: string;
  readonly azName: string;
  readonly azId: string;
  readonly cidr: string;
  readonly freeIps: number;
}

export interface RouteInfo {
  readonly destinationCidr?: string;
  readonly destinationPrefixListId?: string;
  /** "local", igw-, vpce- (a Gateway Load Balancer or firewall endpoint, or a gateway endpoint's prefix-list route), vgw- */
  readonly gatewayId?: string;
  readonly natGatewayId?: string;
  readonly transitGatewayId?: string;
  readonly networkInterfaceId?: string;
  readonly vpcPeeringConnectionId?: string;
  /** "active" or "blackhole". */
  readonly state?: string;
}

export interface RouteTableInfo {
  readonly id: string;
  readonly main: boolean;
  /** Subnets explicitly associated with the table. */
  readonly subnetIds: readonly string[];
  readonly routes: readonly RouteInfo[];
}

export interface EndpointInfo {
  readonly id: string;
  /** com.amazonaws.<region>.<suffix> */
  readonly serviceName: string;
  readonly type: string;
  /** As EC2 reports it, lower case: "available", "pending", ... */
  readonly state: string;
  readonly privateDns: boolean;
  readonly subnetIds: readonly string[];
  readonly routeTableIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** Its tags: this project's endpoints carry agentcore-vpc:name. */
  readonly tags: Readonly<Record<string, string>>;
}

export interface SecurityGroupRuleInfo {
  readonly id: string;
  readonly groupId: string;
  readonly egress: boolean;
  /** "tcp", "udp", "icmp", "-1" (all) */
  readonly protocol: string;
  /** -1 or absent for all ports. */
  readonly fromPort?: number;
  readonly toPort?: number;
  readonly cidrIpv4?: string;
  /** The security group the rule admits, for a rule by group. */
  readonly referencedGroupId?: string;
  /** The prefix list the rule admits, for a rule by prefix list. */
  readonly prefixListId?: string;
}

/** A network interface AgentCore made for a runtime (tag AmazonBedrockAgentCoreManaged=true). */
export interface ManagedEniInfo {
  readonly id: string;
  readonly subnetId: string;
  readonly securityGroupIds: readonly string[];
}

/** One VPC and everything in it that decides where a runtime can go and what it can reach. */
export interface VpcDetails {
  readonly vpc: VpcSummary;
  readonly dnsSupport: boolean;
  readonly dnsHostnames: boolean;
  readonly subnets: readonly SubnetInfo[];
  readonly routeTables: readonly RouteTableInfo[];
  readonly endpoints: readonly EndpointInfo[];
  /**
   * The rules of the endpoints' security groups; undefined when they could not be read
   * (the call was denied), so that what depends on them is reported as not checked.
   */
  readonly endpointGroupRules?: readonly SecurityGroupRuleInfo[];
  /** Why endpointGroupRules is missing: the call and the permission. */
  readonly endpointGroupRulesError?: string;
}
