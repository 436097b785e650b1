import * as cdk from "./cdktn.js";

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Which keys of a body are nested blocks (not attributes), recursively. */
export interface Shape {
  readonly [key: string]: Shape;
}

export type NodeKind = "provider" | "variable" | "locals" | "data" | "resource" | "module" | "check" | "removed" | "moved" | "output";

/** One top-level Terraform block, e.g. resource "aws_vpc" "this" { ... }. */
export interface TfNode {
  readonly kind: NodeKind;
  readonly labels: readonly string[];
  readonly body: JsonObject;
  readonly shape: Shape;
}

const KINDS: readonly NodeKind[] = ["provider", "variable", "locals", "data", "resource", "module", "check", "removed", "moved", "output"];

/** Meta-argument blocks the provider schema does not describe. */
const META_SHAPE: Shape = { lifecycle: { precondition: {}, postcondition: {} }, validation: {}, assert: {} };

const resolver = new cdk.DefaultTokenResolver(new cdk.StringConcat());

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** cdktn's encoded tokens: "${TfToken[...]}" in strings, lists ("#{") and map keys ("&{"). */
const TOKEN_MARKER = "TfToken[";

/** Whether a value holds anything cdktn must resolve: an encoded token, or an object that is not plain data. */
function hasTokens(value: unknown): boolean {
  if (typeof value === "string") return value.includes(TOKEN_MARKER) || value === cdk.Token.STRING_MAP_TOKEN_VALUE || value === cdk.Token.ANY_MAP_TOKEN_VALUE;
  if (typeof value === "number") return cdk.Token.isUnresolved(value);
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return value.some(hasTokens);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return true;
  return Object.entries(value).some(([key, v]) => key.includes(TOKEN_MARKER) || hasTokens(v));
}

/**
 * Resolves the tokens of a fragment. cdktn's resolver visits every value, and in a one-shot
 * process that costs more than all the rest of synthesis; only values that hold tokens go to it.
 */
function resolve(stack: cdk.TerraformStack, value: unknown): unknown {
  // A plain object is walked key by key, so each value is looked at once, not once per level.
  if (isObject(value) && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).every((key) => !key.includes(TOKEN_MARKER))) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, resolve(stack, v)]));
  }
  return hasTokens(value) ? cdk.Tokenization.resolve(value, { scope: stack, resolver, preparing: false }) : value;
}

/** Drops cdktn's "//" metadata and undefined values. */
function clean(value: unknown): Json {
  if (Array.isArray(value)) return value.map(clean);
  if (isObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) if (k !== "//" && v !== undefined) out[k] = clean(v);
    return out;
  }
  return value as Json;
}

function mergeShapes(shapes: Shape[]): Shape {
  const out: Record<string, Shape> = {};
  for (const shape of shapes) for (const [k, v] of Object.entries(shape)) out[k] = mergeShapes([out[k] ?? {}, v]);
  return out;
}

/** Reads block-ness from cdktn's HCL metadata ({ value, isBlock } wrappers). */
function shapeOf(meta: unknown): Shape {
  if (!isObject(meta)) return {};
  const out: Record<string, Shape> = {};
  for (const [key, wrapper] of Object.entries(meta)) {
    if (!isObject(wrapper) || !(wrapper.isBlock === true || wrapper.is_block === true)) continue;
    const items = Array.isArray(wrapper.value) ? wrapper.value : [wrapper.value];
    out[key] = mergeShapes(items.map(shapeOf));
  }
  return out;
}

function nodesOfFragment(fragment: Record<string, unknown>, meta: Record<string, unknown>): TfNode[] {
  const nodes: TfNode[] = [];
  for (const kind of KINDS) {
    const group = fragment[kind];
    if (kind === "removed" || kind === "moved") {
      // Unlabelled blocks that may repeat.
      if (Array.isArray(group)) for (const body of group) nodes.push({ kind, labels: [], body: clean(body) as JsonObject, shape: META_SHAPE });
      continue;
    }
    if (!isObject(group)) continue;
    if (kind === "locals") {
      nodes.push({ kind, labels: [], body: clean(group) as JsonObject, shape: {} });
      continue;
    }
    const metaGroup = isObject(meta[kind]) ? meta[kind] : {};
    for (const [first, inner] of Object.entries(group)) {
      const innerMeta = metaGroup[first];
      if (kind === "data" || kind === "resource") {
        for (const [name, body] of Object.entries(inner as Record<string, unknown>)) {
          const bodyMeta = isObject(innerMeta) ? innerMeta[name] : undefined;
          nodes.push({ kind, labels: [first, name], body: clean(body) as JsonObject, shape: mergeShapes([shapeOf(bodyMeta), META_SHAPE]) });
        }
      } else {
        // A provider fragment holds a list of configurations (aliases); a check or a module call, one body.
        const bodies = Array.isArray(inner) ? inner : [inner];
        const metas = Array.isArray(innerMeta) ? innerMeta : [innerMeta];
        bodies.forEach((body, i) => nodes.push({ kind, labels: [first], body: clean(body) as JsonObject, shape: mergeShapes([shapeOf(metas[i]), META_SHAPE]) }));
      }
    }
  }
  return nodes;
}

/**
 * The stack's blocks in the order they were declared. Block shapes come from cdktn's HCL
 * metadata, which only native syntax needs; it is skipped otherwise, and never resolved.
 */
export function nodesOf(stack: cdk.TerraformStack, withShapes: boolean): TfNode[] {
  return stack.node.children
    .filter((child): child is cdk.TerraformElement => typeof (child as Partial<cdk.TerraformElement>).toTerraform === "function")
    .flatMap((element) =>
      nodesOfFragment(
        resolve(stack, element.toTerraform()) as Record<string, unknown>,
        // The { value, isBlock } wrappers exist before resolution, and only they are read.
        withShapes ? (element.toHclTerraform() as Record<string, unknown>) : {},
      ),
    );
}
