import { readFileSync } from "node:fs";
import { rename, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * A write in progress, recorded inside the target so the next run can finish or undo it.
 * "staged": new content sits in temporary files beside their destinations and nothing of
 * the user's has changed, so it is rolled back. "commit": renames have begun, so it is finished.
 */
export interface Journal {
  readonly version: 1;
  readonly state: "staged" | "commit";
  readonly pid: number;
  /** The outermost directory this write created for the target, if it created any (absolute). */
  readonly created?: string;
  /** Folders this write created inside the target, parents first. */
  readonly folders: readonly string[];
  /** Destinations whose new content is staged in tempOf(path). */
  readonly writes: readonly string[];
  readonly removes: readonly string[];
}

export type Recovery = "finished" | "rolled back";

export const JOURNAL = ".agentcore-vpc-write.json";
const JOURNAL_NEXT = `${JOURNAL}.new`;
const TEMP_SUFFIX = ".agentcore-vpc-new";

/** Where a file's new content is staged: beside it, so the final rename never crosses file systems. */
export function tempOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return `${path.slice(0, slash + 1)}.${path.slice(slash + 1)}${TEMP_SUFFIX}`;
}

/** The writer's own bookkeeping, never listed or touched as the user's. */
export function isBookkeeping(name: string): boolean {
  return name === JOURNAL || name === JOURNAL_NEXT || (name.startsWith(".") && name.endsWith(TEMP_SUFFIX));
}

export function readJournalSync(dir: string): Journal | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, JOURNAL), "utf8")) as Journal;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** Replaced by rename, so a reader sees the previous journal or this one, never half of one. */
export async function writeJournal(dir: string, journal: Journal): Promise<void> {
  await writeFile(join(dir, JOURNAL_NEXT), JSON.stringify(journal));
  await rename(join(dir, JOURNAL_NEXT), join(dir, JOURNAL));
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Another run is writing here now. */
export class BusyError extends Error {}

const ignore = (): undefined => undefined;

/** Undoes a staged write: its temporary files and the folders it created go. */
export async function rollBack(dir: string, journal: Journal): Promise<void> {
  for (const path of journal.writes) await rm(join(dir, tempOf(path)), { force: true });
  for (const folder of [...journal.folders].reverse()) await rmdir(join(dir, folder)).catch(ignore);
  await rm(join(dir, JOURNAL), { force: true });
  await rm(join(dir, JOURNAL_NEXT), { force: true });
  if (journal.created === undefined) return;
  // Up to the outermost directory this write created, each only if nothing else is in it.
  for (let path = dir; ; path = dirname(path)) {
    if ((await rmdir(path).then(() => true, () => false)) === false || path === journal.created || dirname(path) === path) break;
  }
}

/** Finishes a write whose renames had begun; each step is idempotent, so this may itself be interrupted. */
export async function rollForward(dir: string, journal: Journal, afterStep?: (step: string) => Promise<void> | void): Promise<void> {
  for (const path of journal.writes) {
    await rename(join(dir, tempOf(path)), join(dir, path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await afterStep?.(`rename ${path}`);
  }
  for (const path of journal.removes) {
    await rm(join(dir, path), { force: true });
    await afterStep?.(`remove ${path}`);
  }
  await rm(join(dir, JOURNAL), { force: true });
}

/** Completes or undoes what an interrupted run left, and says which; undefined when there was nothing. */
export async function recover(dir: string): Promise<Recovery | undefined> {
  const journal = readJournalSync(dir);
  if (journal === undefined) {
    await rm(join(dir, JOURNAL_NEXT), { force: true }).catch(ignore);
    return undefined;
  }
  if (alive(journal.pid)) {
    throw new BusyError(`another create-agentcore-vpc run (process ${journal.pid}) is writing into this directory; wait for it to finish.`);
  }
  if (journal.state === "commit") {
    await rollForward(dir, journal);
    return "finished";
  }
  await rollBack(dir, journal);
  return "rolled back";
}
