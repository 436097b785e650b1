import { resolveAnswers } from "../src/answers/validate.js";
import { endpointsFor, ENDPOINT_RULES } from "../src/catalog/endpoints.js";
import type { Feature } from "../src/catalog/features.js";
import { planFor } from "../src/plan/plan.js";

const BASE = ["s3", "ecr.api", "ecr.dkr", "logs"];

describe("endpoint rules (agentcore-facts §2)", () => {
  test.each<[Feature[], string[]]>([
    [[], BASE],
    [["models"], [...BASE, "bedrock-runtime"]],
    // Memory's SDK also reads the Memory through the control plane (GetMemory).
    [["memory"], [...BASE, "bedrock-agentcore", "bedrock-agentcore-control"]],
    [["identity"], [...BASE, "bedrock-agentcore"]],
    [["codeInterpreter"], [...BASE, "bedrock-agentcore"]],
    [["gateway"], [...BASE, "bedrock-agentcore.gateway"]],
    [["observability"], [...BASE, "xray", "monitoring"]],
    [["rds"], [...BASE, "secretsmanager"]],
    [["memory", "identity", "codeInterpreter"], [...BASE, "bedrock-agentcore", "bedrock-agentcore-control"]],
    [
      ["models", "memory", "identity", "gateway", "codeInterpreter", "observability", "rds"],
      [...BASE, "bedrock-runtime", "bedrock-agentcore", "bedrock-agentcore-control", "bedrock-agentcore.gateway", "xray", "monitoring", "secretsmanager"],
    ],
  ])("without internet, %j needs %j", (features, expected) => {
    expect(endpointsFor(features, false).map((e) => e.suffix)).toEqual(expected);
  });

  test.each<Feature[]>([[], ["models"], ["browser", "models", "memory", "observability"], ["rds", "gateway"]])(
    "with a NAT path, %j keeps only the free S3 gateway endpoint",
    (...features) => {
      expect(endpointsFor(features, true).map((e) => `${e.suffix}:${e.type}`)).toEqual(["s3:Gateway"]);
    },
  );

  test("S3 is a gateway endpoint and every other one is an interface endpoint with a reason", () => {
    for (const rule of ENDPOINT_RULES) {
      expect(rule.type).toBe(rule.suffix === "s3" ? "Gateway" : "Interface");
      expect(rule.reason.length).toBeGreaterThan(10);
    }
    // The older Bedrock Agents service is not AgentCore.
    expect(ENDPOINT_RULES.map((r) => r.suffix)).not.toContain("bedrock-agent-runtime");
  });

  test("the plan names full service names and prices interface endpoints per AZ", () => {
    const resolution = resolveAnswers({ region: "eu-west-1", features: ["models"], vpc: { cidr: "10.0.0.0/16", azCount: 3 } });
    if (!resolution.ok) throw new Error("valid answers refused");
    const plan = planFor(resolution.answers);
    expect(plan.endpoints.map((e) => e.serviceName)).toEqual([
      "com.amazonaws.eu-west-1.s3",
      "com.amazonaws.eu-west-1.ecr.api",
      "com.amazonaws.eu-west-1.ecr.dkr",
      "com.amazonaws.eu-west-1.logs",
      "com.amazonaws.eu-west-1.bedrock-runtime",
    ]);
    expect(plan.monthlyUsd).toBeCloseTo(4 * 3 * 7.3, 2);
    expect(plan.nat).toBe(false);
  });

  test("a NAT gateway is priced with its public IPv4 address", () => {
    const resolution = resolveAnswers({ features: ["browser"] });
    if (!resolution.ok) throw new Error("valid answers refused");
    const plan = planFor(resolution.answers);
    expect(resolution.answers.internet).toBe(true);
    expect(plan.nat).toBe(true);
    expect(plan.monthlyUsd).toBeCloseTo(36.5, 2);
  });
});
