// npm run bench: size and whole-process speed of the published package on this machine.
// A benchmark, not a test: it reports, it does not fail.
import { spawnSync } from "node:child_process";
import { mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { packAndInstall } from "./pack.js";
import { SCENARIOS } from "./scenarios.js";

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const pkg = await packAndInstall();
const scratch = await mkdtemp(join(tmpdir(), "agentcore-vpc-bench-"));
const answers = join(scratch, "all-features.json");
await writeFile(answers, JSON.stringify(SCENARIOS.find((s) => s.name === "all-features")!.answers));

function seconds(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: scratch, stdio: ["ignore", "ignore", "pipe"] });
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Paired runs: each run of the command right after a run of `node -e 0`, so both see the same
 * machine; the ratio of each pair, then the median. Returns [median seconds, median ratio].
 */
async function paired(args: string[], fresh?: string): Promise<[number, number]> {
  const times: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    if (fresh) await rm(fresh, { recursive: true, force: true });
    const floor = seconds(["-e", "0"]);
    const time = seconds(args);
    times.push(time);
    ratios.push(time / floor);
  }
  return [median(times), median(ratios)];
}

const out = join(scratch, "out");
const rows: [string, string, string, boolean][] = [
  ["packed tarball", `${(pkg.tarballBytes / 1e6).toFixed(3)} MB`, "<= 1.5 MB", pkg.tarballBytes <= 1.5e6],
  ["installed size", `${(pkg.installedBytes / 1e6).toFixed(3)} MB`, "<= 5 MB", pkg.installedBytes <= 5e6],
  ["inspection chunk (bundle/inspect.mjs)", `${(await stat(join(dirname(pkg.bin), "inspect.mjs"))).size} bytes`, "", true],
  ["runtime dependencies", String(pkg.installedPackages.length - 1), "0", pkg.installedPackages.length === 1],
];
const floor = median(Array.from({ length: RUNS }, () => seconds(["-e", "0"])));
rows.push(["node -e 0 (floor)", `${floor.toFixed(3)} s`, "", true]);
const measures: [string, string[], number, string?][] = [
  ["--help", [pkg.bin, "--help"], 2],
  ["all-features --yes, HCL", [pkg.bin, out, "--answers", answers, "--yes", "--format", "hcl"], 3, out],
  ["all-features --yes, JSON", [pkg.bin, out, "--answers", answers, "--yes", "--format", "json"], 3, out],
];
for (const [what, args, target, fresh] of measures) {
  const [time, ratio] = await paired(args, fresh);
  rows.push([what, `${time.toFixed(3)} s = ${ratio.toFixed(2)} x floor`, `<= ${target} x`, ratio <= target]);
}
// The code cache serves only the Node.js that built it: what other versions see.
const cache = join(dirname(pkg.bin), "synth.cache");
await rename(cache, `${cache}.aside`);
const [time, ratio] = await paired(measures[1]![1], out);
await rename(`${cache}.aside`, cache);
rows.push(["all-features --yes, HCL, no code cache", `${time.toFixed(3)} s = ${ratio.toFixed(2)} x floor`, "", true]);

console.log(`create-agentcore-vpc benchmark: median of ${RUNS} paired runs, whole process, Node ${process.versions.node}\n`);
console.log("| measure | value | target | met |\n|---|---|---|---|");
for (const [what, value, target, met] of rows) console.log(`| ${what} | ${value} | ${target} | ${target ? (met ? "yes" : "NO") : ""} |`);
await rm(scratch, { recursive: true, force: true });
await rm(pkg.dir, { recursive: true, force: true });
