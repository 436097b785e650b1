import type { Answers } from "../src/answers/model.js";
import { resolveAnswers } from "../src/answers/validate.js";
import { providerFloor } from "../src/catalog/provider-versions.js";
import { planFor } from "../src/plan/plan.js";
import { renderProject } from "../src/render/project.js";
import { Attempts, wizard } from "./scripted-prompts.js";
import { readTree, tempDir, writeJson } from "./helpers.js";
import { join } from "node:path";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function resolved(raw: Record<string, unknown>): Answers {
  const resolution = resolveAnswers(raw);
  if (!resolution.ok) throw new Error(JSON.stringify(resolution.problems));
  return resolution.answers;
}

function runtimeLayer(raw: Record<string, unknown>, format: "json" | "hcl" = "json"): { json: Json; files: Record<string, string> } {
  const files = renderProject(planFor({ ...resolved(raw), format }));
  const json = Object.assign({}, ...Object.entries(files).filter(([p]) => p.startsWith("runtime/") && p.endsWith(".tf.json")).map(([, c]) => JSON.parse(c)));
  return { json, files };
}

describe("Memory: the feature makes a Memory the runtime is wired to", () => {
  test("the answers get the documented defaults when memory is chosen, and no memory key otherwise", () => {
    expect(resolved({ features: ["memory"] }).memory).toEqual({ expiryDays: 30, strategies: ["semantic"] });
    expect(resolved({ features: ["models"] }).memory).toBeUndefined();
    // Strategies keep the catalog's order whatever order they were given in; [] means events only.
    expect(resolved({ features: ["memory"], memory: { strategies: ["userPreference", "semantic"] } }).memory!.strategies).toEqual(["semantic", "userPreference"]);
    expect(resolved({ features: ["memory"], memory: { strategies: [] } }).memory!.strategies).toEqual([]);
  });

  test("a Memory with the chosen expiry and one strategy resource each; the runtime is given its ID", () => {
    const { json } = runtimeLayer({ features: ["memory"], memory: { expiryDays: 90, strategies: ["semantic", "summarization"] } });
    expect(json.resource.aws_bedrockagentcore_memory.this).toEqual({ name: "${var.name}", description: "Memory of the ${var.name} AgentCore runtime", event_expiry_duration: "${var.memory_event_expiry_days}" });
    expect(json.variable.memory_event_expiry_days).toMatchObject({ type: "number", default: 90 });
    const strategies = json.resource.aws_bedrockagentcore_memory_strategy;
    expect(Object.keys(strategies).sort()).toEqual(["semantic", "summarization"]);
    expect(strategies.summarization).toEqual({
      name: "summarization",
      memory_id: "${aws_bedrockagentcore_memory.this.id}",
      type: "SUMMARIZATION",
      namespaces: ["/strategies/{memoryStrategyId}/actors/{actorId}/sessions/{sessionId}"],
    });
    expect(json.resource.aws_bedrockagentcore_agent_runtime.this.environment_variables).toEqual({ AGENTCORE_MEMORY_ID: "${aws_bedrockagentcore_memory.this.id}" });
    expect(Object.keys(json.output)).toEqual(expect.arrayContaining(["memory_id", "memory_arn"]));
  });

  test("the execution role may use that one Memory, GetMemory included, and no memory/* wildcard", () => {
    const { json } = runtimeLayer({ features: ["memory"] });
    const statements: Json[] = json.data.aws_iam_policy_document.execution.statement;
    const memory = statements.find((s) => s.sid === "Memory")!;
    expect(memory.resources).toEqual(["${aws_bedrockagentcore_memory.this.arn}"]);
    expect(memory.actions).toEqual(expect.arrayContaining(["bedrock-agentcore:GetMemory", "bedrock-agentcore:CreateEvent", "bedrock-agentcore:RetrieveMemoryRecords"]));
    expect(JSON.stringify(statements)).not.toContain("memory/*");
  });

  test("without memory, no Memory, no strategy, no environment variable, no Memory permission", () => {
    const { json } = runtimeLayer({ features: ["models"] });
    expect([json.resource.aws_bedrockagentcore_memory, json.resource.aws_bedrockagentcore_memory_strategy, json.resource.aws_bedrockagentcore_agent_runtime.this.environment_variables]).toEqual([undefined, undefined, undefined]);
    expect(json.data.aws_iam_policy_document.execution.statement.some((s: Json) => s.sid === "Memory")).toBe(false);
  });

  test("events only: a Memory without any strategy resource", () => {
    const { json } = runtimeLayer({ features: ["memory"], memory: { strategies: [] } });
    expect([json.resource.aws_bedrockagentcore_memory.this !== undefined, json.resource.aws_bedrockagentcore_memory_strategy]).toEqual([true, undefined]);
  });

  test("the runtime layer asks for the provider that has Memory (6.18.0)", () => {
    const { json } = runtimeLayer({ features: ["memory"] });
    const blocks = [
      ...Object.entries(json.resource).flatMap(([type, byName]) => Object.values(byName as Json).map((body) => ({ kind: "resource", labels: [type], body: body as Json }))),
      ...Object.entries(json.data).flatMap(([type, byName]) => Object.values(byName as Json).map((body) => ({ kind: "data", labels: [type], body: body as Json }))),
    ];
    expect(providerFloor(blocks)).toBe("6.18.0");
    expect(json.terraform.required_providers.aws.version).toBe(">= 6.18.0, < 7.0.0");
  });

  test("HCL says the same: the Memory, its strategy and the runtime's variable", () => {
    const { files } = runtimeLayer({ features: ["memory"] }, "hcl");
    expect(files["runtime/main.tf"]).toContain('resource "aws_bedrockagentcore_memory" "this" {\n  description           = "Memory of the ${var.name} AgentCore runtime"\n  event_expiry_duration = var.memory_event_expiry_days\n  name                  = var.name\n}');
    expect(files["runtime/main.tf"]).toContain("AGENTCORE_MEMORY_ID = aws_bedrockagentcore_memory.this.id");
    expect(files["README.md"]).toContain("| `AGENTCORE_MEMORY_ID` | the Memory's ID (output `memory_id`) |");
  });
});

describe("the wizard asks about Memory only when it is chosen", () => {
  test("expiry and strategies, checked as an answers file is, end in agentcore-vpc.json; without Memory nothing is asked", async () => {
    const dir = await tempDir();
    const session = await wizard(
      ["m"],
      [
        [/features the agent uses/, ["models", "memory"]],
        [/Days the Memory keeps/, new Attempts(["400", "two months", "60"])],
        [/Long-term memory strategies/, ["userPreference", "summarization"]],
      ],
      dir,
    );
    expect([session.code, session.stderr]).toEqual([0, ""]);
    expect(session.refusals).toEqual([
      "Expected a whole number of days from 7 to 365: how long the memory keeps a conversation's events.",
      "Expected a whole number of days from 7 to 365: how long the memory keeps a conversation's events.",
    ]);
    expect(JSON.parse((await readTree(join(dir, "m")))["agentcore-vpc.json"]!).memory).toEqual({ expiryDays: 60, strategies: ["summarization", "userPreference"] });
    const without = await wizard(["n"], [[/features the agent uses/, ["models"]]], dir);
    expect([without.code, without.asked.some((q) => /Memory/.test(q))]).toEqual([0, false]);
  });

  test("Memory settings the answers file gave are dropped when the wizard unticks Memory, not refused at the end", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "c.json"), { memory: { expiryDays: 90, strategies: [] } });
    const unticked = await wizard(["c", "--answers", file], [[/features the agent uses/, ["models"]]], dir);
    expect([unticked.code, unticked.stderr]).toEqual([0, ""]);
    expect(JSON.parse((await readTree(join(dir, "c")))["agentcore-vpc.json"]!).memory).toBeUndefined();
  });
});
