import type { ManagedEniInfo, SecurityGroupRuleInfo, VpcDetails } from "../account/model.js";
import type { LogDeliveries, Read, RoleInfo, RuntimeInfo } from "../account/runtime.js";
import type { Feature } from "../catalog/features.js";

/** What the doctor checks a network against: the account's VPC and the runtime's place in it. */
export interface NetworkTarget {
  readonly region: string;
  readonly details: VpcDetails;
  /** The runtime's subnets. */
  readonly subnetIds: readonly string[];
  /** The runtime's security groups; empty when none were named. */
  readonly groupIds: readonly string[];
  /** Their rules, or why they could not be read. */
  readonly groupRules?: readonly SecurityGroupRuleInfo[];
  readonly groupRulesError?: string;
  /** The features whose endpoints the runtime needs besides ECR, S3 and logs. */
  readonly features: readonly Feature[];
  /** The runtime reaches S3 through the service's own gateway, not the VPC (servesS3); false before a runtime exists. */
  readonly serviceS3Endpoint?: boolean;
  /** The interfaces AgentCore manages in the VPC. */
  readonly managedEnis: Read<readonly ManagedEniInfo[]>;
  /** The region's runtimes, with their networks: who still uses those interfaces. */
  readonly runtimes: Read<readonly RuntimeInfo[]>;
}

/** A runtime as the control plane reports it, and what it depends on outside the network. */
export interface RuntimeTarget {
  readonly region: string;
  readonly account: string;
  readonly runtime: RuntimeInfo;
  /** The execution role; undefined when it does not exist. */
  readonly role: Read<RoleInfo | undefined>;
  readonly deliveries: Read<LogDeliveries>;
  /** A generated project that chose no observability: its missing log delivery is a decision, not a finding. */
  readonly observabilityDeclined?: boolean;
  /** Subnets it names that EC2 no longer has. */
  readonly missingSubnets: readonly string[];
  /** Its network, for a runtime in VPC mode whose subnets exist. */
  readonly network?: NetworkTarget;
}

export interface AccountTarget {
  readonly region: string;
  /** Whether AWSServiceRoleForBedrockAgentCoreNetwork exists. */
  readonly serviceLinkedRole: Read<boolean>;
}

/** Everything one check looks at: a network, a runtime, or both, and the account. */
export interface DoctorTarget {
  readonly network?: NetworkTarget;
  readonly runtime?: RuntimeTarget;
  readonly account: AccountTarget;
}
