import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { USAGE } from "../src/cli/args.js";
import { RULES } from "../src/doctor/rules/index.js";
import { DISCOVERY_CALLS, READ_CALLS } from "../src/inspect/errors.js";
import { SCENARIOS } from "../scripts/scenarios.js";
import { readTree, renderAnswers, ROOT, runCli, tempDir } from "./helpers.js";

describe("the generated README", () => {
  test("says which log group holds the container's output and which the vended logs, and offers USAGE_LOGS", () => {
    const readme = renderAnswers({ name: "logs_agent", features: ["observability"] })["README.md"]!;
    expect(readme).toContain("`/aws/bedrock-agentcore/runtimes/<runtime id>-DEFAULT`");
    expect(readme).toContain("`/aws/vendedlogs/bedrock-agentcore/runtime/logs_agent` (output `log_group_name`)");
    expect(readme).toContain("`enable_usage_logs = true` in `runtime/terraform.tfvars`");
    const without = renderAnswers({ features: ["models"] })["README.md"]!;
    expect(without).toContain("No vended logs or traces are delivered");
  });

  test("quotes unit rates exactly and says whose prices they are", () => {
    const readme = renderAnswers({ features: ["browser"], region: "eu-west-1", image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/a:1" })["README.md"]!;
    expect(readme).toContain("$0.045/GB through the NAT gateway");
    expect(readme).not.toMatch(/\$0\.04\/GB/);
    expect(readme).toContain("US East (N. Virginia) list prices, checked 2026-09; eu-west-1's may differ: https://aws.amazon.com/privatelink/pricing/");
  });

  test.each(SCENARIOS.map((s) => [s.name, s.answers] as const))("%s: lists every input of each layer with its type and default, and every output, as the layer's files declare them", (_name, answers) => {
    const files = renderAnswers({ ...answers, format: "json" });
    const readme = files["README.md"]!;
    // The layers, or in the modules layout the modules (a root's inputs are its module's).
    const dirs = ["network", "data", "runtime"].map((l) => ("modules/network/main.tf.json" in files ? `modules/${l}` : l));
    for (const layer of dirs.filter((l) => `${l}/variables.tf.json` in files)) {
      const section = readme.slice(readme.indexOf(`### \`${layer}/\``), readme.indexOf("\n### ", readme.indexOf(`### \`${layer}/\``) + 1) >>> 0);
      const variables: Record<string, { type: string; default?: unknown }> = JSON.parse(files[`${layer}/variables.tf.json`]!).variable;
      for (const [name, v] of Object.entries(variables)) expect(section).toContain(`| \`${name}\` | \`${v.type}\` | ${"default" in v ? `\`${JSON.stringify(v.default)}\`` : "required"} |`);
      const outputs = Object.keys(JSON.parse(files[`${layer}/outputs.tf.json`]!).output ?? {});
      for (const name of outputs) expect(section).toMatch(new RegExp(`\\| \`${name}\` \\| [^|]`));
      expect(section.match(/^\| `/gm)!.length).toBe(Object.keys(variables).length + outputs.length);
    }
  });

  test("points backend configuration at a backend.tf of the user's, which regeneration keeps", async () => {
    const dir = await tempDir();
    expect((await runCli(["p", "--yes"], dir)).code).toBe(0);
    const tree = await readTree(join(dir, "p"));
    expect(tree["README.md"]).toContain("`network/backend.tf` and `runtime/backend.tf`");
    expect(tree["README.md"]).not.toContain("versions.tf` before");
    const backend = 'terraform {\n  backend "s3" {}\n}\n';
    await writeFile(join(dir, "p", "network", "backend.tf"), backend);
    const run = await runCli([".", "--answers", "agentcore-vpc.json", "--force", "--dry-run"], join(dir, "p"));
    expect(run.stdout).toContain("  kept       network/backend.tf (yours)");
    expect((await runCli([".", "--answers", "agentcore-vpc.json", "--force"], join(dir, "p"))).code).toBe(0);
    expect(await readFile(join(dir, "p", "network", "backend.tf"), "utf8")).toBe(backend);
  });
});

describe("the project README", () => {
  test("its options table is one unbroken table naming every option --help names", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf("| Option | Meaning |");
    const rows = readme.slice(start).split("\n");
    const table = rows.slice(0, rows.findIndex((line) => !line.startsWith("|")));
    const documented = table.slice(2).map((row) => row.split("|")[1]!.trim());
    const options = [...USAGE.matchAll(/^ {2}(?:-[a-z], )?(--[a-z-]+)/gm)].map((m) => m[1]!);
    expect(options).toEqual(expect.arrayContaining(["--answers", "--help", "--version", "--force", "--dry-run"]));
    for (const option of options) expect([option, documented.some((cell) => cell.includes(`\`${option}`))]).toEqual([option, true]);
  });

  test("the doctor's rules table lists every rule with its severity and what it finds, in order", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Checking a deployment: `doctor`"));
    const rows = section.slice(section.indexOf("| id | severity | finds |")).split("\n");
    const table = rows.slice(2, rows.findIndex((line) => !line.startsWith("|")));
    expect(table).toEqual(RULES.map((r) => `| \`${r.id}\` | ${r.severity} | ${r.finds} |`));
  });

  test("the IAM policies list exactly the calls made: discovery's, then the doctor's", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const policies = [...readme.matchAll(/```json\n(\{\n {2}"Version": "2012-10-17"[\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as { Statement: { Action: string[] }[] });
    expect(policies.map((p) => p.Statement.flatMap((st) => st.Action))).toEqual([DISCOVERY_CALLS, READ_CALLS]);
  });
});
