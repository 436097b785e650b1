import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import type { Answers } from "../src/answers/model.js";
import { resolveAnswers } from "../src/answers/validate.js";
import { planFor } from "../src/plan/plan.js";
import { ANSWERS_FILE, OWNERSHIP } from "../src/render/format.js";
import { renderProject } from "../src/render/project.js";
import { writeProject } from "../src/write/writer.js";
import { exec, readTree, ROOT, runCli, tempDir, terraformEnv, writeJson } from "./helpers.js";

const BIN = join(ROOT, "dist", "bin.js");
const HOSTILE = ['${file("/etc/passwd")}', "%{ if true }x%{ endif }", 'a"b', "a\\b", "a\nb", "<<EOF\nx\nEOF", "a`b|c", "<b>x</b>"];
const JUNK: unknown[] = [0, -1, 1.5, true, null, "", [], {}, "ü", "😀", "a".repeat(10_240), ["x"], { a: 1 }, ...HOSTILE];

const VALID_JUNK = [{ features: [] }, { internet: true }, { vpc: {} }].map((a) => JSON.stringify(a));

/** The generated matrix: every field with junk, plus the domain's own edge cases. */
const MATRIX: [string, Record<string, unknown>][] = [
  // Junk that happens to be a valid answer is left out: no features, internet on, a vpc object of defaults.
  ...["name", "region", "features", "internet", "vpc", "image"].flatMap((field) =>
    JUNK.filter((value) => !VALID_JUNK.includes(JSON.stringify({ [field]: value }))).map((value): [string, Record<string, unknown>] => [field, { [field]: value }]),
  ),
  ...JUNK.filter((v) => typeof v !== "boolean").map((value): [string, Record<string, unknown>] => ["features[0]", { features: [value] }]),
  ...JUNK.map((value): [string, Record<string, unknown>] => ["vpc.cidr", { vpc: { cidr: value, azCount: 2 } }]),
  ...JUNK.map((value): [string, Record<string, unknown>] => ["vpc.azCount", { vpc: { cidr: "10.0.0.0/16", azCount: value } }]),
  ...JUNK.map((value): [string, Record<string, unknown>] => ["vpc.id", { vpc: { id: value, subnetIds: ["subnet-01234567", "subnet-89abcdef"] } }]),
  ...JUNK.map((value): [string, Record<string, unknown>] => ["vpc.subnetIds", { vpc: { id: "vpc-01234567", subnetIds: ["subnet-01234567", value] } }]),
  ...JUNK.filter((v) => v !== null && typeof v !== "object").map((value): [string, Record<string, unknown>] => ["rds.port", { features: ["rds"], rds: { port: value } }]),
  ...[0, 1, 4].map((n): [string, Record<string, unknown>] => ["vpc.azCount", { vpc: { cidr: "10.0.0.0/16", azCount: n } }]),
  ...["10.0.0.0/15", "10.0.0.0/29", "10.0.0.0/16/1", "::/0"].map((c): [string, Record<string, unknown>] => ["vpc.cidr", { vpc: { cidr: c, azCount: 2 } }]),
  ["vpc.subnetIds", { vpc: { id: "vpc-01234567", subnetIds: ["subnet-01234567", "subnet-01234567"] } }],
  ["vpc.subnetIds", { vpc: { id: "vpc-01234567", subnetIds: ["subnet-01234567", "sg-89abcdef"] } }],
  ["vpc.subnetIds", { vpc: { id: "vpc-01234567", subnetIds: "subnet-01234567" } }],
  ["vpc", { vpc: ["10.0.0.0/16"] }],
  ["rds", { features: ["rds"], rds: [5432] }],
];

async function expectCleanRefusal(answers: unknown, field?: string): Promise<void> {
  const dir = await tempDir();
  const file = await writeJson(join(dir, "a.json"), JSON.stringify(answers));
  const run = await runCli(["out", "--answers", file, "--yes"], dir);
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: "" });
  expect(run.stderr).toMatch(/^create-agentcore-vpc: /);
  if (field) expect(run.stderr).toContain(`${field}`);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(join(dir, "out"))).toBe(false);
}

describe("bad input never crashes and never writes", () => {
  test(`a matrix of ${MATRIX.length} bad answers is refused with a message naming the field`, async () => {
    for (const [field, answers] of MATRIX) {
      try {
        await expectCleanRefusal(answers, field);
      } catch (error) {
        throw new Error(`answers ${JSON.stringify(answers).slice(0, 120)}: ${(error as Error).message}`);
      }
    }
  });

  test("every free-text field refuses template, heredoc and quoting characters", async () => {
    for (const hostile of HOSTILE) {
      await expectCleanRefusal({ name: `a${hostile}` }, "name");
      await expectCleanRefusal({ image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1${hostile}` }, "image");
      await expectCleanRefusal({ vpc: { id: `vpc-01234567${hostile}`, subnetIds: ["subnet-01234567", "subnet-89abcdef"] } }, "vpc.id");
    }
  });

  test.each([
    ["not JSON", async (dir: string) => writeJson(join(dir, "a.json"), "{ name: oops"), "is not valid JSON"],
    ["a directory", async (dir: string) => dir, "is a directory"],
    ["empty", async (dir: string) => writeJson(join(dir, "a.json"), ""), "is not valid JSON"],
  ])("an answers file that is %s: exit 2 from the real executable, no stack trace", async (_label, make, message) => {
    const dir = await tempDir();
    const file = await make(dir);
    const failure = (await exec(process.execPath, [BIN, "out", "--answers", file], { cwd: dir }).then(
      () => ({ code: 0, stderr: "" }),
      (e: { code: number; stderr: string }) => e,
    )) as { code: number; stderr: string };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain(message);
    expect(failure.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test("property: any answers object ends in valid output or a clean refusal", async () => {
    const anyValue = fc.oneof(fc.constantFrom(...JUNK), fc.anything({ maxDepth: 2 }));
    const valid = {
      name: fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,47}$/),
      region: fc.constantFrom("us-east-1", "us-east-1", "eu-west-1", "ap-northeast-1", "us-gov-west-1", "us-west-1"),
      features: fc.subarray(["models", "memory", "identity", "gateway", "browser", "codeInterpreter", "observability", "rds"]),
      internet: fc.constant(true),
      vpc: fc.oneof(
        fc.record({ cidr: fc.constantFrom("10.0.0.0/16", "172.16.0.0/22", "10.0.0.0/24", "10.1.0.0/16"), azCount: fc.integer({ min: 1, max: 4 }) }),
        fc.record({ id: fc.constantFrom("vpc-01234567", "vpc-0123456789abcdef0"), subnetIds: fc.uniqueArray(fc.constantFrom("subnet-01234567", "subnet-89abcdef", "subnet-0123456789abcdef0"), { minLength: 1, maxLength: 3 }) }),
      ),
      rds: fc.record({ port: fc.integer({ min: 1000, max: 66_000 }) }),
      image: fc.constantFrom("123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1.0.0", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/a/b@sha256:" + "a".repeat(64)),
    };
    const field = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: arb }, { weight: 1, arbitrary: anyValue });
    const answers = fc.record(
      Object.fromEntries(Object.entries(valid).map(([k, arb]) => [k, field(arb as fc.Arbitrary<unknown>)])) as Record<string, fc.Arbitrary<unknown>>,
      { requiredKeys: [] },
    );
    const dir = await tempDir();
    let written = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(answers, async (raw) => {
        const target = `out-${written + refused}`;
        const file = await writeJson(join(dir, `${target}.json`), raw);
        const run = await runCli([target, "--answers", file, "--yes"], dir);
        if (run.code === 0) {
          written += 1;
          const tree = await readTree(join(dir, target));
          // What was written re-reads as valid answers and regenerates the same bytes.
          const again = resolveAnswers(JSON.parse(tree[ANSWERS_FILE]!));
          return again.ok && JSON.stringify(renderProject(planFor(again.answers))) === JSON.stringify(tree);
        }
        refused += 1;
        return run.code === 2 && run.stderr.startsWith("create-agentcore-vpc: ") && !/\n\s+at /.test(run.stderr) && !existsSync(join(dir, target));
      }),
      { numRuns: 150, seed: 20261122 },
    );
    // Both outcomes must really be exercised.
    expect({ written: written >= 10, refused: refused >= 10 }).toEqual({ written: true, refused: true });
  });
});

describe("hostile strings stay literal", () => {
  const hostile = HOSTILE.join(" ");
  // Validation refuses these; this builds answers past it to test the printers themselves.
  const answers: Answers = {
    name: "probe",
    region: "us-east-1",
    features: ["models"],
    internet: false,
    protocol: "HTTP",
    vpc: { id: "vpc-01234567", subnetIds: ["subnet-01234567", hostile], existingEndpoints: ["ecr.api"] },
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1",
    format: "hcl",
    layout: "layers",
  };

  test.each(["hcl", "json"] as const)("%s: terraform validates the network layer and reads the value back unchanged", async (format) => {
    const dir = await tempDir();
    const env = await terraformEnv(dir);
    await writeProject(join(dir, "p"), renderProject(planFor({ ...answers, format })), { ...OWNERSHIP, shown: "p", force: false });
    const cwd = join(dir, "p", "network");
    await exec("terraform", ["init", "-input=false", "-no-color", "-backend=false"], { cwd, env });
    await exec("terraform", ["validate", "-no-color"], { cwd, env });
    const console = spawn("terraform", ["console", "-no-color"], { cwd, env });
    let out = "";
    console.stdout.on("data", (d: Buffer) => (out += d.toString()));
    console.stdin.end("jsonencode(var.subnet_ids)\n");
    await new Promise((r) => console.once("exit", r));
    expect(JSON.parse(JSON.parse(out.trim()) as string)).toEqual(["subnet-01234567", hostile]);
    const tfvars = await readFile(join(dir, "p", "network", "terraform.tfvars.example"), "utf8");
    expect(tfvars).toContain("$${file(");
  });
});
