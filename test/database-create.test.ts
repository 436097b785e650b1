import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { resolveAnswers } from "../src/answers/validate.js";
import { planFor } from "../src/plan/plan.js";
import { renderProject } from "../src/render/project.js";
import { SCENARIOS } from "../scripts/scenarios.js";
import { EXAMPLES, readTree, tempDir, terraformEnv } from "./helpers.js";
import { Attempts, wizard } from "./scripted-prompts.js";
import { planAgainstStandIn } from "./standin/plan.js";
import { startStandIn, type StandIn } from "./standin/server.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXAMPLE = SCENARIOS.find((s) => s.name === "created-database")!.answers as Record<string, unknown>;
const AURORA = { ...EXAMPLE, rds: { mode: "create", engine: "aurora-postgresql", capacity: { min: 1, max: 8 }, multiAz: true } };

function project(raw: Record<string, unknown>, format: "json" | "hcl" = "json"): Record<string, string> {
  const resolution = resolveAnswers(raw);
  if (!resolution.ok) throw new Error(JSON.stringify(resolution.problems));
  return renderProject(planFor({ ...resolution.answers, format }));
}

function layer(raw: Record<string, unknown>, name: "network" | "data" | "runtime"): Json {
  return Object.assign({}, ...Object.entries(project(raw)).filter(([p]) => p.startsWith(`${name}/`) && p.endsWith(".tf.json")).map(([, c]) => JSON.parse(c)));
}

describe("a created database: its own layer, in the private subnets, wired to the runtime", () => {
  test("defaults: PostgreSQL on db.t4g.micro with 20 GB, Single-AZ, port 5432; MySQL's port is 3306; only with mode create is there a data layer", () => {
    expect(resolveAnswers({ features: ["rds"], rds: { mode: "create" } })).toMatchObject({ ok: true, answers: { rds: { mode: "create", engine: "postgres", instanceClass: "db.t4g.micro", storageGb: 20, multiAz: false, port: 5432 } } });
    expect(resolveAnswers({ features: ["rds"], rds: { mode: "create", engine: "mysql" } })).toMatchObject({ ok: true, answers: { rds: { port: 3306 } } });
    expect(resolveAnswers({ features: ["rds"], rds: { mode: "create", engine: "aurora-mysql" } })).toMatchObject({ ok: true, answers: { rds: { capacity: { min: 0.5, max: 4 }, port: 3306 } } });
    expect(Object.keys(project({ features: ["rds"] })).some((p) => p.startsWith("data/"))).toBe(false);
    expect(Object.keys(project(EXAMPLE)).filter((p) => p.startsWith("data/"))).toEqual(["data/main.tf.json", "data/outputs.tf.json", "data/terraform.tfvars.example", "data/variables.tf.json", "data/versions.tf.json"]);
  });

  test("the network layer makes the database's group, tagged for data/, open on its port from the runtime only", () => {
    const network = layer(EXAMPLE, "network");
    expect(network.resource.aws_security_group.database.tags["agentcore-vpc:role"]).toBe("database");
    expect(network.resource.aws_vpc_security_group_ingress_rule.database_from_runtime).toMatchObject({ security_group_id: "${aws_security_group.database.id}", referenced_security_group_id: "${aws_security_group.runtime.id}", from_port: "${var.database_port}" });
    expect(network.resource.aws_vpc_security_group_egress_rule.runtime_to_database.referenced_security_group_id).toBe("${aws_security_group.database.id}");
  });

  test("an instance: encrypted, private, managed password, deletion protection, backups, a final snapshot, in the subnet group", () => {
    const data = layer(EXAMPLE, "data");
    expect(data.resource.aws_db_subnet_group.this.subnet_ids).toBe("${var.subnet_ids}");
    expect(data.resource.aws_db_instance.this).toMatchObject({
      engine: "postgres",
      instance_class: "${var.database_instance_class}",
      storage_type: "gp3",
      storage_encrypted: true,
      manage_master_user_password: true,
      publicly_accessible: false,
      deletion_protection: "${var.database_deletion_protection}",
      backup_retention_period: "${var.database_backup_retention_days}",
      skip_final_snapshot: false,
      multi_az: "${var.database_multi_az}",
      db_subnet_group_name: "${aws_db_subnet_group.this.name}",
      vpc_security_group_ids: ["${data.aws_security_group.database.id}"],
    });
    expect(data.resource.aws_db_instance.this.password).toBeUndefined();
    expect([data.variable.database_deletion_protection.default, data.variable.database_multi_az.default, data.variable.database_instance_class.default]).toEqual([true, true, "db.t4g.small"]);
  });

  test("Aurora Serverless v2: a cluster with its capacity, a writer and, Multi-AZ, a reader", () => {
    const data = layer(AURORA, "data");
    expect(data.resource.aws_db_instance).toBeUndefined();
    expect(data.resource.aws_rds_cluster.this).toMatchObject({ engine: "aurora-postgresql", engine_mode: "provisioned", storage_encrypted: true, manage_master_user_password: true, serverlessv2_scaling_configuration: { min_capacity: "${var.database_min_capacity}", max_capacity: "${var.database_max_capacity}" } });
    expect(data.resource.aws_rds_cluster_instance.this).toMatchObject({ count: "${1 + var.database_readers}", instance_class: "db.serverless" });
    expect([data.variable.database_min_capacity.default, data.variable.database_max_capacity.default, data.variable.database_readers.default]).toEqual([1, 8, 1]);
    expect(layer(AURORA, "runtime").data.aws_rds_cluster.database.cluster_identifier).toBe("${local.database_identifier}");
  });

  test("the runtime finds the database by identifier, may read its managed secret only, and is told secret, host and port", () => {
    const runtime = layer(EXAMPLE, "runtime");
    expect(runtime.data.aws_db_instance.database.db_instance_identifier).toBe("${local.database_identifier}");
    expect(runtime.locals.database_identifier).toBe(layer(EXAMPLE, "data").locals.database_identifier);
    const statements: Json[] = runtime.data.aws_iam_policy_document.execution.statement;
    expect(statements.filter((s) => s.sid === "DatabaseCredentials")).toEqual([{ sid: "DatabaseCredentials", actions: ["secretsmanager:GetSecretValue"], resources: ["${data.aws_db_instance.database.master_user_secret[0].secret_arn}"] }]);
    expect(runtime.resource.aws_bedrockagentcore_agent_runtime.this.environment_variables).toEqual({
      DATABASE_SECRET_ARN: "${data.aws_db_instance.database.master_user_secret[0].secret_arn}",
      DATABASE_PORT: "${data.aws_db_instance.database.port}",
      DATABASE_HOST: "${data.aws_db_instance.database.address}",
    });
  });

  test("its monthly cost: the instance and its storage, twice over Multi-AZ; Aurora at its minimum capacity", () => {
    const cost = (raw: Record<string, unknown>) => planFor((resolveAnswers(raw) as Extract<ReturnType<typeof resolveAnswers>, { ok: true }>).answers).cost.filter((c) => /PostgreSQL|gp3|Aurora/.test(c.item));
    expect(cost(EXAMPLE).map((c) => c.monthlyUsd)).toEqual([46.72, 11.5]);
    expect(cost(AURORA).map((c) => c.monthlyUsd)).toEqual([175.2, 0]);
    expect(project(EXAMPLE, "hcl")["README.md"]).toContain("| PostgreSQL db.t4g.small Multi-AZ (primary and standby) ($0.032 per instance-hour) | $46.72 |");
  });
});

describe("the data layer, planned with the real provider against the stand-in", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(async () => {
    await standIn.close();
  });

  test("created-database: the instance in the VPC's subnets behind the group the network layer tagged", async () => {
    const dir = await tempDir("agentcore-vpc-data-");
    const result = await planAgainstStandIn(join(EXAMPLES, "created-database", "data"), standIn, await terraformEnv(dir), "AKIASTANDINSHUFFLED0");
    if (!result.ok) throw new Error(result.error);
    const after = (address: string): Json => result.plan.resource_changes!.find((c) => c.address === address)!.change.after!;
    expect(after("aws_db_instance.this")).toMatchObject({ identifier: "payments-agent-db", engine: "postgres", instance_class: "db.t4g.small", allocated_storage: 50, multi_az: true, deletion_protection: true, vpc_security_group_ids: ["sg-0db0db0db0db0db03"], port: 5432 });
    expect(after("aws_db_subnet_group.this").subnet_ids.sort()).toEqual(["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"]);
  }, 300_000);

  test("Aurora: the cluster and its two serverless instances plan too", async () => {
    const dir = await tempDir("agentcore-vpc-data-");
    for (const [path, content] of Object.entries(project(AURORA, "hcl")).filter(([p]) => p.startsWith("data/"))) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    const result = await planAgainstStandIn(join(dir, "data"), standIn, await terraformEnv(dir), "AKIASTANDINSHUFFLED0");
    if (!result.ok) throw new Error(result.error);
    const created = result.plan.resource_changes!.filter((c) => c.change.actions.includes("create")).map((c) => c.address);
    expect(created.sort()).toEqual(["aws_db_subnet_group.this", "aws_rds_cluster.this", "aws_rds_cluster_instance.this[0]", "aws_rds_cluster_instance.this[1]"]);
    expect(result.plan.resource_changes!.find((c) => c.address === "aws_rds_cluster.this")!.change.after).toMatchObject({ cluster_identifier: "payments-agent-db", serverlessv2_scaling_configuration: [{ min_capacity: 1, max_capacity: 8 }] });
  }, 300_000);
});

describe("the wizard creates a database when asked to", () => {
  test("engine, class, storage and Multi-AZ end in agentcore-vpc.json; storage is checked as an answers file is", async () => {
    const dir = await tempDir();
    const session = await wizard(
      ["d"],
      [
        [/features the agent uses/, ["models", "rds"]],
        [/^The database:/, "create"],
        [/^Database engine/, "mysql"],
        [/^Instance class/, "db.t4g.medium"],
        [/^Storage in GB/, new Attempts(["5", "100"])],
        [/^Multi-AZ/, true],
      ],
      dir,
    );
    expect([session.code, session.stderr]).toEqual([0, ""]);
    expect(session.refusals).toEqual(["Expected whole GB from 20 to 16384 of gp3 storage."]);
    const answers = JSON.parse((await readTree(join(dir, "d")))["agentcore-vpc.json"]!);
    expect(answers.rds).toEqual({ mode: "create", engine: "mysql", instanceClass: "db.t4g.medium", storageGb: 100, multiAz: true, port: 3306 });
    expect(session.stdout).toContain("terraform -chdir=data apply data.tfplan");
  });
});
