import * as price from "../catalog/pricing.js";
import * as cdk from "./cdktn.js";
import { named, variable } from "./common.js";
import type { VpcRefs } from "./vpc.js";

type Stack = cdk.TerraformStack;

/**
 * Optional VPC flow logs into a log group encrypted with a key of this layer. Off by default:
 * ingestion is charged per GB (see README.md).
 */
export function flowLogs(stack: Stack, refs: VpcRefs): void {
  variable(stack, "enable_flow_logs", {
    type: "bool",
    description: `Record VPC flow logs in a KMS-encrypted CloudWatch log group (about ${price.usdRate(price.FLOW_LOGS_INGEST_PER_GB)}/GB ingested, ${price.usdRate(price.LOG_STORAGE_PER_GB_MONTH)}/GB-month stored, ${price.usd(price.KMS_KEY_PER_MONTH)}/month for the key).`,
    default: false,
  });
  variable(stack, "flow_log_retention_days", { type: "number", description: "Retention of the flow log group, in days.", default: 90 });
  const count = cdk.Token.asNumber("${var.enable_flow_logs ? 1 : 0}");
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

