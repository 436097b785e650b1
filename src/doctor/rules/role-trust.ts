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

/** The values each condition key is tested against, by lower-case key, whatever the operator. */
function conditions(s: Statement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const blocks = typeof s.Condition === "object" && s.Condition !== null ? Object.values(s.Condition) : [];
  for (const block of blocks) {
    if (typeof block !== "object" || block === null) continue;
    for (const [key, value] of Object.entries(block)) out.set(key.toLowerCase(), [...(out.get(key.toLowerCase()) ?? []), ...list(value).map(String)]);
  }
  return out;
}

/** IAM's wildcards: * any run of characters, ? one. */
const matches = (pattern: string, value: string): boolean => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`).test(value);

const KEYS = ["aws:SourceAccount", "aws:SourceArn"] as const;

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
    const actual = { "aws:sourceaccount": account, "aws:sourcearn": r.arn };
    // A statement admits this runtime when each of its source conditions matches the runtime's account and ARN.
    const admitting = trusted.filter((s) => Object.entries(actual).every(([key, value]) => conditions(s).get(key)?.some((p) => matches(p, value)) ?? true));
    if (admitting.some((s) => KEYS.every((k) => conditions(s).has(k.toLowerCase())))) return [];
    const missing = KEYS.filter((k) => !admitting.some((s) => conditions(s).has(k.toLowerCase())));
    const tested = [...new Set(trusted.flatMap((s) => [...conditions(s)].map(([k, v]) => `${k} ${v.join(" or ")}`)))];
    const partition = r.arn.split(":")[1] ?? "aws";
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: SERVICE }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": account }, ArnLike: { "aws:SourceArn": `arn:${partition}:bedrock-agentcore:${region}:${account}:*` } } }],
    });
    const who = `Role ${role.name}, the execution role of ${r.name},`;
    return [
      {
        resource: role.arn,
        message:
          trusted.length === 0
            ? `${who} does not let ${SERVICE} assume it.`
            : admitting.length === 0
              ? `${who} trusts ${SERVICE} only for other accounts or resources: its conditions do not match this runtime (account ${account}, ${r.arn}), so AgentCore cannot assume it for ${r.name}.`
              : `${who} trusts ${SERVICE} without ${missing.join(" and ") || "aws:SourceAccount and aws:SourceArn in one statement"}: any account's AgentCore could be made to use it.`,
        evidence: `iam:GetRole: the trust policy's statements allowing sts:AssumeRole name ${trusted.length === 0 ? `no principal ${SERVICE}` : `${SERVICE} ${tested.length > 0 ? `with conditions ${tested.join("; ")}` : "with no conditions"}`}.`,
        fix: `aws iam update-assume-role-policy --role-name ${role.name} --policy-document '${policy}'`,
      },
    ];
  },
};
