import { RUNTIME_NAME } from "../catalog/patterns.js";
import type { Answers } from "../answers/model.js";
import { TAG_NAME } from "../catalog/tags.js";
import { AwsProvider, TerraformElement, TerraformIterator, Token, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, type Construct } from "./cdktn.js";

export { TAG_NAME, TAG_ROLE, TAG_TIER } from "../catalog/tags.js";

/** A string literal inside a Terraform expression; JSON escapes are valid HCL escapes for these patterns. */
export function hclString(text: string): string {
  return JSON.stringify(text);
}

/** Gives an element a readable Terraform name instead of the construct path. */
export function named<T extends { overrideLogicalId(id: string): void }>(element: T, name: string): T {
  element.overrideLogicalId(name);
  return element;
}

export interface VariableSpec {
  readonly type: string;
  readonly description: string;
  readonly default: unknown;
  readonly validation?: { readonly condition: string; readonly errorMessage: string };
}

export function variable(stack: TerraformStack, name: string, spec: VariableSpec): TerraformVariable {
  return named(new TerraformVariable(stack, `variable.${name}`, {
    type: spec.type,
    description: spec.description,
    default: spec.default,
    ...(spec.validation ? { validation: [spec.validation] } : {}),
  }), name);
}

export function output(stack: TerraformStack, name: string, description: string, value: unknown): TerraformOutput {
  return named(new TerraformOutput(stack, `output.${name}`, { description, value }), name);
}

/**
 * A layer with what both layers share: the provider, whose default tags mark everything
 * this project made, and the name and region variables.
 */
export function layerStack(scope: Construct, id: string, answers: Answers, regionDescription: string): TerraformStack {
  const stack = new TerraformStack(scope, id);
  new AwsProvider(stack, "aws", {
    region: "${var.region}",
    defaultTags: [{ tags: { [TAG_NAME]: "${var.name}" } }],
  });
  variable(stack, "name", {
    type: "string",
    description: "Runtime name; also prefixes resource names and tags everything this project creates.",
    default: answers.name,
    validation: {
      condition: `\${can(regex(${hclString(RUNTIME_NAME.source)}, var.name))}`,
      errorMessage: "name must start with a letter and have 1-48 letters, digits or underscores.",
    },
  });
  variable(stack, "region", { type: "string", description: regionDescription, default: answers.region });
  return stack;
}

export function local(stack: TerraformStack, name: string, expression: string): TerraformLocal {
  return named(new TerraformLocal(stack, `local.${name}`, expression), name);
}

/** for_each over a Terraform expression (a map, or toset(list)), written as given. */
export function forEachIn(expression: string): TerraformIterator {
  return TerraformIterator.fromMap(Token.asAnyMap(`\${${expression}}`));
}

export interface Assertion {
  readonly condition: string;
  readonly errorMessage: string;
}

/**
 * A check block (Terraform 1.5+), which cdktn has no class for: a failed assertion is a
 * warning on plan and apply, for what this project cannot fix itself.
 */
class CheckBlock extends TerraformElement {
  constructor(
    scope: TerraformStack,
    name: string,
    private readonly assertions: readonly Assertion[],
  ) {
    super(scope, `check.${name}`, "check");
    this.overrideLogicalId(name);
  }

  public override toTerraform(): unknown {
    return { check: { [this.friendlyUniqueId]: { assert: this.assertions.map((a) => ({ condition: a.condition, error_message: a.errorMessage })) } } };
  }

  /** Only block shapes are read from this; the assert blocks' shape is known to the printer (document.ts). */
  public override toHclTerraform(): unknown {
    return {};
  }
}

export function check(stack: TerraformStack, name: string, assertions: readonly Assertion[]): void {
  new CheckBlock(stack, name, assertions);
}

/** A removed block (Terraform 1.7+) that forgets a resource without destroying it; cdktn has no class for it either. */
class KeptWhenRemoved extends TerraformElement {
  constructor(
    scope: TerraformStack,
    private readonly address: string,
  ) {
    super(scope, `removed.${address}`, "removed");
  }

  public override toTerraform(): unknown {
    return { removed: [{ from: this.address, lifecycle: { destroy: false } }] };
  }

  /** As for CheckBlock: the lifecycle block's shape is known to the printer. */
  public override toHclTerraform(): unknown {
    return {};
  }
}

/** When a resource this layer may have created leaves the configuration, it stays in the account. */
export function keepWhenRemoved(stack: TerraformStack, address: string): void {
  new KeptWhenRemoved(stack, address);
}
