/**
 * List prices of US East (N. Virginia) as AWS's pricing pages gave them when last checked
 * (agentcore-facts §9). No stored source gives other regions' rates, so they are not guessed:
 * everything quoted says which prices these are, and where the real ones are published.
 */
export const PRICES = "US East (N. Virginia) list prices, checked 2026-09";
export const PRICING_PAGES = "https://aws.amazon.com/privatelink/pricing/ and https://aws.amazon.com/vpc/pricing/";
export const HOURS_PER_MONTH = 730;
export const INTERFACE_ENDPOINT_PER_AZ_HOUR = 0.01;
export const NAT_GATEWAY_PER_HOUR = 0.045;
export const PUBLIC_IPV4_PER_HOUR = 0.005;
export const NAT_PER_GB = 0.045;
export const INTERFACE_ENDPOINT_PER_GB = 0.01;

/** Monthly figures the plan, the README and the wizard all quote. */
export const INTERFACE_ENDPOINT_PER_AZ_MONTH = INTERFACE_ENDPOINT_PER_AZ_HOUR * HOURS_PER_MONTH;
export const NAT_GATEWAY_PER_MONTH = (NAT_GATEWAY_PER_HOUR + PUBLIC_IPV4_PER_HOUR) * HOURS_PER_MONTH;

/** Optional VPC flow logs: vended-log ingestion, storage, and the customer managed KMS key. */
export const FLOW_LOGS_INGEST_PER_GB = 0.5;
export const LOG_STORAGE_PER_GB_MONTH = 0.03;
export const KMS_KEY_PER_MONTH = 1;

/** An amount in cents. */
export function usd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** A unit rate, to the tenth of a cent where it has one: $0.045, not a rounded $0.04 or $0.05. */
export function usdRate(rate: number): string {
  const cents = Math.round(rate * 1000) / 1000;
  return `$${cents.toFixed(Number.isInteger(cents * 100) ? 2 : 3)}`;
}

/** What the prices quoted for a region are. */
export function pricesNote(region: string): string {
  return region === "us-east-1" ? PRICES : `${PRICES}; ${region}'s may differ: ${PRICING_PAGES}`;
}
