import type { Answers } from "../src/answers/model.js";
import { resolveAnswers } from "../src/answers/validate.js";
import { compareVersions, providerFloor, versionsOf } from "../src/catalog/provider-versions.js";
import { planFor } from "../src/plan/plan.js";
import { renderProject } from "../src/render/project.js";
import { SCENARIOS } from "../scripts/scenarios.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface Layers {
  readonly internet: boolean;
  readonly network: Json;
  readonly runtime: Json;
}

/** Both layers of a scenario as Terraform JSON, merged from their files: the modules, in the modules layout. */
function layers(answers: unknown): Layers {
  const resolution = resolveAnswers(answers);
  if (!resolution.ok) throw new Error(JSON.stringify(resolution.problems));
  const files = renderProject(planFor({ ...resolution.answers, format: "json" }));
  const merge = (layer: string): Json => {
    const dir = resolution.answers.layout === "modules" ? `modules/${layer}` : layer;
    return Object.assign({}, ...Object.entries(files).filter(([p]) => p.startsWith(`${dir}/`) && p.endsWith(".tf.json")).map(([, c]) => JSON.parse(c)));
  };
  return { internet: resolution.answers.internet, network: merge("network"), runtime: merge("runtime") };
}

const all = SCENARIOS.map((s) => [s.name, s.answers] as const);
const statements = (runtime: Json): Json[] => runtime.data.aws_iam_policy_document.execution.statement;

describe("network layer rules", () => {
  test.each(all)("%s: no ingress on the runtime SG and nothing open to 0.0.0.0/0 inbound", (_name, answers) => {
    const { network } = layers(answers);
    const ingress: Json[] = Object.values(network.resource.aws_vpc_security_group_ingress_rule ?? {});
    expect(ingress.every((r) => r.security_group_id !== "${aws_security_group.runtime.id}")).toBe(true);
    // The endpoints admit the runtime and a VPC-mode Code Interpreter, by group.
    const fromRuntime = ingress.filter((r) => r.cidr_ipv4 === undefined && ["${aws_security_group.runtime.id}", "${aws_security_group.code_interpreter.id}"].includes(r.referenced_security_group_id));
    // In an existing VPC the endpoints also serve its other workloads: HTTPS from each of the VPC's own CIDRs, nothing else.
    const fromVpc = ingress.filter((r) => r.cidr_ipv4 === "${each.key}" && r.for_each === "${toset([for a in data.aws_vpc.this.cidr_block_associations : a.cidr_block])}");
    expect([fromRuntime.length + fromVpc.length, fromVpc.length]).toEqual([ingress.length, "vpc_id" in network.variable ? 1 : 0]);
    for (const rule of fromVpc) expect([rule.security_group_id, rule.from_port, rule.to_port]).toEqual(["${aws_security_group.endpoints.id}", 443, 443]);
    for (const sg of Object.values<Json>(network.resource.aws_security_group)) {
      expect(sg.ingress).toBeUndefined();
      expect(sg.egress).toBeUndefined();
    }
  });

  test.each(all)("%s: world egress exactly when internet was asked for, HTTPS only but for a VPC-mode Browser's web traffic", (_name, answers) => {
    const { internet, network } = layers(answers);
    const rules: Record<string, Json> = network.resource.aws_vpc_security_group_egress_rule;
    const world = Object.entries(rules).filter(([, r]) => r.cidr_ipv4 === "0.0.0.0/0");
    const expected = [
      ...(internet ? ["runtime_to_internet"] : []),
      ...(internet && "code_interpreter" in network.resource.aws_security_group ? ["code_interpreter_to_internet"] : []),
      ...("browser" in network.resource.aws_security_group ? ["browser_to_web_https", "browser_to_web_http"] : []),
    ];
    expect(world.map(([name]) => name).sort()).toEqual(expected.sort());
    for (const [name, rule] of world) expect([rule.from_port, rule.to_port, rule.ip_protocol]).toEqual(name === "browser_to_web_http" ? [80, 80, "tcp"] : [443, 443, "tcp"]);
    // Egress to the endpoint SG alone silently drops S3 traffic through the gateway endpoint.
    // A reused S3 gateway endpoint gives the prefix list through its look-up.
    const reusedS3 = Boolean(network.data?.aws_prefix_list?.s3);
    expect(network.resource.aws_vpc_security_group_egress_rule.runtime_to_s3.prefix_list_id).toBe(reusedS3 ? "${data.aws_prefix_list.s3.id}" : "${aws_vpc_endpoint.s3.prefix_list_id}");
    expect(reusedS3).toBe(network.resource.aws_vpc_endpoint.s3 === undefined);
  });

  test("a reused S3 gateway endpoint: none is created, one an earlier generation made is kept, and the layer asks for Terraform 1.7", () => {
    const shared = SCENARIOS.find((s) => s.name === "existing-vpc-shared-endpoints")!.answers;
    const reused = renderProject(planFor((resolveAnswers({ ...shared, format: "json" }) as { answers: Answers }).answers));
    const main = JSON.parse(reused["network/main.tf.json"]!) as Json;
    expect(main.removed).toEqual([{ from: "aws_vpc_endpoint.s3", lifecycle: { destroy: false } }]);
    expect(main.resource.aws_vpc_endpoint.s3).toBeUndefined();
    expect(JSON.parse(reused["network/versions.tf.json"]!).terraform.required_version).toBe(">= 1.7.0");
    const created = renderProject(planFor((resolveAnswers({ ...SCENARIOS.find((s) => s.name === "existing-vpc")!.answers, format: "json" }) as { answers: Answers }).answers));
    expect(JSON.parse(created["network/main.tf.json"]!).removed).toBeUndefined();
    expect(JSON.parse(created["network/versions.tf.json"]!).terraform.required_version).toBe(">= 1.5.0");
  });

  test("NAT gateway, internet gateway and public subnet come only with internet in a new VPC", () => {
    const privateOnly = layers({ features: ["models"] }).network.resource;
    expect([privateOnly.aws_nat_gateway, privateOnly.aws_internet_gateway, privateOnly.aws_eip]).toEqual([undefined, undefined, undefined]);
    expect(Object.keys(privateOnly.aws_subnet)).toEqual(["private"]);
    const withNat = layers({ features: ["browser"] }).network.resource;
    expect(withNat.aws_nat_gateway.this.subnet_id).toBe("${aws_subnet.public.id}");
    expect(withNat.aws_route.private_internet).toMatchObject({ destination_cidr_block: "0.0.0.0/0", nat_gateway_id: "${aws_nat_gateway.this.id}" });
    expect(withNat.aws_route.public_internet).toMatchObject({ destination_cidr_block: "0.0.0.0/0", gateway_id: "${aws_internet_gateway.this.id}" });
    const existing = layers(SCENARIOS.find((s) => s.name === "existing-vpc-nat")!.answers).network;
    expect(existing.resource.aws_nat_gateway).toBeUndefined();
    expect(existing.data.aws_route_table.private.lifecycle.postcondition.map((p: Json) => p.condition)).toEqual([
      '${anytrue([for r in self.routes : r.cidr_block == "0.0.0.0/0"])}',
      '${alltrue([for r in self.routes : !(r.cidr_block == "0.0.0.0/0" && startswith(r.gateway_id, "igw-"))])}',
    ]);
  });

  test("new subnets are placed by supported AZ ID, never by AZ name", () => {
    const { network } = layers({ region: "ap-northeast-1", vpc: { cidr: "10.0.0.0/16", azCount: 3 } });
    expect(network.variable.supported_az_ids.default).toEqual(["apne1-az1", "apne1-az2", "apne1-az4"]);
    expect(network.data.aws_availability_zones.supported.filter).toEqual([{ name: "zone-id", values: "${var.supported_az_ids}" }]);
    const subnet = network.resource.aws_subnet.private;
    expect(subnet.availability_zone_id).toBe("${each.key}");
    expect(subnet.availability_zone).toBeUndefined();
    expect(subnet.for_each).toBe("${toset(local.az_ids)}");
    expect(JSON.stringify(network)).not.toMatch(/availability_zones\.[a-z]+\.names/);
  });

  test("existing subnets are checked by AZ ID, VPC and DNS settings at plan time", () => {
    const { network } = layers(SCENARIOS.find((s) => s.name === "existing-vpc")!.answers);
    const [azCheck, vpcCheck] = network.data.aws_subnet.private.lifecycle.postcondition;
    expect(azCheck.condition).toBe("${contains(var.supported_az_ids, self.availability_zone_id)}");
    expect(azCheck.error_message).toContain("${self.id}");
    expect(azCheck.error_message).toContain("${self.availability_zone_id}");
    expect(vpcCheck.condition).toBe("${self.vpc_id == var.vpc_id}");
    expect(network.data.aws_vpc.this.lifecycle.postcondition[0].condition).toBe("${self.enable_dns_support && self.enable_dns_hostnames}");
    expect(network.resource.aws_vpc).toBeUndefined();
  });

  test("interface endpoints use private DNS in the private subnets; S3 is a gateway on the private route tables", () => {
    const { network } = layers({ features: ["models", "gateway"] });
    expect(network.variable.interface_endpoints.default).toEqual(["ecr.api", "ecr.dkr", "logs", "bedrock-runtime", "bedrock-agentcore.gateway"]);
    expect(network.resource.aws_vpc_endpoint.interface).toMatchObject({
      for_each: "${toset(var.interface_endpoints)}",
      vpc_endpoint_type: "Interface",
      private_dns_enabled: true,
      subnet_ids: "${[for s in aws_subnet.private : s.id]}",
      security_group_ids: ["${aws_security_group.endpoints.id}"],
    });
    expect(network.resource.aws_vpc_endpoint.s3).toMatchObject({ vpc_endpoint_type: "Gateway", route_table_ids: ["${aws_route_table.private.id}"] });
    expect(network.resource.aws_vpc.this).toMatchObject({ enable_dns_support: true, enable_dns_hostnames: true });
  });

  test("the database port is wired both ways with RDS, and absent without it", () => {
    const { network } = layers({ features: ["models", "rds"], rds: { port: 3306 } });
    expect(network.variable.database_port.default).toBe(3306);
    expect(network.resource.aws_vpc_security_group_egress_rule.runtime_to_database).toMatchObject({
      from_port: "${var.database_port}",
      referenced_security_group_id: "${aws_security_group.database.id}",
      security_group_id: "${aws_security_group.runtime.id}",
    });
    expect(network.resource.aws_vpc_security_group_ingress_rule.database_from_runtime).toMatchObject({
      to_port: "${var.database_port}",
      referenced_security_group_id: "${aws_security_group.runtime.id}",
      security_group_id: "${aws_security_group.database.id}",
    });
    expect(layers({ features: ["models"] }).network.resource.aws_security_group.database).toBeUndefined();
  });

  test("the network layer needs nothing newer than aws 5.100; the runtime layer asks for 6.x", () => {
    const { network, runtime } = layers({});
    expect(network.terraform.required_providers.aws.version).toBe(">= 5.100.0, < 7.0.0");
    expect(runtime.terraform.required_providers.aws.version).toMatch(/^>= 6\.\d+\.\d+, < 7\.0\.0$/);
    for (const layer of [network, runtime]) expect(layer.terraform.backend).toBeUndefined();
  });
});

describe("runtime layer rules", () => {
  test.each(all)("%s: the runtime runs in VPC mode in the network layer's subnets and security group", (_name, answers) => {
    const { runtime } = layers(answers);
    const agent = runtime.resource.aws_bedrockagentcore_agent_runtime.this;
    expect(agent.agent_runtime_name).toBe("${var.name}");
    expect(agent.network_configuration[0].network_mode).toBe("VPC");
    // Found by tags, or, in a child module, given by its caller.
    const group = (answers as { layout?: string }).layout === "modules" ? "${var.runtime_security_group_id}" : "${data.aws_security_group.runtime.id}";
    expect(agent.network_configuration[0].network_mode_config[0].security_groups).toEqual([group]);
    expect(agent.agent_runtime_artifact[0].container_configuration[0].container_uri).toBe("${var.image}");
    expect(agent.depends_on).toContain("aws_iam_role_policy.execution");
  });

  test.each(all)("%s: the trust policy carries the confused-deputy conditions", (_name, answers) => {
    const [trust] = layers(answers).runtime.data.aws_iam_policy_document.trust.statement;
    expect(trust.principals).toEqual([{ type: "Service", identifiers: ["bedrock-agentcore.amazonaws.com"] }]);
    expect(trust.condition).toEqual([
      { test: "StringEquals", variable: "aws:SourceAccount", values: ["${local.account_id}"] },
      { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:${local.partition}:bedrock-agentcore:${var.region}:${local.account_id}:*"] },
    ]);
  });

  test.each(all)("%s: execution permissions have no wildcard actions and '*' only where AWS allows no scope", (_name, answers) => {
    const unscopable = new Set(["ecr:GetAuthorizationToken", "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets", "cloudwatch:PutMetricData"]);
    for (const statement of statements(layers(answers).runtime)) {
      for (const action of statement.actions as string[]) expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z0-9]+$/);
      if ((statement.resources as string[]).includes("*")) for (const action of statement.actions as string[]) expect(unscopable).toContain(action);
    }
  });

  test("ECR pulls are scoped to the image's repository", () => {
    const pull = statements(layers({}).runtime).find((s) => s.sid === "PullImage")!;
    expect(pull.resources).toEqual(["arn:${local.partition}:ecr:${local.image.region}:${local.image.account}:repository/${local.image.repository}"]);
  });

  test.each([
    ["models", "InvokeModels"],
    ["memory", "Memory"],
    ["identity", "OutboundCredentials"],
    ["gateway", "InvokeGateway"],
    ["codeInterpreter", "CodeInterpreter"],
    ["rds", "DatabaseCredentials"],
  ])("%s grants %s only when chosen", (feature, sid) => {
    const sids = (features: string[]): string[] => statements(layers({ features }).runtime).map((s) => s.sid);
    expect(sids([feature])).toContain(sid);
    expect(sids([])).not.toContain(sid);
  });

  test("observability is log and trace delivery from the runtime, present only when chosen", () => {
    const { runtime } = layers({ features: ["observability"] });
    expect(runtime.resource.aws_cloudwatch_log_delivery_source.logs).toMatchObject({
      log_type: "APPLICATION_LOGS",
      resource_arn: "${aws_bedrockagentcore_agent_runtime.this.agent_runtime_arn}",
    });
    expect(runtime.resource.aws_cloudwatch_log_delivery_source.traces.log_type).toBe("TRACES");
    expect(runtime.resource.aws_cloudwatch_log_delivery_destination.traces.delivery_destination_type).toBe("XRAY");
    expect(runtime.resource.aws_cloudwatch_log_delivery.logs.delivery_destination_arn).toBe("${aws_cloudwatch_log_delivery_destination.logs.arn}");
    expect(layers({ features: ["models"] }).runtime.resource.aws_cloudwatch_log_delivery).toBeUndefined();
  });

  test("the service-linked role is opt-in", () => {
    const { runtime } = layers({});
    expect(runtime.variable.create_service_linked_role.default).toBe(false);
    expect(runtime.resource.aws_iam_service_linked_role.network).toMatchObject({
      count: "${var.create_service_linked_role ? 1 : 0}",
      aws_service_name: "network.bedrock-agentcore.amazonaws.com",
    });
  });
});

describe("secure by default, in every example", () => {
  /** Every policy document of both layers, by name. */
  const documents = (l: Layers): [string, Json[]][] =>
    [l.network, l.runtime].flatMap((layer) => Object.entries<Json>(layer.data?.aws_iam_policy_document ?? {}).map(([name, doc]): [string, Json[]] => [name, doc.statement]));

  test.each(all)("%s: no wildcard actions in any policy but the KMS key's own administration and denials", (_name, answers) => {
    for (const [name, statements] of documents(layers(answers))) {
      for (const statement of statements) {
        // The account-root statement of a key policy is AWS's default; without it the key is unmanageable.
        if (name === "logs_key" && statement.sid === "AccountAdministers") continue;
        // A denial of everything (the recordings bucket's TLS-only guard) grants nothing.
        if (statement.effect === "Deny") continue;
        for (const action of statement.actions as string[]) expect([name, action]).toEqual([name, expect.stringMatching(/^[a-z0-9-]+:[A-Za-z0-9]+$/)]);
      }
    }
  });

  test.each(all)("%s: endpoints keep the default policy, so OAuth (bearer-token) callers keep working", (_name, answers) => {
    for (const endpoint of Object.values<Json>(layers(answers).network.resource.aws_vpc_endpoint)) expect(endpoint.policy).toBeUndefined();
  });

  test.each(all)("%s: flow logs are opt-in and go to a KMS-encrypted log group with key rotation", (_name, answers) => {
    const { network } = layers(answers);
    expect(network.variable.enable_flow_logs.default).toBe(false);
    const r = network.resource;
    for (const resource of [r.aws_flow_log.this, r.aws_kms_key.logs, r.aws_cloudwatch_log_group.flow_logs, r.aws_iam_role.flow_logs]) {
      expect(resource.count).toBe("${var.enable_flow_logs ? 1 : 0}");
    }
    expect(r.aws_cloudwatch_log_group.flow_logs.kms_key_id).toBe("${aws_kms_key.logs[0].arn}");
    expect(r.aws_kms_key.logs.enable_key_rotation).toBe(true);
    expect(r.aws_flow_log.this).toMatchObject({ traffic_type: "ALL", log_destination: "${aws_cloudwatch_log_group.flow_logs[0].arn}" });
    const [logsStatement] = network.data.aws_iam_policy_document.logs_key.statement.filter((s: Json) => s.sid === "CloudWatchLogsEncrypts");
    expect(logsStatement.condition[0].variable).toBe("kms:EncryptionContext:aws:logs:arn");
  });
});

describe("each layer's provider floor follows from what it declares (src/catalog/provider-versions.ts)", () => {
  const atLeast = (floor: string) => floor.match(/^>= (\d+\.\d+\.\d+), < 7\.0\.0$/)![1]!;

  test.each(all)("%s: no block is newer than its layer's floor, and every block's type is in the table", (_name, answers) => {
    const l = layers(answers);
    for (const layer of [l.network, l.runtime]) {
      const floor = atLeast(layer.terraform.required_providers.aws.version);
      for (const kind of ["resource", "data"] as const) {
        for (const [type, blocks] of Object.entries<Json>(layer[kind] ?? {})) {
          for (const body of Object.values<Json>(blocks)) {
            for (const version of versionsOf(kind, type, body)) expect([type, compareVersions(version, floor) <= 0]).toEqual([type, true]);
          }
        }
      }
    }
  });

  test("the runtime layer with observability needs 6.46.0 (aws_xray_trace_segment_destination), without it 6.17.0; the network layer 5.100.0", () => {
    expect(layers({ features: ["observability"] }).runtime.terraform.required_providers.aws.version).toBe(">= 6.46.0, < 7.0.0");
    expect(layers({ features: ["models"] }).runtime.terraform.required_providers.aws.version).toBe(">= 6.17.0, < 7.0.0");
    expect(layers({}).network.terraform.required_providers.aws.version).toBe(">= 5.100.0, < 7.0.0");
  });

  test("an XRAY delivery destination alone needs 6.21.0, and a type missing from the table is an error", () => {
    expect(providerFloor([{ kind: "resource", labels: ["aws_cloudwatch_log_delivery_destination", "t"], body: { delivery_destination_type: "XRAY" } }])).toBe("6.21.0");
    expect(providerFloor([{ kind: "resource", labels: ["aws_cloudwatch_log_delivery_destination", "l"], body: {} }])).toBe("5.100.0");
    expect(() => providerFloor([{ kind: "resource", labels: ["aws_made_up", "x"], body: {} }])).toThrow("no provider version is recorded for resource aws_made_up");
  });
});

describe("custom tools and logs", () => {
  test("the execution role reaches the runtime's own browser and code interpreter by ARN, custom or AWS-managed, and no other", () => {
    const sid = (answers: unknown, id: string) => statements(layers(answers).runtime).find((s) => s.sid === id)!.resources;
    expect(sid({ features: ["browser", "codeInterpreter"] }, "Browser")).toEqual(["${aws_bedrockagentcore_browser.this.browser_arn}"]);
    expect(sid({ features: ["browser", "codeInterpreter"] }, "CodeInterpreter")).toEqual(["${aws_bedrockagentcore_code_interpreter.this.code_interpreter_arn}"]);
    const managed = { features: ["browser", "codeInterpreter"], browser: { network: "public" }, codeInterpreter: { network: "sandbox" } };
    expect(sid(managed, "Browser")).toEqual(["arn:${local.partition}:bedrock-agentcore:${var.region}:aws:browser/aws.browser.v1"]);
    expect(sid(managed, "CodeInterpreter")).toEqual(["arn:${local.partition}:bedrock-agentcore:${var.region}:aws:code-interpreter/aws.codeinterpreter.v1"]);
  });

  test("USAGE_LOGS delivery is offered, off by default, into a log group of its own", () => {
    const { runtime } = layers({ features: ["observability"] });
    expect(runtime.variable.enable_usage_logs.default).toBe(false);
    const gate = "${var.enable_usage_logs ? 1 : 0}";
    expect(runtime.resource.aws_cloudwatch_log_delivery_source.usage).toMatchObject({ count: gate, log_type: "USAGE_LOGS", resource_arn: "${aws_bedrockagentcore_agent_runtime.this.agent_runtime_arn}" });
    expect(runtime.resource.aws_cloudwatch_log_group.usage).toMatchObject({ count: gate, name: "/aws/vendedlogs/bedrock-agentcore/runtime/${var.name}/usage" });
    expect(runtime.resource.aws_cloudwatch_log_delivery.usage).toMatchObject({ count: gate, delivery_source_name: "${aws_cloudwatch_log_delivery_source.usage[0].name}" });
  });

  test("the container's own log group is an output of every runtime layer", () => {
    for (const features of [[], ["observability"]]) {
      expect(layers({ features }).runtime.output.container_log_group_name.value).toBe("/aws/bedrock-agentcore/runtimes/${aws_bedrockagentcore_agent_runtime.this.agent_runtime_id}-DEFAULT");
    }
  });
});
