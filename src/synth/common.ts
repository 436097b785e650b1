import { RUNTIME_NAME } from "../catalog/patterns.js";
import type { Answers } from "../answers/model.js";
import { TAG_NAME } from "../catalog/tags.js";
import { AwsProvider, TerraformElement, TerraformIterator, TerraformResource, Token, TerraformLocal, TerraformOutput, TerraformStack, TerraformVariable, type Construct } from "./cdktn.js";

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
  /** None: the caller must give it (a child module's input from another module). */
  readonly default?: unknown;
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

export function output(stack: TerraformStack, name: string, description: string, value: unknown, dependsOn: readonly TerraformResource[] = []): TerraformOutput {
  const element = named(new TerraformOutput(stack, `output.${name}`, { description, value }), name);
  // cdktn writes an output's depends_on as "${...}" templates, which Terraform refuses there: plain addresses.
  if (dependsOn.length > 0) element.addOverride("depends_on", dependsOn.map((r) => `${r.terraformResourceType}.${r.friendlyUniqueId}`));
  return element;
}

/** A layer is a root configuration (the layers layout) or a child module its caller gives a provider (the modules layout). */
export type StackKind = "root" | "module";

/**
 * A layer with what every layer shares: the name and region variables and what tags everything
 * this project made. A root's provider does the tagging with default tags; a child module has
 * no provider of its own, so it takes tags of its caller's and tags each resource (tagResources).
 */
export function layerStack(scope: Construct, id: string, answers: Answers, regionDescription: string, kind: StackKind): TerraformStack {
  const stack = new TerraformStack(scope, id);
  if (kind === "root") {
    new AwsProvider(stack, "aws", {
      region: "${var.region}",
      defaultTags: [{ tags: { [TAG_NAME]: "${var.name}" } }],
    });
  }
  variable(stack, "name", {
    type: "string",
    description: "Runtime name; also prefixes resource names and tags everything this project creates.",
    default: answers.name,
    validation: {
      condition: `\${can(regex(${hclString(RUNTIME_NAME.source)}, var.name))}`,
      errorMessage: "name must start with a letter and have 1-48 letters, digits or underscores.",
    },
  });
  // A module's region must be its provider's, which it cannot see: its caller says it, with no default to forget.
  variable(stack, "region", kind === "root" ? { type: "string", description: regionDescription, default: answers.region } : { type: "string", description: `${regionDescription} The region of the aws provider the module is given, such as data.aws_region.current.region.` });
  if (kind === "module") {
    variable(stack, "tags", { type: "map(string)", description: `Tags for every resource this module creates; ${TAG_NAME} = name is added, which the doctor and the other layers find them by.`, default: {} });
    local(stack, "tags", `\${merge(var.tags, { ${hclString(TAG_NAME)} = var.name })}`);
  }
  return stack;
}

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** Gives every taggable resource of a child module the module's tags, under its own. */
export function tagResources(stack: TerraformStack): void {
  for (const child of stack.node.children) {
    if (!(child instanceof TerraformResource) || !("tagsInput" in child)) continue;
    const resource = child as TerraformResource & { tagsInput?: Record<string, string>; tags: Record<string, string> };
    // Tags are literal maps everywhere here; an expression could not be merged key by key.
    if (resource.tagsInput !== undefined && (Token.isUnresolved(resource.tagsInput) || Object.keys(resource.tagsInput).some((k) => Token.isUnresolved(k)))) {
      throw new Error(`${resource.terraformResourceType}.${resource.friendlyUniqueId}: tags given as an expression cannot be merged with the module's`);
    }
    const own = Object.entries(resource.tagsInput ?? {}).map(([key, value]) => `${BARE_KEY.test(key) ? key : hclString(key)} = ${hclString(value)}`);
    resource.tags = Token.asStringMap(own.length === 0 ? "${local.tags}" : `\${merge(local.tags, { ${own.join(", ")} })}`);
  }
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

/** A moved block (Terraform 1.1+): cdktn moves only between its own resources, not into a module call. */
class MovedBlock extends TerraformElement {
  constructor(
    scope: TerraformStack,
    private readonly from: string,
    private readonly to: string,
  ) {
    super(scope, `moved.${from}`, "moved");
  }

  public override toTerraform(): unknown {
    return { moved: [{ from: this.from, to: this.to }] };
  }

  public override toHclTerraform(): unknown {
    return {};
  }
}

/** A resource that the state may hold at `from` is the one now at `to`: Terraform moves it instead of replacing it. */
export function moved(stack: TerraformStack, from: string, to: string): void {
  new MovedBlock(stack, from, to);
}
