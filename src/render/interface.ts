import type { TfNode } from "../synth/document.js";
import type { Layout } from "./format.js";
import { renderTemplate } from "./templates.js";

/** A table cell: pipes would end the cell, and a line break the row. */
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/**
 * Each layer's inputs (name, type, default, description) and outputs, read from the same
 * variable and output blocks the layer's files are written from, as terraform-aws-modules
 * documents a module.
 */
export function inputsAndOutputs(layers: readonly (readonly [string, readonly TfNode[]])[], layout: Layout): string {
  return renderTemplate("inputs-outputs.md", {
    modules: layout === "modules",
    layers: layers.map(([layer, nodes]) => ({
      layer,
      inputs: nodes
        .filter((n) => n.kind === "variable")
        .map((n) => ({ name: n.labels[0], type: cell(String(n.body.type)), default: "default" in n.body ? cell(`\`${JSON.stringify(n.body.default)}\``) : "required", description: cell(String(n.body.description)) })),
      outputs: nodes.filter((n) => n.kind === "output").map((n) => ({ name: n.labels[0], description: cell(String(n.body.description)) })),
    })),
  });
}
