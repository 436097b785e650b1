import type { Region } from "./accounts.js";
import { ApiError, UnsupportedError } from "./query.js";

/** CloudWatch Logs' JSON API (X-Amz-Target Logs_20140328.<Action>): the delivery reads the doctor makes. */

function page<T>(items: readonly T[], request: { limit?: number; nextToken?: string }): { items: T[]; next: { nextToken?: string } } {
  const limit = request.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new ApiError("InvalidParameterException", `limit ${limit} is not between 1 and 50`, 400);
  const start = Number(request.nextToken ?? "0");
  return { items: items.slice(start, start + limit), next: start + limit < items.length ? { nextToken: String(start + limit) } : {} };
}

export function logsAction(action: string, request: Record<string, unknown>, region: Region, regionName: string, accountId: string): unknown {
  switch (action) {
    case "DescribeDeliverySources": {
      const { items, next } = page(region.deliverySources, request);
      return {
        deliverySources: items.map((s) => ({ name: s.name, arn: `arn:aws:logs:${regionName}:${accountId}:delivery-source:${s.name}`, resourceArns: [s.resourceArn], service: "bedrock-agentcore", logType: s.logType })),
        ...next,
      };
    }
    case "DescribeDeliveries": {
      const { items, next } = page(region.deliveries, request);
      return {
        deliveries: items.map((d) => ({ id: d.id, arn: `arn:aws:logs:${regionName}:${accountId}:delivery:${d.id}`, deliverySourceName: d.sourceName, deliveryDestinationArn: d.destinationArn, deliveryDestinationType: "CWL" })),
        ...next,
      };
    }
    default:
      throw new UnsupportedError(`CloudWatch Logs action ${action}`);
  }
}
