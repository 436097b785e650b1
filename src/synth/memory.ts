import type { MemorySettings } from "../answers/model.js";
import { STRATEGIES } from "../catalog/memory.js";
import * as P from "../catalog/patterns.js";
import * as cdk from "./cdktn.js";
import { named, output, variable } from "./common.js";

/** The runtime's Memory and its strategies; the runtime is told its ID and may use this one memory only. */
export function memory(stack: cdk.TerraformStack, settings: MemorySettings): cdk.BedrockagentcoreMemory {
  variable(stack, "memory_event_expiry_days", {
    type: "number",
    description: `Days the Memory keeps a conversation's events (short-term memory), ${P.MEMORY_EXPIRY_MIN}-${P.MEMORY_EXPIRY_MAX}.`,
    default: settings.expiryDays,
    validation: {
      condition: `\${var.memory_event_expiry_days >= ${P.MEMORY_EXPIRY_MIN} && var.memory_event_expiry_days <= ${P.MEMORY_EXPIRY_MAX} && floor(var.memory_event_expiry_days) == var.memory_event_expiry_days}`,
      errorMessage: `memory_event_expiry_days must be a whole number from ${P.MEMORY_EXPIRY_MIN} to ${P.MEMORY_EXPIRY_MAX}.`,
    },
  });
  const store = named(
    new cdk.BedrockagentcoreMemory(stack, "aws_bedrockagentcore_memory.this", {
      name: "${var.name}",
      description: "Memory of the ${var.name} AgentCore runtime",
      eventExpiryDuration: cdk.Token.asNumber("${var.memory_event_expiry_days}"),
    }),
    "this",
  );
  for (const key of settings.strategies) {
    const strategy = STRATEGIES[key];
    named(
      new cdk.BedrockagentcoreMemoryStrategy(stack, `aws_bedrockagentcore_memory_strategy.${strategy.name}`, {
        name: strategy.name,
        memoryId: store.id,
        type: strategy.type,
        // namespaces, not namespace_templates: the provider has had it since Memory arrived (6.18.0).
        namespaces: [strategy.namespace],
      }),
      strategy.name,
    );
  }
  output(stack, "memory_id", "ID of the runtime's AgentCore Memory (also in the runtime's AGENTCORE_MEMORY_ID).", store.id);
  output(stack, "memory_arn", "ARN of the runtime's AgentCore Memory.", store.arn);
  return store;
}
