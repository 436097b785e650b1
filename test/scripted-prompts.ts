import type { Choice, Prompts } from "../src/cli/prompts.js";
import { runCli } from "./helpers.js";

/** Scripted answers, chosen by a pattern on the question; unscripted questions take their default, as Enter would. */
export type Script = [RegExp, unknown][];

/** Answers typed one after another until the prompt accepts one; each refusal is recorded. */
export class Attempts {
  constructor(readonly values: readonly unknown[]) {}
}

export interface Session {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Every question asked, in order. */
  readonly asked: string[];
  /** What each prompt said when it refused an attempt. */
  readonly refusals: string[];
  /** The choices of each select, in order, with its question and default. */
  readonly offers: { message: string; values: unknown[]; default: unknown }[];
}

export function scriptedPrompts(script: Script, asked: string[], refusals: string[] = [], offers: Session["offers"] = []): Prompts {
  const answer = async <T>(message: string, fallback: T, validate?: (v: T) => true | string | Promise<true | string>, choices?: readonly Choice<T>[]): Promise<T> => {
    asked.push(message);
    // An entry answers once; a later match of the same pattern takes the next entry.
    const index = script.findIndex(([pattern]) => pattern.test(message));
    const entry = index < 0 ? undefined : script.splice(index, 1)[0];
    const value = entry === undefined ? fallback : entry[1];
    if (typeof value === "function") return (value as () => T)();
    for (const attempt of value instanceof Attempts ? value.values : [value]) {
      const verdict = validate ? await validate(attempt as T) : true;
      if (verdict === true) {
        if (choices && !choices.some((c) => c.value === attempt)) throw new Error(`"${message}" offers no choice ${JSON.stringify(attempt)}`);
        return attempt as T;
      }
      refusals.push(verdict);
      if (!(value instanceof Attempts)) throw new Error(`the wizard refused the scripted answer ${JSON.stringify(value)} to "${message}": ${verdict}`);
    }
    throw new Error(`the wizard refused every attempt at "${message}": ${refusals.join(" | ")}`);
  };
  const first = <T>(choices: readonly Choice<T>[]): T => choices[0]!.value;
  return {
    input: async (c) => answer(c.message, c.default ?? "", c.validate),
    select: async (c) => {
      offers.push({ message: c.message, values: c.choices.map((x) => x.value), default: c.default });
      return answer(c.message, c.default ?? first(c.choices), undefined, c.choices);
    },
    checkbox: async (c) => {
      const chosen = await answer(c.message, c.choices.filter((x) => x.checked).map((x) => x.value), c.validate);
      const disabled = c.choices.filter((x) => x.disabled !== undefined && chosen.includes(x.value));
      if (disabled.length > 0) throw new Error(`"${c.message}" cannot choose ${disabled.map((x) => `${String(x.value)} (${x.disabled})`).join(", ")}`);
      return chosen;
    },
    confirm: async (c) => answer(c.message, c.default ?? false),
  };
}

export async function wizard(args: string[], script: Script, cwd: string, env: Record<string, string> = {}): Promise<Session> {
  const asked: string[] = [];
  const refusals: string[] = [];
  const offers: Session["offers"] = [];
  const run = await runCli(args, cwd, { env, isTTY: true, prompts: scriptedPrompts(script, asked, refusals, offers) });
  return { ...run, asked, refusals, offers };
}

export const cancel = (): never => {
  const error = new Error("User force closed the prompt with SIGINT");
  error.name = "ExitPromptError";
  throw error;
};

