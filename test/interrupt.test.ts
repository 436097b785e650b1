import { spawn } from "node:child_process";
import { chmod, lstat, mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { OWNERSHIP } from "../src/render/format.js";
import { isBookkeeping } from "../src/write/journal.js";
import { writeProject } from "../src/write/writer.js";
import { readTree, renderAnswers, ROOT, tempDir, writeJson } from "./helpers.js";

/** Real interruptions of real processes: SIGKILL and SIGINT at any moment, a full disk, a read-only one, no permission. */
const BIN = join(ROOT, "bundle", "create-agentcore-vpc.mjs");
const DIE_AT = join(ROOT, "test", "fixtures", "write-and-die.mjs");
const OPTIONS = { ...OWNERSHIP, shown: "p", force: true };

interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], cwd: string, options: { killAfterMs?: number; signal?: NodeJS.Signals; uid?: number; gid?: number } = {}): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(command, [...args], { cwd, ...(options.uid !== undefined ? { uid: options.uid, gid: options.gid! } : {}) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    if (options.killAfterMs !== undefined) setTimeout(() => child.kill(options.signal ?? "SIGKILL"), options.killAfterMs);
    child.once("exit", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** The tree without the writer's journal and staged files. */
function visible(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !isBookkeeping(path.split("/").at(-1)!)));
}

/** Every file is the previous one or the new one, whole: none is a mix or a fragment. */
function expectEachFileOldOrNew(tree: Record<string, string>, old: Record<string, string>, next: Record<string, string>): void {
  for (const [path, content] of Object.entries(visible(tree))) expect([path, content === old[path] || content === next[path]]).toEqual([path, true]);
}

/** A previous generation with a file of the user's beside it. */
async function previous(target: string): Promise<Record<string, string>> {
  await rm(target, { recursive: true, force: true });
  await writeProject(target, renderAnswers({ name: "old_agent" }), { ...OPTIONS, force: false });
  await writeFile(join(target, "mine.txt"), "kept\n");
  return readTree(target);
}

describe("a write killed at every step is finished or rolled back by the next run, which says which", () => {
  test("SIGKILL after each step of the writer", async () => {
    const dir = await tempDir();
    const target = join(dir, "p");
    const next = renderAnswers({ name: "new_agent", features: ["models", "rds"], format: "json" });
    const filesPath = await writeJson(join(dir, "files.json"), next);
    const seen = { "rolled back": 0, finished: 0 };
    for (let stop = 1; ; stop += 1) {
      const old = await previous(target);
      const exit = await run(process.execPath, [DIE_AT, target, filesPath, String(stop)], dir);
      if (exit.code === 0) {
        expect(exit.stdout).toBe(`completed after ${stop - 1} steps\n`);
        break;
      }
      expect(exit.signal).toBe("SIGKILL");
      const tree = await readTree(target);
      expectEachFileOldOrNew(tree, old, next);
      expect(tree).toHaveProperty([".agentcore-vpc-write.json"]);
      const result = await writeProject(target, next, OPTIONS);
      seen[result.recovered!.outcome] += 1;
      expect(await readTree(target)).toEqual({ ...next, "mine.txt": "kept\n" });
    }
    // Staging (journal, a folder, each file) and committing (each rename, each removal) were both hit.
    expect(seen["rolled back"]).toBeGreaterThan(10);
    expect(seen.finished).toBeGreaterThan(10);
  });

  test.each(["SIGKILL", "SIGINT"] as const)("%s of the real command at moments spread over its run", async (signal) => {
    const dir = await tempDir();
    const target = join(dir, "p");
    const raw = { name: "new_agent", features: ["models", "rds"], format: "json" };
    const answers = await writeJson(join(dir, "new.json"), raw);
    const next = { ...renderAnswers(raw), "mine.txt": "kept\n" };
    await previous(target);
    const start = Date.now();
    expect((await run(process.execPath, [BIN, "p", "--answers", answers, "--force", "--yes"], dir)).code).toBe(0);
    const duration = Date.now() - start;
    const outcomes = new Set<string>();
    for (let i = 0; i < 16; i += 1) {
      const old = await previous(target);
      const exit = await run(process.execPath, [BIN, "p", "--answers", answers, "--force", "--yes"], dir, { killAfterMs: Math.round(duration * (0.1 + (1.4 * i) / 15)), signal });
      const tree = await readTree(target);
      expectEachFileOldOrNew(tree, old, next);
      if (signal === "SIGINT" && exit.code === 130) {
        // Handled: rolled back while staging, or finished once renaming; nothing is left for a next run.
        expect(visible(tree)).toEqual(tree);
        expect([old, next]).toContainEqual(tree);
        expect(exit.stderr).toMatch(/^(Cancelled; nothing written\.|Interrupted; what was staged was removed, nothing written\.|Interrupted while files were being replaced: the write was finished first, so the project is complete\.)\n$/);
      }
      outcomes.add(exit.code === 0 ? "completed" : JSON.stringify(tree) === JSON.stringify(old) ? "untouched" : "interrupted mid-write");
      const again = await run(process.execPath, [BIN, "p", "--answers", answers, "--force", "--yes"], dir);
      expect(again.code).toBe(0);
      expect(await readTree(target)).toEqual(next);
    }
    // From a tenth of a run (nothing written yet) to half again as long (finished): both ends are met.
    expect(outcomes.has("untouched") && outcomes.has("completed")).toBe(true);
  });
});

/** A script run in a mount namespace of its own, so a tmpfs it mounts vanishes with it. */
function inMountNamespace(script: string, cwd: string): Promise<Exit> {
  return run("unshare", ["--map-root-user", "--mount", "sh", "-ec", script], cwd);
}

const listing = (dir: string): string => `find ${dir} -type f -exec md5sum {} + | sort; find ${dir} | sort`;

describe("a target that cannot be written: one line naming the path and the reason, exit 2, nothing written", () => {
  test("a full disk (ENOSPC) part-way through staging", async () => {
    const dir = await tempDir();
    await writeJson(join(dir, "old.json"), { name: "old_agent" });
    await writeJson(join(dir, "new.json"), { name: "new_agent", features: ["models", "memory", "rds"], format: "json" });
    const exit = await inMountNamespace(
      `mkdir disk && mount -t tmpfs -o size=256k tmpfs disk
      '${process.execPath}' '${BIN}' disk/p --answers old.json --yes > /dev/null
      dd if=/dev/zero of=disk/filler bs=4096 2> /dev/null || true
      truncate -s -8192 disk/filler
      (${listing("disk/p")}) > before.txt
      code=0; '${process.execPath}' '${BIN}' disk/p --answers new.json --force --yes || code=$?
      echo "exit $code"
      (${listing("disk/p")}) > after.txt
      cmp before.txt after.txt && echo unchanged`,
      dir,
    );
    expect(exit.stderr).toMatch(/^create-agentcore-vpc: cannot write "disk\/p\/[^"]+": no space left on device \(ENOSPC\); nothing was written\.\n$/);
    expect(exit.stdout).toBe("exit 2\nunchanged\n");
  });

  test("a read-only file system (EROFS)", async () => {
    const dir = await tempDir();
    await writeJson(join(dir, "new.json"), { name: "new_agent" });
    const exit = await inMountNamespace(
      `mkdir disk && mount -t tmpfs -o size=1m tmpfs disk
      '${process.execPath}' '${BIN}' disk/p --yes > /dev/null
      mount -o remount,ro disk
      (${listing("disk/p")}) > before.txt
      code=0; '${process.execPath}' '${BIN}' disk/p --answers new.json --force --yes || code=$?
      echo "exit $code"
      (${listing("disk/p")}) > after.txt
      cmp before.txt after.txt && echo unchanged`,
      dir,
    );
    expect(exit.stderr).toBe('create-agentcore-vpc: cannot write "disk/p": read-only file system (EROFS); nothing was written.\n');
    expect(exit.stdout).toBe("exit 2\nunchanged\n");
  });

  test("a parent the user may not write to (EACCES)", async () => {
    const dir = await tempDir();
    const locked = join(dir, "locked");
    await mkdir(locked);
    // As root every permission is granted, so the command runs as nobody; otherwise as the user, on a read-only folder.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      await chmod(dir, 0o755);
      // The run's own temp directory (test/global-setup.js), never the system's.
      if (dirname(dir) === process.env.AGENTCORE_VPC_TEST_TMPDIR) await chmod(dirname(dir), 0o755);
    }
    await chmod(locked, asRoot ? 0o755 : 0o555);
    const exit = await run(process.execPath, [BIN, "locked/p", "--yes"], dir, asRoot ? { uid: 65534, gid: 65534 } : {});
    await chmod(locked, 0o755);
    expect([exit.code, exit.stdout]).toEqual([2, ""]);
    expect(exit.stderr).toBe('create-agentcore-vpc: cannot write "locked/p": permission denied (EACCES); nothing was written.\n');
    expect(await readTree(locked)).toEqual({});
  });
});

describe("what an interrupted run created for the target", () => {
  test("is removed exactly, level by level, even when the next run names the target another way", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "mine"), { mode: 0o700 });
    await chmod(join(dir, "mine"), 0o700);
    await symlink(join(dir, "mine"), join(dir, "alias"));
    const filesPath = await writeJson(join(dir, "files.json"), renderAnswers({}));
    // Killed right after the lock: mine/a/p were created (two levels), nothing staged.
    expect((await run(process.execPath, [DIE_AT, join(dir, "mine", "a", "p"), filesPath, "1"], dir)).signal).toBe("SIGKILL");
    const dry = await run(process.execPath, [BIN, "alias/a/p", "--yes", "--dry-run"], dir);
    expect([dry.code, dry.stdout]).toEqual([0, expect.stringContaining("  create     README.md")]);
    // Recovered through the symbolic link; the write then goes elsewhere, so only the rollback acts here.
    const result = await writeProject(join(dir, "alias", "a", "p"), {}, OPTIONS);
    expect(result.recovered).toEqual({ outcome: "rolled back", skipped: [] });
    expect(await readdir(join(dir, "mine"))).toEqual([]);
    expect((await lstat(join(dir, "mine"))).mode & 0o777).toBe(0o700);
  });
});
