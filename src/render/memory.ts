import type { MemorySettings, MemoryStrategy } from "../answers/model.js";

const TITLES: Readonly<Record<MemoryStrategy, string>> = { semantic: "semantic facts", summarization: "session summaries", userPreference: "user preferences" };

/** The Memory the runtime layer creates, in a sentence for the summary and the README. */
export function memoryLine(memory: MemorySettings): string {
  const strategies = memory.strategies.length > 0 ? `long-term strategies: ${memory.strategies.map((s) => `${s} (${TITLES[s]})`).join(", ")}` : "no long-term strategy (events only)";
  return `events kept ${memory.expiryDays} days, ${strategies}; priced by use (events and long-term records), with no fixed monthly cost`;
}
