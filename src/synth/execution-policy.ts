import type { Feature } from "../catalog/features.js";
import type * as cdk from "./cdktn.js";

type Statement = cdk.DataAwsIamPolicyDocumentStatement;

export const AGENTCORE = "arn:${local.partition}:bedrock-agentcore:${var.region}:${local.account_id}";
export const AWS_OWNED_AGENTCORE = "arn:${local.partition}:bedrock-agentcore:${var.region}:aws";
export const LOGS = "arn:${local.partition}:logs:${var.region}:${local.account_id}:log-group";
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

function databaseCredentials(secret: string): Statement {
  return { sid: "DatabaseCredentials", actions: ["secretsmanager:GetSecretValue"], resources: [secret] };
}

/** Permissions granted only when the feature is chosen. */
const FEATURE_STATEMENTS: Partial<Record<Feature, readonly Statement[]>> = {
  models: [
    {
      sid: "InvokeModels",
      actions: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
      resources: ["arn:${local.partition}:bedrock:*::foundation-model/*", "arn:${local.partition}:bedrock:${var.region}:${local.account_id}:inference-profile/*"],
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
  // A database whose secret is not known yet: RDS-managed master user secrets are named rds!db-... or rds!cluster-...
  rds: [databaseCredentials(`${SECRETS}:rds!*`)],
};

/** What the runtime may do with its own Memory, named by ARN; the Memory SDK's clients call GetMemory too (agentcore-facts §6). */
function memoryStatement(memoryArn: string): Statement {
  return {
    sid: "Memory",
    actions: [
      "bedrock-agentcore:GetMemory",
      "bedrock-agentcore:CreateEvent",
      "bedrock-agentcore:GetEvent",
      "bedrock-agentcore:ListEvents",
      "bedrock-agentcore:DeleteEvent",
      "bedrock-agentcore:ListSessions",
      "bedrock-agentcore:RetrieveMemoryRecords",
      "bedrock-agentcore:ListMemoryRecords",
      "bedrock-agentcore:GetMemoryRecord",
    ],
    resources: [memoryArn],
  };
}

const BROWSER_ACTIONS = [
  "bedrock-agentcore:StartBrowserSession",
  "bedrock-agentcore:StopBrowserSession",
  "bedrock-agentcore:GetBrowserSession",
  "bedrock-agentcore:ListBrowserSessions",
  "bedrock-agentcore:UpdateBrowserStream",
  "bedrock-agentcore:ConnectBrowserAutomationStream",
  "bedrock-agentcore:ConnectBrowserLiveViewStream",
];

const CODE_INTERPRETER_ACTIONS = [
  "bedrock-agentcore:StartCodeInterpreterSession",
  "bedrock-agentcore:StopCodeInterpreterSession",
  "bedrock-agentcore:GetCodeInterpreterSession",
  "bedrock-agentcore:ListCodeInterpreterSessions",
  "bedrock-agentcore:InvokeCodeInterpreter",
];

/** The resources the runtime's permissions name, each one by its ARN: no gateway/*, browser/* or memory/*. */
export interface OwnResources {
  readonly memoryArn?: string;
  /** The one secret of a known database: it replaces the rds!* grant. */
  readonly databaseSecretArn?: string;
  /** The gateway the runtime calls with SigV4; none for a CUSTOM_JWT gateway. */
  readonly gatewayArn?: string;
  /** The runtime's browser: a custom one (browser-custom/<id>) or the AWS-managed aws.browser.v1. */
  readonly browserArn?: string;
  readonly codeInterpreterArn?: string;
}

/** A chosen tool's own resource must be known: a grant without it would be a wildcard or nothing. */
function ownArn(arn: string | undefined, what: string): string[] {
  if (arn === undefined) throw new Error(`the ${what} the runtime uses was not passed to executionStatements`);
  return [arn];
}

export function executionStatements(features: readonly Feature[], own: OwnResources = {}): Statement[] {
  const byFeature = features.flatMap((f): readonly Statement[] => {
    if (f === "rds" && own.databaseSecretArn) return [];
    // A CUSTOM_JWT gateway checks the caller's token, not IAM: no grant then.
    if (f === "gateway") return own.gatewayArn ? [{ sid: "InvokeGateway", actions: ["bedrock-agentcore:InvokeGateway"], resources: [own.gatewayArn] }] : [];
    if (f === "browser") return [{ sid: "Browser", actions: BROWSER_ACTIONS, resources: ownArn(own.browserArn, "browser") }];
    if (f === "codeInterpreter") return [{ sid: "CodeInterpreter", actions: CODE_INTERPRETER_ACTIONS, resources: ownArn(own.codeInterpreterArn, "code interpreter") }];
    return FEATURE_STATEMENTS[f] ?? [];
  });
  return [
    ...BASE_STATEMENTS,
    ...byFeature,
    ...(own.memoryArn ? [memoryStatement(own.memoryArn)] : []),
    ...(own.databaseSecretArn ? [databaseCredentials(own.databaseSecretArn)] : []),
  ];
}

