import { discover, type DiscoveryAnswers } from "../account/discover.js";
import type { VpcDetails } from "../account/model.js";
import { preselectSubnets, subnetViews } from "../account/subnets.js";
import { ENDPOINT_RULES } from "../catalog/endpoints.js";
import * as price from "../catalog/pricing.js";
import { endpointLines, isInspectionError, reuseSavingUsd, subnetLabel, vpcLabel, type OpenAccount } from "./discovery.js";
import type { Prompts } from "./prompts.js";

type Raw = Record<string, unknown>;

export interface VpcQuestions {
  readonly prompts: Prompts;
  readonly say: (text: string) => void;
  /** The answers validator on one field, in the wizard's words. */
  readonly check: (field: string, value: unknown) => true | string;
}

/** The existing VPC as read from the account, kept until the endpoints can be judged. */
export interface ReadVpc {
  readonly raw: Raw;
  readonly details: VpcDetails;
}

/**
 * Offers to read the account, then lists its VPCs and the chosen VPC's subnets with the
 * preselection. Undefined when the account cannot or may not be read: the IDs are asked.
 */
export async function vpcFromAccount(region: string, open: OpenAccount, previous: Raw, q: VpcQuestions, internet?: boolean): Promise<ReadVpc | undefined> {
  const unchecked = "enter the IDs instead; the VPC's existing endpoints could not be checked";
  try {
    const { reader, readCalls } = await open(region);
    const identity = await reader.identity();
    const read = await q.prompts.confirm({
      message: `Read the VPCs of account ${identity.account} in ${region}? (read-only: ${readCalls.join(", ")})`,
      default: true,
    });
    if (!read) {
      q.say(`Not read: ${unchecked}.`);
      return undefined;
    }
    const vpcs = await reader.listVpcs();
    if (vpcs.length === 0) {
      q.say(`Account ${identity.account} has no VPC in ${region}: ${unchecked}.`);
      return undefined;
    }
    const id = await q.prompts.select({
      message: "VPC to use (ID, Name tag, CIDR):",
      choices: vpcs.map((v) => ({ value: v.id, name: vpcLabel(v), short: v.id })),
      ...(typeof previous.id === "string" && vpcs.some((v) => v.id === previous.id) ? { default: previous.id } : {}),
      pageSize: 10,
    });
    const details = await reader.readVpc(id);
    const views = subnetViews(details, region);
    const { chosen, passed } = preselectSubnets(views, region, internet);
    const why = new Map(passed.map((p) => [p.subnet.id, p.reason]));
    // Back at this question for the same VPC, the earlier choice stands, less what is now refused
    // (internet may be known by then), with the preselection filling the AZs that leaves empty.
    const refused = new Set(passed.filter((p) => !p.spare).map((p) => p.subnet.id));
    const kept = previous.id === id && Array.isArray(previous.subnetIds) ? views.filter((v) => (previous.subnetIds as unknown[]).includes(v.id) && !refused.has(v.id)) : [];
    const before = [...kept, ...chosen.filter((c) => !kept.some((k) => k.azId === c.azId))].map((v) => v.id);
    const subnetIds = await q.prompts.checkbox({
      message: "Subnets for the runtime's network interfaces (preselected: supported AZ ID, private, one per AZ):",
      choices: views.map((v) => ({
        value: v.id,
        name: subnetLabel(v),
        short: v.id,
        checked: before.includes(v.id),
        // A subnet AgentCore cannot use is shown but cannot be chosen.
        ...(!v.supported || v.tier === "public" ? { disabled: why.get(v.id)! } : why.has(v.id) ? { description: why.get(v.id)! } : {}),
      })),
      pageSize: Math.min(views.length, 16),
      validate: (ids) => q.check("vpc.subnetIds", [...ids]),
    });
    for (const p of passed.filter((x) => !subnetIds.includes(x.subnet.id))) q.say(`Not taken: ${p.subnet.id}: ${p.reason}.`);
    return { raw: { id, subnetIds }, details };
  } catch (error) {
    if (!isInspectionError(error)) throw error;
    q.say(`Cannot read the account: ${error.message} So: ${unchecked}.`);
    return undefined;
  }
}

/** Without the account, the user says which endpoints the VPC has; nothing could be checked. */
export async function endpointsByHand(prompts: Prompts, previous: Raw): Promise<string[]> {
  const before = Array.isArray(previous.existingEndpoints) ? previous.existingEndpoints : [];
  return prompts.checkbox({
    message: "Endpoints the VPC already has (not checked; each one chosen is reused, and none is created for it):",
    choices: ENDPOINT_RULES.map((r) => ({ value: r.suffix, name: `${r.suffix.padEnd(26)} ${r.type}`, short: r.suffix, checked: before.includes(r.suffix) })),
    pageSize: ENDPOINT_RULES.length,
  });
}

/**
 * Once features and internet are known: which of the VPC's endpoints are reused, which
 * created, and the cost; and what is wrong with the subnets chosen before internet was asked.
 */
export function judgeReadVpc(
  read: ReadVpc,
  answers: DiscoveryAnswers & { subnetIds: readonly string[] },
  say: (text: string) => void,
): { existingEndpoints: string[]; subnetProblems: readonly string[] } {
  const discovery = discover(read.details, answers);
  const saving = reuseSavingUsd(discovery.verdicts, answers.features, answers.internet, discovery.runtimeAzIds.length);
  say(["The VPC's endpoints for what the runtime calls:", ...endpointLines(discovery.verdicts, answers.features, answers.internet)].join("\n"));
  if (saving > 0) say(`Reusing them saves ${price.usd(saving)} a month against creating them.`);
  return { existingEndpoints: [...discovery.existingEndpoints], subnetProblems: discovery.subnetProblems };
}
