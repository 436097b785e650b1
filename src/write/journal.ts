import { linkSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { foldersOf } from "./changes.js";
import { head, isGenerated, type Ownership } from "./marker.js";

/**
 * A write in progress, recorded inside the target so the next run can finish or undo it, and
 * held while it lasts, so two runs never write one target at once. "staged": new content sits
 * in temporary files beside the destinations and nothing of the user's has changed, so it is
 * rolled back. "commit": renames have begun, so it is finished.
 */
export interface Journal {
  readonly version: 1;
  readonly state: "staged" | "commit";
  readonly pid: number;
  /** How many directories this write created for the target: the target itself and parents above it. */
  readonly createdLevels: number;
  /** Folders this write created inside the target, parents first. */
  readonly folders: readonly string[];
  /** Destinations whose new content is staged in tempOf(path): new files, and files replaced. */
  readonly creates: readonly string[];
  readonly replaces: readonly string[];
  readonly removes: readonly string[];
}

export type Recovery = { readonly outcome: "finished" | "rolled back"; readonly skipped: readonly string[] };

export const JOURNAL = ".agentcore-vpc-write.json";
const TEMP_SUFFIX = ".agentcore-vpc-new";
/** A write takes well under a second: a journal left this long ago belongs to no live run. */
const STALE_MS = 60_000;

/** Where a file's new content is staged: beside it, so the final rename never crosses file systems. */
export function tempOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}${TEMP_SUFFIX}`;
}

/** The writer's own bookkeeping, never listed or touched as the user's. */
export function isBookkeeping(name: string): boolean {
  return name.startsWith(JOURNAL) || (name.startsWith(".") && name.endsWith(TEMP_SUFFIX));
}

/** A journal that is not one this tool wrote for this layout: refused, never acted on. */
export class JournalError extends Error {}

/** Another run is writing here now. */
export class BusyError extends Error {}

const strings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");
const plainRelative = (path: string): boolean => path !== "" && !path.startsWith("/") && normalize(path) === path && !path.split("/").includes("..");

/** Checks a journal read from disk: its shape, and that it names only the project's own paths. */
export function validJournal(value: unknown, ownership: Ownership): value is Journal {
  if (typeof value !== "object" || value === null) return false;
  const j = value as Record<string, unknown>;
  const folders = new Set(foldersOf(ownership.generatedPaths));
  const files = [j.creates, j.replaces, j.removes];
  return (
    j.version === 1 &&
    (j.state === "staged" || j.state === "commit") &&
    Number.isInteger(j.pid) &&
    Number.isInteger(j.createdLevels) &&
    (j.createdLevels as number) >= 0 &&
    strings(j.folders) &&
    j.folders.every((f) => plainRelative(f) && folders.has(f)) &&
    files.every((list) => strings(list) && list.every((p) => plainRelative(p) && ownership.generatedPaths.has(p)))
  );
}

export function readJournalSync(dir: string, ownership: Ownership): Journal | undefined {
  // Most runs find none: asked without the cost of an exception.
  if (statSync(join(dir, JOURNAL), { throwIfNoEntry: false }) === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(join(dir, JOURNAL), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (!validJournal(value, ownership)) throw new JournalError(`${JOURNAL} in this directory is not a journal this tool wrote; if no run is writing here, remove it.`);
  return value;
}

/**
 * Takes the journal as a lock: written aside, then linked into place, which fails (EEXIST)
 * while another run holds it; a reader never sees half of it.
 */
export function createJournal(dir: string, journal: Journal): void {
  const next = join(dir, `${JOURNAL}.${process.pid}`);
  writeFileSync(next, JSON.stringify(journal));
  try {
    linkSync(next, join(dir, JOURNAL));
  } finally {
    rmSync(next, { force: true });
  }
}

/** Replaced by rename, so a reader sees the previous journal or this one, never half of one. */
export function updateJournal(dir: string, journal: Journal): void {
  const next = join(dir, `${JOURNAL}.${process.pid}`);
  writeFileSync(next, JSON.stringify(journal));
  renameSync(next, join(dir, JOURNAL));
}

/** When the journal was last written; undefined once its run has removed it. */
function writtenAt(dir: string): number | undefined {
  return statSync(join(dir, JOURNAL), { throwIfNoEntry: false })?.mtimeMs;
}

function alive(journal: Journal, writtenMs: number): boolean {
  return journal.pid !== process.pid && Date.now() - writtenMs <= STALE_MS && running(journal.pid);
}

/** Whether the file at `rel` is still ours (an absent file is not). */
function stillGenerated(dir: string, rel: string, ownership: Ownership): boolean {
  try {
    return isGenerated(rel, head(join(dir, rel)), ownership);
  } catch {
    return false;
  }
}

/** rmdir, only of an empty directory; false when it could not be removed. */
function removeEmpty(path: string): boolean {
  try {
    rmdirSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Undoes a staged write: its temporary files, the folders and the directories it created. */
export function rollBack(dir: string, journal: Journal): void {
  for (const path of [...journal.creates, ...journal.replaces]) rmSync(join(dir, tempOf(path)), { force: true });
  for (const folder of [...journal.folders].reverse()) removeEmpty(join(dir, folder));
  rmSync(join(dir, JOURNAL), { force: true });
  // Exactly the levels this write created, each only if nothing else is in it.
  let path = dir;
  for (let level = 0; level < journal.createdLevels && removeEmpty(path); level += 1) path = dirname(path);
}

/**
 * Finishes a write whose renames had begun. A new file is linked into place, so a file that
 * appeared there meanwhile is never overwritten; a file that is no longer ours is never
 * replaced or removed (it is left, and reported as skipped). `resuming`: this run did not
 * stage the files, so some may already be in place.
 */
export async function rollForward(dir: string, journal: Journal, ownership: Ownership, resuming: boolean, afterStep?: (step: string) => Promise<void> | void): Promise<string[]> {
  const skipped: string[] = [];
  const place = (path: string, create: boolean): void => {
    const temp = join(dir, tempOf(path));
    const target = join(dir, path);
    try {
      if (create) {
        linkSync(temp, target);
        unlinkSync(temp);
      } else if (stillGenerated(dir, path, ownership)) renameSync(temp, target);
      else throw Object.assign(new Error("not ours"), { code: "EEXIST" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" && resuming) return;
      if (code !== "EEXIST") throw error;
      skipped.push(path);
      rmSync(temp, { force: true });
    }
  };
  for (const path of journal.creates) {
    place(path, true);
    await afterStep?.(`rename ${path}`);
  }
  for (const path of journal.replaces) {
    place(path, false);
    await afterStep?.(`rename ${path}`);
  }
  for (const path of journal.removes) {
    if (stillGenerated(dir, path, ownership)) rmSync(join(dir, path), { force: true });
    await afterStep?.(`remove ${path}`);
  }
  // A folder of another layer or layout that held only generated files goes with them, deepest first.
  for (const folder of foldersOf(journal.removes).reverse()) if (folder !== "") removeEmpty(join(dir, folder));
  rmSync(join(dir, JOURNAL), { force: true });
  return skipped;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A journal written aside by a run killed before it took the lock or updated it. */
function removeStrays(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = name.startsWith(`${JOURNAL}.`) ? name.slice(JOURNAL.length + 1) : "";
    if (/^\d+$/.test(pid) && !running(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

/** Completes or undoes what an interrupted run left, and says which; undefined when there was nothing. */
export async function recover(dir: string, ownership: Ownership): Promise<Recovery | undefined> {
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) removeStrays(dir);
  const journal = readJournalSync(dir, ownership);
  const written = writtenAt(dir);
  if (journal === undefined || written === undefined) return undefined;
  if (alive(journal, written)) {
    throw new BusyError(`another create-agentcore-vpc run (process ${journal.pid}) is writing into this directory; wait for it to finish, or remove ${JOURNAL} if none is.`);
  }
  if (journal.state === "commit") return { outcome: "finished", skipped: await rollForward(dir, journal, ownership, true) };
  rollBack(dir, journal);
  return { outcome: "rolled back", skipped: [] };
}
