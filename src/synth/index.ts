import type { Plan } from "../plan/plan.js";
import { ALL_IN_ONE } from "../render/format.js";
import * as cdk from "./cdktn.js";
import { tagResources, type StackKind } from "./common.js";
import { nodesOf, type TfNode } from "./document.js";
import { dataStack } from "./data.js";
import { networkStack } from "./network.js";
import { allInOneRoot, layerRoot, type ModuleInterface, type ModuleLayer } from "./roots.js";
import { runtimeStack } from "./runtime.js";

/**
 * One Terraform configuration of the project: a layer applied on its own (the layers layout),
 * or a child module and the roots that call it (the modules layout).
 */
export interface Configuration {
  /** Its directory in the project. */
  readonly dir: string;
  readonly role: "layer" | "module" | "root";
  readonly nodes: readonly TfNode[];
  /** The blocks of the modules it calls: its provider version must cover them too. */
  readonly called: readonly TfNode[];
}

export type Synthesized = readonly Configuration[];

/** Each layer's stack, in the order they are applied; "data" only with a database this project creates. */
function layerStacks(root: cdk.Construct, plan: Plan, kind: StackKind): [ModuleLayer, cdk.TerraformStack][] {
  const rds = plan.answers.rds;
  return [
    ["network", networkStack(root, plan, kind)],
    ...(rds?.mode === "create" ? [["data", dataStack(root, plan, rds, kind)] as [ModuleLayer, cdk.TerraformStack]] : []),
    ["runtime", runtimeStack(root, plan, kind)],
  ];
}

/**
 * Builds every configuration in memory; `withShapes` adds what native syntax needs to tell
 * blocks from maps. A bare construct is the root rather than cdktn's App, which creates an
 * output directory as soon as it is constructed.
 */
export function synthesize(plan: Plan, withShapes: boolean): Synthesized {
  // cdktn records a full stack trace at every token's creation, for its own error messages:
  // about a third of synthesis time. Nothing here reads them, so synthesis runs without.
  const saved = process.env.CDKTN_DISABLE_CREATION_STACK;
  process.env.CDKTN_DISABLE_CREATION_STACK = "1";
  // A tree of its own for the modules and for the roots: both have a stack per layer name.
  const tree = (): cdk.Construct => new cdk.Construct(undefined as unknown as cdk.Construct, "");
  try {
    if (plan.answers.layout === "layers") {
      return layerStacks(tree(), plan, "root").map(([layer, stack]) => ({ dir: layer, role: "layer", nodes: nodesOf(stack, withShapes), called: [] }));
    }
    const modules: ModuleInterface[] = layerStacks(tree(), plan, "module").map(([layer, stack]) => {
      tagResources(stack);
      return { layer, nodes: nodesOf(stack, withShapes) };
    });
    const roots = tree();
    const rooted = (dir: string, stack: cdk.TerraformStack, called: readonly ModuleInterface[]): Configuration => ({ dir, role: "root", nodes: nodesOf(stack, withShapes), called: called.flatMap((m) => m.nodes) });
    return [
      ...modules.map((m): Configuration => ({ dir: `modules/${m.layer}`, role: "module", nodes: m.nodes, called: [] })),
      ...modules.map((m) => rooted(m.layer, layerRoot(roots, plan, m), [m])),
      rooted(ALL_IN_ONE, allInOneRoot(roots, plan, modules), modules),
    ];
  } finally {
    if (saved === undefined) delete process.env.CDKTN_DISABLE_CREATION_STACK;
    else process.env.CDKTN_DISABLE_CREATION_STACK = saved;
  }
}
