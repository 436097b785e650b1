import { NETWORK_RULES } from "./rules/index.js";
import type { Finding, Rule, Severity } from "./rule.js";
import type { NetworkTarget } from "./target.js";

export interface Report {
  /** Errors first, then warnings, then information; within each, in rule order. */
  readonly findings: readonly Finding[];
  /** The ids of the rules that ran. */
  readonly checked: readonly string[];
  readonly notChecked: readonly { readonly id: string; readonly reason: string }[];
}

const ORDER: readonly Severity[] = ["error", "warning", "info"];

/** Runs every rule over the target: pure, so the same target always gives the same report. */
export function runRules(target: NetworkTarget, rules: readonly Rule[] = NETWORK_RULES): Report {
  const findings: Finding[] = [];
  const checked: string[] = [];
  const notChecked: { id: string; reason: string }[] = [];
  for (const rule of rules) {
    const result = rule.check(target);
    if ("notChecked" in result) {
      notChecked.push({ id: rule.id, reason: result.notChecked });
      continue;
    }
    checked.push(rule.id);
    findings.push(...result.map((f) => ({ id: rule.id, severity: rule.severity, ...f })));
  }
  return { findings: ORDER.flatMap((s) => findings.filter((f) => f.severity === s)), checked, notChecked };
}
