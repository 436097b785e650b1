import { isUnread } from "../../account/runtime.js";
import type { RuntimeRule } from "../rule.js";

const SERVICE = "bedrock-agentcore.amazonaws.com";

interface Statement {
  readonly Effect?: unknown;
  readonly Action?: unknown;
  readonly Principal?: unknown;
  readonly Condition?: unknown;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function statements(document: unknown): Statement[] {
  const doc = document as { Statement?: unknown } | null;
  return list(doc?.Statement).filter((s): s is Statement => typeof s === "object" && s !== null);
}

function assumesAsService(s: Statement): boolean {
  const actions = list(s.Action).map((a) => String(a).toLowerCase());
  const principal = s.Principal as { Service?: unknown } | undefined;
  return s.Effect === "Allow" && actions.some((a) => a === "sts:assumerole" || a === "sts:*" || a === "*") && list(principal?.Service).includes(SERVICE);
}

/** The condition keys a statement tests, lower case, whatever the operator. */
function conditionKeys(s: Statement): Set<string> {
  const blocks = typeof s.Condition === "object" && s.Condition !== null ? Object.values(s.Condition) : [];
  return new Set(blocks.flatMap((b) => (typeof b === "object" && b !== null ? Object.keys(b).map((k) => k.toLowerCase()) : [])));
}

/** The trust the generator writes: the service, and the confused-deputy guard many samples omit (facts §6). */
export const roleTrust: RuntimeRule = {
  id: "role-trust",
  severity: "warning",
  scope: "runtime",
  finds: "the execution role's trust lacks bedrock-agentcore.amazonaws.com or the aws:SourceAccount / aws:SourceArn conditions",
  check: ({ runtime: r, role, account, region }) => {
    if (isUnread(role)) return { notChecked: role.unread };
    if (role === undefined) return [];
    const trusted = statements(role.trust).filter(assumesAsService);
    const guarded = trusted.find((s) => conditionKeys(s).has("aws:sourceaccount") && conditionKeys(s).has("aws:sourcearn"));
    if (guarded) return [];
    const missing = trusted.length === 0 ? [] : ["aws:SourceAccount", "aws:SourceArn"].filter((k) => !trusted.some((s) => conditionKeys(s).has(k.toLowerCase())));
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: SERVICE }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:${region}:${account}:*` } } }],
    });
    return [
      {
        resource: role.arn,
        message:
          trusted.length === 0
            ? `Role ${role.name}, the execution role of ${r.name}, does not let ${SERVICE} assume it.`
            : `Role ${role.name}, the execution role of ${r.name}, trusts ${SERVICE} without ${missing.join(" and ") || "both aws:SourceAccount and aws:SourceArn in one statement"}: any account's AgentCore could be made to use it.`,
        evidence: `iam:GetRole: the trust policy's statements allowing sts:AssumeRole name ${trusted.length === 0 ? `no principal ${SERVICE}` : `${SERVICE} with condition keys ${[...new Set(trusted.flatMap((s) => [...conditionKeys(s)]))].join(", ") || "none"}`}.`,
        fix: `aws iam update-assume-role-policy --role-name ${role.name} --policy-document '${policy}'`,
      },
    ];
  },
};
