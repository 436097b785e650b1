import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exec, readTree, ROOT, runCli, tempDir, writeJson } from "./helpers.js";

const BIN = join(ROOT, "dist", "bin.js");

describe("command line", () => {
  test("--help prints usage and exits 0", async () => {
    const run = await runCli(["--help"], ROOT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: create-agentcore-vpc [directory]");
    expect(run.stdout).toContain("--dry-run");
  });

  test("--version prints the package version", async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    const run = await runCli(["--version"], ROOT);
    expect(run).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  test("--dry-run prints endpoints with reasons, subnets with AZ IDs, NAT and cost, and writes nothing", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { region: "ca-central-1", features: ["models", "browser"], vpc: { cidr: "10.1.0.0/16", azCount: 3 } });
    const run = await runCli(["out", "--answers", file, "--dry-run"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("com.amazonaws.ca-central-1.s3");
    expect(run.stdout).toContain("ECR image layers");
    expect(run.stdout).toMatch(/private\s+10\.1\.32\.0\/20\s+cac1-az4/);
    expect(run.stdout).toMatch(/public\s+10\.1\.128\.0\/20\s+cac1-az1/);
    expect(run.stdout).toContain("NAT gateway: yes");
    expect(run.stdout).toContain("$36.50 a month");
    expect(run.stdout).toContain("nothing written");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test("--yes writes the default project into a directory named after the runtime", async () => {
    const dir = await tempDir();
    const run = await runCli(["--yes"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("terraform -chdir=network init");
    const files = await readTree(join(dir, "support_agent"));
    expect(Object.keys(files)).toEqual([
      ".gitignore",
      "README.md",
      "agentcore-vpc.json",
      "network/main.tf",
      "network/outputs.tf",
      "network/terraform.tfvars.example",
      "network/variables.tf",
      "network/versions.tf",
      "runtime/main.tf",
      "runtime/outputs.tf",
      "runtime/terraform.tfvars.example",
      "runtime/variables.tf",
      "runtime/versions.tf",
    ]);
  });

  test("the same answers give byte-identical output, and the written answers reproduce it", async () => {
    const dir = await tempDir();
    const answers = await writeJson(join(dir, "a.json"), { name: "twice", features: ["observability", "models", "rds"], rds: { port: 6543 } });
    expect((await runCli(["one", "--answers", answers], dir)).code).toBe(0);
    expect((await runCli(["two", "--answers", answers], dir)).code).toBe(0);
    expect((await runCli(["three", "--answers", join(dir, "one", "agentcore-vpc.json")], dir)).code).toBe(0);
    const one = await readTree(join(dir, "one"));
    expect(await readTree(join(dir, "two"))).toEqual(one);
    expect(await readTree(join(dir, "three"))).toEqual(one);
  });

  test("--force keeps the user's files and replaces or removes only generated ones", async () => {
    const dir = await tempDir();
    expect((await runCli(["p", "--yes"], dir)).code).toBe(0);
    await writeFile(join(dir, "p", "backend.tf"), 'terraform {\n  backend "s3" {}\n}\n');
    await writeFile(join(dir, "p", "network", "terraform.tfvars"), "az_count = 3\n");
    await mkdir(join(dir, "p", "docs"));
    await writeFile(join(dir, "p", "docs", "notes.md"), "mine\n");
    const run = await runCli(["p", "--yes", "--force", "--format", "json"], dir);
    expect(run.code).toBe(0);
    const files = await readTree(join(dir, "p"));
    expect(files["backend.tf"]).toContain('backend "s3"');
    expect(files["network/terraform.tfvars"]).toBe("az_count = 3\n");
    expect(files["docs/notes.md"]).toBe("mine\n");
    expect(files["network/main.tf.json"]).toBeDefined();
    // The HCL files of the first run would duplicate every block next to the JSON ones.
    expect(Object.keys(files).filter((f) => f.endsWith(".tf"))).toEqual(["backend.tf"]);
  });

  test("the built executable runs end to end", async () => {
    const dir = await tempDir();
    const { stdout } = await exec(process.execPath, [BIN, "out", "--yes", "--format", "json"], { cwd: dir });
    expect(stdout).toContain("Project written to out (13 created). Next, in this order:\n  cd out\n");
    expect(JSON.parse(await readFile(join(dir, "out", "network", "main.tf.json"), "utf8"))).toHaveProperty("resource.aws_vpc.this");
    await expect(exec(process.execPath, [BIN, "--format", "xml"], { cwd: dir })).rejects.toMatchObject({ code: 2 });
  });

  test("the CDK app entry named in cdktf.json synthesizes both layers as stacks", async () => {
    const dir = await tempDir();
    const answers = await writeJson(join(dir, "a.json"), { name: "cdk_agent", features: ["models"] });
    await exec(process.execPath, [join(ROOT, "dist", "synth", "app.js")], { cwd: dir, env: { ...process.env, AGENTCORE_VPC_ANSWERS: answers } });
    const network = JSON.parse(await readFile(join(dir, "cdktf.out", "stacks", "network", "cdk.tf.json"), "utf8"));
    const runtime = JSON.parse(await readFile(join(dir, "cdktf.out", "stacks", "runtime", "cdk.tf.json"), "utf8"));
    expect(network.variable.name.default).toBe("cdk_agent");
    expect(runtime.resource.aws_bedrockagentcore_agent_runtime.this.agent_runtime_name).toBe("${var.name}");
    const config = JSON.parse(await readFile(join(ROOT, "cdktf.json"), "utf8"));
    expect(config).toMatchObject({ language: "typescript", app: "node dist/synth/app.js", terraformProviders: ["hashicorp/aws@~> 6.0"] });
  });
});
