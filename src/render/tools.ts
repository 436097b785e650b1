import type { Answers } from "../answers/model.js";

/** What the runtime layer makes of the Gateway and the built-in tools, a README paragraph each. */
export function toolLines(answers: Answers, nat: boolean): string[] {
  const lines: string[] = [];
  const egress = nat ? "the NAT gateway" : "the VPC's own egress path";
  const { gateway, browser, codeInterpreter } = answers;
  if (gateway && "arn" in gateway) {
    lines.push(`**Gateway**: the existing gateway \`${gateway.arn}\` (variable \`gateway_arn\`). The execution role may invoke this gateway only; its URL is derived from the ARN.`);
  } else if (gateway) {
    const auth =
      gateway.authorizer === "AWS_IAM"
        ? "the AWS_IAM authorizer: callers sign with SigV4, and the execution role may invoke this gateway only"
        : `the CUSTOM_JWT authorizer: callers present a token from \`${gateway.discoveryUrl}\`${gateway.allowedAudience.length > 0 ? ` with audience ${gateway.allowedAudience.map((a) => `\`${a}\``).join(", ")}` : ""}${gateway.allowedClients.length > 0 ? `, from client ${gateway.allowedClients.map((c) => `\`${c}\``).join(", ")}` : ""}`;
    const token = gateway.authorizer === "CUSTOM_JWT" ? ` The agent must send such a token on each call${answers.features.includes("identity") ? " (AgentCore Identity can fetch it)" : "; without the identity feature and without internet it has no way to get one from the identity provider"}.` : "";
    lines.push(`**Gateway**: an MCP gateway with ${auth}.${token} Its role (output \`gateway_role_arn\`) starts with no permissions: add targets, and grant the role what each target calls, in a configuration of your own.`);
  }
  if (browser?.network === "vpc") {
    lines.push(`**Browser**: a custom Browser in VPC mode. Its sessions run in the private subnets with the \`browser\` security group (HTTP and HTTPS out through ${egress}, nothing in), so it reaches intranet sites as well as public ones.`);
  } else if (browser?.recording) {
    lines.push("**Browser**: a custom Browser in the public network mode (recording needs a custom one). It browses from AWS's network: no NAT is needed, and it cannot reach intranet sites or anything only the VPC reaches.");
  } else if (browser) {
    lines.push("**Browser**: the AWS-managed `aws.browser.v1` in the public network mode. It browses from AWS's network and the agent drives it through the `bedrock-agentcore` endpoint: no NAT is needed, and it cannot reach intranet sites or anything only the VPC reaches.");
  }
  if (browser?.recording) {
    lines.push("**Recordings**: each Browser session is recorded to the S3 bucket of output `recording_bucket`, under `browser-recordings/`: encrypted, public access blocked, TLS only, deleted after `recording_retention_days` (30 by default). The Browser's role may write there only. The bucket is not force-destroyed: `terraform destroy` of `runtime/` stops at a bucket that still holds recordings, so empty it first if you mean to delete them.");
  }
  if (codeInterpreter?.network === "vpc") {
    lines.push(
      `**Code Interpreter**: a custom Code Interpreter in VPC mode, in the private subnets with the \`code_interpreter\` security group: HTTPS to the VPC's CIDR, the endpoints and S3${answers.internet ? `, and to the internet through ${egress}` : "; with no internet path it cannot reach public URLs, package indexes such as PyPI included (set \"internet\": true for them)"}. Its role starts with no permissions: the code it runs gets the role's credentials, so grant only what that code must reach.`,
    );
  } else if (codeInterpreter) {
    lines.push("**Code Interpreter**: the AWS-managed `aws.codeinterpreter.v1` sandbox. Its code has no network access and reaches nothing in the VPC.");
  }
  return lines;
}

/** The same, a line each for the summary before writing. */
export function toolSummaries(answers: Answers): string[] {
  const { gateway, browser, codeInterpreter } = answers;
  return [
    ...(gateway ? [`Gateway: ${"arn" in gateway ? `the existing ${gateway.arn}` : `an MCP gateway with the ${gateway.authorizer} authorizer, and its role`}`] : []),
    ...(browser
      ? [
          `Browser: ${browser.network === "vpc" ? "a custom one in VPC mode, browsing through the NAT path" : browser.recording ? "a custom one in public mode" : "the AWS-managed aws.browser.v1 (public mode: no NAT, no intranet sites)"}${browser.recording ? ", recording sessions to an S3 bucket" : ""}`,
        ]
      : []),
    ...(codeInterpreter ? [`Code Interpreter: ${codeInterpreter.network === "vpc" ? `a custom one in VPC mode${answers.internet ? "" : " (no public URLs without internet)"}` : "the AWS-managed sandbox (no network)"}`] : []),
    ...(answers.protocol !== "HTTP" ? [`Protocol: ${answers.protocol}`] : []),
  ];
}

/** Why the VPC-mode tools sit in runtime/, in a sentence; undefined without any. */
export function lingeringTools(answers: Answers): string | undefined {
  const tools = [...(answers.browser?.network === "vpc" ? ["the Browser"] : []), ...(answers.codeInterpreter?.network === "vpc" ? ["the Code Interpreter"] : [])];
  if (tools.length === 0) return undefined;
  const [they, their] = tools.length > 1 ? ["they live", "their security groups"] : ["it lives", "its security group"];
  return `${tools.join(" and ").replace(/^t/, "T")} in VPC mode create${tools.length > 1 ? "" : "s"} network interfaces that linger the same way, so ${they} in \`runtime/\` with the runtime, and ${their} in \`network/\`.`;
}
