import { mkdir, open, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { ProjectFiles } from "../render/project.js";

export interface TargetState {
  readonly exists: boolean;
  readonly empty: boolean;
}

export async function inspectTarget(dir: string): Promise<TargetState> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return { exists: true, empty: false };
    return { exists: true, empty: (await readdir(dir)).length === 0 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { exists: false, empty: true };
    throw error;
  }
}

async function writeTree(root: string, files: ProjectFiles): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

async function startsWith(path: string, marker: string, answersFile: string): Promise<boolean> {
  if (basename(path) === answersFile) return true;
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").includes(marker);
  } finally {
    await handle.close();
  }
}

/** Files an earlier run generated that this run no longer does (e.g. .tf after switching to JSON). */
async function staleGenerated(dir: string, files: ProjectFiles, marker: string, answersFile: string): Promise<string[]> {
  const stale: string[] = [];
  const folders = new Set(["", ...Object.keys(files).map((p) => dirname(p)).filter((d) => d !== ".")]);
  for (const folder of folders) {
    const entries = await readdir(join(dir, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isFile() && !(rel in files) && (await startsWith(join(dir, rel), marker, answersFile))) stale.push(rel);
    }
  }
  return stale;
}

export interface WriteOptions {
  readonly marker: string;
  readonly answersFile: string;
}

/**
 * The only code that writes the project. A new directory is assembled beside the target and
 * renamed into place, so it appears whole or not at all; an existing one gets only our files.
 */
export async function writeProject(dir: string, files: ProjectFiles, options: WriteOptions): Promise<void> {
  const target = await inspectTarget(dir);
  if (!target.exists) {
    await mkdir(dirname(dir), { recursive: true });
    const staging = join(dirname(dir), `.${basename(dir)}.${process.pid}.tmp`);
    try {
      await writeTree(staging, files);
      await rename(staging, dir);
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    return;
  }
  for (const rel of await staleGenerated(dir, files, options.marker, options.answersFile)) await rm(join(dir, rel));
  await writeTree(dir, files);
}
