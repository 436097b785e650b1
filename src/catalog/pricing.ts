/** us-east-1 list prices (agentcore-facts §9); other regions differ by a few percent. */
export const HOURS_PER_MONTH = 730;
export const INTERFACE_ENDPOINT_PER_AZ_HOUR = 0.01;
export const NAT_GATEWAY_PER_HOUR = 0.045;
export const PUBLIC_IPV4_PER_HOUR = 0.005;
export const NAT_PER_GB = 0.045;
export const INTERFACE_ENDPOINT_PER_GB = 0.01;

/** Monthly figures the plan, the README and the wizard all quote. */
export const INTERFACE_ENDPOINT_PER_AZ_MONTH = INTERFACE_ENDPOINT_PER_AZ_HOUR * HOURS_PER_MONTH;
export const NAT_GATEWAY_PER_MONTH = (NAT_GATEWAY_PER_HOUR + PUBLIC_IPV4_PER_HOUR) * HOURS_PER_MONTH;

export function usd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}
/** Optional VPC flow logs: vended-log ingestion, storage, and the customer managed KMS key. */
export const FLOW_LOGS_INGEST_PER_GB = 0.5;
export const LOG_STORAGE_PER_GB_MONTH = 0.03;
export const KMS_KEY_PER_MONTH = 1;
