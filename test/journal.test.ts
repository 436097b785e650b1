import { spawn } from "node:child_process";
import { utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { OWNERSHIP } from "../src/render/format.js";
import { writeProject } from "../src/write/writer.js";
import { readTree, renderAnswers, ROOT, runCli, tempDir, writeJson } from "./helpers.js";

/** Failures while staging, and the journal: a lock two runs cannot share, and never trusted blindly. */
const BIN = join(ROOT, "bundle", "create-agentcore-vpc.mjs");
const OPTIONS = { ...OWNERSHIP, shown: "p", force: true };

describe("interrupted writes", () => {
  test("a failure while staging leaves the previous tree exactly, with nothing of the write left behind", async () => {
    const dir = await tempDir();
    const target = join(dir, "p");
    await writeProject(target, renderAnswers({ name: "old_agent" }), OPTIONS);
    await writeFile(join(target, "mine.txt"), "kept\n");
    const old = await readTree(target);
    const next = renderAnswers({ name: "new_agent", format: "json" });
    for (let stop = 1; ; stop += 1) {
      let n = 0;
      let staging = true;
      const fail = (step: string): void => {
        if (step.startsWith("rename")) staging = false;
        if (++n === stop && staging) throw new Error("simulated failure");
      };
      const outcome = await writeProject(target, next, { ...OPTIONS, afterStep: fail }).then(() => "written", (e: Error) => e.message);
      if (outcome === "written") break;
      expect([stop, outcome, await readTree(target)]).toEqual([stop, "simulated failure", old]);
    }
    expect(await readTree(target)).toEqual({ ...next, "mine.txt": "kept\n" });
  });

  const journal = (fields: Record<string, unknown>) =>
    JSON.stringify({ version: 1, state: "staged", pid: 999_999, createdLevels: 0, folders: [], creates: [], replaces: [], removes: [], ...fields });

  test("a journal of a live process is refused as busy, naming the journal; an old one is recovered", async () => {
    const dir = await tempDir();
    const target = join(dir, "p");
    await writeProject(target, renderAnswers({}), OPTIONS);
    const sleeper = spawn("sleep", ["30"]);
    try {
      await writeFile(join(target, ".agentcore-vpc-write.json"), journal({ pid: sleeper.pid }));
      const run = await runCli(["p", "--yes", "--force"], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`another create-agentcore-vpc run (process ${sleeper.pid}) is writing into this directory; wait for it to finish, or remove .agentcore-vpc-write.json if none is.`);
      // Left long ago by a process whose ID now belongs to another: not a live run's.
      const old = new Date(Date.now() - 120_000);
      await utimes(join(target, ".agentcore-vpc-write.json"), old, old);
      const again = await runCli(["p", "--yes", "--force"], dir);
      expect([again.code, again.stdout]).toEqual([0, expect.stringContaining("had been interrupted before it replaced any file")]);
    } finally {
      sleeper.kill();
    }
  });

  test.each([
    ["a path outside the target", { state: "commit", removes: ["../victim.txt"] }],
    ["a path the project never writes", { state: "commit", removes: ["keep.txt"] }],
    ["a missing list", { creates: undefined }],
    ["not JSON", "{ nope"],
  ])("a journal with %s is refused, and nothing is touched", async (_label, fields) => {
    const dir = await tempDir();
    const target = join(dir, "p");
    await writeProject(target, renderAnswers({}), OPTIONS);
    await writeFile(join(dir, "victim.txt"), "mine\n");
    await writeFile(join(target, "keep.txt"), "mine\n");
    await writeFile(join(target, ".agentcore-vpc-write.json"), typeof fields === "string" ? fields : journal(fields));
    const before = await readTree(dir);
    for (const flags of [["--dry-run"], []]) {
      const run = await runCli(["p", "--yes", "--force", ...flags], dir);
      expect([run.code, run.stderr]).toEqual([2, 'create-agentcore-vpc: "p": .agentcore-vpc-write.json in this directory is not a journal this tool wrote; if no run is writing here, remove it.\n']);
    }
    expect(await readTree(dir)).toEqual(before);
  });

  test("a journal a killed run left written aside, before it took the lock, is removed by the next run", async () => {
    const dir = await tempDir();
    const target = join(dir, "p");
    await writeProject(target, renderAnswers({}), OPTIONS);
    await writeFile(join(target, ".agentcore-vpc-write.json.999999"), "{");
    expect((await runCli(["p", "--yes", "--force", "--format", "json"], dir)).code).toBe(0);
    expect(Object.keys(await readTree(target)).filter((p) => p.startsWith(".agentcore-vpc"))).toEqual([]);
  });

  test("two runs at once: each finishes whole or is refused, and no file is lost", async () => {
    const dir = await tempDir();
    const answers = await writeJson(join(dir, "a.json"), { features: ["models", "rds"] });
    const child = (name: string) =>
      new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const c = spawn(process.execPath, [BIN, name, "--answers", answers, "--yes", "--force"], { cwd: dir });
        let stderr = "";
        c.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        c.once("exit", (code) => resolve({ code, stderr }));
      });
    const expected = renderAnswers({ features: ["models", "rds"] });
    let refused = 0;
    for (let i = 0; i < 8; i += 1) {
      const results = await Promise.all([child(`race${i}`), child(`race${i}`)]);
      for (const r of results) {
        if (r.code !== 0) {
          refused += 1;
          expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/another create-agentcore-vpc run (\(process \d+\) )?is writing into this directory/)]);
        }
      }
      expect([i, await readTree(join(dir, `race${i}`))]).toEqual([i, expected]);
    }
    expect(refused).toBeLessThanOrEqual(8);
  });
});

