import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { resolveAnswers } from "../src/answers/validate.js";
import { planFor } from "../src/plan/plan.js";
import { renderProject } from "../src/render/project.js";
import { SCENARIOS } from "../scripts/scenarios.js";
import { tempDir, terraformEnv } from "./helpers.js";
import { planAgainstStandIn } from "./standin/plan.js";
import { knownTo5100 } from "./standin/known-to-5100.js";
import { startStandIn, type StandIn } from "./standin/server.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function project(raw: Record<string, unknown>): Record<string, string> {
  const resolution = resolveAnswers(raw);
  if (!resolution.ok) throw new Error(JSON.stringify(resolution.problems));
  return renderProject(planFor({ ...resolution.answers, format: "json" }));
}

function layer(raw: Record<string, unknown>, name: "network" | "runtime"): Json {
  return Object.assign({}, ...Object.entries(project(raw)).filter(([p]) => p.startsWith(`${name}/`) && p.endsWith(".tf.json")).map(([, c]) => JSON.parse(c)));
}

const answersOf = (name: string): Record<string, unknown> => SCENARIOS.find((s) => s.name === name)!.answers;
const statement = (runtime: Json, sid: string): Json | undefined => runtime.data.aws_iam_policy_document.execution.statement.find((s: Json) => s.sid === sid);
const environment = (runtime: Json): Json => runtime.resource.aws_bedrockagentcore_agent_runtime.this.environment_variables ?? {};
const floor = (raw: Record<string, unknown>): string => /^>= ([0-9.]+),/.exec(layer(raw, "runtime").terraform.required_providers.aws.version)![1]!;

describe("Gateway: a created MCP gateway, or an existing one by ARN, the only gateway the runtime may invoke", () => {
  test("by default an MCP gateway with the AWS_IAM authorizer and a role of its own; the runtime is told its URL", () => {
    expect(resolveAnswers({ features: ["gateway"] })).toMatchObject({ ok: true, answers: { gateway: { create: true, authorizer: "AWS_IAM" } } });
    const runtime = layer({ features: ["gateway"] }, "runtime");
    const gateway = runtime.resource.aws_bedrockagentcore_gateway.this;
    expect(gateway).toMatchObject({ protocol_type: "MCP", authorizer_type: "AWS_IAM", role_arn: "${aws_iam_role.gateway.arn}" });
    expect(gateway.authorizer_configuration).toBeUndefined();
    expect(runtime.resource.aws_iam_role.gateway.assume_role_policy).toBe("${data.aws_iam_policy_document.trust.json}");
    expect(runtime.resource.aws_iam_role_policy?.gateway).toBeUndefined();
    expect(statement(runtime, "InvokeGateway")).toEqual({ sid: "InvokeGateway", actions: ["bedrock-agentcore:InvokeGateway"], resources: ["${aws_bedrockagentcore_gateway.this.gateway_arn}"] });
    expect(environment(runtime)).toEqual({ AGENTCORE_GATEWAY_URL: "${aws_bedrockagentcore_gateway.this.gateway_url}" });
    // An AWS_IAM gateway has no authorizer_configuration, which the provider accepts from 6.19.0 (#44812).
    expect(floor({ features: ["gateway"] })).toBe("6.19.0");
  });

  test("CUSTOM_JWT: the discovery URL and the allowed clients and audiences go to the authorizer", () => {
    const runtime = layer(answersOf("memory-gateway"), "runtime");
    expect(runtime.resource.aws_bedrockagentcore_gateway.this.authorizer_configuration).toEqual([
      { custom_jwt_authorizer: [{ discovery_url: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Exampl3Id/.well-known/openid-configuration", allowed_clients: ["4example0client0id0helpdesk"] }] },
    ]);
    expect(runtime.resource.aws_bedrockagentcore_gateway.this.authorizer_type).toBe("CUSTOM_JWT");
    // The gateway checks the token, not IAM: the execution role gets no InvokeGateway.
    expect(statement(runtime, "InvokeGateway")).toBeUndefined();
    expect(floor(answersOf("memory-gateway"))).toBe("6.18.0");
  });

  test("an existing gateway: nothing is created, the role may invoke that ARN, and the URL is derived from its ID", () => {
    const arn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/shared-tools-a1b2c3d4e5";
    const runtime = layer({ features: ["gateway"], gateway: { arn } }, "runtime");
    expect(runtime.resource.aws_bedrockagentcore_gateway).toBeUndefined();
    expect(runtime.resource.aws_iam_role.gateway).toBeUndefined();
    expect(runtime.variable.gateway_arn.default).toBe(arn);
    expect(statement(runtime, "InvokeGateway")!.resources).toEqual(["${var.gateway_arn}"]);
    expect(environment(runtime).AGENTCORE_GATEWAY_URL).toBe('https://${element(split("/", var.gateway_arn), 1)}.gateway.bedrock-agentcore.${var.region}.${data.aws_partition.current.dns_suffix}/mcp');
  });

  test("the gateway's name is the runtime name with single hyphens for underscores", () => {
    const gateway = layer({ name: "ops__agent_", features: ["gateway"] }, "runtime").resource.aws_bedrockagentcore_gateway.this;
    expect(gateway.name).toBe('${join("-", compact(split("_", var.name)))}');
  });
});

describe("Browser: VPC mode in the runtime's subnets, or the public network mode without NAT", () => {
  test("VPC mode (the default): its own group with web egress and nothing inbound, its own role, and a NAT path", () => {
    expect(resolveAnswers({ features: ["browser"] })).toMatchObject({ ok: true, answers: { internet: true, browser: { network: "vpc", recording: false } } });
    const network = layer({ features: ["browser"] }, "network");
    expect(network.resource.aws_security_group.browser.tags["agentcore-vpc:role"]).toBe("browser");
    const rules = Object.entries<Json>(network.resource.aws_vpc_security_group_egress_rule).filter(([, r]) => r.security_group_id === "${aws_security_group.browser.id}");
    expect(rules.map(([name, r]) => [name, r.cidr_ipv4, r.from_port])).toEqual([
      ["browser_to_web_https", "0.0.0.0/0", 443],
      ["browser_to_web_http", "0.0.0.0/0", 80],
    ]);
    expect(Object.values<Json>(network.resource.aws_vpc_security_group_ingress_rule).some((r) => r.security_group_id === "${aws_security_group.browser.id}")).toBe(false);
    const runtime = layer({ features: ["browser"] }, "runtime");
    const browser = runtime.resource.aws_bedrockagentcore_browser.this;
    expect(browser.network_configuration).toEqual([{ network_mode: "VPC", vpc_config: [{ subnets: "${data.aws_subnets.private.ids}", security_groups: ["${data.aws_security_group.browser.id}"] }] }]);
    expect(browser.execution_role_arn).toBe("${aws_iam_role.browser.arn}");
    expect(browser.depends_on).toEqual(["aws_iam_service_linked_role.network"]);
    expect(runtime.data.aws_security_group.browser.tags).toEqual({ "agentcore-vpc:name": "${var.name}", "agentcore-vpc:role": "browser" });
    expect(statement(runtime, "Browser")!.resources).toEqual(["${aws_bedrockagentcore_browser.this.browser_arn}"]);
    expect(environment(runtime)).toEqual({ AGENTCORE_BROWSER_ID: "${aws_bedrockagentcore_browser.this.browser_id}" });
    // vpc_config is the block's name from 6.21.0 (#44828).
    expect(floor({ features: ["browser"] })).toBe("6.21.0");
  });

  test("public mode: the AWS-managed browser, no NAT, no browser group, and the README says it cannot reach intranet sites", () => {
    const raw = { features: ["browser"], browser: { network: "public" } };
    expect(resolveAnswers(raw)).toMatchObject({ ok: true, answers: { internet: false } });
    const network = layer(raw, "network");
    expect([network.resource.aws_nat_gateway, network.resource.aws_security_group.browser]).toEqual([undefined, undefined]);
    const runtime = layer(raw, "runtime");
    expect(runtime.resource.aws_bedrockagentcore_browser).toBeUndefined();
    expect(statement(runtime, "Browser")!.resources).toEqual(["arn:${local.partition}:bedrock-agentcore:${var.region}:aws:browser/aws.browser.v1"]);
    expect(environment(runtime)).toEqual({ AGENTCORE_BROWSER_ID: "aws.browser.v1" });
    expect(project(raw)["README.md"]).toContain("cannot reach intranet sites");
  });

  test("recording: an encrypted, private, TLS-only bucket with an expiry, that the Browser's role may write to under its prefix only", () => {
    const runtime = layer(answersOf("browser-recording"), "runtime");
    const r = runtime.resource;
    expect(r.aws_s3_bucket.recordings.force_destroy).toBe(false);
    expect(r.aws_s3_bucket_public_access_block.recordings).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(r.aws_s3_bucket_server_side_encryption_configuration.recordings.rule).toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }]);
    expect(r.aws_s3_bucket_lifecycle_configuration.recordings.rule[0]).toMatchObject({ status: "Enabled", expiration: [{ days: "${var.recording_retention_days}" }], filter: [{ prefix: "browser-recordings/" }] });
    const tls = runtime.data.aws_iam_policy_document.recordings_bucket.statement[0];
    expect(tls).toMatchObject({ effect: "Deny", actions: ["s3:*"], condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] });
    expect(runtime.data.aws_iam_policy_document.browser.statement).toEqual([
      { sid: "WriteRecordings", actions: ["s3:PutObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"], resources: ["${aws_s3_bucket.recordings.arn}/browser-recordings/*"] },
    ]);
    expect(r.aws_bedrockagentcore_browser.this.recording).toEqual([{ enabled: true, s3_location: [{ bucket: "${aws_s3_bucket.recordings.bucket}", prefix: "browser-recordings/" }] }]);
    expect(r.aws_bedrockagentcore_browser.this.depends_on).toEqual(["aws_iam_service_linked_role.network", "aws_iam_role_policy.browser"]);
  });

  test("recording in public mode needs a custom browser: one in the PUBLIC network mode, still without NAT", () => {
    const raw = { features: ["browser"], browser: { network: "public", recording: true } };
    const runtime = layer(raw, "runtime");
    expect(runtime.resource.aws_bedrockagentcore_browser.this.network_configuration).toEqual([{ network_mode: "PUBLIC" }]);
    expect(layer(raw, "network").resource.aws_nat_gateway).toBeUndefined();
    expect(floor(raw)).toBe("6.17.0");
  });
});

describe("Code Interpreter: VPC mode reaching the VPC's resources, or the AWS-managed sandbox", () => {
  test("VPC mode: its own group reaches the endpoints, S3 and the VPC, the internet only with internet; the endpoints admit it", () => {
    for (const internet of [false, true]) {
      const network = layer({ features: ["codeInterpreter"], internet }, "network");
      const rules = Object.keys(network.resource.aws_vpc_security_group_egress_rule).filter((name) => name.startsWith("code_interpreter_"));
      expect(rules.sort()).toEqual(["code_interpreter_to_endpoints", "code_interpreter_to_s3", "code_interpreter_to_vpc", ...(internet ? ["code_interpreter_to_internet"] : [])].sort());
      expect(network.resource.aws_vpc_security_group_ingress_rule.endpoints_from_code_interpreter.referenced_security_group_id).toBe("${aws_security_group.code_interpreter.id}");
      expect(network.resource.aws_vpc_security_group_egress_rule.code_interpreter_to_vpc.cidr_ipv4).toBe("${aws_vpc.this.cidr_block}");
    }
    const runtime = layer({ features: ["codeInterpreter"] }, "runtime");
    expect(runtime.resource.aws_bedrockagentcore_code_interpreter.this.network_configuration[0].vpc_config[0].security_groups).toEqual(["${data.aws_security_group.code_interpreter.id}"]);
    // The code it runs gets the role's credentials: nothing is granted until its user says what.
    expect(runtime.resource.aws_iam_role_policy?.code_interpreter).toBeUndefined();
    expect(statement(runtime, "CodeInterpreter")!.resources).toEqual(["${aws_bedrockagentcore_code_interpreter.this.code_interpreter_arn}"]);
    expect(project({ features: ["codeInterpreter"], internet: false })["README.md"]).toContain("cannot reach public URLs");
  });

  test("sandbox: nothing created, the AWS-managed code interpreter by ARN", () => {
    const raw = { features: ["codeInterpreter"], codeInterpreter: { network: "sandbox" } };
    const runtime = layer(raw, "runtime");
    expect(runtime.resource.aws_bedrockagentcore_code_interpreter).toBeUndefined();
    expect(layer(raw, "network").resource.aws_security_group.code_interpreter).toBeUndefined();
    expect(environment(runtime)).toEqual({ AGENTCORE_CODE_INTERPRETER_ID: "aws.codeinterpreter.v1" });
    expect(statement(runtime, "CodeInterpreter")!.resources).toEqual(["arn:${local.partition}:bedrock-agentcore:${var.region}:aws:code-interpreter/aws.codeinterpreter.v1"]);
  });
});

describe("every role, one trust, and the protocol", () => {
  test("each role AgentCore assumes uses the trust with the confused-deputy conditions", () => {
    const runtime = layer({ features: ["gateway", "browser", "codeInterpreter"], browser: { recording: true } }, "runtime");
    const roles = Object.entries<Json>(runtime.resource.aws_iam_role);
    expect(roles.map(([name]) => name).sort()).toEqual(["browser", "code_interpreter", "execution", "gateway"]);
    // IAM takes 64 characters; the runtime name up to 48.
    for (const [, role] of roles) expect(role.name.replace("${var.name}", "x".repeat(48)).length).toBeLessThanOrEqual(64);
    for (const [, role] of roles) expect(role.assume_role_policy).toBe("${data.aws_iam_policy_document.trust.json}");
    const trust = runtime.data.aws_iam_policy_document.trust.statement[0];
    expect(trust.condition.map((c: Json) => c.variable)).toEqual(["aws:SourceAccount", "aws:SourceArn"]);
  });

  test("MCP and A2A set the runtime's server protocol; HTTP, the default, leaves it out and out of the answers file", () => {
    for (const protocol of ["MCP", "A2A"]) {
      expect(layer({ protocol }, "runtime").resource.aws_bedrockagentcore_agent_runtime.this.protocol_configuration).toEqual([{ server_protocol: protocol }]);
      expect(JSON.parse(project({ protocol })["agentcore-vpc.json"]!).protocol).toBe(protocol);
    }
    expect(layer({}, "runtime").resource.aws_bedrockagentcore_agent_runtime.this.protocol_configuration).toBeUndefined();
    expect(JSON.parse(project({ protocol: "HTTP" })["agentcore-vpc.json"]!)).not.toHaveProperty("protocol");
  });
});

describe("the parts aws 5.100 knows, planned with the real provider against the stand-in", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });

  test("browser-recording: the recordings bucket, its guards and the Browser's role validate and plan", async () => {
    const runtime = layer(answersOf("browser-recording"), "runtime");
    const config = knownTo5100(runtime);
    const kept = Object.keys(config.resource);
    expect(kept).toEqual(expect.arrayContaining(["aws_s3_bucket", "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration", "aws_s3_bucket_lifecycle_configuration", "aws_s3_bucket_policy", "aws_iam_role", "aws_iam_role_policy"]));
    expect(kept.filter((t) => t.startsWith("aws_bedrockagentcore_") || t === "aws_xray_trace_segment_destination")).toEqual([]);
    const dir = await tempDir("agentcore-vpc-tools-");
    await mkdir(join(dir, "layer"));
    await writeFile(join(dir, "layer", "main.tf.json"), JSON.stringify(config, null, 2));
    const env = await terraformEnv(dir);
    const result = await planAgainstStandIn(join(dir, "layer"), standIn, env, "AKIASTANDINSHUFFLED0");
    if (!result.ok) throw new Error(result.error);
    const after = (address: string): Json => result.plan.resource_changes!.find((c) => c.address === address)!.change.after!;
    expect(after("aws_s3_bucket.recordings")).toMatchObject({ bucket: "qa-agent-rec-111122223333-us-west-2", force_destroy: false });
    expect(after("aws_s3_bucket_public_access_block.recordings")).toMatchObject({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true });
    expect(after("aws_s3_bucket_lifecycle_configuration.recordings").rule[0].expiration[0].days).toBe(30);
    const trust = JSON.parse(after("aws_iam_role.browser").assume_role_policy);
    expect(trust.Statement[0].Condition).toEqual({ StringEquals: { "aws:SourceAccount": "111122223333" }, ArnLike: { "aws:SourceArn": "arn:aws:bedrock-agentcore:us-west-2:111122223333:*" } });
    const planned = result.plan.resource_changes!.filter((c) => c.change.actions.includes("create")).map((c) => c.address);
    expect(planned).toEqual(expect.arrayContaining(["aws_iam_role.browser", "aws_iam_role_policy.browser", "aws_iam_role.code_interpreter", "aws_s3_bucket_policy.recordings"]));
  }, 300_000);
});
