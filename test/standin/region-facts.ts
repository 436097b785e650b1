import { SUPPORTED_AZ_IDS } from "../../src/catalog/regions.js";
import type { Zone } from "./accounts.js";

/** The S3 prefix list of every region here; a gateway endpoint adds a route to it on each of its tables. */
export const S3_PREFIX_LIST = "pl-63a5400a";

function zoneNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf("az") + 2));
}

/**
 * AZ names shuffled against IDs the way real accounts shuffle them: <region>a is an ID
 * AgentCore does not support, so anything choosing "the first N AZ names" goes wrong.
 */
export function shuffledZones(region: string, drop: readonly string[] = []): Zone[] {
  const supported = SUPPORTED_AZ_IDS[region]!;
  const prefix = supported[0]!.slice(0, supported[0]!.lastIndexOf("az"));
  const taken = new Set(supported.map(zoneNumber));
  const unsupported = [1, 2, 3, 4, 5, 6, 7].filter((n) => !taken.has(n)).slice(0, 2).map((n) => `${prefix}az${n}`);
  const order = [unsupported[0]!, supported[2]!, supported[0]!, unsupported[1]!, supported[1]!].filter((id) => !drop.includes(id));
  return order.map((id, i) => ({ name: `${region}${"abcdef"[i]}`, id }));
}

