import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import type { Answers } from "../src/answers/model.js";
import { resolveAnswers } from "../src/answers/validate.js";
import { planFor } from "../src/plan/plan.js";
import { ANSWERS_FILE, GENERATED_MARKER } from "../src/render/format.js";
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
          return again.ok && JSON.stringify(renderProject(planFor(again.answers), "hcl")) === JSON.stringify(tree);
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

describe("writes are atomic and stay inside the target", () => {
  const render = (name: string, format: "hcl" | "json" = "hcl") => {
    const resolution = resolveAnswers({ name });
    if (!resolution.ok) throw new Error("refused");
    return renderProject(planFor(resolution.answers), format);
  };
  const options = { marker: GENERATED_MARKER, answersFile: ANSWERS_FILE };

  test("a write interrupted after any file leaves the previous tree exactly", async () => {
    const dir = await tempDir();
    const target = join(dir, "p");
    const before = render("old_agent");
    await writeProject(target, before, options);
    await writeFile(join(target, "mine.txt"), "kept\n");
    const old = await readTree(target);
    const next = render("new_agent", "json");
    for (let stop = 1; stop <= Object.keys(next).length; stop += 1) {
      let n = 0;
      const crash = () => {
        if (++n === stop) throw new Error("simulated crash");
      };
      await expect(writeProject(target, next, { ...options, afterEachFile: crash })).rejects.toThrow("simulated crash");
      expect(await readTree(target)).toEqual(old);
      expect((await readdir(dir)).sort()).toEqual(["p"]);
    }
    await writeProject(target, next, options);
    expect(await readTree(target)).toEqual({ ...next, "mine.txt": "kept\n" });
  });

  test("killing the CLI at any moment leaves the previous tree or the new one, never a mix", async () => {
    const dir = await tempDir();
    const oldAnswers = await writeJson(join(dir, "old.json"), { name: "old_agent" });
    const newAnswers = await writeJson(join(dir, "new.json"), { name: "new_agent", features: ["models", "rds"] });
    expect((await runCli(["p", "--answers", oldAnswers], dir)).code).toBe(0);
    await writeFile(join(dir, "p", "mine.txt"), "kept\n");
    const old = await readTree(join(dir, "p"));
    expect((await runCli(["reference", "--answers", newAnswers], dir)).code).toBe(0);
    const fresh = { ...(await readTree(join(dir, "reference"))), "mine.txt": "kept\n" };
    const seen = { old: 0, new: 0 };
    for (let i = 0; i < 16; i += 1) {
      const child = spawn(process.execPath, [BIN, "p", "--answers", newAnswers, "--force"], { cwd: dir, stdio: "ignore" });
      await new Promise((r) => setTimeout(r, 40 + ((i * 37) % 400)));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      const tree = await readTree(join(dir, "p")).catch(() => undefined);
      if (JSON.stringify(tree) === JSON.stringify(old)) seen.old += 1;
      else if (JSON.stringify(tree) === JSON.stringify(fresh)) seen.new += 1;
      else {
        // Killed between the two renames: the next run puts the previous tree back first.
        expect(tree).toBeUndefined();
        expect((await runCli(["p", "--answers", oldAnswers, "--force"], dir)).code).toBe(0);
      }
      expect((await runCli(["p", "--answers", oldAnswers, "--force"], dir)).code).toBe(0);
      expect(await readTree(join(dir, "p"))).toEqual(old);
    }
    expect(seen.old + seen.new).toBeGreaterThan(0);
  });

  test("a symbolic link inside the target is never written through", async () => {
    const dir = await tempDir();
    const outside = await tempDir("agentcore-vpc-outside-");
    await mkdir(join(dir, "p"));
    await symlink(outside, join(dir, "p", "network"));
    const run = await runCli(["p", "--yes", "--force"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"network" is a symbolic link; refusing to write through it');
    expect(await readdir(outside)).toEqual([]);
    expect(await readdir(join(dir, "p"))).toEqual(["network"]);
  });

  test("a target that is a symbolic link or a file is refused", async () => {
    const dir = await tempDir();
    const outside = await tempDir("agentcore-vpc-outside-");
    await symlink(outside, join(dir, "link"));
    await writeFile(join(dir, "file"), "x");
    for (const name of ["link", "file"]) {
      const run = await runCli([name, "--yes", "--force"], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("is not a directory");
    }
    expect(await readdir(outside)).toEqual([]);
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
    vpc: { id: "vpc-01234567", subnetIds: ["subnet-01234567", hostile] },
    image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/a:1",
  };

  test.each(["hcl", "json"] as const)("%s: terraform validates the network layer and reads the value back unchanged", async (format) => {
    const dir = await tempDir();
    const env = await terraformEnv(dir);
    await writeProject(join(dir, "p"), renderProject(planFor(answers), format), { marker: GENERATED_MARKER, answersFile: ANSWERS_FILE });
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
