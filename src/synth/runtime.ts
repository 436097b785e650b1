import { ENVIRONMENT, environmentOf, type EnvironmentKey } from "../catalog/environment.js";
import * as P from "../catalog/patterns.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { executionStatements } from "./execution-policy.js";
import { createdDatabase, createdDatabaseInputs, existingDatabase } from "./database-access.js";
import { gateway } from "./gateway.js";
import { memory } from "./memory.js";
import { agentcoreTrust, serviceRole } from "./roles.js";
import { browser, codeInterpreter } from "./tools.js";
import { containerLogGroup, observability } from "./observability.js";
import { hclString, layerStack, local, named, output, variable, type StackKind } from "./common.js";
import { groupsOf, networkOf } from "./lookups.js";

/** The runtime layer: can be destroyed and re-created while the network layer stays. */
export function runtimeStack(scope: cdk.Construct, plan: Plan, kind: StackKind): cdk.TerraformStack {
  const { answers } = plan;
  const stack = layerStack(scope, "runtime", answers, "AWS region of the runtime; must match the network layer.", kind);
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
  const network = networkOf(stack, plan, groupsOf("runtime", answers), kind);

  const trust = agentcoreTrust(stack);
  const slr = named(
    new cdk.IamServiceLinkedRole(stack, "aws_iam_service_linked_role.network", {
      count: cdk.Token.asNumber("${var.create_service_linked_role ? 1 : 0}"),
      awsServiceName: "network.bedrock-agentcore.amazonaws.com",
    }),
    "network",
  );
  const store = answers.memory ? memory(stack, answers.memory) : undefined;
  const tools = answers.gateway ? gateway(stack, answers.gateway, trust) : undefined;
  const web = answers.browser ? browser(stack, answers.browser, trust, { subnets: network.subnets, securityGroup: network.groups.browser, serviceLinkedRole: slr }) : undefined;
  const interpreter = answers.codeInterpreter
    ? codeInterpreter(stack, answers.codeInterpreter, trust, { subnets: network.subnets, securityGroup: network.groups.code_interpreter, serviceLinkedRole: slr })
    : undefined;
  const db = answers.rds?.mode === "existing" ? existingDatabase(stack, answers.rds) : answers.rds?.mode === "create" ? (kind === "root" ? createdDatabase(stack, answers.rds) : createdDatabaseInputs(stack)) : undefined;
  const { role, policy } = serviceRole(stack, trust, {
    key: "execution",
    description: "Execution role of the ${var.name} AgentCore runtime",
    statements: executionStatements(answers.features, {
      ...(store ? { memoryArn: store.arn } : {}),
      ...(db ? { databaseSecretArn: db.secretArn } : {}),
      ...(tools?.iam ? { gatewayArn: tools.arn } : {}),
      ...(web ? { browserArn: web.arn } : {}),
      ...(interpreter ? { codeInterpreterArn: interpreter.arn } : {}),
    }),
  });
  const values: Partial<Record<EnvironmentKey, string>> = {
    ...(store ? { memoryId: store.id } : {}),
    ...(tools ? { gatewayUrl: tools.url } : {}),
    ...(web ? { browserId: web.id } : {}),
    ...(interpreter ? { codeInterpreterId: interpreter.id } : {}),
    ...db?.values,
  };
  const environment = Object.fromEntries(environmentOf(answers).map((k) => [ENVIRONMENT[k].name, values[k]!]));
  const runtime = named(
    new cdk.BedrockagentcoreAgentRuntime(stack, "aws_bedrockagentcore_agent_runtime.this", {
      agentRuntimeName: "${var.name}",
      roleArn: role.arn,
      agentRuntimeArtifact: [{ containerConfiguration: [{ containerUri: "${var.image}" }] }],
      // Where the agent's resources are: its code reads them instead of hard-coding IDs (agentcore-facts §6).
      ...(Object.keys(environment).length > 0 ? { environmentVariables: environment } : {}),
      ...(answers.protocol !== "HTTP" ? { protocolConfiguration: [{ serverProtocol: answers.protocol }] } : {}),
      networkConfiguration: [
        {
          networkMode: "VPC",
          networkModeConfig: [{ subnets: cdk.Token.asList(network.subnets), securityGroups: [network.groups.runtime!] }],
        },
      ],
      // The role's permissions must exist before the runtime pulls its image.
      dependsOn: [policy!, slr],
    }),
    "this",
  );

  output(stack, "agent_runtime_arn", "ARN of the AgentCore runtime.", runtime.agentRuntimeArn);
  output(stack, "agent_runtime_id", "ID of the AgentCore runtime.", runtime.agentRuntimeId);
  output(stack, "execution_role_arn", "ARN of the runtime's execution role.", role.arn);
  output(stack, "container_log_group_name", "CloudWatch log group AgentCore creates for the container's stdout/stderr and OTEL logs (DEFAULT endpoint).", containerLogGroup(runtime));
  if (answers.features.includes("observability")) observability(stack, runtime);
  return stack;
}
