import { RULES } from "./rules/index.js";
import type { Finding, Result, Rule, Severity } from "./rule.js";
import type { DoctorTarget } from "./target.js";

export interface Report {
  /** Errors first, then warnings, then information; within each, in rule order. */
  readonly findings: readonly Finding[];
  /** The ids of the rules that ran. */
  readonly checked: readonly string[];
  readonly notChecked: readonly { readonly id: string; readonly reason: string }[];
}

const ORDER: readonly Severity[] = ["error", "warning", "info"];

/** The rule's result, or undefined when the target has nothing of its scope (a network rule without a network). */
function apply(rule: Rule, target: DoctorTarget): Result | undefined {
  switch (rule.scope) {
    case "network":
      return target.network && rule.check(target.network);
    case "runtime":
      return target.runtime && rule.check(target.runtime);
    case "account":
      return rule.check(target.account);
  }
}

/** Runs every rule that applies to the target: pure, so the same target always gives the same report. */
export function runRules(target: DoctorTarget, rules: readonly Rule[] = RULES): Report {
  const findings: Finding[] = [];
  const checked: string[] = [];
  const notChecked: { id: string; reason: string }[] = [];
  for (const rule of rules) {
    const result = apply(rule, target);
    if (result === undefined) continue;
    if ("notChecked" in result) {
      notChecked.push({ id: rule.id, reason: result.notChecked });
      continue;
    }
    checked.push(rule.id);
    findings.push(...result.map((f) => ({ id: rule.id, severity: rule.severity, ...f })));
  }
  return { findings: ORDER.flatMap((s) => findings.filter((f) => f.severity === s)), checked, notChecked };
}
