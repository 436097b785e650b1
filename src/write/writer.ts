import { closeSync, fchmodSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { decideChanges, foldersOf, type Change, type TargetSnapshot } from "./changes.js";
import { BusyError, createJournal, JournalError, recover, rollBack, rollForward, tempOf, updateJournal, type Journal, type Recovery } from "./journal.js";
import type { Ownership } from "./marker.js";
import type { ProjectFiles } from "../render/project.js";
import { readTarget } from "./target.js";

/** A write the tool refuses before changing anything. */
export class RefusedError extends Error {}

/** The file system said no (permissions, read-only, full): one line naming the path and the reason. */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
    /** Whether the target is as it was (the write was rolled back or never began). */
    readonly untouched: boolean,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Rolls back, saying whether that worked. */
function tryRollBack(dir: string, journal: Journal): boolean {
  try {
    rollBack(dir, journal);
    return true;
  } catch {
    return false;
  }
}

/** Another run wrote the same project while this one waited for the lock. */
class NothingToDo extends Error {}

/** The run was interrupted (SIGINT) while staging, and rolled back. */
export class InterruptedError extends Error {}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  ENOTDIR: "a path component is not a directory",
  ENAMETOOLONG: "name too long",
  EIO: "input/output error",
};

function asWriteError(error: unknown, path: string, untouched: boolean): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined || error instanceof InterruptedError) return error;
  return new WriteError(path, `${REASONS[code] ?? (error as Error).message.split("\n")[0]} (${code})`, untouched);
}

export interface WriteOptions extends Ownership {
  /** How the target is named in messages. */
  readonly shown: string;
  readonly force: boolean;
  /** Aborted on SIGINT: a write still staging rolls back; one already renaming finishes. */
  readonly signal?: AbortSignal;
  /** Called after each step; tests use it to interrupt a write at every point. */
  readonly afterStep?: (step: string) => Promise<void> | void;
}

export interface Preview {
  readonly changes: readonly Change[];
  readonly interrupted?: Journal["state"];
}

function decide(dir: string, files: ProjectFiles, options: WriteOptions): { changes: readonly Change[]; snapshot: TargetSnapshot; interrupted?: Journal["state"] } {
  let view;
  try {
    view = readTarget(dir, Object.keys(files), options);
  } catch (error) {
    if (error instanceof JournalError) throw new RefusedError(`"${options.shown}": ${error.message}`);
    throw asWriteError(error, dir, true);
  }
  const decision = decideChanges(files, view.snapshot, options.shown, options.force);
  if (!decision.ok) throw new RefusedError(decision.refusal);
  return { changes: decision.changes, snapshot: view.snapshot, ...(view.interrupted ? { interrupted: view.interrupted } : {}) };
}

/** What a write would do, read-only: the dry run and the wizard's confirmation show this. */
export async function previewWrite(dir: string, files: ProjectFiles, options: WriteOptions): Promise<Preview> {
  const { changes, interrupted } = decide(dir, files, options);
  return { changes, ...(interrupted ? { interrupted } : {}) };
}

export interface WriteResult {
  readonly changes: readonly Change[];
  /** What this run did first about an earlier, interrupted one. */
  readonly recovered?: Recovery;
  /** Files left alone because one of the user's appeared at their path while they were written. */
  readonly skipped: readonly string[];
  /** SIGINT arrived once files were being replaced, so the write was finished first. */
  readonly interruptedLate: boolean;
}

/**
 * The only code that writes the project, in place: the target and its folders keep their
 * inode, mode and owner, and the user's files are never opened for writing. New content is
 * staged beside each file, recorded in a journal, then renamed over it; an interrupted run is
 * finished or rolled back by the next. Unchanged files are not touched.
 */
export async function writeProject(dir: string, files: ProjectFiles, options: WriteOptions): Promise<WriteResult> {
  const recovered = await recover(dir, options).catch((error: unknown) => {
    throw error instanceof BusyError || error instanceof JournalError ? new RefusedError(`"${options.shown}": ${error.message}`) : asWriteError(error, dir, false);
  });
  // Refusals first, before anything is created; then the same decision again under the lock.
  const first = decide(dir, files, options);
  const pending = (changes: readonly Change[]): boolean => changes.some((c) => c.action === "create" || c.action === "replace" || c.action === "remove");
  if (!pending(first.changes)) return { changes: first.changes, ...(recovered ? { recovered } : {}), skipped: [], interruptedLate: false };

  let journal: Journal = { version: 1, state: "staged", pid: process.pid, createdLevels: 0, folders: [], creates: [], replaces: [], removes: [] };
  try {
    if (first.snapshot.root === "absent") {
      const created = mkdirSync(dir, { recursive: true });
      if (created !== undefined) journal = { ...journal, createdLevels: relative(created, dir).split(sep).filter(Boolean).length + 1 };
    }
    // The journal is the lock: only one run writes into a target at a time.
    createJournal(dir, journal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new RefusedError(`"${options.shown}": another create-agentcore-vpc run is writing into this directory; wait for it to finish.`);
    tryRollBack(dir, journal);
    throw asWriteError(error, dir, true);
  }
  // The file system calls are synchronous (cheaper than a thread-pool trip each); between
  // steps the event loop turns once, so a SIGINT is seen.
  const step = async (name: string): Promise<void> => {
    await options.afterStep?.(name);
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new InterruptedError("interrupted");
  };
  let current = dir;
  let changes = first.changes;
  try {
    const locked = decide(dir, files, options);
    changes = locked.changes;
    const paths = (action: Change["action"]): string[] => changes.filter((c) => c.action === action).map((c) => c.path);
    const [creates, replaces] = [paths("create"), paths("replace")];
    const folders = foldersOf([...creates, ...replaces]).filter((f) => f !== "" && !locked.snapshot.entries.has(f));
    journal = { ...journal, folders, creates, replaces, removes: paths("remove") };
    updateJournal(dir, journal);
    await step("journal");
    if (!pending(changes)) throw new NothingToDo();
    for (const folder of folders) {
      current = join(dir, folder);
      mkdirSync(current);
      await step(`mkdir ${folder}`);
    }
    for (const path of [...creates, ...replaces]) {
      current = join(dir, path);
      const previous = locked.snapshot.entries.get(path);
      // Mode 0o666 less the umask for a new file; a replaced file keeps its own.
      const fd = openSync(join(dir, tempOf(path)), "wx");
      try {
        writeFileSync(fd, files[path]!);
        if (previous?.kind === "file") fchmodSync(fd, previous.mode & 0o7777);
      } finally {
        closeSync(fd);
      }
      await step(`stage ${path}`);
    }
    // No second look is needed before committing: other runs wait for the lock, and what the
    // user may put in the way meanwhile is never overwritten (see rollForward).
    current = dir;
    journal = { ...journal, state: "commit" };
    updateJournal(dir, journal);
  } catch (error) {
    const undone = tryRollBack(dir, journal);
    if (error instanceof NothingToDo && undone) return { changes, ...(recovered ? { recovered } : {}), skipped: [], interruptedLate: false };
    throw asWriteError(error, current, undone);
  }
  // From here on the write is finished, even when interrupted: half a project helps nobody.
  const skipped = await rollForward(dir, journal, options, false, options.afterStep).catch((error: unknown) => {
    throw asWriteError(error, dir, false);
  });
  return { changes, ...(recovered ? { recovered } : {}), skipped, interruptedLate: options.signal?.aborted === true };
}
