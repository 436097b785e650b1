import { isUnread } from "../../account/runtime.js";
import type { RuntimeRule } from "../rule.js";

const LOG_TYPES = ["APPLICATION_LOGS", "USAGE_LOGS"];

/** The runtime API has no observability switch: without a vended-log delivery a crash leaves nothing to read (facts §7). */
export const observabilityOff: RuntimeRule = {
  id: "observability-off",
  severity: "warning",
  scope: "runtime",
  finds: "no log delivery configured for the runtime",
  check: ({ runtime: r, deliveries, region, observabilityDeclined }) => {
    if (observabilityDeclined) return { notChecked: 'the project chose no observability: add "observability" to features in agentcore-vpc.json to deliver logs' };
    if (isUnread(deliveries)) return { notChecked: deliveries.unread };
    const sources = deliveries.sources.filter((s) => s.resourceArns.includes(r.arn) && LOG_TYPES.includes(s.logType));
    const delivered = sources.filter((s) => deliveries.deliveries.some((d) => d.sourceName === s.name));
    if (delivered.length > 0) return [];
    return [
      {
        resource: r.id,
        message: `Runtime ${r.name} has no log delivery: its application and usage logs go nowhere, and only the container's own output reaches /aws/bedrock-agentcore/runtimes/${r.id}-<endpoint>.`,
        evidence:
          sources.length === 0
            ? `logs:DescribeDeliverySources lists no APPLICATION_LOGS or USAGE_LOGS source for ${r.arn}.`
            : `logs:DescribeDeliverySources lists ${sources.map((s) => `${s.name} (${s.logType})`).join(", ")} for it, and logs:DescribeDeliveries no delivery from ${sources.length > 1 ? "them" : "it"}.`,
        fix: `In Terraform: aws_cloudwatch_log_delivery_source (log_type = "APPLICATION_LOGS", resource_arn = the runtime's ARN), aws_cloudwatch_log_delivery_destination (a log group) and aws_cloudwatch_log_delivery joining them. By hand: aws logs put-delivery-source --region ${region} --name ${r.name}-logs --resource-arn ${r.arn} --log-type APPLICATION_LOGS, then put-delivery-destination and create-delivery.`,
        answer: `add "observability" to features in agentcore-vpc.json and regenerate`,
      },
    ];
  },
};
