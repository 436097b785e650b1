import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { ANSWER_KEYS } from "../answers/model.js";
import { formatProblem, resolveAnswers, type Problem } from "../answers/validate.js";
import { planFor } from "../plan/plan.js";
import { ANSWERS_FILE, GENERATED_MARKER } from "../render/format.js";
import { packageVersion } from "../version.js";
import { inspectTarget, UnsafeTargetError, writeProject, type TargetState } from "../write/writer.js";
import { parseCli, UsageError, USAGE } from "./args.js";
import { isCancel, type Prompts } from "./prompts.js";
import { style } from "./style.js";
import { summarize } from "./summary.js";
import { runWizard } from "./wizard.js";

export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** True when standard input and output are both terminals. */
  readonly isTTY?: boolean;
  /** How to ask questions, when asking is allowed. */
  readonly prompts?: Prompts;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

/** Refusals of input: exit 2, nothing written. */
class InputError extends Error {}

async function readAnswersFile(path: string, shown: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory, not a file" : (error as Error).message;
    throw new InputError(`--answers: cannot read "${shown}": ${why}.`);
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(`--answers: "${shown}" is not valid JSON (${(error as Error).message.split("\n")[0]}).`);
  }
}

/** A target that exists is refused unless --force, and one that is not a directory always. */
function checkTarget(state: TargetState, shown: string, force: boolean): void {
  if (state.exists && !state.directory) throw new InputError(`"${shown}" exists and is not a directory (a file or a symbolic link); choose another directory.`);
  if (state.exists && !state.empty && !force) {
    throw new InputError(`Directory "${shown}" is not empty. Use --force to rewrite the files this tool generated there (other files are kept), or choose another directory.`);
  }
}

/** The whole command, driven by arguments and streams so tests can run it in-process. */
export async function main(rawArgs: readonly string[], io: Io): Promise<number> {
  const env = io.env ?? {};
  const paint = style(io.isTTY === true && !env.NO_COLOR);
  const out = (text: string): void => void io.stdout.write(`${text}\n`);
  try {
    const options = parseCli(rawArgs);
    if (options.help) {
      out(USAGE);
      return EXIT_OK;
    }
    if (options.version) {
      out(packageVersion());
      return EXIT_OK;
    }
    const given = options.answersFile ? await readAnswersFile(resolve(io.cwd, options.answersFile), options.answersFile) : {};
    const source = options.answersFile ? ` in ${options.answersFile}` : "";
    const refuse = (problems: readonly Problem[]): never => {
      throw new InputError(`Invalid answers${source}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    };
    // What was given is checked before anything is asked.
    const early = resolveAnswers(given);
    if (!early.ok) refuse(early.problems);
    // A directory named on the command line is checked before any question is asked.
    if (options.directory !== undefined && !options.dryRun) {
      const named = resolve(io.cwd, options.directory);
      checkTarget(await inspectTarget(named), relative(io.cwd, named) || ".", options.force);
    }

    const interactive = !options.yes && io.isTTY === true && !env.CI && io.prompts !== undefined;
    let raw: Record<string, unknown> = given;
    if (interactive) {
      raw = await runWizard(given, io.prompts!, (text) => out(paint.note(text)));
    } else if (!options.yes) {
      const missing = ANSWER_KEYS.filter((k) => !(k in given) && k !== "rds");
      if (missing.length > 0) io.stderr.write(`No terminal to ask on: using the documented defaults for ${missing.join(", ")}.\n`);
    }
    const resolution = resolveAnswers(raw);
    if (!resolution.ok) return refuse(resolution.problems);

    const plan = planFor(resolution.answers);
    // Synthesis is most of the start-up cost: loaded only by runs that generate.
    const { renderProject } = await import("../render/project.js");
    const files = renderProject(plan, options.format);
    const target = resolve(io.cwd, options.directory ?? resolution.answers.name);
    const shown = relative(io.cwd, target) || ".";
    const summary = summarize(plan, paint);

    if (options.dryRun) {
      out(`${summary}\n\nWould write to ${shown} (dry run, nothing written):\n${Object.keys(files).map((f) => `  ${f}`).join("\n")}`);
      return EXIT_OK;
    }
    checkTarget(await inspectTarget(target), shown, options.force);
    if (interactive) {
      out(`\n${summary}\n`);
      if (!(await io.prompts!.confirm({ message: `Write ${Object.keys(files).length} files to ${shown}?`, default: true }))) {
        out("Nothing written.");
        return EXIT_OK;
      }
    }
    await writeProject(target, files, { marker: GENERATED_MARKER, answersFile: ANSWERS_FILE });
    out(
      [
        ...(interactive ? [] : [summary, ""]),
        paint.heading(`Wrote ${Object.keys(files).length} files to ${shown}. Next, in this order:`),
        `  cd ${shown}`,
        ...["network", "runtime"].flatMap((layer) => [
          `  terraform -chdir=${layer} init`,
          `  terraform -chdir=${layer} plan -out=${layer}.tfplan`,
          `  terraform -chdir=${layer} apply ${layer}.tfplan`,
        ]),
        `${shown}/README.md explains every resource, the cost and how to tear down.`,
      ].join("\n"),
    );
    return EXIT_OK;
  } catch (error) {
    if (isCancel(error)) {
      io.stderr.write("Cancelled; nothing written.\n");
      return EXIT_CANCELLED;
    }
    if (error instanceof UsageError || error instanceof InputError || error instanceof UnsafeTargetError) {
      io.stderr.write(`create-agentcore-vpc: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
