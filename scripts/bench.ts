// npm run bench: size and whole-process speed of the published package on this machine.
// A benchmark, not a test: it reports, it does not fail.
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { packAndInstall } from "./pack.js";
import { SCENARIOS } from "./scenarios.js";
import { BULK_ACCESS_KEY } from "../test/standin/bulk.js";
import { startStandIn } from "../test/standin/server.js";

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

// The doctor against the loopback stand-in: the real SDK and protocols, with no network latency.
// Run asynchronously, so that the stand-in in this process can answer.
const standIn = await startStandIn();
function doctorSeconds(accessKey: string, args: readonly string[]): Promise<number> {
  const start = process.hrtime.bigint();
  const env = { PATH: process.env.PATH, AWS_ENDPOINT_URL: standIn.url, AWS_ACCESS_KEY_ID: accessKey, AWS_SECRET_ACCESS_KEY: "standin", AWS_EC2_METADATA_DISABLED: "true", AWS_CONFIG_FILE: join(scratch, "none"), AWS_SHARED_CREDENTIALS_FILE: join(scratch, "none") };
  const child = spawn(process.execPath, [pkg.bin, "doctor", ...args], { cwd: scratch, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(Number(process.hrtime.bigint() - start) / 1e9) : reject(new Error(`doctor ${args.join(" ")} exited ${code}: ${stderr}`)))),
  );
}
const DOCTOR_RUNS = Math.max(3, Math.round(RUNS / 4));
const doctorMeasures: [string, string, string[], number][] = [
  ["doctor --runtime, one healthy runtime (stand-in)", "AKIASTANDINRUNTIMES0", ["--runtime", "ledger_agent-Lq8v2mXr4T", "--region", "us-west-2"], 2],
  ["doctor --all, 200 runtimes in 10 VPCs (stand-in)", BULK_ACCESS_KEY, ["--all", "--region", "us-east-1"], 5],
];
for (const [what, key, args, limit] of doctorMeasures) {
  const times: number[] = [];
  for (let i = 0; i < DOCTOR_RUNS; i += 1) times.push(await doctorSeconds(key, args));
  const time = median(times);
  rows.push([what, `${time.toFixed(3)} s`, `< ${limit} s`, time < limit]);
}
const calls = standIn.calls.length;
await standIn.close();
if (standIn.unsupported.length > 0) throw new Error(`the stand-in did not answer: ${standIn.unsupported.join("; ")}`);

console.log(`create-agentcore-vpc benchmark: median of ${RUNS} paired runs, whole process, Node ${process.versions.node}\n`);
console.log("| measure | value | target | met |\n|---|---|---|---|");
for (const [what, value, target, met] of rows) console.log(`| ${what} | ${value} | ${target} | ${target ? (met ? "yes" : "NO") : ""} |`);
await rm(scratch, { recursive: true, force: true });
await rm(pkg.dir, { recursive: true, force: true });
console.log(`\nThe doctor's runs made ${calls} calls to the stand-in (median of ${DOCTOR_RUNS} runs each).`);
