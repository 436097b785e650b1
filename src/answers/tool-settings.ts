/** The settings of the built-in tools (Browser, Code Interpreter), the Gateway and the runtime's protocol. */
import type { Feature } from "../catalog/features.js";
import * as P from "../catalog/patterns.js";
import { partitionOf } from "../catalog/regions.js";
import { checkBoolean, checkOneOf, checkString, isPlainObject, orDefault, typeName, unknownKeys, type Check, type Problem } from "./checks.js";
import { unchosen } from "./feature-settings.js";
import {
  BROWSER_NETWORKS,
  CODE_INTERPRETER_NETWORKS,
  DEFAULTS,
  GATEWAY_AUTHORIZERS,
  PROTOCOLS,
  type BrowserSettings,
  type CodeInterpreterSettings,
  type GatewaySettings,
  type Protocol,
} from "./model.js";

const BROWSER_NETWORK_MEANING = `"vpc" creates a Browser whose sessions run in the private subnets and reach intranet and public sites through the NAT path; "public" browses from AWS's network (public sites only), needing no NAT.`;

export function checkBrowser(value: unknown, features: readonly Feature[]): Check<BrowserSettings | undefined> {
  if (!features.includes("browser")) return unchosen("browser", "browser", value);
  const browser = orDefault(value, {});
  if (!isPlainObject(browser)) return { problems: [{ field: "browser", value, rule: `Expected an object such as { "network": "vpc", "recording": false }.` }] };
  const network = checkOneOf("browser.network", orDefault(browser.network, DEFAULTS.browser.network), BROWSER_NETWORKS, BROWSER_NETWORK_MEANING);
  const recording = checkBoolean("browser.recording", orDefault(browser.recording, DEFAULTS.browser.recording), "true records each session to an S3 bucket this project creates.");
  const problems = [...unknownKeys(browser, ["network", "recording"], "browser."), ...network.problems, ...recording.problems];
  if (problems.length > 0 || network.value === undefined || recording.value === undefined) return { problems };
  return { value: { network: network.value, recording: recording.value }, problems };
}

export function checkCodeInterpreter(value: unknown, features: readonly Feature[]): Check<CodeInterpreterSettings | undefined> {
  if (!features.includes("codeInterpreter")) return unchosen("codeInterpreter", "codeInterpreter", value);
  const tool = orDefault(value, {});
  if (!isPlainObject(tool)) return { problems: [{ field: "codeInterpreter", value, rule: `Expected an object such as { "network": "vpc" }.` }] };
  const network = checkOneOf(
    "codeInterpreter.network",
    orDefault(tool.network, DEFAULTS.codeInterpreter.network),
    CODE_INTERPRETER_NETWORKS,
    `"vpc" creates a Code Interpreter in the private subnets that reaches the VPC's HTTPS services and AWS through the endpoints; "sandbox" uses the AWS-managed one, which has no network access.`,
  );
  const problems = [...unknownKeys(tool, ["network"], "codeInterpreter."), ...network.problems];
  if (problems.length > 0 || network.value === undefined) return { problems };
  return { value: { network: network.value }, problems };
}

function checkStrings(field: string, value: unknown, what: string): Check<string[]> {
  const rule = `Expected an array of ${what} (strings), possibly empty.`;
  if (!Array.isArray(value)) return { problems: [{ field, value, rule }] };
  const problems: Problem[] = [];
  value.forEach((item: unknown, i) => {
    if (typeof item !== "string") problems.push({ field: `${field}[${i}]`, value: item, rule: `Expected a string, not ${typeName(item)}.` });
    else if (!P.JWT_VALUE.test(item)) problems.push({ field: `${field}[${i}]`, value: item, rule: "Expected 1-256 URL-safe characters: letters, digits and . _ ~ : / ? # @ ! & * + , ; = - (no spaces)." });
    else if (value.indexOf(item) !== i) problems.push({ field: `${field}[${i}]`, value: item, rule: "Listed twice; name each once." });
  });
  return problems.length > 0 ? { problems } : { value: value as string[], problems };
}

/** An existing gateway of the runtime's own region and partition: InvokeGateway and the gateway endpoint are regional. */
function checkGatewayArn(value: unknown, region: string | undefined): Check<string> {
  const field = "gateway.arn";
  const arn = checkString(field, value, P.GATEWAY_ARN, `Expected an AgentCore Gateway ARN, such as "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/tools-gateway-a1b2c3d4e5" (a 12-digit account, then gateway/ and the gateway's ID).`);
  if (arn.value === undefined || region === undefined) return arn;
  const [, partition, gatewayRegion] = P.GATEWAY_ARN.exec(arn.value)!;
  if (partition !== partitionOf(region)) return { problems: [{ field, value, rule: `The gateway's ARN is in the ${partition} partition, the runtime in ${region} (${partitionOf(region)}): give a gateway in ${region}.` }] };
  if (gatewayRegion !== region) return { problems: [{ field, value, rule: `The gateway is in ${gatewayRegion}, the runtime in ${region}: the runtime reaches a gateway of its own region only; give a gateway in ${region}, or { "create": true }.` }] };
  return arn;
}

const GATEWAY_SHAPES = `{ "create": true } (an MCP gateway with the AWS_IAM authorizer), { "create": true, "authorizer": "CUSTOM_JWT", "discoveryUrl": "https://.../.well-known/openid-configuration", "allowedAudience": [...], "allowedClients": [...] }, or { "arn": "arn:aws:bedrock-agentcore:<region>:<account>:gateway/<id>" } of an existing one`;

export function checkGateway(value: unknown, features: readonly Feature[], region: string | undefined): Check<GatewaySettings | undefined> {
  if (!features.includes("gateway")) return unchosen("gateway", "gateway", value);
  const gateway = orDefault(value, DEFAULTS.gateway);
  if (!isPlainObject(gateway)) return { problems: [{ field: "gateway", value, rule: `Expected an object: ${GATEWAY_SHAPES}.` }] };
  if ("arn" in gateway) {
    if ("create" in gateway) return { problems: [{ field: "gateway", value, rule: `Give "create": true or "arn", not both: ${GATEWAY_SHAPES}.` }] };
    const arn = checkGatewayArn(gateway.arn, region);
    const problems = [...unknownKeys(gateway, ["arn"], "gateway."), ...arn.problems];
    return problems.length > 0 || arn.value === undefined ? { problems } : { value: { arn: arn.value }, problems };
  }
  if (gateway.create !== true) return { problems: [{ field: "gateway.create", value: gateway.create, rule: `Expected true, or "arn" of an existing gateway instead: ${GATEWAY_SHAPES}.` }] };
  const authorizer = checkOneOf(
    "gateway.authorizer",
    orDefault(gateway.authorizer, "AWS_IAM"),
    GATEWAY_AUTHORIZERS,
    `"AWS_IAM" admits callers that sign with SigV4 and may InvokeGateway (the runtime's role); "CUSTOM_JWT" admits bearer tokens of your identity provider.`,
  );
  if (authorizer.value === undefined) return { problems: [...unknownKeys(gateway, ["create", "authorizer"], "gateway."), ...authorizer.problems] };
  if (authorizer.value === "AWS_IAM") {
    const problems = unknownKeys(gateway, ["create", "authorizer"], "gateway.");
    return problems.length > 0 ? { problems } : { value: { create: true, authorizer: "AWS_IAM" }, problems };
  }
  const discovery = checkString("gateway.discoveryUrl", gateway.discoveryUrl, P.DISCOVERY_URL, `Expected the identity provider's OpenID Connect discovery URL over HTTPS, ending in /.well-known/openid-configuration (URL-safe characters only).`);
  const audience = checkStrings("gateway.allowedAudience", orDefault(gateway.allowedAudience, []), "the token audiences (aud) the gateway accepts");
  const clients = checkStrings("gateway.allowedClients", orDefault(gateway.allowedClients, []), "the client IDs (client_id) the gateway accepts");
  const problems = [...unknownKeys(gateway, ["create", "authorizer", "discoveryUrl", "allowedAudience", "allowedClients"], "gateway."), ...discovery.problems, ...audience.problems, ...clients.problems];
  // With neither, the gateway would admit every token its issuer signs, for any client of the identity provider.
  if (audience.value?.length === 0 && clients.value?.length === 0) {
    problems.push({ field: "gateway.allowedClients", value: [], rule: `A CUSTOM_JWT gateway needs allowedClients or allowedAudience (or both): without them it admits every token "${String(gateway.discoveryUrl)}" issues.` });
  }
  if (problems.length > 0 || discovery.value === undefined || audience.value === undefined || clients.value === undefined) return { problems };
  return { value: { create: true, authorizer: "CUSTOM_JWT", discoveryUrl: discovery.value, allowedAudience: audience.value, allowedClients: clients.value }, problems };
}

export function checkProtocol(value: unknown): Check<Protocol> {
  return checkOneOf("protocol", orDefault(value, DEFAULTS.protocol), PROTOCOLS, `the protocol the agent's container serves: "HTTP" (POST /invocations on 8080), "MCP" (an MCP server on 8000) or "A2A" (an agent-to-agent server on 9000).`);
}
