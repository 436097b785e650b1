import { execFile } from "node:child_process";
import { access, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { resolveAnswers } from "../src/answers/validate.js";
import { main, type Io } from "../src/cli/main.js";
import { planFor } from "../src/plan/plan.js";
import { renderProject, type ProjectFiles } from "../src/render/project.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const EXAMPLES = join(ROOT, "generated-examples");

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The files the generator renders for raw answers; throws when they are refused. */
export function renderAnswers(raw: unknown): ProjectFiles {
  const resolution = resolveAnswers(raw);
  if (!resolution.ok) throw new Error(`answers refused: ${JSON.stringify(resolution.problems)}`);
  return renderProject(planFor(resolution.answers));
}

/** Runs the CLI in-process, as the bin does, capturing its streams; `terminal` adds what a TTY session has. */
export async function runCli(args: readonly string[], cwd: string, terminal: Pick<Io, "env" | "isTTY" | "stderrIsTTY" | "prompts" | "stdin"> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    ...terminal,
  });
  return { code, stdout, stderr };
}

const created: string[] = [];

/** A fresh directory under the system temp directory, removed when the test file ends (test/setup.ts). */
export async function tempDir(prefix = "agentcore-vpc-test-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every directory tempDir made; test/setup.ts runs it after each test file. */
export async function removeTempDirs(): Promise<void> {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
}

export async function writeJson(path: string, value: unknown): Promise<string> {
  await writeFile(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

/** Every file under dir as { relative path: content }, skipping Terraform's working files. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const rel = relative(dir, path).split("\\").join("/");
    if (rel.startsWith(".terraform/") || rel.includes("/.terraform/") || rel.endsWith(".terraform.lock.hcl")) continue;
    out[rel] = await readFile(path, "utf8");
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export const exec = promisify(execFile);

/**
 * Copies a configuration directory into `into`, with the modules/ beside it when it has one
 * (a root of the modules layout calls ../modules/<layer>); returns where the copy is.
 */
export async function copyConfiguration(dir: string, into: string): Promise<string> {
  const copy = join(into, basename(dir));
  await cp(dir, copy, { recursive: true });
  const modules = join(dir, "..", "modules");
  if (await access(modules).then(() => true, () => false)) await cp(modules, join(into, "modules"), { recursive: true });
  return copy;
}

/** Where the hashicorp/aws provider mirror lives; configurable for other machines. */
export const PLUGIN_MIRROR = process.env.AGENTCORE_VPC_TF_PLUGIN_MIRROR ?? "/opt/tf-plugins";

/**
 * A Terraform CLI config that installs providers only from the local mirror. Throws, naming
 * what is missing, when terraform or the mirror is not there: these tests never skip.
 */
export async function terraformEnv(dir: string): Promise<NodeJS.ProcessEnv> {
  await exec("terraform", ["version"]).catch((error: Error) => {
    throw new Error(`terraform is required by these tests and was not found on PATH: ${error.message}`);
  });
  await access(join(PLUGIN_MIRROR, "registry.terraform.io", "hashicorp", "aws", "5.100.0")).catch(() => {
    throw new Error(`the hashicorp/aws 5.100.0 provider mirror is missing under ${PLUGIN_MIRROR} (set AGENTCORE_VPC_TF_PLUGIN_MIRROR)`);
  });
  const config = join(dir, "terraform.rc");
  await writeFile(
    config,
    `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(PLUGIN_MIRROR)}\n  }\n  direct {\n    exclude = ["*/*/*"]\n  }\n}\n`,
  );
  return { ...process.env, TF_CLI_CONFIG_FILE: config, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
}

/** Runs items with at most `limit` at once (terraform is CPU-heavy; the machine has two cores). */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}

/** Puts process.env back after each test of the enclosing block: for tests that sign the in-process AWS SDK in. */
export function restoreEnvAfterEach(): void {
  const saved = { ...process.env };
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  });
}

/** The environment that signs the AWS SDK in to the stand-in at `url` as the identity of `accessKey`. */
export function standInCredentials(url: string, accessKey: string): Record<string, string> {
  return { AWS_ACCESS_KEY_ID: accessKey, AWS_SECRET_ACCESS_KEY: "standin", AWS_ENDPOINT_URL: url };
}
