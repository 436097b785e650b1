/** The building blocks of answer validation: each check returns the value or every problem it found. */

/** One thing wrong with the answers: which field, what was received, and what is allowed. */
export interface Problem {
  readonly field: string;
  readonly value: unknown;
  readonly rule: string;
  /** The rule as the wizard says it, where the file's wording names answers-file keys. */
  readonly inWizard?: string;
}

/** A key that is absent takes its default; an explicit null is a wrong value, not a missing one. */
export function orDefault(value: unknown, fallback: unknown): unknown {
  return value === undefined ? fallback : value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

export function unknownKeys(obj: Record<string, unknown>, allowed: readonly string[], prefix: string): Problem[] {
  return Object.keys(obj)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ field: `${prefix}${k}`, value: obj[k], rule: `Unknown key; allowed keys are ${allowed.join(", ")}.` }));
}

export type Check<T> = { value: T; problems: Problem[] } | { value?: undefined; problems: Problem[] };

export function checkString(field: string, value: unknown, pattern: RegExp, rule: string): Check<string> {
  if (typeof value !== "string") return { problems: [{ field, value, rule: `Expected a string, not ${typeName(value)}. ${rule}` }] };
  if (!pattern.test(value)) return { problems: [{ field, value, rule }] };
  return { value, problems: [] };
}

export function checkInteger(field: string, value: unknown, min: number, max: number, rule: string): Check<number> {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    return { problems: [{ field, value, rule }] };
  }
  return { value, problems: [] };
}

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(" or ");

/** One of a list of words, with what each means. */
export function checkOneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], meaning: string): Check<T> {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return { value: value as T, problems: [] };
  return { problems: [{ field, value, rule: `Expected ${quoted(allowed)}: ${meaning}` }] };
}

export function checkBoolean(field: string, value: unknown, meaning: string): Check<boolean> {
  return typeof value === "boolean" ? { value, problems: [] } : { problems: [{ field, value, rule: `Expected true or false: ${meaning}` }] };
}
