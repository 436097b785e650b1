/**
 * The first hashicorp/aws release that has each block type a layer declares, from the
 * provider's CHANGELOG (agentcore-facts §5). Terraform refuses an unknown type even with
 * count = 0, so a layer's floor is the highest of these over what it declares.
 */

export interface VersionFact {
  readonly version: string;
  /** The CHANGELOG line, or how the version was established. */
  readonly source: string;
  /** Only when the block's body uses this (an attribute value newer than the type). */
  readonly when?: (body: Readonly<Record<string, unknown>>) => boolean;
}

/** Present when the provider was split out of Terraform core. */
const INITIAL = { version: "0.1.0", source: "registered in aws/provider.go at v0.1.0 (the split from Terraform core)" };

/**
 * Types (and the attributes used of them, such as manage_master_user_password, master_user_secret
 * and serverlessv2_scaling_configuration) that 5.100.0 has: the data layer is validated and
 * planned with it here. Their first release is not taken from the CHANGELOG, so none older is claimed.
 */
const HELD = { version: "5.100.0", source: "present in 5.100.0, with every attribute used (terraform validate and plan here); no older release is claimed" };

/** Keyed "resource.<type>" or "data.<type>"; a type may have several facts, each with its own condition. */
export const PROVIDER_VERSIONS: Readonly<Record<string, readonly VersionFact[]>> = {
  "resource.aws_vpc": [INITIAL],
  "resource.aws_subnet": [INITIAL],
  "resource.aws_route_table": [INITIAL],
  "resource.aws_route_table_association": [INITIAL],
  "resource.aws_route": [INITIAL],
  "resource.aws_internet_gateway": [INITIAL],
  "resource.aws_eip": [INITIAL],
  "resource.aws_nat_gateway": [INITIAL],
  "resource.aws_vpc_endpoint": [INITIAL],
  "resource.aws_security_group": [INITIAL],
  "resource.aws_kms_key": [INITIAL],
  "resource.aws_cloudwatch_log_group": [INITIAL],
  "resource.aws_iam_role": [INITIAL],
  "resource.aws_iam_role_policy": [INITIAL],
  "resource.aws_flow_log": [INITIAL],
  "resource.aws_vpc_security_group_egress_rule": [{ version: "4.56.0", source: "4.56.0: **New Resource:** `aws_vpc_security_group_egress_rule` (#29484)" }],
  "resource.aws_vpc_security_group_ingress_rule": [{ version: "4.56.0", source: "4.56.0: **New Resource:** `aws_vpc_security_group_ingress_rule` (#29484)" }],
  "resource.aws_iam_service_linked_role": [{ version: "1.15.0", source: "1.15.0: **New Resource:** `aws_iam_service_linked_role` (#2985)" }],
  "resource.aws_cloudwatch_log_resource_policy": [{ version: "1.6.0", source: "1.6.0: **New Resource:** `aws_cloudwatch_log_resource_policy` (#2243)" }],
  "resource.aws_cloudwatch_log_delivery_source": [{ version: "5.83.0", source: "5.83.0: CloudWatch Logs Delivery v2 (#40731; a maintainer on #40925: released in v5.83.0)" }],
  "resource.aws_cloudwatch_log_delivery": [{ version: "5.83.0", source: "5.83.0: CloudWatch Logs Delivery v2 (#40731; a maintainer on #40925: released in v5.83.0)" }],
  "resource.aws_cloudwatch_log_delivery_destination": [
    { version: "5.83.0", source: "5.83.0: CloudWatch Logs Delivery v2 (#40731)" },
    {
      version: "6.21.0",
      source: "6.21.0: Make `delivery_destination_type` and `delivery_destination_configuration` optional to support AWS X-Ray as a destination (#44995)",
      when: (body) => body.delivery_destination_type === "XRAY",
    },
  ],
  "resource.aws_xray_trace_segment_destination": [{ version: "6.46.0", source: "6.46.0: **New Resource:** `aws_xray_trace_segment_destination` (#47961)" }],
  "resource.aws_bedrockagentcore_agent_runtime": [{ version: "6.17.0", source: "6.17.0: **New Resource:** `aws_bedrockagentcore_agent_runtime` (#44301)" }],
  "resource.aws_bedrockagentcore_memory": [{ version: "6.18.0", source: "6.18.0: **New Resource:** `aws_bedrockagentcore_memory` (#44306; agentcore-facts §5)" }],
  "resource.aws_bedrockagentcore_memory_strategy": [{ version: "6.18.0", source: "6.18.0: **New Resource:** `aws_bedrockagentcore_memory_strategy` (#44306; agentcore-facts §5)" }],
  "resource.aws_bedrockagentcore_gateway": [
    { version: "6.17.0", source: "6.17.0: **New Resource:** `aws_bedrockagentcore_gateway` (#44305)" },
    {
      version: "6.19.0",
      source: "6.19.0: resource/aws_bedrockagentcore_gateway: Change `authorizer_configuration` block from `Required` to `Optional` (#44812): an AWS_IAM gateway has none",
      when: (body) => body.authorizer_configuration === undefined,
    },
  ],
  "resource.aws_bedrockagentcore_browser": [
    { version: "6.17.0", source: "6.17.0: **New Resource:** `aws_bedrockagentcore_browser` (#44303)" },
    {
      version: "6.21.0",
      source: "6.21.0 BREAKING CHANGES: resource/aws_bedrockagentcore_browser: Rename `network_configuration.network_mode_config` to `network_configuration.vpc_config` (#44828)",
      when: (body) => JSON.stringify(body.network_configuration ?? "").includes("vpc_config"),
    },
  ],
  "resource.aws_bedrockagentcore_code_interpreter": [
    { version: "6.17.0", source: "6.17.0: **New Resource:** `aws_bedrockagentcore_code_interpreter` (#44304)" },
    {
      // The CHANGELOG of 6.17.0-6.31.0 adds no vpc_config to the code interpreter; the release that did is not in any stored copy. 6.66.0 is proven to have it.
      version: "6.66.0",
      source: "network_configuration.vpc_config: absent from the CHANGELOG through 6.31.0; present in 6.66.0, the release the typed bindings here are generated from",
      when: (body) => JSON.stringify(body.network_configuration ?? "").includes("vpc_config"),
    },
  ],
  "resource.aws_s3_bucket": [{ version: "0.1.0", source: "in Terraform core before the provider was split out (core 0.5.0: `aws_s3_bucket` website support, #1738)" }],
  "resource.aws_s3_bucket_policy": [{ version: "0.1.0", source: "in Terraform core before the split (core 0.7.3: **New Resource:** `aws_s3_bucket_policy`, #8615)" }],
  "resource.aws_s3_bucket_public_access_block": [{ version: "1.54.0", source: "1.54.0: **New Resource:** `aws_s3_bucket_public_access_block` (#6607)" }],
  "resource.aws_s3_bucket_server_side_encryption_configuration": [{ version: "4.0.0", source: "4.0.0: **New Resource:** `aws_s3_bucket_server_side_encryption_configuration` (#22609)" }],
  "resource.aws_s3_bucket_lifecycle_configuration": [{ version: "4.0.0", source: "4.0.0: **New Resource:** `aws_s3_bucket_lifecycle_configuration` (#22579)" }],
  "resource.aws_db_subnet_group": [HELD],
  "resource.aws_db_instance": [HELD],
  "resource.aws_rds_cluster": [HELD],
  "resource.aws_rds_cluster_instance": [HELD],
  "data.aws_db_instance": [HELD],
  "data.aws_rds_cluster": [HELD],
  "data.aws_availability_zones": [INITIAL],
  "data.aws_vpc": [INITIAL],
  "data.aws_subnet": [INITIAL],
  "data.aws_route_table": [INITIAL],
  "data.aws_security_group": [INITIAL],
  "data.aws_caller_identity": [INITIAL],
  "data.aws_partition": [INITIAL],
  "data.aws_iam_policy_document": [INITIAL],
  "data.aws_subnets": [{ version: "3.55.0", source: "3.55.0: **New Data Source:** `aws_subnets` (#18803)" }],
  "data.aws_route_tables": [{ version: "1.25.0", source: "1.25.0: **New Data Source:** `aws_route_tables` (#4841)" }],
  "data.aws_prefix_list": [INITIAL],
  "data.aws_vpc_endpoint": [{ version: "0.1.0", source: "added to Terraform core by hashicorp/terraform #11323 (2017-01-23), before the provider was split out at v0.1.0" }],
  "data.aws_network_interface": [{ version: "1.6.0", source: "1.6.0: **New Data Source:** `aws_network_interface` (#2316)" }],
  "data.aws_network_interfaces": [{ version: "1.29.0", source: "1.29.0: **New Data Source:** `aws_network_interfaces` (#5324)" }],
  "data.aws_security_groups": [{ version: "1.25.0", source: "1.25.0: **New Data Source:** `aws_security_groups` (#2947)" }],
  "data.aws_vpc_security_group_rule": [{ version: "4.56.0", source: "4.56.0 release notes: **New Data Source:** `aws_vpc_security_group_rule` (#29484)" }],
  "data.aws_vpc_security_group_rules": [{ version: "4.56.0", source: "4.56.0: **New Data Source:** `aws_vpc_security_group_rules` (#29484)" }],
};

/**
 * The oldest release every layer is held to: the network layer is validated and planned
 * here with 5.100.0, so no older one is claimed.
 */
export const TESTED_FLOOR = "5.100.0";

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i += 1) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** The versions a block needs; throws for a type the table does not know, so none goes unchecked. */
export function versionsOf(kind: "resource" | "data", type: string, body: Readonly<Record<string, unknown>>): string[] {
  const facts = PROVIDER_VERSIONS[`${kind}.${type}`];
  if (!facts) throw new Error(`no provider version is recorded for ${kind} ${type}: add it to src/catalog/provider-versions.ts from the CHANGELOG`);
  return facts.filter((f) => f.when === undefined || f.when(body)).map((f) => f.version);
}

/** A layer's floor: the highest first version of anything it declares, never below TESTED_FLOOR. */
export function providerFloor(blocks: readonly { kind: string; labels: readonly string[]; body: Readonly<Record<string, unknown>> }[]): string {
  const versions = blocks.filter((b) => b.kind === "resource" || b.kind === "data").flatMap((b) => versionsOf(b.kind as "resource" | "data", b.labels[0]!, b.body));
  return [TESTED_FLOOR, ...versions].sort(compareVersions).at(-1)!;
}
