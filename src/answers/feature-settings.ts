/** The settings of a chosen feature: refused when the feature is not chosen, defaulted when it is. */
import type { Feature } from "../catalog/features.js";
import * as P from "../catalog/patterns.js";
import { checkInteger, isPlainObject, orDefault, unknownKeys, type Check, type Problem } from "./checks.js";
import { DEFAULTS, MEMORY_STRATEGIES, type MemorySettings, type MemoryStrategy } from "./model.js";

/** Settings given for a feature that is not chosen are a mistake, not something to ignore. */
function unchosen(key: string, feature: Feature, value: unknown): Check<undefined> {
  if (value === undefined) return { value: undefined, problems: [] };
  return { problems: [{ field: key, value, rule: `${key} settings apply only when "${feature}" is in features; add it or remove "${key}".` }] };
}

export function checkRds(value: unknown, features: readonly Feature[]): Check<{ port: number } | undefined> {
  if (!features.includes("rds")) return unchosen("rds", "rds", value);
  const rds = orDefault(value, { port: DEFAULTS.rdsPort });
  if (!isPlainObject(rds)) return { problems: [{ field: "rds", value, rule: `Expected an object such as { "port": 5432 }.` }] };
  const port = checkInteger("rds.port", orDefault(rds.port, DEFAULTS.rdsPort), P.RDS_PORT_MIN, P.RDS_PORT_MAX, `Expected a whole number from ${P.RDS_PORT_MIN} to ${P.RDS_PORT_MAX} (the ports RDS accepts).`);
  const problems = [...unknownKeys(rds, ["port"], "rds."), ...port.problems];
  if (problems.length > 0 || port.value === undefined) return { problems };
  return { value: { port: port.value }, problems };
}

function checkStrategies(value: unknown): Check<MemoryStrategy[]> {
  const allowed = `Allowed: ${MEMORY_STRATEGIES.map((s) => `"${s}"`).join(", ")}; [] keeps short-term memory (the events) only.`;
  if (!Array.isArray(value)) return { problems: [{ field: "memory.strategies", value, rule: `Expected an array of strategies. ${allowed}` }] };
  const problems: Problem[] = [];
  value.forEach((s: unknown, i) => {
    const field = `memory.strategies[${i}]`;
    if (!(MEMORY_STRATEGIES as readonly unknown[]).includes(s)) problems.push({ field, value: s, rule: `Unknown strategy. ${allowed}` });
    else if (value.indexOf(s) !== i) problems.push({ field, value: s, rule: "Listed twice; name each strategy once." });
  });
  // Kept in the catalog's order, so the same choice always gives the same output.
  return problems.length > 0 ? { problems } : { value: MEMORY_STRATEGIES.filter((s) => value.includes(s)), problems };
}

export function checkMemory(value: unknown, features: readonly Feature[]): Check<MemorySettings | undefined> {
  if (!features.includes("memory")) return unchosen("memory", "memory", value);
  const memory = orDefault(value, {});
  if (!isPlainObject(memory)) return { problems: [{ field: "memory", value, rule: `Expected an object such as { "expiryDays": ${DEFAULTS.memory.expiryDays}, "strategies": ["semantic"] }.` }] };
  const expiry = checkInteger(
    "memory.expiryDays",
    orDefault(memory.expiryDays, DEFAULTS.memory.expiryDays),
    P.MEMORY_EXPIRY_MIN,
    P.MEMORY_EXPIRY_MAX,
    `Expected a whole number of days from ${P.MEMORY_EXPIRY_MIN} to ${P.MEMORY_EXPIRY_MAX}: how long the memory keeps a conversation's events.`,
  );
  const strategies = checkStrategies(orDefault(memory.strategies, DEFAULTS.memory.strategies));
  const problems = [...unknownKeys(memory, ["expiryDays", "strategies"], "memory."), ...expiry.problems, ...strategies.problems];
  if (problems.length > 0 || expiry.value === undefined || strategies.value === undefined) return { problems };
  return { value: { expiryDays: expiry.value, strategies: strategies.value }, problems };
}
