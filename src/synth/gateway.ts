import type { GatewaySettings } from "../answers/model.js";
import * as P from "../catalog/patterns.js";
import * as cdk from "./cdktn.js";
import { hclString, named, output, variable } from "./common.js";
import { serviceRole } from "./roles.js";

type Stack = cdk.TerraformStack;

/** The gateway's host: https://<gateway id>.gateway.bedrock-agentcore.<region>.<DNS suffix>/mcp. */
function urlOf(gatewayId: string): string {
  return `https://${gatewayId}.gateway.bedrock-agentcore.\${var.region}.\${data.aws_partition.current.dns_suffix}/mcp`;
}

/**
 * The MCP gateway the agent calls tools through: created here with its role, or an existing one
 * by ARN. Either way the runtime may invoke this one gateway and is told its URL.
 */
export function gateway(stack: Stack, settings: GatewaySettings, trust: cdk.DataAwsIamPolicyDocument): { arn: string; url: string; iam: boolean } {
  if ("arn" in settings) {
    variable(stack, "gateway_arn", {
      type: "string",
      description: "ARN of the existing AgentCore Gateway the agent calls: the only gateway the execution role may invoke.",
      default: settings.arn,
      validation: {
        condition: `\${can(regex(${hclString(P.GATEWAY_ARN.source)}, var.gateway_arn)) && try(split(":", var.gateway_arn)[3] == var.region, false)}`,
        errorMessage: "gateway_arn must be the ARN of an AgentCore Gateway in var.region (arn:aws:bedrock-agentcore:<region>:<account>:gateway/<id>).",
      },
    });
    const url = urlOf('${element(split("/", var.gateway_arn), 1)}');
    output(stack, "gateway_url", "MCP URL of the gateway (also in the runtime's AGENTCORE_GATEWAY_URL).", url);
    return { arn: "${var.gateway_arn}", url, iam: true };
  }
  // The gateway's targets call what the role allows: it starts with nothing, and each target's permissions are added with the target.
  const { role } = serviceRole(stack, trust, { key: "gateway", description: "Role the ${var.name} AgentCore Gateway calls its targets with" });
  const jwt = settings.authorizer === "CUSTOM_JWT" ? settings : undefined;
  const created = named(
    new cdk.BedrockagentcoreGateway(stack, "aws_bedrockagentcore_gateway.this", {
      // Gateway names take letters, digits and single hyphens: the runtime name's underscores become hyphens.
      name: '${join("-", compact(split("_", var.name)))}',
      description: "MCP gateway of the ${var.name} AgentCore runtime",
      roleArn: role.arn,
      protocolType: "MCP",
      authorizerType: settings.authorizer,
      ...(jwt
        ? {
            authorizerConfiguration: [
              {
                customJwtAuthorizer: [
                  {
                    discoveryUrl: jwt.discoveryUrl,
                    ...(jwt.allowedAudience.length > 0 ? { allowedAudience: [...jwt.allowedAudience] } : {}),
                    ...(jwt.allowedClients.length > 0 ? { allowedClients: [...jwt.allowedClients] } : {}),
                  },
                ],
              },
            ],
          }
        : {}),
    }),
    "this",
  );
  output(stack, "gateway_arn", "ARN of the runtime's AgentCore Gateway.", created.gatewayArn);
  output(stack, "gateway_url", "MCP URL of the gateway (also in the runtime's AGENTCORE_GATEWAY_URL).", created.gatewayUrl);
  output(stack, "gateway_role_arn", "ARN of the role the gateway calls its targets with: grant it what each target needs.", role.arn);
  return { arn: created.gatewayArn, url: created.gatewayUrl, iam: settings.authorizer === "AWS_IAM" };
}
