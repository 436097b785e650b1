import { resolve } from "node:path";
import { isPlainObject } from "../answers/checks.js";
import { ANSWER_KEYS } from "../answers/model.js";
import { isFeature } from "../catalog/features.js";
import { formatProblem, resolveAnswers, type Problem } from "../answers/validate.js";
import { planFor } from "../plan/plan.js";
import { OWNERSHIP } from "../render/format.js";
import { packageVersion } from "../version.js";
import { InterruptedError, previewWrite, RefusedError, WriteError, writeProject, type WriteOptions } from "../write/writer.js";
import { parseCli, UsageError, USAGE } from "./args.js";
import { CancelledError, contextFromEnv, InputError, readAnswers } from "./input.js";
import { isCancel, type Prompts } from "./prompts.js";
import { accountOpener, discoverAnswers, isInspectionError, probeForDiscovery } from "./discovery.js";
import { check } from "./check.js";
import { doctor } from "./doctor.js";
import { changeList, interruptedNote, nextSteps, recoveryNote, shownPath } from "./report.js";
import { style } from "./style.js";
import { summarize } from "./summary.js";
import { runWizard } from "./wizard.js";

export interface Io {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Read for `--answers -`. */
  readonly stdin?: AsyncIterable<Buffer | string>;
  /** True when standard input and output are both terminals. */
  readonly isTTY?: boolean;
  /** True when standard error is a terminal: where progress lines go. */
  readonly stderrIsTTY?: boolean;
  /** How to ask questions, when asking is allowed. */
  readonly prompts?: Prompts;
  /** Aborted on Ctrl+C (SIGINT). */
  readonly signal?: AbortSignal;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_CANCELLED = 130;

/** Answers about the output rather than the deployment: options can give them, and no one is asked. */
const OUTPUT_ANSWERS = ["format", "layout"] as const;

/** The whole command, driven by arguments and streams so tests can run it in-process. */
export async function main(rawArgs: readonly string[], io: Io): Promise<number> {
  const env = io.env ?? {};
  const paint = style(io.isTTY === true && !env.NO_COLOR);
  const out = (text: string): void => void io.stdout.write(`${text}\n`);
  if (rawArgs[0] === "doctor") return doctor(rawArgs.slice(1), io);
  try {
    if (rawArgs[0] === "check") return await check(rawArgs.slice(1), io, async () => (await import("../render/project.js")).renderProject);
    const options = parseCli(rawArgs);
    if (options.help) {
      out(USAGE);
      return EXIT_OK;
    }
    if (options.version) {
      out(packageVersion());
      return EXIT_OK;
    }
    const fromFile = options.answersFile ? await readAnswers(options.answersFile, io) : {};
    // --format and --layout are answers given on the command line: they override the file's
    // (answers that are not an object are left as they are, for validation to refuse).
    const stated = Object.fromEntries(OUTPUT_ANSWERS.filter((k) => options[k] !== undefined).map((k) => [k, options[k]]));
    const given = isPlainObject(fromFile) ? { ...fromFile, ...stated } : fromFile;
    const context = contextFromEnv(env);
    const source = options.answersFile === "-" ? " on standard input" : options.answersFile ? ` in ${options.answersFile}` : "";
    const refuse = (problems: readonly Problem[]): never => {
      throw new InputError(`Invalid answers${source}:\n${problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
    };
    // What was given is checked before anything is asked; --discover fills in the subnets later.
    const early = resolveAnswers(options.discover ? probeForDiscovery(given, source) : given, context);
    if (!early.ok) return refuse(early.problems);
    const targetOf = (name: string): string => resolve(io.cwd, options.directory ?? name);
    const writeOptions = (target: string): WriteOptions => ({ ...OWNERSHIP, shown: shownPath(io.cwd, target), force: options.force, ...(io.signal ? { signal: io.signal } : {}) });
    /** The checks of the target that need no generated files: a refusal, or true. */
    const checkTarget = async (name: string): Promise<true | string> => {
      const target = targetOf(name);
      return previewWrite(target, {}, writeOptions(target)).then(
        () => true as const,
        (error: unknown) => {
          if (error instanceof RefusedError || error instanceof WriteError) return error.message;
          throw error;
        },
      );
    };
    // An answers file on standard input leaves no terminal to answer questions on.
    const interactive = !options.yes && options.answersFile !== "-" && io.isTTY === true && !env.CI && io.prompts !== undefined;
    // A directory named on the command line is checked before any question is asked; the target is checked before the account is read.
    if (options.directory !== undefined || (options.discover && (!interactive || "name" in given))) {
      const verdict = await checkTarget(early.answers.name);
      if (verdict !== true) throw new RefusedError(verdict);
    }
    let raw: Record<string, unknown> = given;
    if (interactive) {
      raw = await runWizard(given, io.prompts!, (text) => out(paint.note(text)), {
        context,
        checkTarget: options.directory === undefined ? checkTarget : undefined,
        openAccount: accountOpener(env),
      });
    } else if (!options.yes) {
      // A feature's settings (the answer named after it) are defaulted only when the feature is chosen.
      const chosen = early.answers.features as readonly string[];
      const applies = (k: string): boolean => !(OUTPUT_ANSWERS as readonly string[]).includes(k) && (!isFeature(k) || chosen.includes(k));
      const missing = ANSWER_KEYS.filter((k) => !(k in given) && applies(k)).map((k) => (k === "region" && context.region ? `region (${context.region.from})` : k));
      if (missing.length > 0) io.stderr.write(`No terminal to ask on: using the documented defaults for ${missing.join(", ")}.\n`);
    }
    if (options.discover) raw = await discoverAnswers(raw, context, accountOpener(env), out, source);
    const resolution = resolveAnswers(raw, context);
    if (!resolution.ok) return refuse(resolution.problems);

    const plan = planFor(resolution.answers);
    // Synthesis is most of the start-up cost: loaded only by runs that generate.
    const { renderProject } = await import("../render/project.js");
    const files = renderProject(plan);
    const target = targetOf(resolution.answers.name);
    const shown = shownPath(io.cwd, target);
    const summary = summarize(plan, paint);
    const preview = await previewWrite(target, files, writeOptions(target));
    const list = (heading: string): string => [...interruptedNote(preview.interrupted), changeList(preview.changes, shown, heading)].join("\n");

    if (options.dryRun) {
      out(`${summary}\n\n${list("Would write to %s (dry run, nothing written):")}`);
      return EXIT_OK;
    }
    if (interactive) {
      out(`\n${summary}\n\n${list("Files in %s:")}\n`);
      if (!(await io.prompts!.confirm({ message: `Write the project to ${shown === "." ? "the current directory" : shown}?`, default: true }))) {
        out("Nothing written.");
        return EXIT_OK;
      }
    }
    if (io.signal?.aborted) throw new CancelledError("cancelled");
    const result = await writeProject(target, files, writeOptions(target));
    out([...recoveryNote(result.recovered, shown), ...(interactive ? [] : [summary, ""]), nextSteps(result.changes, io.cwd, target, paint)].join("\n"));
    if (result.skipped.length > 0) {
      io.stderr.write(`These paths were left as they are: a file of yours appeared there while the project was written:\n${result.skipped.map((p) => `  ${p}`).join("\n")}\n`);
      return EXIT_USAGE;
    }
    if (result.interruptedLate) {
      io.stderr.write("Interrupted while files were being replaced: the write was finished first, so the project is complete.\n");
      return EXIT_CANCELLED;
    }
    return EXIT_OK;
  } catch (error) {
    if (isCancel(error) || error instanceof CancelledError) {
      io.stderr.write("Cancelled; nothing written.\n");
      return EXIT_CANCELLED;
    }
    if (error instanceof InterruptedError) {
      io.stderr.write("Interrupted; what was staged was removed, nothing written.\n");
      return EXIT_CANCELLED;
    }
    if (error instanceof WriteError) {
      const after = error.untouched ? "nothing was written" : "the write stopped half-way: run the same command again to finish it";
      io.stderr.write(`create-agentcore-vpc: cannot write "${shownPath(io.cwd, error.path)}": ${error.reason}; ${after}.\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError || error instanceof InputError || error instanceof RefusedError || isInspectionError(error)) {
      io.stderr.write(`create-agentcore-vpc: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
