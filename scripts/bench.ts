// npm run bench: size and whole-process speed of the published package on this machine.
// A benchmark, not a test: it reports, it does not fail.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packAndInstall } from "./pack.js";
import { SCENARIOS } from "./scenarios.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const pkg = await packAndInstall();
const scratch = await mkdtemp(join(tmpdir(), "agentcore-vpc-bench-"));
const answers = join(scratch, "all-features.json");
await writeFile(answers, JSON.stringify(SCENARIOS.find((s) => s.name === "all-features")!.answers));

/** Median wall time of a whole process, in seconds. */
async function median(args: string[], fresh?: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    if (fresh) await rm(fresh, { recursive: true, force: true });
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: scratch, stdio: ["ignore", "ignore", "pipe"] });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const out = join(scratch, "out");
const rows: [string, string, string, boolean][] = [
  ["packed tarball", `${(pkg.tarballBytes / 1e6).toFixed(3)} MB`, "<= 1.5 MB", pkg.tarballBytes <= 1.5e6],
  ["installed size", `${(pkg.installedBytes / 1e6).toFixed(3)} MB`, "<= 5 MB", pkg.installedBytes <= 5e6],
  ["runtime dependencies", String(pkg.installedPackages.length - 1), "0", pkg.installedPackages.length === 1],
];
const floor = await median(["-e", "0"]);
rows.push(["node -e 0 (floor)", `${floor.toFixed(3)} s`, "", true]);
const help = await median([pkg.bin, "--help"]);
rows.push(["--help", `${help.toFixed(3)} s`, "<= 0.15 s", help <= 0.15]);
const hcl = await median([pkg.bin, out, "--answers", answers, "--yes"], out);
rows.push(["all-features --yes, HCL", `${hcl.toFixed(3)} s`, "<= 0.5 s", hcl <= 0.5]);
const json = await median([pkg.bin, out, "--answers", answers, "--yes", "--format", "json"], out);
rows.push(["all-features --yes, JSON", `${json.toFixed(3)} s`, "<= 0.3 s", json <= 0.3]);

console.log(`create-agentcore-vpc benchmark: median of ${RUNS} runs, whole process, Node ${process.versions.node}\n`);
console.log("| measure | value | target | met |\n|---|---|---|---|");
for (const [what, value, target, met] of rows) console.log(`| ${what} | ${value} | ${target} | ${target ? (met ? "yes" : "NO") : ""} |`);
await rm(scratch, { recursive: true, force: true });
await rm(pkg.dir, { recursive: true, force: true });
