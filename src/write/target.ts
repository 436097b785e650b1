import { lstatSync, readdirSync, readFileSync, type Stats } from "node:fs";
import { join } from "node:path";
import { foldersOf, type Entry, type TargetSnapshot } from "./changes.js";
import { isBookkeeping, readJournalSync, tempOf, type Journal } from "./journal.js";
import { head, isGenerated, type Ownership } from "./marker.js";

/** Files at the project's paths are read whole to tell "unchanged" from "replace"; ours are far smaller. */
const MAX_COMPARED_BYTES = 1 << 20;

function fileEntry(path: string, info: Stats, rel: string, ownership: Ownership): Entry {
  // Only a path the project writes can hold one of its files; nothing else is opened.
  if (!ownership.generatedPaths.has(rel)) return { kind: "file", generated: false, mode: info.mode };
  if (info.size > MAX_COMPARED_BYTES) return { kind: "file", generated: isGenerated(rel, head(path), ownership), mode: info.mode };
  const content = readFileSync(path, "utf8");
  return { kind: "file", generated: isGenerated(rel, content, ownership), mode: info.mode, content };
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
 * writes or another generation may have written (a layer or layout these answers no longer
 * have), and everything directly in those folders. Nothing outside them is read. (A few small
 * reads: synchronous calls cost less than a trip through the thread pool each.)
 */
export function readTarget(dir: string, paths: readonly string[], ownership: Ownership): TargetView {
  const rootInfo = lstatOrUndefined(dir);
  if (rootInfo === undefined) return { snapshot: { root: "absent", empty: true, entries: new Map() } };
  if (!rootInfo.isDirectory()) return { snapshot: { root: rootInfo.isSymbolicLink() ? "symlink" : "other", empty: false, entries: new Map() } };
  const entries = new Map<string, Entry>();
  for (const folder of foldersOf([...paths, ...ownership.generatedPaths])) {
    if (folder !== "" && entries.get(folder)?.kind !== "directory") continue;
    for (const name of readdirSync(join(dir, folder))) {
      if (isBookkeeping(name)) continue;
      const rel = folder === "" ? name : `${folder}/${name}`;
      const info = lstatOrUndefined(join(dir, rel));
      if (info) entries.set(rel, info.isFile() ? fileEntry(join(dir, rel), info, rel, ownership) : otherEntry(info));
    }
  }
  // Recovery comes first in a real run: show the tree as it will leave it.
  const journal = readJournalSync(dir, ownership);
  if (journal?.state === "commit") {
    for (const path of [...journal.creates, ...journal.replaces]) {
      const temp = join(dir, tempOf(path));
      try {
        const info = lstatSync(temp);
        if (info.isFile()) entries.set(path, fileEntry(temp, info, path, ownership));
      } catch (error) {
        // Renamed into place by a run that is finishing it right now: the destination is read already.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    for (const path of journal.removes) entries.delete(path);
  } else if (journal?.state === "staged") {
    // Its folders hold only what it staged, and go with it.
    for (const folder of [...journal.folders].reverse()) if (![...entries.keys()].some((p) => p.startsWith(`${folder}/`))) entries.delete(folder);
  }
  const empty = ![...entries.keys()].some((p) => !p.includes("/"));
  const root = journal?.state === "staged" && journal.createdLevels > 0 && empty ? "absent" : "directory";
  return { snapshot: { root, empty, entries }, ...(journal ? { interrupted: journal.state } : {}) };
}
