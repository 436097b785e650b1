/**
 * A unified diff of two texts by lines (what `diff -u` prints), from a longest common
 * subsequence: generated files are a few hundred lines, so the quadratic table is small.
 */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  // Lines end with a newline; generated files always have a last one.
  const lines = (text: string): string[] => (text.endsWith("\n") ? text.slice(0, -1) : text).split("\n");
  const a = lines(before);
  const b = lines(after);
  // lcs[i][j]: the common lines of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) for (let j = b.length - 1; j >= 0; j -= 1) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  type Op = { kind: " " | "-" | "+"; text: string; ai: number; bi: number };
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: " ", text: a[i++]!, ai: i, bi: ++j });
    // Removals before additions, as diff -u prints a change.
    else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) ops.push({ kind: "-", text: a[i++]!, ai: i, bi: j });
    else ops.push({ kind: "+", text: b[j++]!, ai: i, bi: j });
  }
  const changed = ops.map((o, k) => (o.kind === " " ? -1 : k)).filter((k) => k >= 0);
  if (changed.length === 0) return "";
  const out = [`--- ${path} (on disk)`, `+++ ${path} (generated)`];
  for (let start = 0; start < changed.length; ) {
    // A hunk takes every change within twice the context of the previous one.
    let end = start;
    while (end + 1 < changed.length && changed[end + 1]! - changed[end]! <= 2 * context + 1) end += 1;
    const from = Math.max(0, changed[start]! - context);
    const to = Math.min(ops.length - 1, changed[end]! + context);
    const hunk = ops.slice(from, to + 1);
    const oldStart = hunk.find((o) => o.kind !== "+")?.ai ?? ops[from]!.ai;
    const newStart = hunk.find((o) => o.kind !== "-")?.bi ?? ops[from]!.bi;
    const oldCount = hunk.filter((o) => o.kind !== "+").length;
    const newCount = hunk.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...hunk.map((o) => `${o.kind}${o.text}`));
    start = end + 1;
  }
  return `${out.join("\n")}\n`;
}
