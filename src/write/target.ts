import { lstat, open, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Stats } from "node:fs";
import { foldersOf, type Entry, type TargetSnapshot } from "./changes.js";
import { isBookkeeping, readJournal, tempOf, type Journal } from "./journal.js";

export interface Markers {
  /** Text in the first lines of every generated file. */
  readonly marker: string;
  /** The one generated file that cannot carry the marker (JSON has no comments). */
  readonly answersFile: string;
}

const HEAD_BYTES = 512;
/** Files at the project's paths are read whole to tell "unchanged" from "replace"; ours are far smaller. */
const MAX_COMPARED_BYTES = 1 << 20;

async function head(path: string): Promise<string> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString("utf8");
  } finally {
    await handle.close();
  }
}

async function fileEntry(path: string, info: Stats, rel: string, compare: boolean, markers: Markers): Promise<Entry> {
  const isAnswers = rel === markers.answersFile;
  if (compare && info.size <= MAX_COMPARED_BYTES) {
    const content = await readFile(path, "utf8");
    return { kind: "file", generated: isAnswers || content.slice(0, HEAD_BYTES).includes(markers.marker), mode: info.mode, content };
  }
  return { kind: "file", generated: isAnswers || (await head(path)).includes(markers.marker), mode: info.mode };
}

function otherEntry(info: Stats): Entry {
  return { kind: info.isSymbolicLink() ? "symlink" : info.isDirectory() ? "directory" : "other" };
}

async function lstatOrUndefined(path: string): Promise<Stats | undefined> {
  return lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
}

export interface TargetView {
  readonly snapshot: TargetSnapshot;
  /** What an interrupted earlier run left; the snapshot already shows the tree as recovery will leave it. */
  readonly interrupted?: Journal["state"];
}

/**
 * Reads what a write of `paths` into `dir` touches: the target, each folder the project
 * writes and everything directly in those folders. Nothing outside them is read.
 */
export async function readTarget(dir: string, paths: readonly string[], markers: Markers): Promise<TargetView> {
  const rootInfo = await lstatOrUndefined(dir);
  if (rootInfo === undefined) return { snapshot: { root: "absent", empty: true, entries: new Map() } };
  if (!rootInfo.isDirectory()) return { snapshot: { root: rootInfo.isSymbolicLink() ? "symlink" : "other", empty: false, entries: new Map() } };
  const wanted = new Set(paths);
  const entries = new Map<string, Entry>();
  let empty = true;
  for (const folder of foldersOf(paths)) {
    if (folder !== "" && entries.get(folder)?.kind !== "directory") continue;
    for (const name of await readdir(join(dir, folder))) {
      if (isBookkeeping(name)) continue;
      if (folder === "") empty = false;
      const rel = folder === "" ? name : `${folder}/${name}`;
      const info = await lstat(join(dir, rel));
      entries.set(rel, info.isFile() ? await fileEntry(join(dir, rel), info, rel, wanted.has(rel), markers) : otherEntry(info));
    }
  }
  const journal = await readJournal(dir);
  if (journal?.state === "commit") {
    // Recovery will finish these renames and removals: show the tree as it will be.
    for (const path of journal.writes) {
      const temp = join(dir, tempOf(path));
      const info = await lstatOrUndefined(temp);
      if (info?.isFile()) entries.set(path, await fileEntry(temp, info, path, true, markers));
    }
    for (const path of journal.removes) entries.delete(path);
    empty = [...entries.keys()].every((p) => p.includes("/"));
  }
  return { snapshot: { root: "directory", empty, entries }, ...(journal ? { interrupted: journal.state } : {}) };
}
