import { isUnread } from "../../account/runtime.js";
import type { RuntimeRule } from "../rule.js";

/** A runtime whose execution role was deleted cannot pull its image or start a session. */
export const roleMissing: RuntimeRule = {
  id: "role-missing",
  severity: "error",
  scope: "runtime",
  finds: "the runtime's execution role does not exist",
  check: ({ runtime: r, role }) => {
    if (isUnread(role)) return { notChecked: role.unread };
    if (role !== undefined) return [];
    return [
      {
        resource: r.roleArn,
        message: `The execution role of runtime ${r.name} does not exist: AgentCore cannot assume it.`,
        evidence: `bedrock-agentcore:GetAgentRuntime names ${r.roleArn}; iam:GetRole answers NoSuchEntity.`,
        fix: "Create the role again (terraform apply of the runtime layer makes it), or point the runtime at an existing execution role: aws bedrock-agentcore-control update-agent-runtime --role-arn <role>.",
      },
    ];
  },
};
