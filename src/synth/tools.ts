import type { BrowserSettings, CodeInterpreterSettings } from "../answers/model.js";
import * as cdk from "./cdktn.js";
import { named, output } from "./common.js";
import { AWS_OWNED_AGENTCORE } from "./execution-policy.js";
import { RECORDING_PREFIX, recordingBucket } from "./recording.js";
import { serviceRole } from "./roles.js";

type Stack = cdk.TerraformStack;

/** A tool the runtime uses: its identifier for the session APIs, and the ARN its permissions name. */
export interface Tool {
  readonly id: string;
  readonly arn: string;
}

/** Where a VPC-mode tool's ENIs go: the runtime's subnets, with the tool's own security group. */
export interface ToolNetwork {
  readonly subnets: string;
  /** The network layer's group for this tool: present when the tool is in VPC mode. */
  readonly securityGroup: string | undefined;
  /** What a VPC-mode tool waits for: AgentCore's network role must exist before it creates ENIs. */
  readonly serviceLinkedRole: cdk.IamServiceLinkedRole;
}

function vpcConfig(network: ToolNetwork, tool: string): { subnets: string[]; securityGroups: string[] }[] {
  if (network.securityGroup === undefined) throw new Error(`the ${tool} is in VPC mode but the network layer's group for it was not looked up`);
  return [{ subnets: cdk.Token.asList(network.subnets), securityGroups: [network.securityGroup] }];
}

/** The AWS-managed ones (agentcore-facts §5): nothing to create, and their ARNs are in the "aws" account. */
const MANAGED_BROWSER: Tool = { id: "aws.browser.v1", arn: `${AWS_OWNED_AGENTCORE}:browser/aws.browser.v1` };
const MANAGED_CODE_INTERPRETER: Tool = { id: "aws.codeinterpreter.v1", arn: `${AWS_OWNED_AGENTCORE}:code-interpreter/aws.codeinterpreter.v1` };

/**
 * The agent's Browser. A public one without recording is the AWS-managed browser; otherwise a
 * custom one with its own role, in the private subnets for "vpc" (web traffic through the NAT path).
 */
export function browser(stack: Stack, settings: BrowserSettings, trust: cdk.DataAwsIamPolicyDocument, network: ToolNetwork): Tool {
  if (settings.network === "public" && !settings.recording) return MANAGED_BROWSER;
  const recordings = settings.recording ? recordingBucket(stack) : undefined;
  const { role, policy } = serviceRole(stack, trust, {
    key: "browser",
    description: "Execution role of the ${var.name} AgentCore Browser",
    ...(recordings ? { statements: recordings.writeStatements } : {}),
  });
  const vpc = settings.network === "vpc";
  const tool = named(
    new cdk.BedrockagentcoreBrowser(stack, "aws_bedrockagentcore_browser.this", {
      // Tool names follow the runtime name's pattern (48 characters at most).
      name: "${substr(var.name, 0, 40)}_browser",
      description: "Browser of the ${var.name} AgentCore runtime",
      executionRoleArn: role.arn,
      networkConfiguration: [
        vpc
          ? { networkMode: "VPC", vpcConfig: vpcConfig(network, "browser") }
          : { networkMode: "PUBLIC" },
      ],
      ...(recordings ? { recording: [{ enabled: true, s3Location: [{ bucket: recordings.bucket.bucket, prefix: RECORDING_PREFIX }] }] } : {}),
      dependsOn: [...(vpc ? [network.serviceLinkedRole] : []), ...(policy ? [policy] : [])],
    }),
    "this",
  );
  output(stack, "browser_id", "ID of the runtime's AgentCore Browser (also in the runtime's AGENTCORE_BROWSER_ID).", tool.browserId);
  output(stack, "browser_role_arn", "ARN of the Browser's execution role.", role.arn);
  return { id: tool.browserId, arn: tool.browserArn };
}

/**
 * The agent's Code Interpreter: the AWS-managed sandbox, or a custom one in the private subnets
 * that reaches the VPC's resources. Its role starts with no permissions: the code it runs gets
 * the role's credentials, so grant only what that code must reach.
 */
export function codeInterpreter(stack: Stack, settings: CodeInterpreterSettings, trust: cdk.DataAwsIamPolicyDocument, network: ToolNetwork): Tool {
  if (settings.network === "sandbox") return MANAGED_CODE_INTERPRETER;
  const { role } = serviceRole(stack, trust, { key: "code_interpreter", suffix: "interpreter", description: "Execution role of the ${var.name} AgentCore Code Interpreter; the code it runs gets these credentials" });
  const tool = named(
    new cdk.BedrockagentcoreCodeInterpreter(stack, "aws_bedrockagentcore_code_interpreter.this", {
      name: "${substr(var.name, 0, 31)}_code_interpreter",
      description: "Code Interpreter of the ${var.name} AgentCore runtime",
      executionRoleArn: role.arn,
      networkConfiguration: [{ networkMode: "VPC", vpcConfig: vpcConfig(network, "code interpreter") }],
      dependsOn: [network.serviceLinkedRole],
    }),
    "this",
  );
  output(stack, "code_interpreter_id", "ID of the runtime's AgentCore Code Interpreter (also in the runtime's AGENTCORE_CODE_INTERPRETER_ID).", tool.codeInterpreterId);
  output(stack, "code_interpreter_role_arn", "ARN of the Code Interpreter's execution role: grant it what the code it runs must reach.", role.arn);
  return { id: tool.codeInterpreterId, arn: tool.codeInterpreterArn };
}
