import { isAurora, type CreatedDatabase } from "../answers/model.js";
import * as D from "../catalog/databases.js";
import type { Plan } from "../plan/plan.js";
import * as cdk from "./cdktn.js";
import { hclString, layerStack, local, named, output, variable, type StackKind } from "./common.js";
import { DATABASE_IDENTIFIER, databasePort } from "./database-access.js";
import { groupsOf, networkOf } from "./lookups.js";

type Stack = cdk.TerraformStack;

/** What keeps the data: encryption, a managed master password, deletion protection, backups and a final snapshot. */
function safeguards(stack: Stack, subnetGroup: cdk.DbSubnetGroup, securityGroup: string): Record<string, unknown> {
  variable(stack, "database_deletion_protection", {
    type: "bool",
    description: "Refuse to delete the database. Set false and apply before destroying this layer.",
    default: true,
  });
  variable(stack, "database_backup_retention_days", {
    type: "number",
    description: "Days of automated backups (point-in-time recovery), 1-35.",
    default: 7,
    validation: { condition: "${var.database_backup_retention_days >= 1 && var.database_backup_retention_days <= 35}", errorMessage: "database_backup_retention_days must be from 1 to 35." },
  });
  return {
    storageEncrypted: true,
    // RDS keeps the master password in Secrets Manager and rotates it; no password passes through Terraform.
    manageMasterUserPassword: true,
    deletionProtection: cdk.Token.asAny("${var.database_deletion_protection}"),
    backupRetentionPeriod: cdk.Token.asNumber("${var.database_backup_retention_days}"),
    copyTagsToSnapshot: true,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: "${local.database_identifier}-final",
    dbSubnetGroupName: subnetGroup.name,
    vpcSecurityGroupIds: [securityGroup],
    port: cdk.Token.asNumber("${var.database_port}"),
  };
}

function instance(stack: Stack, db: Extract<CreatedDatabase, { instanceClass: string }>, common: Record<string, unknown>): cdk.DbInstance {
  variable(stack, "database_instance_class", {
    type: "string",
    description: "Instance class of the database.",
    default: db.instanceClass,
    validation: { condition: `\${can(regex(${hclString("^db\\.[a-z0-9-]+\\.[a-z0-9]+$")}, var.database_instance_class))}`, errorMessage: "database_instance_class must be an RDS instance class such as db.t4g.micro." },
  });
  variable(stack, "database_storage_gb", {
    type: "number",
    description: `Allocated gp3 storage in GB (${D.STORAGE_GB_MIN}-${D.STORAGE_GB_MAX}); RDS may grow it up to five times this.`,
    default: db.storageGb,
    validation: { condition: `\${var.database_storage_gb >= ${D.STORAGE_GB_MIN} && var.database_storage_gb <= ${D.STORAGE_GB_MAX}}`, errorMessage: `database_storage_gb must be from ${D.STORAGE_GB_MIN} to ${D.STORAGE_GB_MAX}.` },
  });
  variable(stack, "database_multi_az", { type: "bool", description: "Keep a synchronous standby in a second AZ (twice the instance and storage price).", default: db.multiAz });
  return named(
    new cdk.DbInstance(stack, "aws_db_instance.this", {
      identifier: "${local.database_identifier}",
      engine: db.engine,
      instanceClass: "${var.database_instance_class}",
      allocatedStorage: cdk.Token.asNumber("${var.database_storage_gb}"),
      maxAllocatedStorage: cdk.Token.asNumber("${var.database_storage_gb * 5}"),
      storageType: "gp3",
      multiAz: cdk.Token.asAny("${var.database_multi_az}"),
      username: "agent_admin",
      publiclyAccessible: false,
      autoMinorVersionUpgrade: true,
      ...common,
    }),
    "this",
  );
}

function cluster(stack: Stack, db: Extract<CreatedDatabase, { capacity: unknown }>, common: Record<string, unknown>): cdk.RdsCluster {
  variable(stack, "database_min_capacity", { type: "number", description: `Fewest Aurora capacity units (${D.ACU_MIN}-${D.ACU_MAX}); billed even when idle.`, default: db.capacity.min });
  variable(stack, "database_max_capacity", { type: "number", description: `Most Aurora capacity units (${D.ACU_MIN}-${D.ACU_MAX}).`, default: db.capacity.max });
  variable(stack, "database_readers", { type: "number", description: "Aurora readers besides the writer; with one or more the cluster fails over to another AZ.", default: db.multiAz ? 1 : 0 });
  const created = named(
    new cdk.RdsCluster(stack, "aws_rds_cluster.this", {
      clusterIdentifier: "${local.database_identifier}",
      engine: db.engine,
      engineMode: "provisioned",
      masterUsername: "agent_admin",
      serverlessv2ScalingConfiguration: { minCapacity: cdk.Token.asNumber("${var.database_min_capacity}"), maxCapacity: cdk.Token.asNumber("${var.database_max_capacity}") },
      ...common,
    }),
    "this",
  );
  named(
    new cdk.RdsClusterInstance(stack, "aws_rds_cluster_instance.this", {
      count: cdk.Token.asNumber("${1 + var.database_readers}"),
      identifier: "${local.database_identifier}-${count.index}",
      clusterIdentifier: created.id,
      instanceClass: "db.serverless",
      engine: created.engine,
      publiclyAccessible: false,
    }),
    "this",
  );
  return created;
}

/**
 * The data layer: the database outlives the runtime, and is destroyed only on purpose. It sits in
 * the network layer's private subnets behind the group the network layer opened to the runtime.
 */
export function dataStack(scope: cdk.Construct, plan: Plan, db: CreatedDatabase, kind: StackKind): Stack {
  const stack = layerStack(scope, "data", plan.answers, "AWS region of the database; must match the network layer.", kind);
  databasePort(stack, db.port, "Port of the database; keep network/'s database_port, which opens it to the runtime, equal to it.");
  local(stack, "database_identifier", DATABASE_IDENTIFIER);
  const network = networkOf(stack, plan, groupsOf("data", plan.answers), kind);
  const subnetGroup = named(
    new cdk.DbSubnetGroup(stack, "aws_db_subnet_group.this", {
      name: "${local.database_identifier}",
      description: "Private subnets of the ${var.name} database",
      subnetIds: cdk.Token.asList(network.subnets),
    }),
    "this",
  );
  const common = safeguards(stack, subnetGroup, network.groups.database!);
  if (isAurora(db)) {
    const created = cluster(stack, db, common);
    output(stack, "database_endpoint", "Writer endpoint of the Aurora cluster.", created.endpoint);
    output(stack, "database_secret_arn", "ARN of the Secrets Manager secret RDS keeps the master user's credentials in.", created.masterUserSecret.get(0).secretArn);
  } else {
    const created = instance(stack, db, common);
    output(stack, "database_endpoint", "DNS name of the database.", created.address);
    output(stack, "database_secret_arn", "ARN of the Secrets Manager secret RDS keeps the master user's credentials in.", created.masterUserSecret.get(0).secretArn);
  }
  output(stack, "database_identifier", "Identifier of the database, which runtime/ finds it by.", "${local.database_identifier}");
  return stack;
}
