/** The wizard's questions about a chosen feature's settings, checked by the same rules as an answers file. */
import { DATABASE_ENGINES, DEFAULTS, MEMORY_STRATEGIES, type DatabaseEngine, type MemoryStrategy } from "../answers/model.js";
import { ACU_MAX, ACU_MIN, ENGINES, INSTANCE_CLASSES, STORAGE_GB_MAX, STORAGE_GB_MIN } from "../catalog/databases.js";
import { usdRate } from "../catalog/pricing.js";
import type { Context } from "../answers/validate.js";
import { STRATEGIES } from "../catalog/memory.js";
import * as P from "../catalog/patterns.js";
import { fieldError } from "./field-error.js";
import type { Feature } from "../catalog/features.js";
import type { Prompts } from "./prompts.js";

type Raw = Record<string, unknown>;


const features = (answers: Raw): Feature[] => (answers.features ?? DEFAULTS.features) as Feature[];
const wholeNumber = (v: string): unknown => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : v.trim());

/** The database: a group to attach, or (in an existing VPC) a database that has its own group and secret. */
export async function askRds(answers: Raw, prompts: Prompts, context: Context, existingVpc: boolean): Promise<void> {
  if (!features(answers).includes("rds")) {
    delete answers.rds;
    return;
  }
  const previous = (answers.rds ?? {}) as Raw;
  const mode = await prompts.select({
    message: "The database:",
    choices: [
      { value: "attach", name: "Make a security group to attach to it" },
      ...(existingVpc ? [{ value: "existing", name: "It exists in this VPC: open its own group to the runtime and read its secret" }] : []),
      { value: "create", name: "Create one in the private subnets (PostgreSQL, MySQL or Aurora Serverless v2), in a layer of its own" },
    ],
    default: typeof previous.mode === "string" && (previous.mode !== "existing" || existingVpc) ? previous.mode : "attach",
  });
  if (mode === "create") {
    answers.rds = await askCreatedDatabase(answers, prompts, context);
    return;
  }
  const ask = async (field: string, message: string, fallback: unknown, parse: (v: string) => unknown = (v) => v.trim()): Promise<unknown> =>
    parse(await prompts.input({ message, default: fallback === undefined ? "" : String(fallback), validate: (v) => fieldError({ ...answers, rds: { mode } }, `rds.${field}`, parse(v), context) }));
  if (mode === "existing") {
    const securityGroupId = await ask("securityGroupId", "The database's security group ID:", previous.securityGroupId);
    const secretArn = await ask("secretArn", "ARN of the Secrets Manager secret with its credentials:", previous.secretArn);
    const host = String(await prompts.input({ message: "Its DNS name (optional, given to the agent as DATABASE_HOST):", default: String(previous.host ?? ""), validate: (v) => (v.trim() === "" ? true : fieldError({ ...answers, rds: { mode } }, "rds.host", v.trim(), context)) })).trim();
    const port = await ask("port", "Database port:", previous.port ?? DEFAULTS.rdsPort, wholeNumber);
    answers.rds = { mode, securityGroupId, secretArn, ...(host ? { host } : {}), port };
  } else {
    answers.rds = { port: await ask("port", "Database port:", previous.port ?? DEFAULTS.rdsPort, wholeNumber) };
  }
}

export async function askMemory(answers: Raw, prompts: Prompts, context: Context): Promise<void> {
  if (!features(answers).includes("memory")) {
    delete answers.memory;
    return;
  }
  const previous = (answers.memory ?? {}) as Raw;
  const days = await prompts.input({
    message: `Days the Memory keeps a conversation's events (${P.MEMORY_EXPIRY_MIN}-${P.MEMORY_EXPIRY_MAX}):`,
    default: String(previous.expiryDays ?? DEFAULTS.memory.expiryDays),
    validate: (v) => fieldError({ ...answers, memory: {} }, "memory.expiryDays", wholeNumber(v), context),
  });
  const kept = (previous.strategies ?? DEFAULTS.memory.strategies) as readonly MemoryStrategy[];
  const strategies = await prompts.checkbox<MemoryStrategy>({
    message: "Long-term memory strategies (none keeps the events only):",
    choices: MEMORY_STRATEGIES.map((s) => ({ value: s, name: `${s.padEnd(16)} ${STRATEGIES[s].meaning}`, short: s, checked: kept.includes(s) })),
  });
  answers.memory = { expiryDays: Number(days.trim()), strategies };
}

/** The engine, then its size: an instance class and storage, or Aurora capacity; then Multi-AZ. */
async function askCreatedDatabase(answers: Raw, prompts: Prompts, context: Context): Promise<Raw> {
  const engine = await prompts.select<DatabaseEngine>({
    message: "Database engine:",
    choices: DATABASE_ENGINES.map((e) => ({ value: e, name: ENGINES[e].title })),
    default: DEFAULTS.database.engine,
  });
  const create = { mode: "create", engine };
  const check = (field: string, value: unknown): true | string => fieldError({ ...answers, rds: create }, `rds.${field}`, value, context);
  let size: Raw;
  if (ENGINES[engine].aurora) {
    const acu = (v: string): unknown => (/^\d+(\.5)?$/.test(v.trim()) ? Number(v.trim()) : v.trim());
    const min = acu(await prompts.input({ message: `Fewest Aurora capacity units (${ACU_MIN}-${ACU_MAX}, billed even when idle):`, default: String(DEFAULTS.database.capacity.min), validate: (v) => check("capacity", { min: acu(v), max: ACU_MAX }) }));
    const max = acu(await prompts.input({ message: `Most Aurora capacity units (${ACU_MIN}-${ACU_MAX}):`, default: String(DEFAULTS.database.capacity.max), validate: (v) => fieldError({ ...answers, rds: { ...create, capacity: { min, max: acu(v) } } }, "rds.capacity", { min, max: acu(v) }, context) }));
    size = { capacity: { min, max } };
  } else {
    const instanceClass = await prompts.select({
      message: "Instance class:",
      choices: Object.entries(INSTANCE_CLASSES).map(([c, hourly]) => ({ value: c, name: `${c.padEnd(14)} ${usdRate(hourly)} an hour` })),
      default: DEFAULTS.database.instanceClass,
    });
    const storageGb = wholeNumber(await prompts.input({ message: `Storage in GB (${STORAGE_GB_MIN}-${STORAGE_GB_MAX}, gp3):`, default: String(DEFAULTS.database.storageGb), validate: (v) => check("storageGb", wholeNumber(v)) }));
    size = { instanceClass, storageGb };
  }
  const multiAz = await prompts.confirm({ message: ENGINES[engine].aurora ? "Add a reader in a second AZ, to fail over to?" : "Multi-AZ (a standby in a second AZ, twice the price)?", default: DEFAULTS.database.multiAz });
  return { ...create, ...size, multiAz };
}
