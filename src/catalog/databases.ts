import type { DatabaseEngine } from "../answers/model.js";

/** Each engine a created database may run: its RDS engine name, default port and family. */
export const ENGINES: Readonly<Record<DatabaseEngine, { readonly title: string; readonly port: number; readonly aurora: boolean }>> = {
  postgres: { title: "PostgreSQL", port: 5432, aurora: false },
  mysql: { title: "MySQL", port: 3306, aurora: false },
  "aurora-postgresql": { title: "Aurora PostgreSQL Serverless v2", port: 5432, aurora: true },
  "aurora-mysql": { title: "Aurora MySQL Serverless v2", port: 3306, aurora: true },
};

/**
 * Instance classes the answers accept, with their on-demand Single-AZ price per hour in
 * us-east-1 (the same for PostgreSQL and MySQL; Multi-AZ is twice). Others can be set with the
 * data layer's database_instance_class variable; they are not priced here.
 */
export const INSTANCE_CLASSES: Readonly<Record<string, number>> = {
  "db.t4g.micro": 0.016,
  "db.t4g.small": 0.032,
  "db.t4g.medium": 0.065,
};

/** gp3 storage of an RDS instance, per GB-month (each Multi-AZ copy is billed). */
export const STORAGE_PER_GB_MONTH = 0.115;
/** Aurora Serverless v2 capacity, per ACU-hour (Aurora Standard), and Aurora storage by use. */
export const ACU_PER_HOUR = 0.12;
export const AURORA_STORAGE_PER_GB_MONTH = 0.1;
export const DATABASE_PRICES = "RDS and Aurora on-demand list prices of us-east-1 (aws.amazon.com/rds/pricing/ and /rds/aurora/pricing/), as quoted 2026";

export const STORAGE_GB_MIN = 20;
export const STORAGE_GB_MAX = 16384;
/** Aurora Serverless v2 scales in half ACUs; 0.5 is the floor without auto-pause. */
export const ACU_MIN = 0.5;
export const ACU_MAX = 128;
