import type { AccountTarget, NetworkTarget, RuntimeTarget } from "./target.js";

export type Severity = "error" | "warning" | "info";

/** One thing wrong, with what was seen and what to do. */
export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  /** The subnet, endpoint, security group, role, runtime or service it is about. */
  readonly resource: string;
  readonly message: string;
  readonly evidence: string;
  /** A command to run, or the Terraform change. */
  readonly fix: string;
  /** For a generated project: the change to agentcore-vpc.json that fixes it, when one does. */
  readonly answer?: string;
}

/** A rule could not run: what it needs and why it is missing. */
export interface NotChecked {
  readonly notChecked: string;
}

export type Result = readonly Omit<Finding, "id" | "severity">[] | NotChecked;

interface RuleOf<S extends string, T> {
  readonly id: string;
  readonly severity: Severity;
  /** What it finds, as the README's table says it. */
  readonly finds: string;
  /** What it needs: a network, a runtime, or only the account. */
  readonly scope: S;
  check(target: T): Result;
}

export type NetworkRule = RuleOf<"network", NetworkTarget>;
export type RuntimeRule = RuleOf<"runtime", RuntimeTarget>;
export type AccountRule = RuleOf<"account", AccountTarget>;
export type Rule = NetworkRule | RuntimeRule | AccountRule;
