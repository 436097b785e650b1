#!/usr/bin/env node
import { main } from "./cli/main.js";
import { terminalPrompts } from "./cli/prompts.js";

const isTTY = process.stdin.isTTY === true && process.stdout.isTTY === true;
// Ctrl+C aborts: a prompt or a read gives up, a write still staging rolls back, one renaming
// finishes. A second Ctrl+C ends the process at once.
const interrupt = new AbortController();
process.on("SIGINT", () => {
  if (interrupt.signal.aborted) process.exit(130);
  interrupt.abort();
});
main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  stdin: process.stdin,
  isTTY,
  stderrIsTTY: process.stderr.isTTY === true,
  signal: interrupt.signal,
  ...(isTTY ? { prompts: terminalPrompts({ input: process.stdin, output: process.stdout, signal: interrupt.signal }) } : {}),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`create-agentcore-vpc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
