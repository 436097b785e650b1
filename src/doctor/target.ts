import type { SecurityGroupRuleInfo, VpcDetails } from "../account/model.js";
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
}
