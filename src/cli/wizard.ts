import { DEFAULTS } from "../answers/model.js";
import type { Context } from "../answers/validate.js";
import { endpointsFor } from "../catalog/endpoints.js";
import { FEATURE_MEANING, FEATURE_TITLE, FEATURES, type Feature } from "../catalog/features.js";
import * as P from "../catalog/patterns.js";
import * as price from "../catalog/pricing.js";
import { featuresMissingIn, SUPPORTED_AZ_IDS, SUPPORTED_REGIONS, supportedAzIds } from "../catalog/regions.js";
import type { OpenAccount } from "./discovery.js";
import type { Prompts } from "./prompts.js";
import { fieldError } from "./field-error.js";
import { askMemory, askRds } from "./wizard-features.js";
import { askProtocol, askTools } from "./wizard-tools.js";
import { endpointsByHand, judgeReadVpc, vpcFromAccount, type ReadVpc } from "./wizard-vpc.js";

export { fieldError };

type Raw = Record<string, unknown>;

function splitIds(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s.length > 0);
}

export interface WizardOptions {
  readonly context?: Context;
  /** Checks the directory a runtime name would be written to; absent when a directory was named. */
  readonly checkTarget?: (name: string) => Promise<true | string>;
  /** Reads the AWS account, for an existing VPC; absent, the IDs are asked. */
  readonly openAccount?: OpenAccount;
}

type Step = "name" | "region" | "vpc" | "features" | "tools" | "internet" | "rds" | "memory" | "protocol" | "image";
const STEPS: readonly Step[] = ["name", "region", "vpc", "features", "tools", "internet", "rds", "memory", "protocol", "image"];

/** A step either moves on or sends the wizard back to an earlier question. */
type Outcome = { readonly back?: Step };

/**
 * Asks, in order, every answer the file did not give, and says what each choice implies.
 * When a later answer conflicts with an earlier one the wizard asked, it offers to go back.
 * Returns the raw answers: the same object an answers file would hold.
 */
export async function runWizard(given: Raw, prompts: Prompts, say: (text: string) => void, options: WizardOptions = {}): Promise<Raw> {
  const context = options.context ?? {};
  const answers: Raw = { ...given };
  const asks = (key: Step): boolean => !(key in given);
  /** A Browser in VPC mode browses through the NAT path: internet egress follows. */
  const browserInVpc = (): boolean => features().includes("browser") && ((answers.browser ?? DEFAULTS.browser) as Raw).network === "vpc";
  const check = (field: string, value: unknown): true | string => fieldError(answers, field, value, context);
  const existing = (): boolean => typeof answers.vpc === "object" && answers.vpc !== null && "id" in answers.vpc;
  const features = (): Feature[] => (answers.features ?? DEFAULTS.features) as Feature[];
  const region = (): string => String(answers.region);
  const defaultRegion = context.region && supportedAzIds(context.region.value) ? context.region.value : DEFAULTS.region;
  /**
   * Settings the answers file gave for a feature the wizard then unticked. Only Memory can be
   * left so: it is a default feature, while a file's rds settings without "rds" in its features
   * are refused before any question.
   */
  const stale = (key: Step): boolean => key === "memory" && "memory" in answers && !features().includes("memory");
  /** The image a user typed is kept when they go back; a derived default follows the new region. */
  let imageTyped = false;
  /** The existing VPC as the account describes it, until its endpoints can be judged. */
  let readVpc: ReadVpc | undefined;

  const steps: Record<Step, () => Promise<Outcome>> = {
    name: async () => {
      answers.name = (
        await prompts.input({
          message: "Runtime name (letters, digits and underscores):",
          default: String(answers.name ?? DEFAULTS.name),
          validate: async (v) => {
            const verdict = check("name", v.trim());
            return verdict === true && options.checkTarget ? options.checkTarget(v.trim()) : verdict;
          },
        })
      ).trim();
      return {};
    },
    region: async () => {
      // Features the answers file fixed can only go where they are offered.
      const fixed = asks("features") ? [] : features();
      const offered = SUPPORTED_REGIONS.filter((r) => featuresMissingIn(r, fixed).length === 0);
      const previous = typeof answers.region === "string" && offered.includes(answers.region) ? answers.region : undefined;
      answers.region = await prompts.select({
        message: "AWS region (only regions with published AgentCore AZ IDs; runtime ENIs may live only in these IDs):",
        choices: offered.map((r) => {
          const missing = featuresMissingIn(r, FEATURES);
          const note = missing.length > 0 ? `  (no ${missing.map((f) => FEATURE_TITLE[f]).join(", ")})` : "";
          return { value: r, name: `${r.padEnd(15)} ${SUPPORTED_AZ_IDS[r]!.join(", ")}${note}`, short: r };
        }),
        default: previous ?? (offered.includes(defaultRegion) ? defaultRegion : offered[0]!),
        pageSize: 10,
      });
      return {};
    },
    vpc: async () => {
      const previous = (answers.vpc ?? {}) as Raw;
      const kind = await prompts.select({
        message: "VPC:",
        choices: [
          { value: "new", name: "Create a new VPC", description: "Private subnets placed in supported AZ IDs, endpoints and security groups." },
          { value: "existing", name: "Use an existing VPC", description: "Its private subnets are checked against the supported AZ IDs at plan time." },
        ],
        default: "id" in previous ? "existing" : "new",
      });
      const vpc: Raw = {};
      answers.vpc = vpc;
      readVpc = undefined;
      if (kind === "existing") {
        // Internet is asked later; back here from there, the preselection knows it.
        const internet = typeof answers.internet === "boolean" ? answers.internet : undefined;
        readVpc = options.openAccount ? await vpcFromAccount(region(), options.openAccount, previous, { prompts, say, check }, internet) : undefined;
        if (readVpc) {
          answers.vpc = { ...readVpc.raw };
          return {};
        }
        vpc.id = (await prompts.input({ message: "VPC ID:", ...(typeof previous.id === "string" ? { default: previous.id } : {}), validate: (v) => check("vpc.id", v.trim()) })).trim();
        vpc.subnetIds = splitIds(
          await prompts.input({
            message: "Private subnet IDs, separated by commas (2-16, in at least two supported AZs):",
            ...(Array.isArray(previous.subnetIds) ? { default: previous.subnetIds.join(", ") } : {}),
            validate: (v) => check("vpc.subnetIds", splitIds(v)),
          }),
        );
        vpc.existingEndpoints = await endpointsByHand(prompts, previous);
        return {};
      }
      vpc.cidr = (
        await prompts.input({ message: "VPC CIDR (/16 to /22):", default: String(previous.cidr ?? DEFAULTS.vpc.cidr), validate: (v) => check("vpc.cidr", v.trim()) })
      ).trim();
      vpc.azCount = await prompts.select({
        message: "Availability zones for the runtime and endpoints:",
        choices: [
          { value: 2, name: "2", description: `Each interface endpoint costs ${price.usd(price.INTERFACE_ENDPOINT_PER_AZ_MONTH)} per AZ-month.` },
          { value: 3, name: "3", description: "More resilience; every interface endpoint costs 50% more." },
        ],
        default: Number(previous.azCount ?? DEFAULTS.vpc.azCount),
      });
      return {};
    },
    features: async () => {
      const chosen = await prompts.checkbox<Feature>({
        message: "AgentCore features the agent uses:",
        choices: FEATURES.map((f) => ({ value: f, name: `${f.padEnd(16)} ${FEATURE_MEANING[f]}`, short: f, checked: features().includes(f) })),
        pageSize: FEATURES.length,
        validate: (v) => {
          // A region the wizard asked for can still be changed: that is offered once the choice is made.
          return asks("region") ? true : check("features", v);
        },
      });
      answers.features = chosen;
      const missing = featuresMissingIn(region(), chosen);
      if (missing.length === 0) return {};
      const what = await prompts.select({
        message: `${missing.map((f) => FEATURE_TITLE[f]).join(" and ")} ${missing.length > 1 ? "are" : "is"} not offered in ${region()}. What now?`,
        choices: [
          { value: "region", name: "Go back and choose another region" },
          { value: "features", name: "Choose the features again" },
        ],
      });
      // Back at the region, the default is one that offers what was chosen.
      if (what === "region") answers.region = SUPPORTED_REGIONS.find((r) => r === defaultRegion && featuresMissingIn(r, chosen).length === 0) ?? SUPPORTED_REGIONS.find((r) => featuresMissingIn(r, chosen).length === 0);
      return { back: what as Step };
    },
    internet: async () => {
      const path = existing() ? "through the VPC's own NAT gateway, transit gateway or firewall, checked at plan time" : `one NAT gateway, about ${price.usd(price.NAT_GATEWAY_PER_MONTH)} a month`;
      if (browserInVpc()) {
        say(`The Browser browses from your subnets, so internet egress is on: ${path}.`);
        answers.internet = true;
      } else {
        answers.internet = await prompts.confirm({ message: `Does the agent need internet egress? (${path})`, default: answers.internet === true });
      }
      return {};
    },
    rds: async () => (await askRds(answers, prompts, context, existing()), {}),
    memory: async () => (await askMemory(answers, prompts, context), {}),
    tools: async () => (await askTools(answers, given, prompts, context, say), {}),
    protocol: async () => (await askProtocol(answers, prompts), {}),
    image: async () => {
      const derived = DEFAULTS.image(region(), String(answers.name));
      const image = (
        await prompts.input({
          message: "Container image (ECR URI with a tag or digest):",
          default: imageTyped ? String(answers.image) : derived,
          validate: (v) => {
            const verdict = check("image", v.trim());
            // Only the region conflict can be settled by going back, and only to a question the wizard asked.
            return verdict !== true && reachableByGoingBack(v.trim()) ? true : verdict;
          },
        })
      ).trim();
      answers.image = image;
      imageTyped = image !== derived;
      if (!reachableByGoingBack(image)) return {};
      const imageRegion = P.parseImage(image)!.region;
      const what = await prompts.select({
        message: `The image is in ${imageRegion}, but without internet egress the VPC's ECR endpoints reach only ${region()}. What now?`,
        choices: [
          ...(asks("internet") && !browserInVpc() ? [{ value: "internet", name: "Go back and allow internet egress" }] : []),
          // The image's own region, where it is one the runtime can use with these features.
          ...(asks("region") && supportedAzIds(imageRegion) && featuresMissingIn(imageRegion, features()).length === 0
            ? [{ value: "region", name: `Go back and choose the region ${imageRegion}` }]
            : []),
          { value: "image", name: `Enter another image (one pushed to ${region()})` },
        ],
      });
      if (what === "region") answers.region = imageRegion;
      return { back: what === "region" ? "vpc" : (what as Step) };
    },
  };

  /** The image is refused only because it is in another region and there is no internet, and that can be changed. */
  function reachableByGoingBack(image: string): boolean {
    if (check("image", image) === true || answers.internet !== false) return false;
    if (fieldError({ ...answers, internet: true }, "image", image, context) !== true) return false;
    return asks("internet") || asks("region");
  }

  for (let i = 0; i < STEPS.length; ) {
    const key = STEPS[i]!;
    let outcome = asks(key) || stale(key) ? await steps[key]() : {};
    if (key === "internet" && readVpc && existing()) {
      const vpc = answers.vpc as Raw;
      const judged = judgeReadVpc(readVpc, { name: String(answers.name), region: region(), features: features(), internet: answers.internet === true, subnetIds: vpc.subnetIds as string[] }, say);
      vpc.existingEndpoints = judged.existingEndpoints;
      if (judged.subnetProblems.length > 0) {
        const what = await prompts.select({
          message: `${judged.subnetProblems.join("; ")}: the plan would stop on it. What now?`,
          choices: [
            { value: "vpc", name: "Go back and choose other subnets" },
            { value: "keep", name: "Keep them" },
          ],
        });
        if (what === "vpc") outcome = { back: "vpc" };
      }
    }
    if (key === "internet" && answers.internet === false) {
      const needed = endpointsFor(features(), false).map((e) => e.suffix);
      say(`Without internet the runtime reaches AWS only through VPC endpoints, so these are needed: ${needed.join(", ")}.`);
    }
    i = outcome.back ? STEPS.indexOf(outcome.back) : i + 1;
  }
  return answers;
}
