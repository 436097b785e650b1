import { link, lstat, mkdir, mkdtemp, open, readdir, readlink, rename, rm, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, normalize } from "node:path";
import type { ProjectFiles } from "../render/project.js";

export interface TargetState {
  readonly exists: boolean;
  /** False for a file, or a symbolic link, where a directory should be. */
  readonly directory: boolean;
  readonly empty: boolean;
}

/** A write the tool refuses: nothing is changed. */
export class UnsafeTargetError extends Error {}

export async function inspectTarget(dir: string): Promise<TargetState> {
  try {
    const info = await lstat(dir);
    if (!info.isDirectory()) return { exists: true, directory: false, empty: false };
    return { exists: true, directory: true, empty: (await readdir(dir)).length === 0 };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { exists: false, directory: false, empty: true };
    throw error;
  }
}

export interface WriteOptions {
  readonly marker: string;
  readonly answersFile: string;
  /** Called after each file is staged; tests use it to interrupt a write half-way. */
  readonly afterEachFile?: (path: string) => Promise<void> | void;
}

const STAGING = ".staging-";
const PREVIOUS = ".previous-";

function siblings(dir: string, kind: string): Promise<string[]> {
  const prefix = `.${basename(dir)}${kind}`;
  return readdir(dirname(dir))
    .then((names) => names.filter((n) => n.startsWith(prefix)).map((n) => join(dirname(dir), n)))
    .catch(() => []);
}

/**
 * An earlier run killed between its two renames leaves the previous tree beside the target:
 * put it back, and drop half-built staging trees.
 */
async function recover(dir: string): Promise<void> {
  const previous = await siblings(dir, PREVIOUS);
  if (previous.length > 0 && !(await inspectTarget(dir)).exists) await rename(previous[0]!, dir);
  for (const leftover of [...(await siblings(dir, PREVIOUS)), ...(await siblings(dir, STAGING))]) await rm(leftover, { recursive: true, force: true });
}

/** Mirrors a tree with hard links (no data copied); symbolic links are recreated, never followed. */
async function linkTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else if (entry.isDirectory()) {
      await mkdir(target);
      await linkTree(source, target);
    } else if (entry.isFile()) await link(source, target);
  }
}

async function isGenerated(path: string, options: WriteOptions): Promise<boolean> {
  if (basename(path) === options.answersFile) return true;
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(512), 0, 512, 0);
    return buffer.subarray(0, bytesRead).toString("utf8").includes(options.marker);
  } finally {
    await handle.close();
  }
}

/** Files an earlier run generated that this run no longer does (e.g. .tf after switching to JSON). */
async function removeStale(root: string, files: ProjectFiles, options: WriteOptions): Promise<void> {
  const folders = new Set(["", ...Object.keys(files).map((p) => dirname(p)).filter((d) => d !== ".")]);
  for (const folder of folders) {
    const entries = await readdir(join(root, folder), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isFile() && !(rel in files) && (await isGenerated(join(root, rel), options))) await rm(join(root, rel));
    }
  }
}

/** Refuses a path that would leave the tree or pass through a symbolic link inside it. */
async function checkPath(root: string, rel: string): Promise<void> {
  if (isAbsolute(rel) || normalize(rel) !== rel || rel.split(/[\\/]/).includes("..")) throw new UnsafeTargetError(`refusing to write "${rel}": not a plain relative path`);
  const parts = rel.split("/");
  for (let i = 1; i <= parts.length; i += 1) {
    const sub = parts.slice(0, i).join("/");
    if ((await lstat(join(root, sub)).catch(() => undefined))?.isSymbolicLink()) {
      throw new UnsafeTargetError(`"${sub}" is a symbolic link; refusing to write through it. Remove it or choose another directory.`);
    }
  }
}

/**
 * The only code that writes the project. The new tree is assembled beside the target (the
 * user's own files hard-linked in, ours written fresh) and swapped in by two renames, so
 * the target holds the previous tree or the new one, never a mix.
 */
export async function writeProject(dir: string, files: ProjectFiles, options: WriteOptions): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  if ((await lstat(dir).catch(() => undefined))?.isSymbolicLink()) {
    throw new UnsafeTargetError(`"${dir}" is a symbolic link; give the directory it points to instead.`);
  }
  await recover(dir);
  const exists = (await inspectTarget(dir)).exists;
  const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}${STAGING}`));
  try {
    if (exists) {
      await linkTree(dir, staging);
      await removeStale(staging, files, options);
    }
    for (const [rel, content] of Object.entries(files)) {
      await checkPath(staging, rel);
      const path = join(staging, rel);
      await mkdir(dirname(path), { recursive: true });
      // Unlink first: a hard-linked file must not be written in place, or the old tree changes too.
      await rm(path, { force: true });
      await writeFile(path, content);
      await options.afterEachFile?.(rel);
    }
    if (!exists) {
      await rename(staging, dir);
      return;
    }
    const previous = `${join(dirname(dir), `.${basename(dir)}${PREVIOUS}`)}${process.pid}`;
    await rename(dir, previous);
    await rename(staging, dir);
    await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
