import { closeSync, openSync, readSync } from "node:fs";

/** What the writer may touch: generated files only, recognised by their marker, at the paths a generation can have. */
export interface Ownership {
  /** Text in the first lines of every generated file. */
  readonly marker: string;
  /** The one generated file that cannot carry the marker (JSON has no comments). */
  readonly answersFile: string;
  /** Every path any generation writes; nothing else is ever replaced or removed. */
  readonly generatedPaths: ReadonlySet<string>;
}

/** Where the marker must be: the first lines of a file. */
export const HEAD_BYTES = 512;

export function head(path: string): string {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0)).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

/** A generated file: at a path a generation writes, with the marker (or the answers file). */
export function isGenerated(rel: string, start: string, ownership: Ownership): boolean {
  return ownership.generatedPaths.has(rel) && (rel === ownership.answersFile || start.slice(0, HEAD_BYTES).includes(ownership.marker));
}
