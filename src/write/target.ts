import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync, type Stats } from "node:fs";
import { join } from "node:path";
import { foldersOf, type Entry, type TargetSnapshot } from "./changes.js";
import { isBookkeeping, readJournalSync, tempOf, type Journal } from "./journal.js";

export interface Markers {
  /** Text in the first lines of every generated file. */
  readonly marker: string;
  /** The one generated file that cannot carry the marker (JSON has no comments). */
  readonly answersFile: string;
}

const HEAD_BYTES = 512;
/** Files at the project's paths are read whole to tell "unchanged" from "replace"; ours are far smaller. */
const MAX_COMPARED_BYTES = 1 << 20;

function head(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0)).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

function fileEntry(path: string, info: Stats, rel: string, compare: boolean, markers: Markers): Entry {
  const isAnswers = rel === markers.answersFile;
  if (compare && info.size <= MAX_COMPARED_BYTES) {
    const content = readFileSync(path, "utf8");
    return { kind: "file", generated: isAnswers || content.slice(0, HEAD_BYTES).includes(markers.marker), mode: info.mode, content };
  }
  return { kind: "file", generated: isAnswers || head(path).includes(markers.marker), mode: info.mode };
}

function otherEntry(info: Stats): Entry {
  return { kind: info.isSymbolicLink() ? "symlink" : info.isDirectory() ? "directory" : "other" };
}

function lstatOrUndefined(path: string): Stats | undefined {
  return lstatSync(path, { throwIfNoEntry: false });
}

export interface TargetView {
  readonly snapshot: TargetSnapshot;
  /** What an interrupted earlier run left; the snapshot already shows the tree as recovery will leave it. */
  readonly interrupted?: Journal["state"];
}

/**
 * Reads what a write of `paths` into `dir` touches: the target, each folder the project
 * writes and everything directly in those folders. Nothing outside them is read. (A few small
 * reads: synchronous calls cost less than a trip through the thread pool each.)
 */
export function readTarget(dir: string, paths: readonly string[], markers: Markers): TargetView {
  const rootInfo = lstatOrUndefined(dir);
  if (rootInfo === undefined) return { snapshot: { root: "absent", empty: true, entries: new Map() } };
  if (!rootInfo.isDirectory()) return { snapshot: { root: rootInfo.isSymbolicLink() ? "symlink" : "other", empty: false, entries: new Map() } };
  const wanted = new Set(paths);
  const entries = new Map<string, Entry>();
  let empty = true;
  for (const folder of foldersOf(paths)) {
    if (folder !== "" && entries.get(folder)?.kind !== "directory") continue;
    for (const name of readdirSync(join(dir, folder))) {
      if (isBookkeeping(name)) continue;
      if (folder === "") empty = false;
      const rel = folder === "" ? name : `${folder}/${name}`;
      const info = lstatSync(join(dir, rel));
      entries.set(rel, info.isFile() ? fileEntry(join(dir, rel), info, rel, wanted.has(rel), markers) : otherEntry(info));
    }
  }
  const journal = readJournalSync(dir);
  if (journal?.state === "commit") {
    // Recovery will finish these renames and removals: show the tree as it will be.
    for (const path of journal.writes) {
      const temp = join(dir, tempOf(path));
      const info = lstatOrUndefined(temp);
      if (info?.isFile()) entries.set(path, fileEntry(temp, info, path, true, markers));
    }
    for (const path of journal.removes) entries.delete(path);
    empty = [...entries.keys()].every((p) => p.includes("/"));
  }
  return { snapshot: { root: "directory", empty, entries }, ...(journal ? { interrupted: journal.state } : {}) };
}
