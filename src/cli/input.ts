import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Context } from "../answers/validate.js";

/** Refusals of input: exit 2, nothing written. */
export class InputError extends Error {}

/** The run was cancelled (Ctrl+C) before anything was written. */
export class CancelledError extends Error {}

/** Resolves when the signal aborts; never, without one. */
export function aborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(new CancelledError("cancelled"));
    signal?.addEventListener("abort", () => reject(new CancelledError("cancelled")), { once: true });
  });
}

async function readStream(stream: AsyncIterable<Buffer | string>, signal: AbortSignal | undefined): Promise<string> {
  const read = (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return Buffer.concat(chunks).toString("utf8");
  })();
  return Promise.race([read, aborted(signal)]);
}

/** The answers from a file, or from standard input for "-". A UTF-8 byte-order mark is dropped. */
export async function readAnswers(
  path: string,
  io: { readonly cwd: string; readonly stdin?: AsyncIterable<Buffer | string>; readonly signal?: AbortSignal },
  /** The option that named the file, for the messages. */
  option = "--answers",
): Promise<Record<string, unknown>> {
  const shown = path === "-" ? "standard input" : `"${path}"`;
  let text: string;
  if (path === "-") {
    if (!io.stdin) throw new InputError(`${option} -: there is no standard input to read.`);
    text = await readStream(io.stdin, io.signal);
  } else {
    try {
      text = await readFile(resolve(io.cwd, path), "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory, not a file" : code === "EACCES" ? "permission denied" : (error as Error).message;
      throw new InputError(`${option}: cannot read ${shown}: ${why}.`);
    }
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`${option}: ${shown} is not valid JSON (${(error as Error).message.split("\n")[0]}).`);
  }
}

/** Defaults the AWS tooling's own environment gives: AWS_REGION, then AWS_DEFAULT_REGION, as the SDKs read them. */
export function contextFromEnv(env: Readonly<Record<string, string | undefined>>): Context {
  for (const name of ["AWS_REGION", "AWS_DEFAULT_REGION"]) {
    const value = env[name];
    if (value !== undefined && value !== "") return { region: { value, from: name } };
  }
  return {};
}
