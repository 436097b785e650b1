import { Readable } from "node:stream";
import { join } from "node:path";
import fc from "fast-check";
import { DEFAULTS } from "../src/answers/model.js";
import { formatProblem, resolveAnswers } from "../src/answers/validate.js";
import { ECR_IMAGE, RUNTIME_NAME } from "../src/catalog/patterns.js";
import { planFor } from "../src/plan/plan.js";
import { readTree, runCli, tempDir, writeJson } from "./helpers.js";

function problems(raw: unknown, context = {}): string[] {
  const resolution = resolveAnswers(raw, context);
  return resolution.ok ? [] : resolution.problems.map(formatProblem);
}

describe("default image", () => {
  test.each([
    ["agent_", "agent"],
    ["a__b", "a-b"],
    ["A_", "a"],
    ["Support_Agent_2", "support-agent-2"],
  ])("the name %s gives the repository %s", (name, repository) => {
    const resolution = resolveAnswers({ name });
    expect(resolution.ok && resolution.answers.image).toBe(`123456789012.dkr.ecr.us-east-1.amazonaws.com/${repository}:1.0.0`);
  });

  test("property: every valid runtime name gives a valid default image", () => {
    fc.assert(
      fc.property(fc.stringMatching(RUNTIME_NAME), fc.constantFrom("us-east-1", "eu-west-1", "us-gov-west-1"), (name, region) => {
        return ECR_IMAGE.test(DEFAULTS.image(region, name)) && resolveAnswers({ name, region }).ok;
      }),
      { numRuns: 2000, seed: 20261201 },
    );
  });
});

describe("images from another partition are refused", () => {
  test.each([
    ["a China registry for a commercial region", { internet: true, image: "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/agent:1" }, "aws-cn partition (cn-north-1) but a runtime in us-east-1 is in the aws partition"],
    ["a GovCloud image for a commercial region", { internet: true, image: "123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/agent:1" }, "aws-us-gov partition (us-gov-west-1) but a runtime in us-east-1 is in the aws partition"],
    ["a commercial image for GovCloud", { region: "us-gov-west-1", internet: true, image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent:1" }, "aws partition (us-east-1) but a runtime in us-gov-west-1 is in the aws-us-gov partition"],
    ["a commercial region under amazonaws.com.cn", { internet: true, image: "123456789012.dkr.ecr.us-east-1.amazonaws.com.cn/agent:1" }, "us-east-1 is not served from amazonaws.com.cn"],
    ["a China region under amazonaws.com", { internet: true, image: "123456789012.dkr.ecr.cn-north-1.amazonaws.com/agent:1" }, "cn-north-1 is not served from amazonaws.com:"],
  ])("%s", (_label, raw, message) => {
    expect(problems(raw).join("\n")).toContain(message);
  });

  test("another region of the same partition is still fine with internet", () => {
    expect(problems({ internet: true, image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/agent:1" })).toEqual([]);
    expect(problems({ region: "us-gov-west-1", internet: true, image: "123456789012.dkr.ecr.us-gov-west-1.amazonaws.com/agent:1" })).toEqual([]);
  });
});

describe("existing subnets", () => {
  const vpc = (subnetIds: string[]) => ({ vpc: { id: "vpc-01234567", subnetIds } });
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `subnet-${String(i).padStart(8, "0")}`);

  test("several may share an AZ: up to 16 are accepted, and endpoints are priced for at most the region's supported AZs", () => {
    for (const n of [2, 4, 16]) expect([n, problems(vpc(ids(n)))]).toEqual([n, []]);
    const resolution = resolveAnswers({ features: ["models"], ...vpc(ids(5)) });
    if (!resolution.ok) throw new Error("refused");
    const plan = planFor(resolution.answers);
    expect({ azCount: plan.azCount, known: plan.azCountKnown }).toEqual({ azCount: 3, known: false });
    expect(plan.cost[0]!.item).toBe("4 interface endpoints x up to 3 AZs ($7.30 per AZ-month)");
  });

  test.each([1, 17])("%i subnets can never satisfy the plan and are refused at generation time", (n) => {
    expect(problems(vpc(ids(n))).join("\n")).toContain(`vpc.subnetIds: got ${JSON.stringify(ids(n)).slice(0, 77)}`);
    expect(problems(vpc(ids(n))).join("\n")).toContain(`${n} subnets. Give 2-16 private subnets spanning at least two supported AZs`);
  });
});

describe("features and regions", () => {
  test.each(["eu-south-1", "eu-south-2", "ap-southeast-5", "ap-southeast-7"])("Memory is refused in %s, naming both", (region) => {
    expect(problems({ region, features: ["models", "memory"] })).toEqual([
      `features[1]: got "memory". AgentCore Memory is not offered in ${region}; choose another region or remove "memory".`,
    ]);
    expect(problems({ region, features: ["models", "gateway", "identity", "observability"] })).toEqual([]);
  });

  test("the problem names the feature's place in the list as given, not in canonical order", () => {
    expect(problems({ region: "eu-south-1", features: ["memory", "models"] })[0]).toMatch(/^features\[0\]: got "memory"/);
  });

  test.each(["us-west-1", "ap-south-2"])("%s stays refused: the devguide's AZ table does not list it", (region) => {
    expect(problems({ region }).join("\n")).toContain(`region: got "${region}". AgentCore VPC mode is only supported where AWS publishes supported AZ IDs`);
  });
});

describe("where answers come from", () => {
  const stdin = (text: string) => Readable.from([Buffer.from(text)]);

  test("--answers - reads standard input, and a UTF-8 byte-order mark is accepted", async () => {
    const dir = await tempDir();
    const run = await runCli(["p", "--answers", "-", "--yes"], dir, { stdin: stdin('\uFEFF{ "name": "piped_agent" }') });
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(JSON.parse((await readTree(join(dir, "p")))["agentcore-vpc.json"]!)).toMatchObject({ name: "piped_agent" });
    const bad = await runCli(["q", "--answers", "-", "--yes"], dir, { stdin: stdin("{ nope") });
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining("--answers: standard input is not valid JSON")]);
  });

  test("a file with a byte-order mark is accepted", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), '\uFEFF{ "name": "bom_agent" }');
    expect((await runCli(["p", "--answers", file, "--yes"], dir)).code).toBe(0);
  });

  test("the format is stored, so regenerating a JSON project keeps it JSON, and --format switches it", async () => {
    const dir = await tempDir();
    expect((await runCli(["p", "--yes", "--format", "json"], dir)).code).toBe(0);
    expect(JSON.parse((await readTree(join(dir, "p")))["agentcore-vpc.json"]!).format).toBe("json");
    expect((await runCli([".", "--answers", "agentcore-vpc.json", "--force"], join(dir, "p"))).code).toBe(0);
    const again = Object.keys(await readTree(join(dir, "p")));
    expect(again.filter((f) => f.endsWith(".tf"))).toEqual([]);
    expect(again.filter((f) => f.endsWith(".tf.json"))).toHaveLength(8);
    expect((await runCli([".", "--answers", "agentcore-vpc.json", "--force", "--format", "hcl"], join(dir, "p"))).code).toBe(0);
    expect(Object.keys(await readTree(join(dir, "p"))).filter((f) => f.endsWith(".tf.json"))).toEqual([]);
  });

  test.each([
    [{ AWS_REGION: "eu-west-1", AWS_DEFAULT_REGION: "eu-central-1" }, "eu-west-1"],
    [{ AWS_DEFAULT_REGION: "eu-central-1" }, "eu-central-1"],
    [{ AWS_REGION: "" , AWS_DEFAULT_REGION: "ap-south-1" }, "ap-south-1"],
  ])("the default region comes from the environment: %j gives %s", async (env, region) => {
    const dir = await tempDir();
    const run = await runCli(["p", "--dry-run"], dir, { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`in ${region}:`);
    expect(run.stderr).toContain(`region (${Object.entries(env).find(([, v]) => v === region)![0]})`);
  });

  test("an answered region wins over the environment, and an unsupported one from the environment is refused naming it", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { region: "us-east-2" });
    expect((await runCli(["p", "--answers", file, "--dry-run"], dir, { env: { AWS_REGION: "eu-west-1" } })).stdout).toContain("in us-east-2:");
    const run = await runCli(["q", "--yes"], dir, { env: { AWS_REGION: "us-west-1" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('region (the default from AWS_REGION): got "us-west-1"');
    expect(run.stderr).toContain('Set "region" in the answers, or AWS_REGION to one of these.');
  });
});
