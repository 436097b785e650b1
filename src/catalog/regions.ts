import type { Feature } from "./features.js";

/**
 * AZ IDs where AgentCore places runtime ENIs (agentcore-facts §1, the devguide's "Supported
 * Availability Zones" table). Regions missing here have no published list and are refused for
 * VPC mode: us-west-1 and ap-south-2 offer AgentCore (late-2026 Supported Regions table) but the
 * AZ table does not list them, and only third-party copies give their IDs.
 */
export const SUPPORTED_AZ_IDS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["use1-az1", "use1-az2", "use1-az4"],
  "us-east-2": ["use2-az1", "use2-az2", "use2-az3"],
  "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3"],
  "ca-central-1": ["cac1-az1", "cac1-az2", "cac1-az4"],
  "sa-east-1": ["sae1-az1", "sae1-az2", "sae1-az3"],
  "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
  "eu-west-2": ["euw2-az1", "euw2-az2", "euw2-az3"],
  "eu-west-3": ["euw3-az1", "euw3-az2", "euw3-az3"],
  "eu-central-1": ["euc1-az1", "euc1-az2", "euc1-az3"],
  "eu-north-1": ["eun1-az1", "eun1-az2", "eun1-az3"],
  "eu-south-1": ["eus1-az1", "eus1-az2", "eus1-az3"],
  "eu-south-2": ["eus2-az1", "eus2-az2", "eus2-az3"],
  "ap-south-1": ["aps1-az1", "aps1-az2", "aps1-az3"],
  "ap-northeast-1": ["apne1-az1", "apne1-az2", "apne1-az4"],
  "ap-northeast-2": ["apne2-az1", "apne2-az2", "apne2-az3"],
  "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
  "ap-southeast-2": ["apse2-az1", "apse2-az2", "apse2-az3"],
  "ap-southeast-5": ["apse5-az1", "apse5-az2", "apse5-az3"],
  "ap-southeast-7": ["apse7-az1", "apse7-az2", "apse7-az3"],
  "us-gov-west-1": ["usgw1-az1", "usgw1-az2", "usgw1-az3"],
};

export const SUPPORTED_REGIONS: readonly string[] = Object.keys(SUPPORTED_AZ_IDS);

export function supportedAzIds(region: string): readonly string[] | undefined {
  return Object.hasOwn(SUPPORTED_AZ_IDS, region) ? SUPPORTED_AZ_IDS[region] : undefined;
}

/** The partition a region belongs to; ARNs, credentials and ECR registries never cross partitions. */
export function partitionOf(region: string): string {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

/**
 * Features AWS does not offer in a region, where it offers AgentCore Runtime (agentcore-facts §1,
 * devguide "Supported AWS Regions"). Only AgentCore's own features are listed here.
 */
const FEATURES_MISSING: Readonly<Record<string, readonly Feature[]>> = {
  "eu-south-1": ["memory"],
  "eu-south-2": ["memory"],
  "ap-southeast-5": ["memory"],
  "ap-southeast-7": ["memory"],
};

export function featuresMissingIn(region: string, features: readonly Feature[]): Feature[] {
  const missing = Object.hasOwn(FEATURES_MISSING, region) ? FEATURES_MISSING[region]! : [];
  return features.filter((f) => missing.includes(f));
}
