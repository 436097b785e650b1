import type { NetworkTarget } from "./target.js";

export type Severity = "error" | "warning" | "info";

/** One thing wrong, with what was seen and what to do. */
export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  /** The subnet, endpoint, security group or service it is about. */
  readonly resource: string;
  readonly message: string;
  readonly evidence: string;
  readonly fix: string;
}

/** A rule could not run: what it needs and why it is missing. */
export interface NotChecked {
  readonly notChecked: string;
}

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** What it finds, as the README's table says it. */
  readonly finds: string;
  check(target: NetworkTarget): readonly Omit<Finding, "id" | "severity">[] | NotChecked;
}
