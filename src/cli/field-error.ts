import { resolveAnswers, type Context } from "../answers/validate.js";

type Raw = Record<string, unknown>;

/**
 * What the answers validator says about one field once `value` is in place: the same rules
 * as an answers file, in the wizard's words, so it can never accept what a file would refuse.
 */
export function fieldError(answers: Raw, field: string, value: unknown, context: Context = {}): true | string {
  // "vpc.id", "rds.port", "memory.expiryDays": a key of an answer that is an object.
  const [head, key] = field.split(".", 2) as [string, string | undefined];
  const trial = key !== undefined ? { ...answers, [head]: { ...(answers[head] as Raw), [key]: value } } : { ...answers, [field]: value };
  const resolution = resolveAnswers(trial, context);
  if (resolution.ok) return true;
  const mine = resolution.problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`));
  return mine.length === 0 ? true : mine.map((p) => p.inWizard ?? p.rule).join(" ");
}
