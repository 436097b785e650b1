import { isExistingVpc } from "../answers/model.js";
import type { Feature } from "../catalog/features.js";
import * as P from "../catalog/patterns.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { hclString, layerStack, local, named, output, TAG_NAME, TAG_ROLE, TAG_TIER, variable } from "./common.js";

type Statement = cdk.DataAwsIamPolicyDocumentStatement;

const AGENTCORE = "arn:${local.partition}:bedrock-agentcore:${var.region}:${local.account_id}";
const AWS_OWNED_AGENTCORE = "arn:${local.partition}:bedrock-agentcore:${var.region}:aws";
const LOGS = "arn:${local.partition}:logs:${var.region}:${local.account_id}:log-group";
const SECRETS = "arn:${local.partition}:secretsmanager:${var.region}:${local.account_id}:secret";
const WORKLOAD_IDENTITIES = [`${AGENTCORE}:workload-identity-directory/default`, `${AGENTCORE}:workload-identity-directory/default/workload-identity/\${var.name}-*`];

/** Execution-role permissions every runtime needs (agentcore-facts §6). */
const BASE_STATEMENTS: readonly Statement[] = [
  {
    sid: "PullImage",
    actions: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
    resources: ["arn:${local.partition}:ecr:${local.image.region}:${local.image.account}:repository/${local.image.repository}"],
  },
  // ECR issues authorization tokens account-wide; the action has no resource-level scope.
  { sid: "EcrAuthorizationToken", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
  {
    sid: "RuntimeLogGroups",
    actions: ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
    resources: [`${LOGS}:/aws/bedrock-agentcore/runtimes/*`],
  },
  { sid: "DescribeLogGroups", actions: ["logs:DescribeLogGroups"], resources: [`${LOGS}:*`] },
  {
    sid: "RuntimeLogStreams",
    actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
    resources: [`${LOGS}:/aws/bedrock-agentcore/runtimes/*:log-stream:*`],
  },
  // X-Ray has no resource-level permissions for these actions.
  {
    sid: "Traces",
    actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
    resources: ["*"],
  },
  {
    sid: "Metrics",
    actions: ["cloudwatch:PutMetricData"],
    resources: ["*"],
    condition: [{ test: "StringEquals", variable: "cloudwatch:namespace", values: ["bedrock-agentcore"] }],
  },
  {
    sid: "WorkloadAccessTokens",
    actions: ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT", "bedrock-agentcore:GetWorkloadAccessTokenForUserId"],
    resources: WORKLOAD_IDENTITIES,
  },
];

/** Permissions granted only when the feature is chosen. */
const FEATURE_STATEMENTS: Partial<Record<Feature, readonly Statement[]>> = {
  models: [
    {
      sid: "InvokeModels",
      actions: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
      resources: ["arn:${local.partition}:bedrock:*::foundation-model/*", "arn:${local.partition}:bedrock:${var.region}:${local.account_id}:inference-profile/*"],
    },
  ],
  memory: [
    {
      sid: "Memory",
      actions: [
        "bedrock-agentcore:CreateEvent",
        "bedrock-agentcore:GetEvent",
        "bedrock-agentcore:ListEvents",
        "bedrock-agentcore:DeleteEvent",
        "bedrock-agentcore:ListSessions",
        "bedrock-agentcore:RetrieveMemoryRecords",
        "bedrock-agentcore:ListMemoryRecords",
        "bedrock-agentcore:GetMemoryRecord",
      ],
      resources: [`${AGENTCORE}:memory/*`],
    },
  ],
  identity: [
    {
      sid: "OutboundCredentials",
      actions: ["bedrock-agentcore:GetResourceOauth2Token", "bedrock-agentcore:GetResourceApiKey"],
      resources: [`${AGENTCORE}:token-vault/default`, `${AGENTCORE}:token-vault/default/*`, ...WORKLOAD_IDENTITIES],
    },
    { sid: "TokenVaultSecrets", actions: ["secretsmanager:GetSecretValue"], resources: [`${SECRETS}:bedrock-agentcore-identity!default/*`] },
  ],
  gateway: [{ sid: "InvokeGateway", actions: ["bedrock-agentcore:InvokeGateway"], resources: [`${AGENTCORE}:gateway/*`] }],
  browser: [
    {
      sid: "Browser",
      actions: [
        "bedrock-agentcore:StartBrowserSession",
        "bedrock-agentcore:StopBrowserSession",
        "bedrock-agentcore:GetBrowserSession",
        "bedrock-agentcore:ListBrowserSessions",
        "bedrock-agentcore:UpdateBrowserStream",
        "bedrock-agentcore:ConnectBrowserAutomationStream",
        "bedrock-agentcore:ConnectBrowserLiveViewStream",
      ],
      resources: [`${AWS_OWNED_AGENTCORE}:browser/*`, `${AGENTCORE}:browser/*`],
    },
  ],
  codeInterpreter: [
    {
      sid: "CodeInterpreter",
      actions: [
        "bedrock-agentcore:StartCodeInterpreterSession",
        "bedrock-agentcore:StopCodeInterpreterSession",
        "bedrock-agentcore:GetCodeInterpreterSession",
        "bedrock-agentcore:ListCodeInterpreterSessions",
        "bedrock-agentcore:InvokeCodeInterpreter",
      ],
      resources: [`${AWS_OWNED_AGENTCORE}:code-interpreter/*`, `${AGENTCORE}:code-interpreter/*`],
    },
  ],
  // RDS-managed master user secrets are named rds!db-... or rds!cluster-...
  rds: [{ sid: "DatabaseCredentials", actions: ["secretsmanager:GetSecretValue"], resources: [`${SECRETS}:rds!*`] }],
};

export function executionStatements(features: readonly Feature[]): Statement[] {
  return [...BASE_STATEMENTS, ...features.flatMap((f) => FEATURE_STATEMENTS[f] ?? [])];
}

/** Finds the network layer's subnets and security group by tag, so the layers share no state backend. */
function networkLookups(stack: cdk.TerraformStack, plan: Plan): { subnets: string; securityGroup: string } {
  const { vpc } = plan.answers;
  if (isExistingVpc(vpc)) {
    variable(stack, "vpc_id", { type: "string", description: "ID of the existing VPC.", default: vpc.id });
    variable(stack, "subnet_ids", { type: "list(string)", description: "Private subnets of the runtime ENIs (checked by the network layer).", default: vpc.subnetIds });
  } else {
    named(new cdk.DataAwsVpc(stack, "data.aws_vpc.this", { tags: { [TAG_NAME]: "${var.name}" } }), "this");
    named(
      new cdk.DataAwsSubnets(stack, "data.aws_subnets.private", {
        filter: [{ name: "vpc-id", values: ["${data.aws_vpc.this.id}"] }],
        tags: { [TAG_NAME]: "${var.name}", [TAG_TIER]: "private" },
        lifecycle: {
          postcondition: [{ condition: "${length(self.ids) > 0}", errorMessage: "No private subnets tagged for ${var.name} were found: apply the network layer first." }],
        },
      }),
      "private",
    );
  }
  const vpcId = isExistingVpc(vpc) ? "${var.vpc_id}" : "${data.aws_vpc.this.id}";
  named(
    new cdk.DataAwsSecurityGroup(stack, "data.aws_security_group.runtime", {
      vpcId,
      tags: { [TAG_NAME]: "${var.name}", [TAG_ROLE]: "runtime" },
    }),
    "runtime",
  );
  return { subnets: isExistingVpc(vpc) ? "${var.subnet_ids}" : "${data.aws_subnets.private.ids}", securityGroup: "${data.aws_security_group.runtime.id}" };
}

/** Observability is log delivery, not a runtime switch (agentcore-facts §7). */
function observability(stack: cdk.TerraformStack): void {
  variable(stack, "log_retention_days", { type: "number", description: "Retention of the runtime's application log group, in days.", default: 30 });
  variable(stack, "enable_transaction_search", {
    type: "bool",
    description: "Turn on X-Ray Transaction Search (traces in CloudWatch). It is one setting per account and region: enable it from one project only.",
    default: false,
  });
  variable(stack, "log_kms_key_arn", {
    type: "string",
    description: "ARN of a KMS key to encrypt the application log group with (its key policy must allow CloudWatch Logs); empty keeps CloudWatch's own encryption.",
    default: "",
  });
  named(
    new cdk.CloudwatchLogGroup(stack, "aws_cloudwatch_log_group.runtime", {
      name: "/aws/vendedlogs/bedrock-agentcore/runtime/${var.name}",
      retentionInDays: cdk.Token.asNumber("${var.log_retention_days}"),
      kmsKeyId: '${var.log_kms_key_arn == "" ? null : var.log_kms_key_arn}',
    }),
    "runtime",
  );
  const runtimeArn = "${aws_bedrockagentcore_agent_runtime.this.agent_runtime_arn}";
  named(
    new cdk.CloudwatchLogDeliverySource(stack, "aws_cloudwatch_log_delivery_source.logs", { name: "${var.name}-logs", logType: "APPLICATION_LOGS", resourceArn: runtimeArn }),
    "logs",
  );
  named(
    new cdk.CloudwatchLogDeliveryDestination(stack, "aws_cloudwatch_log_delivery_destination.logs", {
      name: "${var.name}-logs",
      deliveryDestinationConfiguration: [{ destinationResourceArn: "${aws_cloudwatch_log_group.runtime.arn}" }],
    }),
    "logs",
  );
  named(
    new cdk.CloudwatchLogDelivery(stack, "aws_cloudwatch_log_delivery.logs", {
      deliverySourceName: "${aws_cloudwatch_log_delivery_source.logs.name}",
      deliveryDestinationArn: "${aws_cloudwatch_log_delivery_destination.logs.arn}",
    }),
    "logs",
  );
  named(
    new cdk.CloudwatchLogDeliverySource(stack, "aws_cloudwatch_log_delivery_source.traces", { name: "${var.name}-traces", logType: "TRACES", resourceArn: runtimeArn }),
    "traces",
  );
  named(
    new cdk.CloudwatchLogDeliveryDestination(stack, "aws_cloudwatch_log_delivery_destination.traces", { name: "${var.name}-traces", deliveryDestinationType: "XRAY" }),
    "traces",
  );
  named(
    new cdk.CloudwatchLogDelivery(stack, "aws_cloudwatch_log_delivery.traces", {
      deliverySourceName: "${aws_cloudwatch_log_delivery_source.traces.name}",
      deliveryDestinationArn: "${aws_cloudwatch_log_delivery_destination.traces.arn}",
    }),
    "traces",
  );
  named(
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
      policyDocument: "${data.aws_iam_policy_document.transaction_search.json}",
    }),
    "transaction_search",
  );
  const destination = named(
    new cdk.XrayTraceSegmentDestination(stack, "aws_xray_trace_segment_destination.this", { ...onlyIfEnabled, destination: "CloudWatchLogs" }),
    "this",
  );
  destination.addOverride("depends_on", ["aws_cloudwatch_log_resource_policy.transaction_search"]);
}

/** The runtime layer: can be destroyed and re-created while the network layer stays. */
export function runtimeStack(scope: cdk.Construct, plan: Plan): cdk.TerraformStack {
  const { answers } = plan;
  const stack = layerStack(scope, "runtime", answers, "AWS region of the runtime; must match the network layer.");
  variable(stack, "image", {
    type: "string",
    description: "ECR image URI of the agent container, with a tag or digest. The execution role may pull only from its repository.",
    default: answers.image,
    validation: {
      condition: `\${can(regex(${hclString(P.ECR_IMAGE.source)}, var.image))}`,
      errorMessage: "image must be an ECR image URI with a tag or digest, such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1.0.0.",
    },
  });
  variable(stack, "create_service_linked_role", {
    type: "bool",
    description: "Create AWSServiceRoleForBedrockAgentCoreNetwork. AWS creates it on the first VPC-mode runtime if you may; set true only where policy requires it to be managed, and only where it does not exist yet.",
    default: false,
  });

  named(new cdk.DataAwsCallerIdentity(stack, "data.aws_caller_identity.current", {}), "current");
  named(new cdk.DataAwsPartition(stack, "data.aws_partition.current", {}), "current");
  local(stack, "account_id", "${data.aws_caller_identity.current.account_id}");
  local(stack, "partition", "${data.aws_partition.current.partition}");
  local(stack, "image",
    `\${regex(${hclString("^(?P<account>[0-9]{12})\\.dkr\\.ecr\\.(?P<region>[a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/(?P<repository>[^:@]+)")}, var.image)}`,
  );
  const network = networkLookups(stack, plan);

  // The SourceAccount/SourceArn conditions keep other accounts' AgentCore from assuming the role.
  named(
    new cdk.DataAwsIamPolicyDocument(stack, "data.aws_iam_policy_document.trust", {
      statement: [
        {
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["bedrock-agentcore.amazonaws.com"] }],
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: ["${local.account_id}"] },
            { test: "ArnLike", variable: "aws:SourceArn", values: [`${AGENTCORE}:*`] },
          ],
        },
      ],
    }),
    "trust",
  );
  named(new cdk.DataAwsIamPolicyDocument(stack, "data.aws_iam_policy_document.execution", { statement: executionStatements(answers.features) }), "execution");
  named(
    new cdk.IamRole(stack, "aws_iam_role.execution", {
      name: "${var.name}-execution",
      description: "Execution role of the ${var.name} AgentCore runtime",
      assumeRolePolicy: "${data.aws_iam_policy_document.trust.json}",
    }),
    "execution",
  );
  named(
    new cdk.IamRolePolicy(stack, "aws_iam_role_policy.execution", {
      name: "${var.name}-execution",
      role: "${aws_iam_role.execution.id}",
      policy: "${data.aws_iam_policy_document.execution.json}",
    }),
    "execution",
  );
  named(
    new cdk.IamServiceLinkedRole(stack, "aws_iam_service_linked_role.network", {
      count: cdk.Token.asNumber("${var.create_service_linked_role ? 1 : 0}"),
      awsServiceName: "network.bedrock-agentcore.amazonaws.com",
    }),
    "network",
  );
  const runtime = named(
    new cdk.BedrockagentcoreAgentRuntime(stack, "aws_bedrockagentcore_agent_runtime.this", {
      agentRuntimeName: "${var.name}",
      roleArn: "${aws_iam_role.execution.arn}",
      agentRuntimeArtifact: [{ containerConfiguration: [{ containerUri: "${var.image}" }] }],
      networkConfiguration: [
        {
          networkMode: "VPC",
          networkModeConfig: [{ subnets: cdk.Token.asList(network.subnets), securityGroups: [network.securityGroup] }],
        },
      ],
    }),
    "this",
  );
  // The role's permissions must exist before the runtime pulls its image.
  runtime.addOverride("depends_on", ["aws_iam_role_policy.execution", "aws_iam_service_linked_role.network"]);
  if (answers.features.includes("observability")) observability(stack);

  output(stack, "agent_runtime_arn", "ARN of the AgentCore runtime.", "${aws_bedrockagentcore_agent_runtime.this.agent_runtime_arn}");
  output(stack, "agent_runtime_id", "ID of the AgentCore runtime.", "${aws_bedrockagentcore_agent_runtime.this.agent_runtime_id}");
  output(stack, "execution_role_arn", "ARN of the runtime's execution role.", "${aws_iam_role.execution.arn}");
  if (answers.features.includes("observability")) output(stack, "log_group_name", "CloudWatch log group of the runtime's application logs.", "${aws_cloudwatch_log_group.runtime.name}");
  return stack;
}
