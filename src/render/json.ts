import type { Json, JsonObject, TfNode } from "../synth/document.js";

/** Terraform JSON syntax: nodes merged back into { kind: { label: { label: body } } }. */
export function nodesToJson(nodes: readonly TfNode[]): JsonObject {
  const out: JsonObject = {};
  for (const node of nodes) {
    if (node.kind === "locals") {
      out.locals = { ...((out.locals as JsonObject | undefined) ?? {}), ...node.body };
      continue;
    }
    if (node.labels.length === 0) {
      out[node.kind] = [...((out[node.kind] as Json[] | undefined) ?? []), node.body];
      continue;
    }
    let cursor = (out[node.kind] ??= {}) as JsonObject;
    node.labels.slice(0, -1).forEach((label) => (cursor = (cursor[label] ??= {}) as JsonObject));
    cursor[node.labels.at(-1)!] = node.body;
  }
  return out;
}

/** A whole .tf.json file; "//" is Terraform JSON's comment key. */
export function jsonFile(header: readonly string[], content: JsonObject): string {
  const document: { [key: string]: Json } = { "//": header.join(" "), ...content };
  return `${JSON.stringify(document, null, 2)}\n`;
}
