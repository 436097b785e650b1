import type { Plan } from "../plan/plan.js";
import { ALL_IN_ONE, LAYERS } from "../render/format.js";
import * as cdk from "./cdktn.js";
import { keepWhenRemoved, moved, named, output } from "./common.js";
import { createdDatabase } from "./database-access.js";
import type { TfNode } from "./document.js";
import { groupInput, groupsOf, networkLookups } from "./lookups.js";

type Stack = cdk.TerraformStack;
export type ModuleLayer = (typeof LAYERS)[number];

/** A child module as its callers see it: its variables and outputs. */
export interface ModuleInterface {
  readonly layer: ModuleLayer;
  readonly nodes: readonly TfNode[];
}

const variablesOf = (m: ModuleInterface): TfNode[] => m.nodes.filter((n) => n.kind === "variable");
/** A module's inputs without a default are what another module or a look-up gives it. */
const hasDefault = (n: TfNode): boolean => "default" in n.body;

/** A root with a provider of its own; the modules tag what they create, so it sets no default tags. */
function rootStack(scope: cdk.Construct, id: string): Stack {
  const stack = new cdk.TerraformStack(scope, id);
  new cdk.AwsProvider(stack, "aws", { region: "${var.region}" });
  return stack;
}

/**
 * Declares in a root the inputs of its modules it does not wire: each input with a default again,
 * with its type, description and default (the module validates it), and the region every module
 * is given, which the provider uses too.
 */
function declare(stack: Stack, plan: Plan, inputs: readonly TfNode[]): void {
  const declared = new Set<string>();
  for (const node of inputs) {
    const name = node.labels[0]!;
    if (declared.has(name) || !(hasDefault(node) || name === "region")) continue;
    declared.add(name);
    const spec = name === "region" ? { description: "AWS region of the provider and of every module.", default: plan.answers.region } : { description: String(node.body.description), default: node.body.default };
    named(new cdk.TerraformVariable(stack, `variable.${name}`, { type: String(node.body.type), ...spec }), name);
  }
}

/** Calls a module, passing each input either what is wired to it or the root's variable of the same name. */
function call(stack: Stack, m: ModuleInterface, wired: Readonly<Record<string, unknown>>): cdk.TerraformHclModule {
  const inputs = variablesOf(m);
  const unknown = Object.keys(wired).filter((k) => !inputs.some((n) => n.labels[0] === k));
  const missing = inputs.filter((n) => !hasDefault(n) && n.labels[0] !== "region" && !(n.labels[0]! in wired)).map((n) => n.labels[0]);
  // A wiring mistake here would only show at terraform init or plan: it stops synthesis instead.
  if (unknown.length > 0) throw new Error(`module ${m.layer} has no input ${unknown.join(", ")}`);
  if (missing.length > 0) throw new Error(`module ${m.layer} is given nothing for ${missing.join(", ")}`);
  const variables = Object.fromEntries(inputs.map((n) => [n.labels[0]!, wired[n.labels[0]!] ?? `\${var.${n.labels[0]}}`]));
  return named(
    new cdk.TerraformHclModule(stack, m.layer, {
      source: `../modules/${m.layer}`,
      // The module is the directory beside this one, not a copy cdktn would make.
      skipAssetCreationFromLocalModules: true,
      variables,
    }),
    m.layer,
  );
}

/** What the data or runtime module is given of the network and of a created database, by input name. */
function upstream(
  roles: readonly string[],
  network: { subnets: unknown; group: (role: string) => unknown },
  database?: { secretArn: unknown; host: unknown; port: unknown },
): Record<string, unknown> {
  return {
    subnet_ids: network.subnets,
    ...Object.fromEntries(roles.map((role) => [groupInput(role), network.group(role)])),
    ...(database ? { database_secret_arn: database.secretArn, database_host: database.host, database_port: database.port } : {}),
  };
}

/**
 * A layer's thin root: applied on its own with its own state, as in the layers layout. The data
 * and runtime roots find the network by tags (and the database by its identifier) and pass
 * what they found to the module.
 */
export function layerRoot(scope: cdk.Construct, plan: Plan, m: ModuleInterface): Stack {
  const stack = rootStack(scope, m.layer);
  declare(stack, plan, variablesOf(m));
  let wired: Record<string, unknown> = {};
  if (m.layer !== "network") {
    const roles = groupsOf(m.layer, plan.answers);
    const network = networkLookups(stack, plan, roles);
    const rds = plan.answers.rds;
    const found = m.layer === "runtime" && rds?.mode === "create" ? createdDatabase(stack, rds) : undefined;
    wired = upstream(roles, { subnets: network.subnets, group: (role) => network.groups[role] }, found && { secretArn: found.secretArn, host: found.values.databaseHost, port: found.values.databasePort });
  }
  const module = call(stack, m, wired);
  for (const node of m.nodes) if (node.kind === "output") output(stack, node.labels[0]!, String(node.body.description), module.get(node.labels[0]!));
  // A state the layers layout applied here holds each resource at the top: it moves into the module
  // instead of being destroyed and created again; one the module forgets is forgotten at the top too.
  for (const node of m.nodes) {
    if (node.kind === "resource") moved(stack, node.labels.join("."), `module.${m.layer}.${node.labels.join(".")}`);
    if (node.kind === "removed") keepWhenRemoved(stack, String(node.body.from));
  }
  return stack;
}

/**
 * Every module in one root and one state: the data and runtime modules take the network
 * module's outputs (and the runtime the data module's) directly, with no look-up by tags.
 */
export function allInOneRoot(scope: cdk.Construct, plan: Plan, modules: readonly ModuleInterface[]): Stack {
  const stack = rootStack(scope, ALL_IN_ONE);
  declare(stack, plan, modules.flatMap(variablesOf));
  const of = (layer: ModuleLayer): ModuleInterface | undefined => modules.find((m) => m.layer === layer);
  const network = call(stack, of("network")!, {});
  const fromNetwork = { subnets: network.get("private_subnet_ids"), group: (role: string) => network.get(groupInput(role)) };
  const dataModule = of("data");
  const data = dataModule ? call(stack, dataModule, upstream(groupsOf("data", plan.answers), fromNetwork)) : undefined;
  // The network module gives the subnets and groups only once the endpoints, rules and routes exist,
  // so the runtime waits for them without a depends_on on the whole module (which would defer its data sources).
  const runtime = call(
    stack,
    of("runtime")!,
    upstream(groupsOf("runtime", plan.answers), fromNetwork, data && { secretArn: data.get("database_secret_arn"), host: data.get("database_endpoint"), port: "${var.database_port}" }),
  );
  for (const called of [network, ...(data ? [data] : []), runtime]) {
    output(stack, called.friendlyUniqueId, `Every output of the ${called.friendlyUniqueId} module (see modules/${called.friendlyUniqueId}).`, called.fqn);
  }
  return stack;
}
