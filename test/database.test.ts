import { join } from "node:path";
import { resolveAnswers } from "../src/answers/validate.js";
import { planFor } from "../src/plan/plan.js";
import { renderProject } from "../src/render/project.js";
import { SCENARIOS } from "../scripts/scenarios.js";
import { readTree, tempDir, writeJson } from "./helpers.js";
import { wizard } from "./scripted-prompts.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const EXAMPLE = SCENARIOS.find((s) => s.name === "existing-database")!.answers as Record<string, unknown>;

function layer(raw: Record<string, unknown>, name: "network" | "runtime"): Json {
  const resolution = resolveAnswers(raw);
  if (!resolution.ok) throw new Error(JSON.stringify(resolution.problems));
  const files = renderProject(planFor({ ...resolution.answers, format: "json" }));
  return Object.assign({}, ...Object.entries(files).filter(([p]) => p.startsWith(`${name}/`) && p.endsWith(".tf.json")).map(([, c]) => JSON.parse(c)));
}

describe("an existing database: its own group admits the runtime, which may read its one secret", () => {
  test("the network layer opens the database port both ways on the database's own group, and checks that group is in the VPC", () => {
    const network = layer(EXAMPLE, "network");
    expect(network.resource.aws_security_group.database).toBeUndefined();
    expect(network.data.aws_security_group.database.id).toBe("${var.database_security_group_id}");
    expect(network.data.aws_security_group.database.lifecycle.postcondition[0].condition).toBe("${self.vpc_id == data.aws_vpc.this.id}");
    expect(network.resource.aws_vpc_security_group_ingress_rule.database_from_runtime).toMatchObject({
      security_group_id: "${data.aws_security_group.database.id}",
      referenced_security_group_id: "${aws_security_group.runtime.id}",
      from_port: "${var.database_port}",
      to_port: "${var.database_port}",
    });
    expect(network.resource.aws_vpc_security_group_egress_rule.runtime_to_database.referenced_security_group_id).toBe("${data.aws_security_group.database.id}");
    expect(network.variable.database_security_group_id.default).toBe("sg-0db0db0db0db0db01");
  });

  test("the execution role may read that one secret, not rds!*; the runtime is told the secret, port and host", () => {
    const runtime = layer(EXAMPLE, "runtime");
    const statements: Json[] = runtime.data.aws_iam_policy_document.execution.statement;
    expect(statements.filter((s) => s.sid === "DatabaseCredentials")).toEqual([{ sid: "DatabaseCredentials", actions: ["secretsmanager:GetSecretValue"], resources: ["${var.database_secret_arn}"] }]);
    expect(JSON.stringify(statements)).not.toContain("rds!*");
    expect(runtime.variable.database_secret_arn.default).toBe((EXAMPLE.rds as Json).secretArn);
    expect(runtime.resource.aws_bedrockagentcore_agent_runtime.this.environment_variables).toEqual({
      DATABASE_SECRET_ARN: "${var.database_secret_arn}",
      DATABASE_PORT: "${var.database_port}",
      DATABASE_HOST: "${var.database_host}",
    });
  });

  test("without settings, today's behaviour: a group to attach, and the rds!* secrets", () => {
    const raw = { features: ["models", "rds"] };
    expect(resolveAnswers(raw)).toMatchObject({ ok: true, answers: { rds: { mode: "attach", port: 5432 } } });
    const network = layer(raw, "network");
    expect(network.resource.aws_security_group.database).toBeDefined();
    expect(network.resource.aws_vpc_security_group_ingress_rule.database_from_runtime.security_group_id).toBe("${aws_security_group.database.id}");
    const runtime = layer(raw, "runtime");
    expect(runtime.data.aws_iam_policy_document.execution.statement.find((s: Json) => s.sid === "DatabaseCredentials").resources).toEqual(["arn:${local.partition}:secretsmanager:${var.region}:${local.account_id}:secret:rds!*"]);
    expect(runtime.resource.aws_bedrockagentcore_agent_runtime.this.environment_variables).toBeUndefined();
  });

  test("an answers file of before, { port } alone, still means a group to attach, and regenerates to the same bytes", () => {
    const raw = { features: ["rds"], rds: { port: 3306 } };
    expect(resolveAnswers(raw)).toMatchObject({ ok: true, answers: { rds: { mode: "attach", port: 3306 } } });
    const resolution = resolveAnswers(raw);
    if (!resolution.ok) throw new Error("refused");
    expect(JSON.parse(renderProject(planFor(resolution.answers))["agentcore-vpc.json"]!).rds).toEqual({ port: 3306 });
  });

  test("without a host, no DATABASE_HOST and no database_host; with Memory, both sets of variables", () => {
    const { host: _host, ...rds } = EXAMPLE.rds as Json;
    const runtime = layer({ ...EXAMPLE, features: ["models", "memory", "rds"], rds }, "runtime");
    expect(runtime.resource.aws_bedrockagentcore_agent_runtime.this.environment_variables).toEqual({
      AGENTCORE_MEMORY_ID: "${aws_bedrockagentcore_memory.this.id}",
      DATABASE_SECRET_ARN: "${var.database_secret_arn}",
      DATABASE_PORT: "${var.database_port}",
    });
    expect(runtime.variable.database_host).toBeUndefined();
  });
});

describe("the wizard asks about an existing database only in an existing VPC", () => {
  test("the database's group, secret, host and port, checked as an answers file is", async () => {
    const dir = await tempDir();
    const given = await writeJson(join(dir, "a.json"), { ...EXAMPLE, rds: undefined });
    const session = await wizard(
      ["w", "--answers", given],
      [
        [/^The database:/, "existing"],
        [/security group ID/, "sg-0db0db0db0db0db01"],
        [/Secrets Manager secret/, (EXAMPLE.rds as Json).secretArn],
        [/DNS name/, (EXAMPLE.rds as Json).host],
        [/Database port/, "5432"],
      ],
      dir,
    );
    expect([session.code, session.stderr]).toEqual([0, ""]);
    expect(JSON.parse((await readTree(join(dir, "w")))["agentcore-vpc.json"]!).rds).toEqual(EXAMPLE.rds);
  });

  test("in a new VPC an existing database is not offered: a group to attach (the default) or a created database", async () => {
    const dir = await tempDir();
    const session = await wizard(["n"], [[/features the agent uses/, ["models", "rds"]]], dir);
    expect([session.code, session.asked.filter((q) => /database/i.test(q))]).toEqual([0, ["The database:", "Database port:"]]);
    // An existing database is offered only where its VPC is the runtime's; creating one is offered anywhere.
    expect(session.offers.find((o) => o.message === "The database:")).toEqual({ message: "The database:", values: ["attach", "create"], default: "attach" });
  });
});
