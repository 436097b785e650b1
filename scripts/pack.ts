// Packs the package as npm would publish it and installs the tarball into an empty
// directory, as `npx create-agentcore-vpc` does. Used by the package test and the benchmark.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));

async function treeBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export interface Installed {
  /** Scratch directory holding the tarball and the install; remove it when done. */
  readonly dir: string;
  readonly tarballBytes: number;
  readonly packedFiles: readonly string[];
  readonly project: string;
  readonly bin: string;
  readonly installedBytes: number;
  readonly installedPackages: readonly string[];
  /** What npm printed on standard error while installing the tarball. */
  readonly installWarnings: string;
}

/** Expects a built bundle (npm run build). Returns where it installed and what it measured. */
export async function packAndInstall(): Promise<Installed> {
  const work = await mkdtemp(join(tmpdir(), "agentcore-vpc-pack-"));
  const { stdout } = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: root });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error("npm pack produced nothing");
  const tarball = join(work, packed.filename);
  const project = join(work, "empty");
  await mkdir(project);
  await writeFile(join(project, "package.json"), '{ "name": "empty", "private": true }\n');
  // As a user installs it: scripts allowed, so npm says so if the package carries any.
  const install = await run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], { cwd: project });
  const installed = join(project, "node_modules", "create-agentcore-vpc");
  return {
    dir: work,
    tarballBytes: (await stat(tarball)).size,
    packedFiles: packed.files.map((f) => f.path).sort(),
    project,
    bin: join(installed, "bundle", "create-agentcore-vpc.mjs"),
    installedBytes: await treeBytes(join(project, "node_modules")),
    installedPackages: (await readdir(join(project, "node_modules"))).filter((n) => !n.startsWith(".")),
    installWarnings: install.stderr,
  };
}
