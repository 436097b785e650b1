import * as cdk from "./cdktn.js";
import { named, output, variable } from "./common.js";
import { LOGS } from "./execution-policy.js";

type Stack = cdk.TerraformStack;

/** The group AgentCore itself creates for the container's stdout/stderr and OTEL logs (agentcore-facts §7). */
export function containerLogGroup(runtime: cdk.BedrockagentcoreAgentRuntime): string {
  return `/aws/bedrock-agentcore/runtimes/${runtime.agentRuntimeId}-DEFAULT`;
}

/**
 * One vended-log delivery of the runtime: source → destination → delivery. `count` gates an
 * optional one, whose members are then referenced by index.
 */
function delivery(stack: Stack, key: string, runtime: cdk.BedrockagentcoreAgentRuntime, logType: string, destination: Omit<cdk.CloudwatchLogDeliveryDestinationConfig, "name">, count?: number): void {
  const gate = count === undefined ? {} : { count };
  const at = count === undefined ? "" : "[0]";
  const source = named(
    new cdk.CloudwatchLogDeliverySource(stack, `aws_cloudwatch_log_delivery_source.${key}`, { ...gate, name: `\${var.name}-${key}`, logType, resourceArn: runtime.agentRuntimeArn }),
    key,
  );
  const target = named(new cdk.CloudwatchLogDeliveryDestination(stack, `aws_cloudwatch_log_delivery_destination.${key}`, { ...gate, name: `\${var.name}-${key}`, ...destination }), key);
  named(
    new cdk.CloudwatchLogDelivery(stack, `aws_cloudwatch_log_delivery.${key}`, {
      ...gate,
      deliverySourceName: at ? `\${aws_cloudwatch_log_delivery_source.${key}${at}.name}` : source.name,
      deliveryDestinationArn: at ? `\${aws_cloudwatch_log_delivery_destination.${key}${at}.arn}` : target.arn,
    }),
    key,
  );
}

function logGroup(stack: Stack, key: string, name: string, count?: number): cdk.CloudwatchLogGroup {
  return named(
    new cdk.CloudwatchLogGroup(stack, `aws_cloudwatch_log_group.${key}`, {
      ...(count === undefined ? {} : { count }),
      name,
      retentionInDays: cdk.Token.asNumber("${var.log_retention_days}"),
      kmsKeyId: '${var.log_kms_key_arn == "" ? null : var.log_kms_key_arn}',
    }),
    key,
  );
}

/** X-Ray Transaction Search, once per account and region: off unless this project is the one that turns it on. */
function transactionSearch(stack: Stack): void {
  variable(stack, "enable_transaction_search", {
    type: "bool",
    description: "Turn on X-Ray Transaction Search (traces in CloudWatch). It is one setting per account and region: enable it from one project only.",
    default: false,
  });
  const document = named(
    new cdk.DataAwsIamPolicyDocument(stack, "data.aws_iam_policy_document.transaction_search", {
      statement: [
        {
          sid: "TransactionSearchXRayAccess",
          principals: [{ type: "Service", identifiers: ["xray.amazonaws.com"] }],
          actions: ["logs:PutLogEvents"],
          resources: [`${LOGS}:aws/spans:*`, `${LOGS}:/aws/application-signals/data:*`],
          condition: [
            { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:${local.partition}:xray:${var.region}:${local.account_id}:*"] },
            { test: "StringEquals", variable: "aws:SourceAccount", values: ["${local.account_id}"] },
          ],
        },
      ],
    }),
    "transaction_search",
  );
  const onlyIfEnabled = { count: cdk.Token.asNumber("${var.enable_transaction_search ? 1 : 0}") };
  named(
    new cdk.CloudwatchLogResourcePolicy(stack, "aws_cloudwatch_log_resource_policy.transaction_search", {
      ...onlyIfEnabled,
      policyName: "${var.name}-transaction-search",
      policyDocument: document.json,
    }),
    "transaction_search",
  );
  const destination = named(new cdk.XrayTraceSegmentDestination(stack, "aws_xray_trace_segment_destination.this", { ...onlyIfEnabled, destination: "CloudWatchLogs" }), "this");
  destination.addOverride("depends_on", ["aws_cloudwatch_log_resource_policy.transaction_search"]);
}

/** Observability is log delivery, not a runtime switch (agentcore-facts §7). */
export function observability(stack: Stack, runtime: cdk.BedrockagentcoreAgentRuntime): void {
  variable(stack, "log_retention_days", { type: "number", description: "Retention of the runtime's vended log groups (application and usage logs), in days.", default: 30 });
  variable(stack, "log_kms_key_arn", {
    type: "string",
    description: "ARN of a KMS key to encrypt the vended log groups with (its key policy must allow CloudWatch Logs); empty keeps CloudWatch's own encryption.",
    default: "",
  });
  variable(stack, "enable_usage_logs", {
    type: "bool",
    description: "Also deliver USAGE_LOGS (per-session vCPU and memory use, for cost attribution) to a log group of their own; ingestion is charged per GB.",
    default: false,
  });
  const application = logGroup(stack, "runtime", "/aws/vendedlogs/bedrock-agentcore/runtime/${var.name}");
  delivery(stack, "logs", runtime, "APPLICATION_LOGS", { deliveryDestinationConfiguration: [{ destinationResourceArn: application.arn }] });
  delivery(stack, "traces", runtime, "TRACES", { deliveryDestinationType: "XRAY" });
  const usage = cdk.Token.asNumber("${var.enable_usage_logs ? 1 : 0}");
  logGroup(stack, "usage", "/aws/vendedlogs/bedrock-agentcore/runtime/${var.name}/usage", usage);
  delivery(stack, "usage", runtime, "USAGE_LOGS", { deliveryDestinationConfiguration: [{ destinationResourceArn: "${aws_cloudwatch_log_group.usage[0].arn}" }] }, usage);
  transactionSearch(stack);
  output(stack, "log_group_name", "CloudWatch log group of the vended APPLICATION_LOGS (per-invocation records).", application.name);
  output(stack, "usage_log_group_name", "CloudWatch log group of the USAGE_LOGS, when enable_usage_logs is true.", '${var.enable_usage_logs ? aws_cloudwatch_log_group.usage[0].name : null}');
}
