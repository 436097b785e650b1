import type { RuntimeRule } from "../rule.js";

/** What to do once the causes the other findings name are fixed. */
const NEXT: Readonly<Record<string, (region: string, id: string) => string>> = {
  CREATE_FAILED: (region, id) => `delete the runtime and create it again: aws bedrock-agentcore-control delete-agent-runtime --region ${region} --agent-runtime-id ${id}, then terraform apply of the runtime layer`,
  UPDATE_FAILED: (region, id) => `apply the update again: terraform apply of the runtime layer, or aws bedrock-agentcore-control update-agent-runtime --region ${region} --agent-runtime-id ${id} with the corrected configuration`,
  DELETE_FAILED: (region, id) => `delete it again: aws bedrock-agentcore-control delete-agent-runtime --region ${region} --agent-runtime-id ${id}`,
};

/** UPDATE_FAILED within seconds often comes with no reason at all (facts §10): say so, and point at the causes the other rules find. */
export const runtimeFailed: RuntimeRule = {
  id: "runtime-failed",
  severity: "error",
  scope: "runtime",
  finds: "a runtime status ending in FAILED, with the reason the API gives",
  check: ({ runtime: r, region }) => {
    if (!r.status.endsWith("FAILED")) return [];
    const reason = r.failureReason ?? "the API gives no reason (failing within seconds with none is typical of a subnet in an unsupported AZ ID)";
    return [
      {
        resource: r.id,
        message: `Runtime ${r.name} is ${r.status}: ${reason}`,
        evidence: `bedrock-agentcore:GetAgentRuntime reports status ${r.status}${r.failureReason ? ` and failureReason "${r.failureReason}"` : " and no failureReason"}.`,
        fix: `Fix what the other findings name, then ${(NEXT[r.status] ?? NEXT.UPDATE_FAILED!)(region, r.id)}.`,
      },
    ];
  },
};
