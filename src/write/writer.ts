import { mkdir, open } from "node:fs/promises";
import { join } from "node:path";
import { decideChanges, foldersOf, type Change, type TargetSnapshot } from "./changes.js";
import { BusyError, recover, rollBack, rollForward, tempOf, writeJournal, type Journal, type Recovery } from "./journal.js";
import type { ProjectFiles } from "../render/project.js";
import { readTarget, type Markers } from "./target.js";


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

export interface WriteOptions extends Markers {
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

async function decide(dir: string, files: ProjectFiles, options: WriteOptions): Promise<{ changes: readonly Change[]; snapshot: TargetSnapshot; interrupted?: Journal["state"] }> {
  let view;
  try {
    view = readTarget(dir, Object.keys(files), options);
  } catch (error) {
    throw asWriteError(error, dir, true);
  }
  const decision = decideChanges(files, view.snapshot, options.shown, options.force);
  if (!decision.ok) throw new RefusedError(decision.refusal);
  return { changes: decision.changes, snapshot: view.snapshot, ...(view.interrupted ? { interrupted: view.interrupted } : {}) };
}

/** What a write would do, read-only: the dry run and the wizard's confirmation show this. */
export async function previewWrite(dir: string, files: ProjectFiles, options: WriteOptions): Promise<Preview> {
  const { changes, interrupted } = await decide(dir, files, options);
  return { changes, ...(interrupted ? { interrupted } : {}) };
}

export interface WriteResult {
  readonly changes: readonly Change[];
  /** What this run did first about an earlier, interrupted one. */
  readonly recovered?: Recovery;
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
  const recovered = await recover(dir).catch((error: unknown) => {
    throw error instanceof BusyError ? new RefusedError(`"${options.shown}": ${error.message}`) : asWriteError(error, dir, false);
  });
  const { changes, snapshot } = await decide(dir, files, options);
  const writes = changes.filter((c) => c.action === "create" || c.action === "replace").map((c) => c.path);
  const removes = changes.filter((c) => c.action === "remove").map((c) => c.path);
  const result = { changes, ...(recovered ? { recovered } : {}) };
  if (writes.length === 0 && removes.length === 0) return { ...result, interruptedLate: false };

  const folders = foldersOf(writes).filter((f) => f !== "" && !snapshot.entries.has(f));
  let journal: Journal = { version: 1, state: "staged", pid: process.pid, folders, writes, removes };
  let current = dir;
  const step = async (name: string): Promise<void> => {
    await options.afterStep?.(name);
    if (options.signal?.aborted) throw new InterruptedError("interrupted");
  };
  try {
    if (snapshot.root === "absent") {
      const created = await mkdir(dir, { recursive: true });
      if (created !== undefined) journal = { ...journal, created };
    }
    await writeJournal(dir, journal);
    await step("journal");
    for (const folder of folders) {
      current = join(dir, folder);
      await mkdir(current);
      await step(`mkdir ${folder}`);
    }
    for (const path of writes) {
      current = join(dir, path);
      const previous = snapshot.entries.get(path);
      // Mode 0o666 less the umask for a new file; a replaced file keeps its own.
      const handle = await open(join(dir, tempOf(path)), "wx");
      try {
        await handle.writeFile(files[path]!);
        if (previous?.kind === "file") await handle.chmod(previous.mode & 0o7777);
      } finally {
        await handle.close();
      }
      await step(`stage ${path}`);
    }
    // The target must still be as it was read: nobody put a file of theirs in the way meanwhile.
    // (It is no longer empty: it holds what was just staged.)
    current = dir;
    const again = await decide(dir, files, { ...options, force: true });
    if (JSON.stringify(again.changes) !== JSON.stringify(changes)) throw new RefusedError(`"${options.shown}" changed while the project was being written; nothing was written. Run again.`);
    journal = { ...journal, state: "commit" };
    await writeJournal(dir, journal);
  } catch (error) {
    await rollBack(dir, journal).catch(() => undefined);
    throw asWriteError(error, current, true);
  }
  // From here on the write is finished, even when interrupted: half a project helps nobody.
  await rollForward(dir, journal, options.afterStep).catch((error: unknown) => {
    throw asWriteError(error, dir, false);
  });
  return { ...result, interruptedLate: options.signal?.aborted === true };
}
