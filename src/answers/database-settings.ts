/** A database this project creates: engine, size and availability, checked against the catalog. */
import * as D from "../catalog/databases.js";
import * as P from "../catalog/patterns.js";
import { checkBoolean, checkInteger, checkOneOf, isPlainObject, orDefault, unknownKeys, type Check, type Problem } from "./checks.js";
import { DATABASE_ENGINES, DEFAULTS, type CreatedDatabase, type DatabaseEngine } from "./model.js";

function checkCapacity(value: unknown): Check<{ min: number; max: number }> {
  const field = "rds.capacity";
  const rule = `Expected { "min": ${DEFAULTS.database.capacity.min}, "max": ${DEFAULTS.database.capacity.max} }: Aurora capacity units from ${D.ACU_MIN} to ${D.ACU_MAX}, in steps of 0.5, min no more than max.`;
  if (!isPlainObject(value)) return { problems: [{ field, value, rule }] };
  const problems: Problem[] = unknownKeys(value, ["min", "max"], `${field}.`);
  const acu = (key: "min" | "max"): number | undefined => {
    const v = orDefault(value[key], DEFAULTS.database.capacity[key]);
    if (typeof v === "number" && v >= D.ACU_MIN && v <= D.ACU_MAX && Number.isInteger(v * 2)) return v;
    problems.push({ field: `${field}.${key}`, value: v, rule });
    return undefined;
  };
  const min = acu("min");
  const max = acu("max");
  if (min !== undefined && max !== undefined && min > max) problems.push({ field, value, rule: `min (${min}) is above max (${max}). ${rule}` });
  return problems.length > 0 || min === undefined || max === undefined ? { problems } : { value: { min, max }, problems };
}

export function checkCreatedDatabase(rds: Record<string, unknown>): Check<CreatedDatabase> {
  const checked = checkOneOf("rds.engine", orDefault(rds.engine, DEFAULTS.database.engine), DATABASE_ENGINES, "an RDS instance (PostgreSQL, MySQL) or Aurora Serverless v2.");
  if (checked.value === undefined) return { problems: checked.problems };
  const engine: DatabaseEngine = checked.value;
  const { aurora, port: enginePort } = D.ENGINES[engine];
  const port = checkInteger("rds.port", orDefault(rds.port, enginePort), P.RDS_PORT_MIN, P.RDS_PORT_MAX, `Expected a whole number from ${P.RDS_PORT_MIN} to ${P.RDS_PORT_MAX} (the ports RDS accepts).`);
  const multiAz = checkBoolean("rds.multiAz", orDefault(rds.multiAz, DEFAULTS.database.multiAz), "true keeps a standby (or an Aurora reader) in a second AZ.");
  const problems: Problem[] = [...port.problems, ...multiAz.problems];
  if (aurora) {
    const capacity = checkCapacity(orDefault(rds.capacity, DEFAULTS.database.capacity));
    problems.push(...unknownKeys(rds, ["mode", "engine", "capacity", "multiAz", "port"], "rds."), ...capacity.problems);
    if (problems.length > 0 || port.value === undefined || capacity.value === undefined || multiAz.value === undefined) return { problems };
    return { value: { mode: "create", engine: engine as "aurora-postgresql" | "aurora-mysql", capacity: capacity.value, multiAz: multiAz.value, port: port.value }, problems };
  }
  const instanceClass = orDefault(rds.instanceClass, DEFAULTS.database.instanceClass);
  if (typeof instanceClass !== "string" || !(instanceClass in D.INSTANCE_CLASSES)) {
    problems.push({ field: "rds.instanceClass", value: instanceClass, rule: `Expected one of ${Object.keys(D.INSTANCE_CLASSES).join(", ")} (priced here); another class can be set with database_instance_class in data/terraform.tfvars.` });
  }
  const storage = checkInteger("rds.storageGb", orDefault(rds.storageGb, DEFAULTS.database.storageGb), D.STORAGE_GB_MIN, D.STORAGE_GB_MAX, `Expected whole GB from ${D.STORAGE_GB_MIN} to ${D.STORAGE_GB_MAX} of gp3 storage.`);
  problems.push(...unknownKeys(rds, ["mode", "engine", "instanceClass", "storageGb", "multiAz", "port"], "rds."), ...storage.problems);
  if (problems.length > 0 || port.value === undefined || storage.value === undefined || multiAz.value === undefined) return { problems };
  return { value: { mode: "create", engine: engine as "postgres" | "mysql", instanceClass: instanceClass as string, storageGb: storage.value, multiAz: multiAz.value, port: port.value }, problems };
}
