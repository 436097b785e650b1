import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

/**
 * The published bundle keeps synthesis in a CommonJS chunk beside it, with a V8 code cache of
 * that chunk made at build time after a representative run: a run that generates then skips
 * parsing and compiling most of it. V8 refuses a cache of another version or flags; it does
 * not check the rest, so the cache starts with a SHA-256 of the code and the cache together: a
 * cache of other code, or a damaged one, is never handed to V8. Either way only speed is lost.
 */

/** "none": no cache, or not this chunk's; "rejected": made by another V8 or with other flags. */
export type CacheUse = "used" | "rejected" | "none";

export interface LoadedChunk<T> {
  readonly exports: T;
  readonly cache: CacheUse;
  readonly script: Script;
}

const HASH_BYTES = 32;

function sha256(code: string, data: Buffer): Buffer {
  return createHash("sha256").update(code).update(data).digest();
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Evaluates a CommonJS chunk as Node would, with its code cache when it matches. */
export function loadChunk<T>(path: string, cachePath: string): LoadedChunk<T> {
  const code = readFileSync(path, "utf8");
  const cached = readOrUndefined(cachePath);
  const data = cached?.subarray(HASH_BYTES);
  const matches = cached !== undefined && data !== undefined && data.length > 0 && cached.subarray(0, HASH_BYTES).equals(sha256(code, data));
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, {
    filename: path,
    ...(matches ? { cachedData: data } : {}),
  });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(path), module, path, dirname(path));
  const cache: CacheUse = !matches ? "none" : script.cachedDataRejected === true ? "rejected" : "used";
  return { exports: module.exports, cache, script };
}

/** The code cache to write beside a chunk, once a representative run has compiled what it uses. */
export function codeCacheOf(path: string, script: Script): Buffer {
  const data = script.createCachedData();
  return Buffer.concat([sha256(readFileSync(path, "utf8"), data), data]);
}
