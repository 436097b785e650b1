#!/usr/bin/env node
import { main } from "./cli/main.js";
import { terminalPrompts } from "./cli/prompts.js";

const isTTY = process.stdin.isTTY === true && process.stdout.isTTY === true;
main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  isTTY,
  ...(isTTY ? { prompts: terminalPrompts({ input: process.stdin, output: process.stdout }) } : {}),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`create-agentcore-vpc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
