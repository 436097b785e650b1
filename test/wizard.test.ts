import { existsSync } from "node:fs";
import { join } from "node:path";
import { fieldError } from "../src/cli/wizard.js";
import { readTree, runCli, tempDir, writeJson } from "./helpers.js";
import { cancel, wizard } from "./scripted-prompts.js";

describe("each prompt's validation is the answers file's", () => {
  test.each([
    ["name", "support-agent", "no hyphens"],
    ["name", "", "starts with a letter"],
    ["vpc.cidr", "10.0.0.0/8", "/16 to /22"],
    ["vpc.cidr", "10.0.0.1/16", '"10.0.0.0/16"'],
    ["vpc.id", "vpc-xyz", "vpc-0123456789abcdef0"],
    ["vpc.subnetIds", ["subnet-01234567"], "2-16"],
    ["vpc.subnetIds", ["subnet-01234567", "subnet-01234567"], "twice"],
    ["rds.port", 22, "1150 to 65535"],
    ["image", "nginx:latest", "ECR image URI"],
  ])("%s = %j is refused with a reason", (field, value, reason) => {
    expect(fieldError({ features: ["rds"] }, field, value)).toEqual(expect.stringContaining(reason));
  });

  test("an image in another region is refused without internet and accepted with it", () => {
    const image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/agent:1";
    expect(fieldError({ region: "us-east-1", internet: false }, "image", image)).toContain("push the image to us-east-1");
    expect(fieldError({ region: "us-east-1", internet: true }, "image", image)).toBe(true);
  });

  test.each([
    ["name", "ops_agent"],
    ["vpc.cidr", "10.8.0.0/20"],
    ["vpc.subnetIds", ["subnet-01234567", "subnet-89abcdef"]],
    ["rds.port", 3306],
  ])("%s = %j is accepted", (field, value) => {
    expect(fieldError({ features: ["rds"], vpc: field === "vpc.subnetIds" ? { id: "vpc-01234567" } : {} }, field, value)).toBe(true);
  });
});

describe("wizard flows", () => {
  test("accepting every default gives the same bytes as --yes", async () => {
    const dir = await tempDir();
    const session = await wizard(["by-wizard"], [], dir);
    expect(session.code).toBe(0);
    expect((await runCli(["by-yes", "--yes"], dir)).code).toBe(0);
    expect(await readTree(join(dir, "by-wizard"))).toEqual(await readTree(join(dir, "by-yes")));
    expect(session.asked).toEqual([
      "Runtime name (letters, digits and underscores):",
      "AWS region (only regions with published AgentCore AZ IDs; runtime ENIs may live only in these IDs):",
      "VPC:",
      "VPC CIDR (/16 to /22):",
      "Availability zones for the runtime and endpoints:",
      "AgentCore features the agent uses:",
      "Does the agent need internet egress? (one NAT gateway, about $36.50 a month)",
      "Days the Memory keeps a conversation's events (7-365):",
      "Long-term memory strategies (none keeps the events only):",
      "The protocol the agent's container serves:",
      "Container image (ECR URI with a tag or digest):",
      "Write the project to by-wizard?",
    ]);
    expect(session.stdout).toContain("these are needed: s3, ecr.api, ecr.dkr, logs, bedrock-runtime, bedrock-agentcore, bedrock-agentcore-control, xray, monitoring");
    expect(session.stdout).toContain("Project written to by-wizard (13 created)");
    expect(session.stdout).toContain("terraform -chdir=network plan -out=network.tfplan");
  });

  test("changed answers give the same bytes as an answers file holding them", async () => {
    const dir = await tempDir();
    const session = await wizard(
      ["w"],
      [
        [/^Runtime name/, "orders_agent"],
        [/^AWS region/, "eu-central-1"],
        [/^VPC:/, "existing"],
        [/^VPC ID/, "vpc-0a1b2c3d4e5f60718"],
        [/^Private subnet IDs/, "subnet-0aa11bb22cc33dd44, subnet-0ee55ff66aa77bb88"],
        [/^AgentCore features/, ["models", "rds"]],
        [/^Database port/, "3306"],
        [/^Container image/, "210987654321.dkr.ecr.eu-central-1.amazonaws.com/orders:2.0.0"],
      ],
      dir,
    );
    expect(session.code).toBe(0);
    const file = await writeJson(join(dir, "a.json"), {
      name: "orders_agent",
      region: "eu-central-1",
      vpc: { id: "vpc-0a1b2c3d4e5f60718", subnetIds: ["subnet-0aa11bb22cc33dd44", "subnet-0ee55ff66aa77bb88"] },
      features: ["models", "rds"],
      internet: false,
      rds: { port: 3306 },
      image: "210987654321.dkr.ecr.eu-central-1.amazonaws.com/orders:2.0.0",
    });
    expect((await runCli(["f", "--answers", file], dir)).code).toBe(0);
    expect(await readTree(join(dir, "w"))).toEqual(await readTree(join(dir, "f")));
  });

  test("what the answers file gave is not asked again", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { name: "given_agent", region: "us-west-2", vpc: { cidr: "10.3.0.0/16", azCount: 3 }, internet: false });
    const session = await wizard(["out", "--answers", file], [], dir);
    expect(session.code).toBe(0);
    expect(session.asked).toEqual([
      "AgentCore features the agent uses:",
      "Days the Memory keeps a conversation's events (7-365):",
      "Long-term memory strategies (none keeps the events only):",
      "The protocol the agent's container serves:",
      "Container image (ECR URI with a tag or digest):",
      "Write the project to out?",
    ]);
  });

  test("choosing Browser turns internet egress on and says why, without asking", async () => {
    const dir = await tempDir();
    const session = await wizard(["out"], [[/^AgentCore features/, ["models", "browser"]]], dir);
    expect(session.code).toBe(0);
    expect(session.asked.some((q) => q.startsWith("Does the agent need internet"))).toBe(false);
    expect(session.stdout).toContain("The Browser browses from your subnets, so internet egress is on: one NAT gateway, about $36.50 a month.");
    expect(session.stdout).toContain("NAT gateway: yes");
  });

  test("a Browser chosen when the answers file said no internet uses the public network mode, and says so", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { internet: false });
    const session = await wizard(["out", "--answers", file], [[/^AgentCore features/, ["browser"]]], dir);
    expect([session.code, session.asked.some((q) => /Browser browse/.test(q))]).toEqual([0, false]);
    expect(session.stdout).toContain("Your answers file turns internet egress off, so the Browser uses the public network mode");
    expect(JSON.parse((await readTree(join(dir, "out")))["agentcore-vpc.json"]!).browser).toEqual({ network: "public", recording: false });
  });

  test.each([/^Runtime name/, /^AgentCore features/, /^Container image/, /^Write the project/])("Ctrl+C at %s: exit 130, one line, nothing written", async (at) => {
    const dir = await tempDir();
    const session = await wizard(["out"], [[at, cancel]], dir);
    expect(session.code).toBe(130);
    expect(session.stderr).toBe("Cancelled; nothing written.\n");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test("a declined confirmation writes nothing and exits 0", async () => {
    const dir = await tempDir();
    const session = await wizard(["out"], [[/^Write the project/, false]], dir);
    expect(session.code).toBe(0);
    expect(session.stdout).toContain("Nothing written.");
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test.each([
    ["--yes", ["out", "--yes"], {}],
    ["CI set", ["out"], { CI: "true" }],
  ])("%s never prompts", async (_label, args, env) => {
    const dir = await tempDir();
    const session = await wizard(args, [[/./, () => Promise.reject(new Error("asked"))]], dir, env);
    expect(session.code).toBe(0);
    expect(session.asked).toEqual([]);
  });

  test("without a terminal it never prompts and says which defaults it used", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { name: "quiet_agent" });
    const run = await runCli(["out", "--answers", file], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("No terminal to ask on: using the documented defaults for region, features, internet, vpc, memory, protocol, image.\n");
  });

  test("bad answers in the file are refused before any question", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { region: "us-west-1" });
    const session = await wizard(["out", "--answers", file], [], dir);
    expect(session.code).toBe(2);
    expect(session.asked).toEqual([]);
  });

  test("colour only on a TTY and never with NO_COLOR", async () => {
    const dir = await tempDir();
    expect((await wizard(["a", "--dry-run"], [], dir)).stdout).toContain("\u001b[1m");
    expect((await wizard(["b", "--dry-run"], [], dir, { NO_COLOR: "1" })).stdout).not.toContain("\u001b[");
    expect((await runCli(["c", "--dry-run", "--yes"], dir)).stdout).not.toContain("\u001b[");
  });
});

