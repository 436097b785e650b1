import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { SCENARIOS } from "../scripts/scenarios.js";
import { ACCOUNTS } from "./standin/accounts.js";
import { checkPlan } from "./standin/checks.js";
import { planAgainstStandIn } from "./standin/plan.js";
import { startStandIn, type StandIn } from "./standin/server.js";
import { knownTo5100 } from "./standin/known-to-5100.js";
import { exec, readTree, renderAnswers, runCli, tempDir, terraformEnv, writeJson } from "./helpers.js";
import { resolveAnswers } from "../src/answers/validate.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXAMPLE = SCENARIOS.find((s) => s.name === "modules")!.answers;
const SHUFFLED = "AKIASTANDINSHUFFLED0";

/** One configuration directory of a project as Terraform JSON, merged from its files. */
function configuration(files: Record<string, string>, dir: string): Json {
  return Object.assign({}, ...Object.entries(files).filter(([p]) => p.startsWith(`${dir}/`) && p.endsWith(".tf.json")).map(([, c]) => JSON.parse(c)));
}

const json = (raw: Record<string, unknown>): Record<string, string> => renderAnswers({ ...raw, format: "json" });

/** Writes the project's modules/ and a root of the test's own beside them. */
async function rootCalling(files: Record<string, string>, root: string): Promise<string> {
  const dir = await tempDir("agentcore-vpc-modules-");
  for (const [path, content] of Object.entries(files).filter(([p]) => p.startsWith("modules/"))) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  await mkdir(join(dir, "caller"));
  await writeFile(join(dir, "caller", "main.tf"), root);
  return join(dir, "caller");
}

describe("the modules layout: child modules, thin roots and one root that calls them all", () => {
  const files = json(EXAMPLE);
  const modules = ["network", "data", "runtime"].map((l) => [l, configuration(files, `modules/${l}`)] as const);

  test("each layer is a module with no provider or backend, every input typed and described; the roots have the provider", () => {
    for (const [layer, m] of modules) {
      expect([layer, m.provider, m.terraform.backend]).toEqual([layer, undefined, undefined]);
      expect(m.terraform.required_providers.aws.source).toBe("hashicorp/aws");
      for (const [name, v] of Object.entries<Json>(m.variable)) expect([layer, name, typeof v.type, typeof v.description]).toEqual([layer, name, "string", "string"]);
      expect(m.variable.tags).toEqual({ type: "map(string)", description: expect.stringContaining("agentcore-vpc:name"), default: {} });
    }
    for (const root of ["network", "data", "runtime", "all-in-one"]) {
      expect([root, configuration(files, root).provider.aws]).toEqual([root, { region: "${var.region}" }]);
      expect(files[`${root}/terraform.tfvars.example`]).toBeDefined();
    }
    expect(Object.keys(files).some((p) => p.startsWith("modules/") && p.endsWith("terraform.tfvars.example"))).toBe(false);
  });

  test("a module tags every resource it creates with its caller's tags and agentcore-vpc:name, under the resource's own", () => {
    const network = configuration(files, "modules/network");
    expect(network.locals.tags).toBe('${merge(var.tags, { "agentcore-vpc:name" = var.name })}');
    expect(network.resource.aws_vpc.this.tags).toBe('${merge(local.tags, { Name = "${var.name}" })}');
    expect(network.resource.aws_security_group.runtime.tags).toBe('${merge(local.tags, { Name = "${var.name}-runtime", "agentcore-vpc:role" = "runtime" })}');
    expect(network.resource.aws_route_table_association.private.tags).toBeUndefined();
    // Rules, roles and the runtime carry tags too; nothing is left to a provider's default tags.
    const runtime = configuration(files, "modules/runtime");
    expect(runtime.resource.aws_bedrockagentcore_agent_runtime.this.tags).toBe("${local.tags}");
    expect(runtime.resource.aws_iam_role.execution.tags).toBe("${local.tags}");
    expect(network.resource.aws_vpc_security_group_egress_rule.runtime_to_endpoints.tags).toBe("${local.tags}");
  });

  test("the runtime and data modules find nothing by tags: what they need of another module is a required input", () => {
    const runtime = configuration(files, "modules/runtime");
    const data = configuration(files, "modules/data");
    const required = (m: Json): string[] => Object.entries<Json>(m.variable).filter(([, v]) => !("default" in v)).map(([n]) => n);
    expect(required(runtime)).toEqual(["region", "subnet_ids", "runtime_security_group_id", "browser_security_group_id", "database_secret_arn", "database_host", "database_port"]);
    expect(required(data)).toEqual(["region", "subnet_ids", "database_security_group_id"]);
    for (const m of [runtime, data]) for (const type of ["aws_vpc", "aws_subnets", "aws_security_group", "aws_db_instance"]) expect(m.data?.[type]).toBeUndefined();
    expect(runtime.resource.aws_bedrockagentcore_agent_runtime.this.network_configuration[0].network_mode_config[0]).toEqual({ subnets: "${var.subnet_ids}", security_groups: ["${var.runtime_security_group_id}"] });
    expect(runtime.resource.aws_bedrockagentcore_agent_runtime.this.environment_variables).toMatchObject({ DATABASE_SECRET_ARN: "${var.database_secret_arn}", DATABASE_HOST: "${var.database_host}", DATABASE_PORT: "${var.database_port}" });
  });

  test("all-in-one gives each module input the network or data module's output of the same meaning, and every output it names exists", () => {
    const root = configuration(files, "all-in-one");
    const outputs = Object.fromEntries(modules.map(([l, m]) => [l, Object.keys(m.output)]));
    const variables = Object.fromEntries(modules.map(([l, m]) => [l, m.variable as Json]));
    for (const [layer, call] of Object.entries<Json>(root.module)) {
      expect(call.source).toBe(`../modules/${layer}`);
      const { source: _, ...inputs } = call;
      // Exactly the module's inputs: each from a variable of this root or another module's output.
      expect(Object.keys(inputs).sort()).toEqual(Object.keys(variables[layer]!).sort());
      for (const [name, value] of Object.entries<string>(inputs)) {
        const ref = /^\$\{(var|module\.(\w+))\.(\w+)\}$/.exec(value)!;
        if (ref[1] === "var") expect([layer, name, ref[3] === name && ref[3]! in root.variable]).toEqual([layer, name, true]);
        else expect([layer, name, outputs[ref[2]!]!.includes(ref[3]!)]).toEqual([layer, name, true]);
      }
    }
    expect(root.module.runtime).toMatchObject({ subnet_ids: "${module.network.private_subnet_ids}", browser_security_group_id: "${module.network.browser_security_group_id}", database_host: "${module.data.database_endpoint}" });
    expect(root.module.runtime.depends_on).toBeUndefined();
    // What the runtime needs but does not refer to, it waits for through the outputs it is given.
    const network = configuration(files, "modules/network");
    for (const name of ["private_subnet_ids", "runtime_security_group_id", "browser_security_group_id", "database_security_group_id"]) {
      expect([name, network.output[name].depends_on]).toEqual([name, expect.arrayContaining(["aws_vpc_endpoint.s3", "aws_vpc_endpoint.interface", "aws_vpc_security_group_egress_rule.runtime_to_s3", "aws_route.private_internet", "aws_route_table_association.private"])]);
    }
    expect(network.output.vpc_id.depends_on).toBeUndefined();
    expect(root.module.data.database_security_group_id).toBe("${module.network.database_security_group_id}");
    expect(root.data).toBeUndefined();
    expect(Object.keys(root.output)).toEqual(["network", "data", "runtime"]);
  });

  test("the layer roots pass what they find by tags and by the database's identifier, and give back every output of their module", () => {
    const runtime = configuration(files, "runtime");
    expect(runtime.module.runtime).toMatchObject({
      subnet_ids: "${data.aws_subnets.private.ids}",
      runtime_security_group_id: "${data.aws_security_group.runtime.id}",
      database_secret_arn: "${data.aws_db_instance.database.master_user_secret[0].secret_arn}",
      database_port: "${data.aws_db_instance.database.port}",
    });
    for (const layer of ["network", "data", "runtime"]) {
      const root = configuration(files, layer);
      const m = configuration(files, `modules/${layer}`);
      expect(Object.keys(root.output)).toEqual(Object.keys(m.output));
      for (const [name, o] of Object.entries<Json>(root.output)) expect(o).toEqual({ description: m.output[name].description, value: `\${module.${layer}.${name}}` });
      // Each of the module's inputs with a default is the root's, with the same default.
      for (const [name, v] of Object.entries<Json>(m.variable)) if ("default" in v) expect([layer, name, root.variable[name]?.default]).toEqual([layer, name, v.default]);
    }
  });

  test("each layer root moves every resource of the layers layout into its module, and forgets at the top what the module forgets", () => {
    for (const layer of ["network", "data", "runtime"]) {
      const m = configuration(files, `modules/${layer}`);
      const resources = Object.entries<Json>(m.resource).flatMap(([type, named]) => Object.keys(named).map((name) => `${type}.${name}`));
      const moves = configuration(files, layer).moved as { from: string; to: string }[];
      expect(moves.map((m) => [m.from, m.to]).sort()).toEqual(resources.map((address) => [address, `module.${layer}.${address}`]).sort());
    }
    const reused = json(SCENARIOS.find((s) => s.name === "existing-vpc-shared-endpoints")!.answers as Record<string, unknown>);
    const withModules = json({ ...(JSON.parse(reused["agentcore-vpc.json"]!) as Record<string, unknown>), layout: "modules" });
    expect(configuration(withModules, "network").removed).toEqual([{ from: "aws_vpc_endpoint.s3", lifecycle: { destroy: false } }]);
    expect(configuration(withModules, "modules/network").removed).toEqual([{ from: "aws_vpc_endpoint.s3", lifecycle: { destroy: false } }]);
  });

  test("the layers layout is untouched by it: no modules/, and layout stays out of the answers file", () => {
    const layers = json({});
    expect(Object.keys(layers).filter((p) => p.startsWith("modules/") || p.startsWith("all-in-one/"))).toEqual([]);
    expect(JSON.parse(layers["agentcore-vpc.json"]!)).not.toHaveProperty("layout");
    expect(JSON.parse(files["agentcore-vpc.json"]!).layout).toBe("modules");
    expect(configuration(layers, "network").provider.aws.default_tags).toEqual([{ tags: { "agentcore-vpc:name": "${var.name}" } }]);
  });

  test("a layout other than layers or modules is refused, naming the field, the value and what is allowed", async () => {
    expect(resolveAnswers({ layout: "stack" })).toMatchObject({ ok: false, problems: [{ field: "layout", value: "stack", rule: expect.stringContaining('"layers" or "modules"') }] });
    const dir = await tempDir();
    const flag = await runCli(["p", "--yes", "--layout", "stack"], dir);
    expect([flag.code, flag.stderr]).toEqual([2, expect.stringContaining('--layout: got "stack". Allowed: layers, modules.')]);
    const file = await runCli(["p", "--answers", await writeJson(join(dir, "a.json"), { layout: 1 }), "--yes"], dir);
    expect([file.code, file.stderr]).toEqual([2, expect.stringContaining("layout")]);
    expect(Object.keys(await readTree(dir))).toEqual(["a.json"]);
  });

  test("--layout is stored; switching back with --force removes the modules and the extra root, and keeps the user's files", async () => {
    const dir = await tempDir();
    const written = await runCli(["p", "--yes", "--layout", "modules"], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain("  terraform -chdir=runtime apply runtime.tfplan\n  (or, for one state instead of one per layer, the same three commands with -chdir=all-in-one; never both)\n");
    const project = join(dir, "p");
    expect(JSON.parse(await readFile(join(project, "agentcore-vpc.json"), "utf8")).layout).toBe("modules");
    await writeFile(join(project, "all-in-one", "backend.tf"), 'terraform {\n  backend "s3" {}\n}\n');
    expect((await runCli(["check"], project)).code).toBe(0);
    const back = await runCli([".", "--answers", "agentcore-vpc.json", "--force", "--layout", "layers", "--dry-run"], project);
    expect(back.stdout).toContain("  remove     modules/network/main.tf\n");
    expect(back.stdout).toContain("  kept       all-in-one/ (no longer generated, but it holds Terraform state or files of yours, so nothing in it is removed)\n");
    expect(back.stdout).not.toContain("modules/ (yours)");
    expect((await runCli([".", "--answers", "agentcore-vpc.json", "--force", "--layout", "layers"], project)).code).toBe(0);
    const tree = await readTree(project);
    expect(Object.keys(tree).filter((p) => p.startsWith("modules/"))).toEqual([]);
    expect(tree["network/main.tf"]).toContain('resource "aws_vpc" "this"');
    // The folders left empty go too; the one holding the user's file stays whole: it may have been applied.
    expect(await readdir(project)).toEqual(expect.not.arrayContaining(["modules"]));
    expect((await readdir(join(project, "all-in-one"))).sort()).toEqual(["backend.tf", "main.tf", "outputs.tf", "terraform.tfvars.example", "variables.tf", "versions.tf"]);
  });
});

describe("a layer the answers no longer have", () => {
  test("its generated files go, with the folder, unless the folder holds state or anything else: then it is left whole", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { features: ["models", "rds"], rds: { mode: "create" } });
    for (const name of ["applied", "never"]) expect((await runCli([name, "--answers", file, "--yes"], dir)).code).toBe(0);
    await writeFile(join(dir, "applied", "data", "terraform.tfstate"), "{}\n");
    await writeJson(file, { features: ["models", "rds"] });
    for (const name of ["applied", "never"]) expect((await runCli([name, "--answers", file, "--yes", "--force"], dir)).code).toBe(0);
    expect((await readdir(join(dir, "applied", "data"))).sort()).toEqual(["main.tf", "outputs.tf", "terraform.tfstate", "terraform.tfvars.example", "variables.tf", "versions.tf"]);
    expect(await readdir(join(dir, "never"))).not.toContain("data");
  });
});

describe("the modules, planned with the real provider against the stand-in from a root of the test's own", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn.close());

  test("the network module, called with another name and the caller's tags, validates and plans what the layer plans", async () => {
    const files = renderAnswers({ ...EXAMPLE, format: "hcl" });
    const caller = await rootCalling(
      files,
      `provider "aws" {
  region = "us-east-1"
}

module "agent_network" {
  source = "../modules/network"
  name   = "caller_agent"
  region = "us-east-1"
  tags   = { team = "platform" }
}

output "subnets" {
  value = module.agent_network.private_subnet_ids
}
`,
    );
    const env = await terraformEnv(dirname(caller));
    await exec("terraform", ["init", "-backend=false", "-input=false", "-no-color"], { cwd: caller, env });
    const { stdout } = await exec("terraform", ["validate", "-json", "-no-color"], { cwd: caller, env }).catch((e: { stdout: string }) => e);
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
    const result = await planAgainstStandIn(caller, standIn, env, SHUFFLED);
    if (!result.ok) throw new Error(result.error);
    const changes = result.plan.resource_changes!;
    expect(changes.every((c) => c.address.startsWith("module.agent_network."))).toBe(true);
    const resolution = resolveAnswers({ ...EXAMPLE, name: "caller_agent" });
    if (!resolution.ok) throw new Error("answers refused");
    expect(checkPlan(result.plan, resolution.answers, ACCOUNTS[SHUFFLED]!.regions["us-east-1"]!)).toEqual([]);
    const vpc = changes.find((c) => c.address === "module.agent_network.aws_vpc.this")!.change.after!;
    expect(vpc.tags).toEqual({ Name: "caller_agent", team: "platform", "agentcore-vpc:name": "caller_agent" });
    const untagged = changes.filter((c) => c.change.after && "tags" in c.change.after && (c.change.after.tags as Record<string, string> | null)?.["agentcore-vpc:name"] !== "caller_agent");
    expect(untagged.map((c) => c.address)).toEqual([]);
  }, 300_000);

  test("all-in-one, with the parts of the runtime module aws 5.100 knows: every module takes the others' outputs directly, validates and plans", async () => {
    const files = renderAnswers({ ...EXAMPLE, format: "json" });
    const dir = await tempDir("agentcore-vpc-one-root-");
    const put = async (path: string, content: string): Promise<void> => {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    };
    for (const [path, content] of Object.entries(files).filter(([p]) => /^(modules\/(network|data)|all-in-one)\//.test(p))) await put(path, content);
    const runtime = knownTo5100(configuration(files, "modules/runtime"));
    expect(Object.keys(runtime.resource)).toEqual(expect.arrayContaining(["aws_iam_role", "aws_cloudwatch_log_group"]));
    await put("modules/runtime/main.tf.json", JSON.stringify(runtime, null, 2));
    // The root asks for the runtime module's aws 6.x; what is left of that module needs 5.100 only.
    await put("all-in-one/versions.tf.json", JSON.stringify({ terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } } }));
    const env = await terraformEnv(dir);
    const result = await planAgainstStandIn(join(dir, "all-in-one"), standIn, env, SHUFFLED);
    if (!result.ok) throw new Error(result.error);
    const changes = result.plan.resource_changes!;
    const created = changes.filter((c) => c.change.actions.includes("create")).map((c) => c.address);
    expect(created).toEqual(expect.arrayContaining(["module.network.aws_vpc.this", "module.network.aws_security_group.database", "module.data.aws_db_instance.this", "module.runtime.aws_iam_role.execution", "module.runtime.aws_cloudwatch_log_group.runtime"]));
    expect(changes.find((c) => c.address === "module.data.aws_db_instance.this")!.change.after).toMatchObject({ identifier: "platform-agent-db", engine: "postgres", port: 5432, tags: { "agentcore-vpc:name": "platform_agent" } });
    // No depends_on on a whole module: what the runtime module reads of the account is read at plan time.
    expect(changes.filter((c) => c.address === "module.runtime.data.aws_caller_identity.current").map((c) => c.change.actions)).toEqual([]);
    expect(changes.find((c) => c.address === "module.runtime.aws_iam_role.execution")!.change.after).toMatchObject({ name: "platform_agent-execution" });
  }, 300_000);
});
