import { relative } from "node:path";
import { countChanges, describeChanges, type Change } from "../write/changes.js";
import type { Recovery } from "../write/journal.js";
import { ALL_IN_ONE, LAYERS } from "../render/format.js";
import type { Style } from "./style.js";

/** How the target is named to the user: relative to where they stand, "." when it is there. */
export function shownPath(cwd: string, target: string): string {
  return relative(cwd, target) || ".";
}

/** A path as a POSIX shell word. */
export function shellWord(path: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

const INTERRUPTED: Readonly<Record<"staged" | "commit", string>> = {
  staged: "An earlier run here was interrupted before it replaced any file; the next run removes what it staged.",
  commit: "An earlier run here was interrupted while it replaced files; the next run finishes it (shown below as finished).",
};

export function interruptedNote(state: "staged" | "commit" | undefined): string[] {
  return state ? [INTERRUPTED[state]] : [];
}

export function recoveryNote(recovery: Recovery | undefined, shown: string): string[] {
  if (recovery === undefined) return [];
  if (recovery.outcome === "rolled back") return [`An earlier run into ${shown} had been interrupted before it replaced any file; what it staged was removed first.`];
  const left = recovery.skipped.length > 0 ? ` It left alone what is now yours: ${recovery.skipped.join(", ")}.` : "";
  return [`An earlier run into ${shown} had been interrupted while it replaced files; it was finished first.${left}`];
}

/** The file list the dry run and the wizard's confirmation show. */
export function changeList(changes: readonly Change[], shown: string, heading: string): string {
  return [heading.replace("%s", shown === "." ? "the current directory" : shown), ...describeChanges(changes)].join("\n");
}

/** What was written and what to run next, from where the user stands. */
export function nextSteps(changes: readonly Change[], cwd: string, target: string, paint: Style): string {
  const counts = countChanges(changes);
  const where = target === cwd ? "the current directory" : shownPath(cwd, target);
  const done = (["create", "replace", "unchanged", "remove"] as const).filter((a) => counts[a] > 0).map((a) => `${counts[a]} ${{ create: "created", replace: "replaced", unchanged: "unchanged", remove: "removed" }[a]}`);
  const kept = counts.kept > 0 ? `; ${counts.kept} of yours kept` : "";
  const prefix = target === cwd ? "" : `${shownPath(cwd, target)}/`;
  const writes = (dir: string): boolean => changes.some((c) => c.path.startsWith(`${dir}/`) && c.action !== "remove" && c.action !== "kept");
  return [
    paint.heading(`Project written to ${where} (${done.join(", ")}${kept}). Next, in this order:`),
    ...(target === cwd ? [] : [`  cd ${shellWord(shownPath(cwd, target))}`]),
    ...LAYERS.filter(writes).flatMap((layer) => [
      `  terraform -chdir=${layer} init`,
      `  terraform -chdir=${layer} plan -out=${layer}.tfplan`,
      `  terraform -chdir=${layer} apply ${layer}.tfplan`,
    ]),
    ...(writes(ALL_IN_ONE)
      ? [`  (or, for one state instead of one per layer, the same three commands with -chdir=${ALL_IN_ONE}; never both)`]
      : []),
    `${prefix}README.md explains every resource, the cost and how to tear down.`,
  ].join("\n");
}
