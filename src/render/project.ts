import { serializeAnswers, type Answers } from "../answers/model.js";
import { ENVIRONMENT, environmentOf, meaningOf } from "../catalog/environment.js";
import { memoryLine } from "./memory.js";
import { lingeringTools, toolLines } from "./tools.js";
import * as D from "../catalog/databases.js";
import { databaseLine } from "./database.js";
import { FEATURE_MEANING } from "../catalog/features.js";
import * as price from "../catalog/pricing.js";
import { providerFloor } from "../catalog/provider-versions.js";
import type { Plan } from "../plan/plan.js";
import type { Json, TfNode } from "../synth/document.js";
import { synthesize, type Configuration, type Synthesized } from "../synth/index.js";
import { inputsAndOutputs } from "./interface.js";
import { groupInput, groupsOf } from "../synth/lookups.js";
import { assignmentToHcl, hclFile, nodeToHcl, versionsToHcl, type VersionsBlock } from "./hcl.js";
import { jsonFile, nodesToJson } from "./json.js";
import { packageVersion } from "../version.js";
import { ALL_IN_ONE, ANSWERS_FILE, markerOf, TFVARS_EXAMPLE, type Format } from "./format.js";
import { renderTemplate } from "./templates.js";


/** Each layer asks for the oldest Terraform and provider that have everything it declares (src/catalog/provider-versions.ts). */
/** What runtime/ holds besides the role and the runtime, for the layout table. */
function runtimeParts(answers: Answers): string {
  const parts = [
    ...(answers.memory ? ["its Memory"] : []),
    ...(answers.gateway && !("arn" in answers.gateway) ? ["the Gateway and its role"] : []),
    ...(answers.browser && (answers.browser.network === "vpc" || answers.browser.recording) ? [`the Browser and its role${answers.browser.recording ? ", the recordings bucket" : ""}`] : []),
    ...(answers.codeInterpreter?.network === "vpc" ? ["the Code Interpreter and its role"] : []),
    ...(answers.features.includes("observability") ? ["the log and trace delivery"] : []),
  ];
  return parts.length === 0 ? "" : parts.length === 1 ? `, ${parts[0]}` : `, ${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function versionsOf(nodes: readonly TfNode[]): VersionsBlock {
  // Check blocks need Terraform 1.5, removed blocks 1.7.
  const terraform = nodes.some((n) => n.kind === "removed") ? "1.7.0" : "1.5.0";
  return { requiredVersion: `>= ${terraform}`, awsVersion: `>= ${providerFloor(nodes)}, < 7.0.0` };
}

export type ProjectFiles = Record<string, string>;

/** The answers file holds the format too, so regenerating needs no other option. */
const REGENERATE = `npx create-agentcore-vpc . --answers ${ANSWERS_FILE} --force`;

const MARKER = markerOf(packageVersion());
/** The header of a file in `dir` ("" for the top), naming the answers file by its path from there. */
const headerIn = (dir: string): string[] => [`${MARKER} from ${"../".repeat(dir === "" ? 0 : dir.split("/").length)}${ANSWERS_FILE}; edits here are lost.`, `To change it, edit ${ANSWERS_FILE} and run: ${REGENERATE}`];

/** One file per concern, as terraform-aws-modules lays out a module; moved blocks apart, as they matter once. */
function splitNodes(nodes: readonly TfNode[]): { main: TfNode[]; variables: TfNode[]; outputs: TfNode[]; moved: TfNode[] } {
  const locals = nodes.filter((n) => n.kind === "locals");
  const merged: TfNode = { kind: "locals", labels: [], body: Object.assign({}, ...locals.map((l) => l.body)), shape: {} };
  const main = nodes.filter((n) => !["variable", "output", "moved"].includes(n.kind) && (n.kind !== "locals" || n === locals[0])).map((n) => (n === locals[0] ? merged : n));
  return { main, variables: nodes.filter((n) => n.kind === "variable"), outputs: nodes.filter((n) => n.kind === "output"), moved: nodes.filter((n) => n.kind === "moved") };
}

function configurationFiles({ dir: layer, nodes, called }: Configuration, format: Format): ProjectFiles {
  const parts = splitNodes(nodes);
  const head = headerIn(layer);
  const versions = versionsOf([...nodes, ...called]);
  if (format === "json") {
    return {
      [`${layer}/versions.tf.json`]: jsonFile(head, {
        terraform: { required_version: versions.requiredVersion, required_providers: { aws: { source: "hashicorp/aws", version: versions.awsVersion } } },
      }),
      [`${layer}/main.tf.json`]: jsonFile(head, nodesToJson(parts.main)),
      [`${layer}/variables.tf.json`]: jsonFile(head, nodesToJson(parts.variables)),
      [`${layer}/outputs.tf.json`]: jsonFile(head, nodesToJson(parts.outputs)),
      ...(parts.moved.length > 0 ? { [`${layer}/moved.tf.json`]: jsonFile(head, nodesToJson(parts.moved)) } : {}),
    };
  }
  return {
    [`${layer}/versions.tf`]: hclFile(head, [versionsToHcl(versions)]),
    [`${layer}/main.tf`]: hclFile(head, parts.main.map(nodeToHcl)),
    [`${layer}/variables.tf`]: hclFile(head, parts.variables.map(nodeToHcl)),
    [`${layer}/outputs.tf`]: hclFile(head, parts.outputs.map(nodeToHcl)),
    ...(parts.moved.length > 0 ? { [`${layer}/moved.tf`]: hclFile(head, parts.moved.map(nodeToHcl)) } : {}),
  };
}

function tfvarsExample(layer: string, nodes: readonly TfNode[]): string {
  const variables = nodes
    .filter((n) => n.kind === "variable")
    .map((n) => ({
      description: String(n.body.description),
      assignment: assignmentToHcl(n.labels[0]!, (n.body.default ?? null) as Json)
        .split("\n")
        .map((l) => `# ${l}`)
        .join("\n"),
    }));
  return renderTemplate("terraform.tfvars.example", { header: headerIn(layer), layer, variables });
}

/** What stops the plan for the reused endpoints, as the README says it. */
function reusedChecks(plan: Plan): string {
  const checks: string[] = [];
  if (plan.reusedEndpoints.some((e) => e.type === "Interface")) {
    // With internet egress a listed service without a private-DNS endpoint is reached the other way.
    const missing = plan.answers.internet ? "" : "the VPC has no interface endpoint with private DNS for one of these services, or ";
    checks.push(`if ${missing}an interface endpoint is not available or is in none of the runtime's AZs`);
  }
  if (plan.reusedEndpoints.some((e) => e.suffix === "s3")) {
    checks.push("if a route table of the runtime's subnets has no S3 gateway endpoint's route (the VPC may have several S3 gateway endpoints, one per table)");
  }
  return checks.join(", or ");
}

/** How a root of the user's calls the modules, shown with the all-in-one root's own module blocks. */
function modulesSection(plan: Plan, configurations: Synthesized): string {
  const allInOne = configurations.find((c) => c.dir === ALL_IN_ONE)!;
  return renderTemplate("modules.md", {
    ext: plan.answers.format === "json" ? ".tf.json" : ".tf",
    createdDb: plan.answers.rds?.mode === "create",
    calls: allInOne.nodes.filter((n) => n.kind === "module").map(nodeToHcl).join("\n\n"),
    region: plan.answers.region,
    groups: groupsOf("runtime", plan.answers).map((g) => `.${groupInput(g)}`).join(", "),
  });
}

function readme(plan: Plan, configurations: Synthesized): string {
  const { answers } = plan;
  // Above this much traffic a month, one endpoint costs less than sending the same bytes through NAT.
  const breakEvenGb = Math.round((price.INTERFACE_ENDPOINT_PER_AZ_MONTH * plan.azCount) / (price.NAT_PER_GB - price.INTERFACE_ENDPOINT_PER_GB));
  return renderTemplate("README.md", {
    marker: `${MARKER}. Edit ${ANSWERS_FILE} and run \`${REGENERATE}\` to change it.`,
    version: packageVersion(),
    answers,
    ext: answers.format === "json" ? ".tf.json" : ".tf",
    features: answers.features.map((f) => ({ name: f, meaning: FEATURE_MEANING[f] })),
    endpoints: plan.endpoints,
    reused: plan.reusedEndpoints.length > 0 ? plan.reusedEndpoints.map((e) => `\`${e.suffix}\``).join(", ") : undefined,
    reusedInterface: plan.reusedEndpoints.some((e) => e.type === "Interface"),
    s3Reused: plan.reusedEndpoints.some((e) => e.suffix === "s3"),
    s3Created: plan.endpoints.some((e) => e.suffix === "s3" && !e.reused),
    reusedChecks: reusedChecks(plan),
    // The endpoints worth adding first with a NAT path, less those the VPC already has.
    suggestedEndpoints: ["ecr.api", "ecr.dkr", "logs"].filter((s) => !plan.reusedEndpoints.some((e) => e.suffix === s)).map((s) => `"${s}"`).join(", "),
    interfaceEndpoints: plan.interfaceEndpoints.length,
    subnets: plan.subnets,
    supportedAzIds: plan.supportedAzIds.join(", "),
    existingVpc: plan.existingVpc,
    vpcId: plan.existingVpc && "id" in answers.vpc ? answers.vpc.id : undefined,
    nat: plan.nat,
    internet: answers.internet,
    rds: answers.rds,
    createdDb: answers.rds?.mode === "create" ? { title: D.ENGINES[answers.rds.engine].title, line: databaseLine(answers.rds), prices: D.DATABASE_PRICES } : undefined,
    memory: answers.memory ? { ...answers.memory, line: memoryLine(answers.memory) } : undefined,
    tools: toolLines(answers, plan.nat),
    lingering: lingeringTools(answers),
    browserInVpc: answers.browser?.network === "vpc",
    interpreterInVpc: answers.codeInterpreter?.network === "vpc",
    runtimeParts: runtimeParts(answers),
    environment: environmentOf(answers).map((k) => ({ name: ENVIRONMENT[k].name, value: meaningOf(k, answers) })),
    observability: answers.features.includes("observability"),
    azCount: plan.azCount,
    azCountKnown: plan.azCountKnown,
    cost: plan.cost.map((c) => ({ item: c.item, monthly: price.usd(c.monthlyUsd) })),
    total: price.usd(plan.monthlyUsd),
    endpointMonthly: price.usd(price.INTERFACE_ENDPOINT_PER_AZ_MONTH),
    natPerGb: price.usdRate(price.NAT_PER_GB),
    endpointPerGb: price.usdRate(price.INTERFACE_ENDPOINT_PER_GB),
    prices: price.pricesNote(answers.region),
    breakEvenGb,
    flowLogs: { ingest: price.usdRate(price.FLOW_LOGS_INGEST_PER_GB), storage: price.usdRate(price.LOG_STORAGE_PER_GB_MONTH), key: price.usd(price.KMS_KEY_PER_MONTH) },
    notes: plan.notes,
    regenerate: REGENERATE,
    modules: answers.layout === "modules",
    modulesSection: answers.layout === "modules" ? modulesSection(plan, configurations).trimEnd() : "",
    // What a caller sets and reads: each layer's, or each module's (a root's are its module's).
    inputsOutputs: inputsAndOutputs(
      configurations.filter((c) => c.role !== "root").map((c) => [c.dir, c.nodes] as const),
      answers.layout,
    ),
  });
}

/** The whole project as { relative path: content }, sorted by path. Nothing here touches disk. */
export function renderProject(plan: Plan): ProjectFiles {
  const { format } = plan.answers;
  const configurations = synthesize(plan, format === "hcl");
  const files: ProjectFiles = {
    "README.md": readme(plan, configurations),
    [ANSWERS_FILE]: serializeAnswers(plan.answers),
    ".gitignore": renderTemplate("gitignore", { header: headerIn("") }),
    ...Object.assign(
      {},
      ...configurations.map((c) => ({
        ...configurationFiles(c, format),
        // A module is given its values by its caller, not by a .tfvars file.
        ...(c.role === "module" ? {} : { [`${c.dir}/${TFVARS_EXAMPLE}`]: tfvarsExample(c.dir, c.nodes) }),
      })),
    ),
  };
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}
