import type { MemoryStrategy } from "../answers/model.js";

/** Each long-term Memory strategy: what it keeps, its API type, its resource name, and where it files its records (the service's default namespace). */
export const STRATEGIES: Readonly<Record<MemoryStrategy, { readonly title: string; readonly meaning: string; readonly type: string; readonly name: string; readonly namespace: string }>> = {
  semantic: { title: "semantic facts", meaning: "facts drawn from conversations, recalled by meaning", type: "SEMANTIC", name: "semantic", namespace: "/strategies/{memoryStrategyId}/actors/{actorId}" },
  summarization: { title: "session summaries", meaning: "a running summary of each session", type: "SUMMARIZATION", name: "summarization", namespace: "/strategies/{memoryStrategyId}/actors/{actorId}/sessions/{sessionId}" },
  userPreference: { title: "user preferences", meaning: "what each user prefers", type: "USER_PREFERENCE", name: "user_preference", namespace: "/strategies/{memoryStrategyId}/actors/{actorId}" },
};
