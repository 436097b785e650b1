import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { nodesOf, type TfNode } from "./document.js";
import { dataStack } from "./data.js";
import { networkStack } from "./network.js";
import { runtimeStack } from "./runtime.js";

export type Layer = "network" | "data" | "runtime";

export interface Synthesized {
  readonly network: readonly TfNode[];
  /** Only with a database this project creates. */
  readonly data?: readonly TfNode[];
  readonly runtime: readonly TfNode[];
}

/**
 * Builds both layers in memory; `withShapes` adds what native syntax needs to tell blocks
 * from maps. A bare construct is the root rather than cdktn's App, which creates an output
 * directory as soon as it is constructed.
 */
export function synthesize(plan: Plan, withShapes: boolean): Synthesized {
  // cdktn records a full stack trace at every token's creation, for its own error messages:
  // about a third of synthesis time. Nothing here reads them, so synthesis runs without.
  const saved = process.env.CDKTN_DISABLE_CREATION_STACK;
  process.env.CDKTN_DISABLE_CREATION_STACK = "1";
  try {
    const root = new cdk.Construct(undefined as unknown as cdk.Construct, "");
    const rds = plan.answers.rds;
    return {
      network: nodesOf(networkStack(root, plan), withShapes),
      ...(rds?.mode === "create" ? { data: nodesOf(dataStack(root, plan, rds), withShapes) } : {}),
      runtime: nodesOf(runtimeStack(root, plan), withShapes),
    };
  } finally {
    if (saved === undefined) delete process.env.CDKTN_DISABLE_CREATION_STACK;
    else process.env.CDKTN_DISABLE_CREATION_STACK = saved;
  }
}
