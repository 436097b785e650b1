import type { Json, JsonObject, Shape, TfNode } from "../synth/document.js";
import { splitTemplate, wholeExpression } from "./template-string.js";

/**
 * Prints Terraform's native syntax the way `terraform fmt` leaves it: two-space indent,
 * aligned "=" in runs of one-line attributes, bare expressions instead of "${...}" strings.
 */

interface Line {
  readonly depth: number;
  readonly text: string;
  /** Set on one-line attributes; consecutive ones get their "=" aligned. */
  readonly key?: string;
}

const BLANK: Line = { depth: -1, text: "" };
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Keys whose JSON values are plain strings but references in native syntax. */
const EXPRESSION_LIST_KEYS = new Set(["depends_on", "ignore_changes"]);
const META_FIRST = ["count", "for_each", "provider"];
const META_LAST = ["depends_on", "lifecycle"];
const ORDER: Partial<Record<TfNode["kind"], readonly string[]>> = {
  variable: ["type", "description", "default", "sensitive", "nullable"],
  output: ["description", "value", "sensitive"],
  module: ["source"],
};
const MAX_INLINE_LIST = 100;
/** Conditions read before their messages in pre/postconditions and validations. */
const NESTED_ORDER = ["sid", "condition", "error_message"];

function escapeLiteral(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

export function quoteTemplate(s: string): string {
  return `"${splitTemplate(s)
    .map((p) => (p.literal ? escapeLiteral(p.text) : p.text))
    .join("")}"`;
}

/**
 * How a string is written: "template" (Terraform evaluates ${...} in it), "literal" (variable
 * defaults and .tfvars values, where Terraform evaluates nothing, so ${ and %{ are escaped),
 * or "bare" (a reference that JSON spells as a plain string).
 */
type StringMode = "template" | "literal" | "bare";

function stringValue(s: string, mode: StringMode): string {
  if (mode === "bare") return s;
  if (mode === "literal") return `"${escapeLiteral(s).replace(/([$%])\{/g, "$1$1{")}"`;
  return wholeExpression(s) ?? quoteTemplate(s);
}

function mapKey(key: string): string {
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}

/** A value as its first line (after "key = ") and any further lines. */
function valueLines(value: Json, depth: number, mode: StringMode): { first: string; rest: Line[] } {
  if (typeof value === "string") return { first: stringValue(value, mode), rest: [] };
  if (value === null || typeof value !== "object") return { first: String(value), rest: [] };
  if (Array.isArray(value)) {
    const items = value.map((v) => valueLines(v, depth + 1, mode));
    const inline = `[${items.map((i) => i.first).join(", ")}]`;
    if (items.every((i) => i.rest.length === 0) && inline.length <= MAX_INLINE_LIST) return { first: inline, rest: [] };
    const rest = items.flatMap((i): Line[] =>
      i.rest.length === 0
        ? [{ depth: depth + 1, text: `${i.first},` }]
        : [{ depth: depth + 1, text: i.first }, ...i.rest.slice(0, -1), { ...i.rest.at(-1)!, text: `${i.rest.at(-1)!.text},` }],
    );
    return { first: "[", rest: [...rest, { depth, text: "]" }] };
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return { first: "{}", rest: [] };
  const rest = entries.flatMap(([k, v]) => attributeLines(mapKey(k), v, depth + 1, mode));
  return { first: "{", rest: [...rest, { depth, text: "}" }] };
}

function attributeLines(key: string, value: Json, depth: number, mode: StringMode): Line[] {
  const { first, rest } = valueLines(value, depth, mode);
  if (rest.length === 0) return [{ depth, key, text: first }];
  return [{ depth, text: `${key} = ${first}` }, ...rest];
}

function asString(value: Json): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The lines of one attribute or one (possibly repeated) nested block. */
function memberLines(key: string, value: Json, shape: Shape, depth: number, literalKeys: readonly string[]): Line[][] {
  const blockShape = shape[key];
  if (blockShape) {
    const bodies = Array.isArray(value) ? value : [value];
    return bodies.map((b) => blockLines(key, [], b as JsonObject, blockShape, depth));
  }
  if (EXPRESSION_LIST_KEYS.has(key) && Array.isArray(value)) return [attributeLines(key, value.map(asString), depth, "bare")];
  // A removed or moved block's addresses: JSON spells them as plain strings.
  if ((key === "from" || key === "to") && typeof value === "string") return [attributeLines(key, value, depth, "bare")];
  return [attributeLines(key, value, depth, literalKeys.includes(key) ? "literal" : "template")];
}

function bodyLines(body: JsonObject, shape: Shape, depth: number, order: readonly string[] = NESTED_ORDER, literalKeys: readonly string[] = []): Line[] {
  const keys = Object.keys(body);
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  const pick = (pred: (k: string) => boolean): string[] => keys.filter(pred).sort((a, b) => rank(a) - rank(b));
  const isBlock = (k: string): boolean => shape[k] !== undefined;
  const first = META_FIRST.filter((k) => keys.includes(k));
  const last = META_LAST.filter((k) => keys.includes(k));
  const middle = keys.filter((k) => !first.includes(k) && !last.includes(k));
  const attrs = pick((k) => middle.includes(k) && !isBlock(k) && k !== "tags");
  if (body.tags !== undefined && middle.includes("tags")) attrs.push("tags");
  const blocks = middle.filter(isBlock);

  // Groups are separated by a blank line; every nested block is its own group.
  const groups: Line[][] = [];
  const member = (k: string): Line[][] => memberLines(k, body[k]!, shape, depth, literalKeys);
  const flat = (ks: string[]): Line[] => ks.flatMap((k) => member(k).flat());
  if (first.length > 0) groups.push(flat(first));
  if (attrs.length > 0) groups.push(flat(attrs));
  for (const k of [...blocks, ...last]) groups.push(...member(k));
  return groups.flatMap((g, i) => (i === 0 ? g : [BLANK, ...g]));
}

function blockLines(type: string, labels: readonly string[], body: JsonObject, shape: Shape, depth: number, order?: readonly string[], literalKeys?: readonly string[]): Line[] {
  const header = [type, ...labels.map((l) => JSON.stringify(l))].join(" ");
  const inner = bodyLines(body, shape, depth + 1, order, literalKeys);
  if (inner.length === 0) return [{ depth, text: `${header} {}` }];
  return [{ depth, text: `${header} {` }, ...inner, { depth, text: "}" }];
}

/** Aligns "=" within each run of consecutive one-line attributes, as terraform fmt does. */
function printLines(lines: Line[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.key === undefined) {
      out.push(line === BLANK ? "" : `${"  ".repeat(line.depth)}${line.text}`);
      i += 1;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]!.key !== undefined) end += 1;
    const run = lines.slice(i, end);
    const width = Math.max(...run.map((l) => l.key!.length));
    for (const l of run) out.push(`${"  ".repeat(l.depth)}${l.key!.padEnd(width)} = ${l.text}`);
    i = end;
  }
  return out.join("\n");
}

export function nodeToHcl(node: TfNode): string {
  if (node.kind === "locals") return printLines(blockLines("locals", [], node.body, {}, 0));
  // A variable's type is a type expression in native syntax, a plain string in JSON.
  const body = node.kind === "variable" ? { ...node.body, type: `\${${String(node.body.type)}}` } : node.body;
  // A variable's default is a literal value: Terraform evaluates no ${...} there.
  return printLines(blockLines(node.kind, node.labels, body, node.shape, 0, ORDER[node.kind], node.kind === "variable" ? ["default"] : []));
}

export interface VersionsBlock {
  readonly requiredVersion: string;
  readonly awsVersion: string;
}

export function versionsToHcl(v: VersionsBlock): string {
  const body: JsonObject = { required_version: v.requiredVersion, required_providers: { aws: { source: "hashicorp/aws", version: v.awsVersion } } };
  return printLines(blockLines("terraform", [], body, { required_providers: {} }, 0));
}

/** A whole file: header comment, then blocks separated by blank lines. */
export function hclFile(header: readonly string[], blocks: readonly string[]): string {
  return `${[header.map((h) => `# ${h}`).join("\n"), ...blocks].join("\n\n")}\n`;
}

/** One attribute as it would appear in a .tfvars file. */
export function assignmentToHcl(key: string, value: Json): string {
  return printLines(attributeLines(key, value, 0, "literal"));
}
