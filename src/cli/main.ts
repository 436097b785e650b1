import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { formatProblem, resolveAnswers } from "../answers/validate.js";
import { planFor } from "../plan/plan.js";
import { ANSWERS_FILE, GENERATED_MARKER, renderProject } from "../render/project.js";
import { inspectTarget, writeProject } from "../write/writer.js";
import { parseCli, UsageError, USAGE } from "./args.js";
import { summarize } from "./summary.js";

export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;

/** Refusals of input: exit 2, nothing written. */
class InputError extends Error {}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

async function readAnswersFile(path: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory, not a file" : (error as Error).message;
    throw new InputError(`--answers: cannot read "${shown}": ${why}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`--answers: "${shown}" is not valid JSON (${(error as Error).message.split("\n")[0]}).`);
  }
}

/** The whole command, driven by arguments and streams so tests can run it in-process. */
export async function main(rawArgs: readonly string[], io: Io): Promise<number> {
  try {
    const options = parseCli(rawArgs);
    if (options.help) {
      io.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (options.version) {
      io.stdout.write(`${await version()}\n`);
      return EXIT_OK;
    }
    const raw = options.answersFile ? await readAnswersFile(resolve(io.cwd, options.answersFile), options.answersFile) : {};
    const resolution = resolveAnswers(raw);
    if (!resolution.ok) {
      const source = options.answersFile ? ` in ${options.answersFile}` : "";
      throw new InputError(`Invalid answers${source}:\n${resolution.problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    }
    const plan = planFor(resolution.answers);
    const files = renderProject(plan, options.format);
    const directory = options.directory ?? resolution.answers.name;
    const target = resolve(io.cwd, directory);
    const shown = relative(io.cwd, target) || ".";

    if (options.dryRun) {
      io.stdout.write(`${summarize(plan)}\n\nWould write to ${shown} (dry run, nothing written):\n${Object.keys(files).map((f) => `  ${f}`).join("\n")}\n`);
      return EXIT_OK;
    }
    const state = await inspectTarget(target);
    if (state.exists && !state.empty && !options.force) {
      throw new InputError(`Directory "${shown}" is not empty. Use --force to rewrite the files this tool generated there (other files are kept), or choose another directory.`);
    }
    await writeProject(target, files, { marker: GENERATED_MARKER, answersFile: ANSWERS_FILE });
    io.stdout.write(
      [
        summarize(plan),
        "",
        `Wrote ${Object.keys(files).length} files to ${shown}. Next, in this order:`,
        `  cd ${shown}`,
        "  terraform -chdir=network init && terraform -chdir=network apply",
        "  terraform -chdir=runtime init && terraform -chdir=runtime apply",
        `${shown}/README.md explains every resource, the cost and how to tear down.`,
        "",
      ].join("\n"),
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr.write(`create-agentcore-vpc: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
