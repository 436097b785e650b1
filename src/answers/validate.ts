import { ENDPOINT_RULES } from "../catalog/endpoints.js";
import { FEATURE_TITLE, FEATURES, isFeature, type Feature } from "../catalog/features.js";
import * as P from "../catalog/patterns.js";
import { featuresMissingIn, partitionOf, SUPPORTED_REGIONS, supportedAzIds } from "../catalog/regions.js";
import { FORMATS, LAYOUTS } from "../render/format.js";
import { hasHostBits, canonicalCidr, formatCidr, parseCidr } from "../util/cidr.js";
import { checkInteger, checkOneOf, checkString, isPlainObject, orDefault, unknownKeys, type Check, type Problem } from "./checks.js";
import { checkMemory, checkRds } from "./feature-settings.js";
import { checkBrowser, checkCodeInterpreter, checkGateway, checkProtocol } from "./tool-settings.js";
import { ANSWER_KEYS, DEFAULTS, type Answers, type ExistingVpc, type NewVpc } from "./model.js";

export type { Problem } from "./checks.js";

/** Defaults that come from the environment rather than from this project (AWS_REGION). */
export interface Context {
  readonly region?: { readonly value: string; readonly from: string };
}

export type Resolution = { ok: true; answers: Answers } | { ok: false; problems: Problem[] };

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatProblem(p: Problem): string {
  return `${p.field}: got ${describeValue(p.value)}. ${p.rule}`;
}

function checkName(value: unknown): Check<string> {
  return checkString("name", value, P.RUNTIME_NAME, "A runtime name starts with a letter and has 1-48 letters, digits or underscores (no hyphens).");
}

function checkRegion(value: unknown, from: string | undefined): Check<string> {
  const rule = `AgentCore VPC mode is only supported where AWS publishes supported AZ IDs: ${SUPPORTED_REGIONS.join(", ")}.`;
  if (typeof value !== "string" || !supportedAzIds(value)) {
    const field = from ? `region (the default from ${from})` : "region";
    return { problems: [{ field, value, rule: from ? `${rule} Set "region" in the answers, or ${from} to one of these.` : rule }] };
  }
  return { value, problems: [] };
}

/** A feature AWS does not offer in the region cannot work there (agentcore-facts §1). `given`: the features as listed, for the index. */
function checkRegionFeatures(region: string, features: readonly Feature[], given: unknown): Problem[] {
  const listed = Array.isArray(given) ? given : features;
  return featuresMissingIn(region, features).map((feature) => ({
    field: `features[${listed.indexOf(feature)}]`,
    value: feature,
    rule: `AgentCore ${FEATURE_TITLE[feature]} is not offered in ${region}; choose another region or remove "${feature}".`,
    inWizard: `AgentCore ${FEATURE_TITLE[feature]} is not offered in ${region}.`,
  }));
}

function checkFeatures(value: unknown): Check<Feature[]> {
  const allowed = `Allowed features: ${FEATURES.join(", ")}.`;
  if (!Array.isArray(value)) return { problems: [{ field: "features", value, rule: `Expected an array of feature names. ${allowed}` }] };
  const problems: Problem[] = [];
  value.forEach((item, i) => {
    if (!isFeature(item)) problems.push({ field: `features[${i}]`, value: item, rule: `Unknown feature. ${allowed}` });
    else if (value.indexOf(item) !== i) problems.push({ field: `features[${i}]`, value: item, rule: "Listed twice; name each feature once." });
  });
  if (problems.length > 0) return { problems };
  // Canonical order, so the same set always gives the same output.
  return { value: FEATURES.filter((f) => value.includes(f)), problems };
}

function checkInternet(value: unknown): Check<boolean> {
  if (typeof value !== "boolean") return { problems: [{ field: "internet", value, rule: "Expected true (NAT gateway for internet egress) or false (private only)." }] };
  return { value, problems: [] };
}

function checkCidr(value: unknown): Check<string> {
  const field = "vpc.cidr";
  const size = `The prefix length must be /${P.VPC_PREFIX_MIN} to /${P.VPC_PREFIX_MAX}, so each of the VPC's 16 equal subnets keeps room for endpoint and runtime ENIs.`;
  if (typeof value !== "string") return { problems: [{ field, value, rule: `Expected an IPv4 CIDR such as "10.0.0.0/16". ${size}` }] };
  const cidr = parseCidr(value);
  if (!cidr) return { problems: [{ field, value, rule: `Not an IPv4 CIDR; use a network address and prefix such as "10.0.0.0/16".` }] };
  if (cidr.prefix < P.VPC_PREFIX_MIN || cidr.prefix > P.VPC_PREFIX_MAX) return { problems: [{ field, value, rule: size }] };
  if (hasHostBits(cidr)) {
    return { problems: [{ field, value, rule: `Host bits are set; the network address is "${formatCidr(canonicalCidr(cidr))}".` }] };
  }
  return { value, problems: [] };
}

function checkNewVpc(vpc: Record<string, unknown>): Check<NewVpc> {
  const cidr = checkCidr(orDefault(vpc.cidr, DEFAULTS.vpc.cidr));
  const azCount = checkInteger(
    "vpc.azCount",
    orDefault(vpc.azCount, DEFAULTS.vpc.azCount),
    P.AZ_COUNT_MIN,
    P.AZ_COUNT_MAX,
    `Expected ${P.AZ_COUNT_MIN} or ${P.AZ_COUNT_MAX}: AgentCore wants subnets in at least two supported AZs, and each region lists three.`,
  );
  const problems = [...unknownKeys(vpc, ["cidr", "azCount"], "vpc."), ...cidr.problems, ...azCount.problems];
  if (problems.length > 0 || cidr.value === undefined || azCount.value === undefined) return { problems };
  return { value: { cidr: cidr.value, azCount: azCount.value }, problems };
}

function checkExistingEndpoints(value: unknown): Check<string[]> {
  const field = "vpc.existingEndpoints";
  const suffixes = ENDPOINT_RULES.map((r) => r.suffix);
  const allowed = `Allowed: ${suffixes.join(", ")}.`;
  if (!Array.isArray(value)) return { problems: [{ field, value, rule: `Expected an array of the endpoint suffixes the VPC already has, such as ["s3", "ecr.api"]. ${allowed}` }] };
  const problems: Problem[] = [];
  value.forEach((item, i) => {
    if (typeof item !== "string" || !suffixes.includes(item)) problems.push({ field: `${field}[${i}]`, value: item, rule: `Not an endpoint the runtime can use. ${allowed}` });
    else if (value.indexOf(item) !== i) problems.push({ field: `${field}[${i}]`, value: item, rule: "Listed twice; name each endpoint once." });
  });
  // Catalog order, so the same set always gives the same output.
  return problems.length > 0 ? { problems } : { value: suffixes.filter((s) => value.includes(s)), problems };
}

function checkExistingVpc(vpc: Record<string, unknown>): Check<ExistingVpc> {
  const id = checkString("vpc.id", vpc.id, P.VPC_ID, `Expected a VPC ID such as "vpc-0123456789abcdef0".`);
  const existingEndpoints = checkExistingEndpoints(orDefault(vpc.existingEndpoints, []));
  const problems: Problem[] = [...unknownKeys(vpc, ["id", "subnetIds", "existingEndpoints"], "vpc."), ...id.problems, ...existingEndpoints.problems];
  const subnets = vpc.subnetIds;
  // Fewer than two can never span the two supported AZs the plan requires; AgentCore takes at most 16.
  const count = `Give ${P.SUBNETS_MIN}-${P.SUBNETS_MAX} private subnets spanning at least two supported AZs (several may share an AZ; AgentCore takes at most ${P.SUBNETS_MAX}).`;
  if (!Array.isArray(subnets)) {
    problems.push({ field: "vpc.subnetIds", value: subnets, rule: `Expected an array of subnet IDs. ${count}` });
  } else if (subnets.length < P.SUBNETS_MIN || subnets.length > P.SUBNETS_MAX) {
    problems.push({ field: "vpc.subnetIds", value: subnets, rule: `${subnets.length} subnets. ${count}` });
  } else {
    subnets.forEach((s, i) => {
      const field = `vpc.subnetIds[${i}]`;
      problems.push(...checkString(field, s, P.SUBNET_ID, `Expected a subnet ID such as "subnet-0123456789abcdef0".`).problems);
      if (subnets.indexOf(s) !== i) problems.push({ field, value: s, rule: "Listed twice; name each subnet once." });
    });
  }
  if (problems.length > 0 || id.value === undefined || existingEndpoints.value === undefined) return { problems };
  return { value: { id: id.value, subnetIds: subnets as string[], existingEndpoints: existingEndpoints.value }, problems };
}

function checkVpc(value: unknown): Check<NewVpc | ExistingVpc> {
  const shapes = `Use { "cidr": "10.0.0.0/16", "azCount": 2 } for a new VPC or { "id": "vpc-...", "subnetIds": ["subnet-...", ...], "existingEndpoints": [...] } for an existing one.`;
  if (!isPlainObject(value)) return { problems: [{ field: "vpc", value, rule: `Expected an object. ${shapes}` }] };
  const isExisting = "id" in value || "subnetIds" in value || "existingEndpoints" in value;
  if (isExisting && ("cidr" in value || "azCount" in value)) {
    return { problems: [{ field: "vpc", value, rule: `Mixes a new VPC (cidr, azCount) with an existing one (id, subnetIds, existingEndpoints). ${shapes}` }] };
  }
  return isExisting ? checkExistingVpc(value) : checkNewVpc(value);
}

function checkImage(value: unknown, region: string | undefined, internet: boolean | undefined): Check<string> {
  const image = checkString(
    "image",
    value,
    P.ECR_IMAGE,
    `Expected an ECR image URI with a tag or digest, such as "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1.0.0".`,
  );
  if (image.value === undefined || region === undefined) return image;
  const parts = P.parseImage(image.value)!;
  if ((partitionOf(parts.region) === "aws-cn") !== parts.chinaHost) {
    const rule = `${parts.region} is not served from amazonaws.com${parts.chinaHost ? ".cn" : ""}: this is no ECR registry's address.`;
    return { problems: [{ field: "image", value, rule }] };
  }
  const imagePartition = partitionOf(parts.region);
  if (imagePartition !== partitionOf(region)) {
    const rule = `The image is in the ${imagePartition} partition (${parts.region}) but a runtime in ${region} is in the ${partitionOf(region)} partition, and ECR images cannot be pulled across partitions; push the image to ${region}.`;
    return { problems: [{ field: "image", value, rule }] };
  }
  if (internet === false && parts.region !== region) {
    const reach = `The image is in ${parts.region} but the VPC's ECR endpoints reach only ${region}`;
    return {
      problems: [{ field: "image", value, rule: `${reach}; push the image to ${region} or set "internet": true.`, inWizard: `${reach}; push the image to ${region} or allow internet egress.` }],
    };
  }
  return image;
}

function checkFormat(value: unknown): Check<(typeof FORMATS)[number]> {
  if (typeof value !== "string" || !(FORMATS as readonly string[]).includes(value)) {
    return { problems: [{ field: "format", value, rule: `Expected ${FORMATS.map((f) => `"${f}"`).join(" or ")}: Terraform native syntax (.tf) or JSON (.tf.json).` }] };
  }
  return { value: value as (typeof FORMATS)[number], problems: [] };
}

/**
 * Validates an answers object and fills documented defaults for missing keys.
 * Every problem is reported at once, not just the first.
 */
export function resolveAnswers(raw: unknown, context: Context = {}): Resolution {
  if (!isPlainObject(raw)) {
    return { ok: false, problems: [{ field: "answers", value: raw, rule: `Expected a JSON object with any of the keys ${ANSWER_KEYS.join(", ")}.` }] };
  }
  const name = checkName(orDefault(raw.name, DEFAULTS.name));
  const regionFrom = raw.region === undefined ? context.region?.from : undefined;
  const region = checkRegion(orDefault(raw.region, context.region?.value ?? DEFAULTS.region), regionFrom);
  const features = checkFeatures(orDefault(raw.features, DEFAULTS.features));
  const browser = checkBrowser(raw.browser, features.value ?? []);
  const internet = checkInternet(orDefault(raw.internet, DEFAULTS.internet(features.value ?? [], isPlainObject(raw.browser) ? raw.browser.network : undefined)));
  const vpc = checkVpc(orDefault(raw.vpc, DEFAULTS.vpc));
  const rds = checkRds(raw.rds, features.value ?? [], { ...(region.value ? { region: region.value } : {}), existingVpc: isPlainObject(raw.vpc) && ("id" in raw.vpc || "subnetIds" in raw.vpc) });
  const memory = checkMemory(raw.memory, features.value ?? []);
  const codeInterpreter = checkCodeInterpreter(raw.codeInterpreter, features.value ?? []);
  const gateway = checkGateway(raw.gateway, features.value ?? [], region.value);
  const protocol = checkProtocol(raw.protocol);
  const image = checkImage(orDefault(raw.image, DEFAULTS.image(region.value ?? DEFAULTS.region, name.value ?? DEFAULTS.name)), region.value, internet.value);
  const format = checkFormat(orDefault(raw.format, DEFAULTS.format));
  const layout = checkOneOf("layout", orDefault(raw.layout, DEFAULTS.layout), LAYOUTS, "each layer as a root configuration (layers), or as a child module with thin roots that call it (modules).");

  const problems = [
    ...unknownKeys(raw, ANSWER_KEYS, ""),
    ...name.problems,
    ...region.problems,
    ...features.problems,
    ...internet.problems,
    ...vpc.problems,
    ...rds.problems,
    ...memory.problems,
    ...browser.problems,
    ...codeInterpreter.problems,
    ...gateway.problems,
    ...protocol.problems,
    ...image.problems,
    ...format.problems,
    ...layout.problems,
    ...(region.value && features.value ? checkRegionFeatures(region.value, features.value, orDefault(raw.features, DEFAULTS.features)) : []),
  ];
  if (browser.value?.network === "vpc" && internet.value === false) {
    problems.push({
      field: "internet",
      value: false,
      rule: `A Browser in VPC mode ("browser": { "network": "vpc" }) browses from the private subnets and needs internet egress through a NAT path; set "internet": true, or "browser": { "network": "public" } (public sites only, no NAT), or remove "browser".`,
      inWizard: "A Browser in VPC mode browses from your subnets, so it needs internet egress.",
    });
  }
  if (
    problems.length > 0 ||
    name.value === undefined ||
    region.value === undefined ||
    features.value === undefined ||
    internet.value === undefined ||
    vpc.value === undefined ||
    protocol.value === undefined ||
    image.value === undefined ||
    format.value === undefined ||
    layout.value === undefined
  ) {
    return { ok: false, problems };
  }
  return {
    ok: true,
    answers: {
      name: name.value,
      region: region.value,
      features: features.value,
      internet: internet.value,
      vpc: vpc.value,
      ...(rds.value ? { rds: rds.value } : {}),
      ...(memory.value ? { memory: memory.value } : {}),
      ...(browser.value ? { browser: browser.value } : {}),
      ...(codeInterpreter.value ? { codeInterpreter: codeInterpreter.value } : {}),
      ...(gateway.value ? { gateway: gateway.value } : {}),
      protocol: protocol.value,
      image: image.value,
      format: format.value,
      layout: layout.value,
    },
  };
}
