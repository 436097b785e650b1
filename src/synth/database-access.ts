import { isAurora, type CreatedDatabase, type RdsSettings } from "../answers/model.js";
import type { EnvironmentKey } from "../catalog/environment.js";
import * as P from "../catalog/patterns.js";
import * as cdk from "./cdktn.js";
import { hclString, local, named, variable } from "./common.js";

/** The created database's identifier, from the runtime name: lower case, single hyphens (RDS allows no underscore). */
export const DATABASE_IDENTIFIER = '${join("-", compact(split("_", lower(var.name))))}-db';

/** The database port, a variable of each layer that needs it; with no port, an input the caller must give. */
export function databasePort(stack: cdk.TerraformStack, port: number | undefined, description: string): void {
  variable(stack, "database_port", {
    type: "number",
    description,
    ...(port !== undefined ? { default: port } : {}),
    validation: { condition: `\${var.database_port >= ${P.RDS_PORT_MIN} && var.database_port <= ${P.RDS_PORT_MAX}}`, errorMessage: `database_port must be from ${P.RDS_PORT_MIN} to ${P.RDS_PORT_MAX}.` },
  });
}

/** What the runtime layer knows of an existing database: the secret it may read, and what the agent is told. */
export function existingDatabase(stack: cdk.TerraformStack, rds: Extract<RdsSettings, { mode: "existing" }>): DatabaseAccess {
  secretVariable(stack, "ARN of the Secrets Manager secret with the database's credentials: the only secret the execution role may read.", rds.secretArn);
  databasePort(stack, rds.port, "Port of the database, given to the agent as DATABASE_PORT; keep it equal to network/'s database_port, which opens it.");
  if (rds.host) variable(stack, "database_host", { type: "string", description: "DNS name of the database, given to the agent as DATABASE_HOST.", default: rds.host });
  return {
    secretArn: "${var.database_secret_arn}",
    values: { databaseSecretArn: "${var.database_secret_arn}", databasePort: "${var.database_port}", ...(rds.host ? { databaseHost: "${var.database_host}" } : {}) },
  };
}

type DatabaseAccess = { secretArn: string; values: Partial<Record<EnvironmentKey, string>> };

function secretVariable(stack: cdk.TerraformStack, description: string, value?: string): void {
  variable(stack, "database_secret_arn", {
    type: "string",
    description,
    ...(value !== undefined ? { default: value } : {}),
    validation: { condition: `\${can(regex(${hclString(P.SECRET_ARN.source)}, var.database_secret_arn))}`, errorMessage: "database_secret_arn must be a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>)." },
  });
}

/** What the runtime module is given of the database the data module created: its caller passes the data module's outputs, or what it found. */
export function createdDatabaseInputs(stack: cdk.TerraformStack): DatabaseAccess {
  secretVariable(stack, "ARN of the secret RDS keeps the database's master credentials in (the data module's database_secret_arn): the only secret the execution role may read.");
  variable(stack, "database_host", { type: "string", description: "DNS name of the database (the data module's database_endpoint), given to the agent as DATABASE_HOST." });
  databasePort(stack, undefined, "Port of the database, given to the agent as DATABASE_PORT: the data module's database_port input.");
  return { secretArn: "${var.database_secret_arn}", values: { databaseSecretArn: "${var.database_secret_arn}", databasePort: "${var.database_port}", databaseHost: "${var.database_host}" } };
}

/** What the runtime layer knows of the database data/ created: found by its identifier, with the secret RDS manages. */
export function createdDatabase(stack: cdk.TerraformStack, rds: CreatedDatabase): DatabaseAccess {
  local(stack, "database_identifier", DATABASE_IDENTIFIER);
  const found = isAurora(rds)
    ? named(new cdk.DataAwsRdsCluster(stack, "data.aws_rds_cluster.database", { clusterIdentifier: "${local.database_identifier}" }), "database")
    : named(new cdk.DataAwsDbInstance(stack, "data.aws_db_instance.database", { dbInstanceIdentifier: "${local.database_identifier}" }), "database");
  const secretArn = found.masterUserSecret.get(0).secretArn;
  const host = found instanceof cdk.DataAwsRdsCluster ? found.endpoint : found.address;
  return { secretArn, values: { databaseSecretArn: secretArn, databasePort: cdk.Token.asString(found.port), databaseHost: host } };
}
