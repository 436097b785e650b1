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
  const root = new cdk.Construct(undefined as unknown as cdk.Construct, "");
  const rds = plan.answers.rds;
  return {
    network: nodesOf(networkStack(root, plan), withShapes),
    ...(rds?.mode === "create" ? { data: nodesOf(dataStack(root, plan, rds), withShapes) } : {}),
    runtime: nodesOf(runtimeStack(root, plan), withShapes),
  };
}
