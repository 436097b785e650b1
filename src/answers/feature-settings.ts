/** The settings of a chosen feature: refused when the feature is not chosen, defaulted when it is. */
import type { Feature } from "../catalog/features.js";
import * as P from "../catalog/patterns.js";
import { partitionOf } from "../catalog/regions.js";
import { checkInteger, checkString, isPlainObject, orDefault, unknownKeys, type Check, type Problem } from "./checks.js";
import { checkCreatedDatabase } from "./database-settings.js";
import { DEFAULTS, MEMORY_STRATEGIES, RDS_MODES, type MemorySettings, type MemoryStrategy, type RdsSettings } from "./model.js";

/** Settings given for a feature that is not chosen are a mistake, not something to ignore. */
export function unchosen(key: string, feature: Feature, value: unknown): Check<undefined> {
  if (value === undefined) return { value: undefined, problems: [] };
  return { problems: [{ field: key, value, rule: `${key} settings apply only when "${feature}" is in features; add it or remove "${key}".` }] };
}

/** What a database's settings are checked against. */
export interface RdsContext {
  readonly region?: string;
  readonly existingVpc: boolean;
}

const RDS_SHAPES = `{ "port": 5432 } (a security group to attach to the database), { "mode": "existing", "securityGroupId": "sg-...", "secretArn": "arn:aws:secretsmanager:...:secret:...", "port": 5432 }, or { "mode": "create", "engine": "postgres", "instanceClass": "db.t4g.micro" }`;

export function checkRds(value: unknown, features: readonly Feature[], context: RdsContext): Check<RdsSettings | undefined> {
  if (!features.includes("rds")) return unchosen("rds", "rds", value);
  const rds = orDefault(value, {});
  if (!isPlainObject(rds)) return { problems: [{ field: "rds", value, rule: `Expected an object: ${RDS_SHAPES}.` }] };
  const mode = orDefault(rds.mode, "attach") as (typeof RDS_MODES)[number];
  if (!RDS_MODES.includes(mode)) return { problems: [{ field: "rds.mode", value: mode, rule: `Expected ${RDS_MODES.map((m) => `"${m}"`).join(" or ")}: ${RDS_SHAPES}.` }] };
  if (mode === "create") return checkCreatedDatabase(rds);
  const port = checkInteger("rds.port", orDefault(rds.port, DEFAULTS.rdsPort), P.RDS_PORT_MIN, P.RDS_PORT_MAX, `Expected a whole number from ${P.RDS_PORT_MIN} to ${P.RDS_PORT_MAX} (the ports RDS accepts).`);
  if (mode === "attach") {
    const problems = [...unknownKeys(rds, ["mode", "port"], "rds."), ...port.problems];
    return problems.length > 0 || port.value === undefined ? { problems } : { value: { mode, port: port.value }, problems };
  }
  const group = checkString("rds.securityGroupId", rds.securityGroupId, P.SECURITY_GROUP_ID, `Expected the database's security group ID, such as "sg-0123456789abcdef0".`);
  const secret = checkSecretArn(rds.secretArn, context.region);
  const host = rds.host === undefined ? { value: undefined, problems: [] } : checkString("rds.host", rds.host, P.HOSTNAME, `Expected the database's DNS name in lower case, such as "orders.cluster-abc123.us-east-1.rds.amazonaws.com".`);
  const problems: Problem[] = [...unknownKeys(rds, ["mode", "securityGroupId", "secretArn", "host", "port"], "rds."), ...port.problems, ...group.problems, ...secret.problems, ...host.problems];
  if (!context.existingVpc) {
    problems.push({ field: "rds.mode", value: mode, rule: `An existing database lives in an existing VPC, and its security group can admit the runtime only from that VPC: give "vpc": { "id": ..., "subnetIds": [...] } of the database's VPC, or use "mode": "attach".` });
  }
  if (problems.length > 0 || port.value === undefined || group.value === undefined || secret.value === undefined) return { problems };
  return { value: { mode, port: port.value, securityGroupId: group.value, secretArn: secret.value, ...(host.value ? { host: host.value } : {}) }, problems };
}

/** A Secrets Manager secret of the runtime's region: the VPC's endpoint and the runtime's permission are regional. */
function checkSecretArn(value: unknown, region: string | undefined): Check<string> {
  const field = "rds.secretArn";
  const secret = checkString(field, value, P.SECRET_ARN, `Expected the ARN of the Secrets Manager secret that holds the database's credentials, such as "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0a1b2c3d-AbCdEf".`);
  if (secret.value === undefined || region === undefined) return secret;
  const [, partition, secretRegion] = P.SECRET_ARN.exec(secret.value)!;
  if (partition !== partitionOf(region)) return { problems: [{ field, value, rule: `The secret's ARN is in the ${partition} partition, the runtime in ${region} (${partitionOf(region)}): give the ARN of the secret in ${region}.` }] };
  if (secretRegion !== region) return { problems: [{ field, value, rule: `The secret is in ${secretRegion}, the runtime in ${region}: give the secret of the database in ${region}.` }] };
  return secret;
}

function checkStrategies(value: unknown): Check<MemoryStrategy[]> {
  const allowed = `Allowed: ${MEMORY_STRATEGIES.map((s) => `"${s}"`).join(", ")}; [] keeps short-term memory (the events) only.`;
  if (!Array.isArray(value)) return { problems: [{ field: "memory.strategies", value, rule: `Expected an array of strategies. ${allowed}` }] };
  const problems: Problem[] = [];
  value.forEach((s: unknown, i) => {
    const field = `memory.strategies[${i}]`;
    if (!(MEMORY_STRATEGIES as readonly unknown[]).includes(s)) problems.push({ field, value: s, rule: `Unknown strategy. ${allowed}` });
    else if (value.indexOf(s) !== i) problems.push({ field, value: s, rule: "Listed twice; name each strategy once." });
  });
  // Kept in the catalog's order, so the same choice always gives the same output.
  return problems.length > 0 ? { problems } : { value: MEMORY_STRATEGIES.filter((s) => value.includes(s)), problems };
}

export function checkMemory(value: unknown, features: readonly Feature[]): Check<MemorySettings | undefined> {
  if (!features.includes("memory")) return unchosen("memory", "memory", value);
  const memory = orDefault(value, {});
  if (!isPlainObject(memory)) return { problems: [{ field: "memory", value, rule: `Expected an object such as { "expiryDays": ${DEFAULTS.memory.expiryDays}, "strategies": ["semantic"] }.` }] };
  const expiry = checkInteger(
    "memory.expiryDays",
    orDefault(memory.expiryDays, DEFAULTS.memory.expiryDays),
    P.MEMORY_EXPIRY_MIN,
    P.MEMORY_EXPIRY_MAX,
    `Expected a whole number of days from ${P.MEMORY_EXPIRY_MIN} to ${P.MEMORY_EXPIRY_MAX}: how long the memory keeps a conversation's events.`,
  );
  const strategies = checkStrategies(orDefault(memory.strategies, DEFAULTS.memory.strategies));
  const problems = [...unknownKeys(memory, ["expiryDays", "strategies"], "memory."), ...expiry.problems, ...strategies.problems];
  if (problems.length > 0 || expiry.value === undefined || strategies.value === undefined) return { problems };
  return { value: { expiryDays: expiry.value, strategies: strategies.value }, problems };
}
