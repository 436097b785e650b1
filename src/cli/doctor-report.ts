/** The doctor's reports, for people and as JSON. */
import type { RuntimeInfo, RuntimeSummary } from "../account/runtime.js";
import type { Report } from "../doctor/run.js";
import type { DoctorTarget } from "../doctor/target.js";
import { table } from "./table.js";

/** One checked target: what it was, and what the rules said. */
export interface Checked {
  readonly target: DoctorTarget;
  readonly report: Report;
  /** How the subnets were chosen when --vpc named none. */
  readonly subnetsChosen?: boolean;
  /** The generated project it came from, for fixes given as answers. */
  readonly project?: string;
}

/** A runtime --all listed but could not read: its Get was denied. */
export interface NotRead {
  readonly summary: RuntimeSummary;
  readonly reason: string;
}

export type Outcome = Checked | NotRead;

const isChecked = (o: Outcome): o is Checked => "report" in o;

const count = (report: Report, severity: string): number => report.findings.filter((f) => f.severity === severity).length;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
export const errorsIn = (o: Outcome): number => (isChecked(o) ? count(o.report, "error") : 0);

function runtimeOf(c: Checked): RuntimeInfo | undefined {
  return c.target.runtime?.runtime;
}

/** The target as JSON: the runtime, and the network it was checked in. */
function targetJson(c: Checked): Record<string, unknown> {
  const r = runtimeOf(c);
  const n = c.target.network;
  return {
    ...(c.project !== undefined ? { project: c.project } : {}),
    ...(r ? { runtime: { id: r.id, name: r.name, arn: r.arn, status: r.status, networkMode: r.networkMode } } : {}),
    ...(n ? { vpc: n.details.vpc.id, subnets: n.subnetIds, ...(c.subnetsChosen ? { subnetsChosen: true } : {}), securityGroups: n.groupIds, features: n.features } : {}),
  };
}

export function reportJson(o: Outcome, account: string, region: string): Record<string, unknown> {
  if (!isChecked(o)) {
    const { id, name, arn, status } = o.summary;
    return { region, account, target: { runtime: { id, name, arn, status } }, notRead: o.reason };
  }
  const c = o;
  return {
    region: c.target.account.region,
    account,
    target: targetJson(c),
    findings: c.report.findings.map((f) => ({ id: f.id, severity: f.severity, resource: f.resource, message: f.message, evidence: f.evidence, fix: f.fix, ...(c.project !== undefined && f.answer ? { answer: f.answer } : {}) })),
    checked: c.report.checked,
    notChecked: c.report.notChecked,
  };
}

function heading(c: Checked, account: string): string {
  const r = runtimeOf(c);
  const n = c.target.network;
  const where = n
    ? `${n.details.vpc.id}, subnets ${n.subnetIds.join(", ") || "none"}${c.subnetsChosen ? " (the supported private subnets, one per AZ)" : ""}${n.groupIds.length > 0 ? `, security groups ${n.groupIds.join(", ")}` : ""}`
    : r?.networkMode === "VPC"
      ? "none of its subnets exists"
      : `${r?.networkMode ?? "no"} network mode: the network rules do not apply`;
  const what = `${c.project !== undefined ? `Project ${c.project}: ` : ""}${r ? `Runtime ${r.name} (${r.id}, ${r.status})` : "Network"}`;
  return `${what} in ${c.target.account.region} (account ${account}): ${where}: ${plural(count(c.report, "error"), "error")}, ${plural(count(c.report, "warning"), "warning")}.`;
}

const TITLES = { error: "Errors", warning: "Warnings", info: "Information" } as const;

export function reportText(c: Checked, account: string): string {
  const lines = [heading(c, account)];
  for (const severity of ["error", "warning", "info"] as const) {
    const found = c.report.findings.filter((f) => f.severity === severity);
    if (found.length === 0) continue;
    lines.push("", `${TITLES[severity]} (${found.length}):`);
    for (const f of found) {
      lines.push(`  [${f.id}] ${f.resource}: ${f.message}`, `      seen:   ${f.evidence}`, `      fix:    ${f.fix}`);
      if (c.project !== undefined && f.answer) lines.push(`      answer: ${f.answer}`);
    }
  }
  if (c.report.notChecked.length > 0) lines.push("", "Not checked:", ...c.report.notChecked.map((n) => `  [${n.id}] ${n.reason}`));
  lines.push("", `Checked: ${c.report.checked.join(", ")}.`);
  return lines.join("\n");
}

/** --all: a row per runtime, then the details of those with findings or not read. */
export function summaryText(all: readonly Outcome[], gone: readonly RuntimeSummary[], region: string, account: string): string {
  const checked = all.filter(isChecked);
  const failing = checked.filter((c) => errorsIn(c) > 0).length;
  const warned = checked.filter((c) => errorsIn(c) === 0 && count(c.report, "warning") > 0).length;
  const unread = all.length - checked.length;
  const rows = all.map((o) => (isChecked(o) ? [runtimeOf(o)!.name, runtimeOf(o)!.status, String(errorsIn(o)), String(count(o.report, "warning"))] : [o.summary.name, o.summary.status, "-", "-"]));
  const lines = [
    `${plural(all.length, "runtime")} in ${region} (account ${account}): ${failing} with errors, ${warned} more with warnings only${unread > 0 ? `, ${unread} not read` : ""}.`,
    ...(gone.length > 0 ? [`Deleted since they were listed: ${gone.map((r) => r.name).join(", ")}.`] : []),
    ...(rows.length > 0 ? ["", ...table([["NAME", "STATUS", "ERRORS", "WARNINGS"], ...rows])] : []),
  ];
  for (const o of all) {
    if (!isChecked(o)) lines.push("", `Runtime ${o.summary.name} (${o.summary.id}, ${o.summary.status}) was not read: ${o.reason}`);
    else if (o.report.findings.some((f) => f.severity !== "info")) lines.push("", reportText(o, account));
  }
  return lines.join("\n");
}
