import type { MemorySettings } from "../answers/model.js";
import { STRATEGIES } from "../catalog/memory.js";

/** The Memory the runtime layer creates, in a sentence for the summary and the README. */
export function memoryLine(memory: MemorySettings): string {
  const strategies = memory.strategies.length > 0 ? `long-term strategies: ${memory.strategies.map((s) => `${s} (${STRATEGIES[s].title})`).join(", ")}` : "no long-term strategy (events only)";
  return `events kept ${memory.expiryDays} days, ${strategies}; priced by use (events and long-term records), with no fixed monthly cost`;
}
