import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Choice, Prompts } from "../src/cli/prompts.js";
import { fieldError } from "../src/cli/wizard.js";
import { readTree, runCli, tempDir, writeJson } from "./helpers.js";

/** Scripted answers, chosen by a pattern on the question; unscripted questions take their default, as Enter would. */
type Script = [RegExp, unknown][];

/** Answers typed one after another until the prompt accepts one; each refusal is recorded. */
class Attempts {
  constructor(readonly values: readonly unknown[]) {}
}

interface Session {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Every question asked, in order. */
  readonly asked: string[];
  /** What each prompt said when it refused an attempt. */
  readonly refusals: string[];
}

function scriptedPrompts(script: Script, asked: string[], refusals: string[] = []): Prompts {
  const answer = async <T>(message: string, fallback: T, validate?: (v: T) => true | string | Promise<true | string>, choices?: readonly Choice<T>[]): Promise<T> => {
    asked.push(message);
    // An entry answers once; a later match of the same pattern takes the next entry.
    const index = script.findIndex(([pattern]) => pattern.test(message));
    const entry = index < 0 ? undefined : script.splice(index, 1)[0];
    const value = entry === undefined ? fallback : entry[1];
    if (typeof value === "function") return (value as () => T)();
    for (const attempt of value instanceof Attempts ? value.values : [value]) {
      const verdict = validate ? await validate(attempt as T) : true;
      if (verdict === true) {
        if (choices && !choices.some((c) => c.value === attempt)) throw new Error(`"${message}" offers no choice ${JSON.stringify(attempt)}`);
        return attempt as T;
      }
      refusals.push(verdict);
      if (!(value instanceof Attempts)) throw new Error(`the wizard refused the scripted answer ${JSON.stringify(value)} to "${message}": ${verdict}`);
    }
    throw new Error(`the wizard refused every attempt at "${message}": ${refusals.join(" | ")}`);
  };
  const first = <T>(choices: readonly Choice<T>[]): T => choices[0]!.value;
  return {
    input: async (c) => answer(c.message, c.default ?? "", c.validate),
    select: async (c) => answer(c.message, c.default ?? first(c.choices), undefined, c.choices),
    checkbox: async (c) => answer(c.message, c.choices.filter((x) => x.checked).map((x) => x.value), c.validate),
    confirm: async (c) => answer(c.message, c.default ?? false),
  };
}

async function wizard(args: string[], script: Script, cwd: string, env: Record<string, string> = {}): Promise<Session> {
  const asked: string[] = [];
  const refusals: string[] = [];
  const run = await runCli(args, cwd, { env, isTTY: true, prompts: scriptedPrompts(script, asked, refusals) });
  return { ...run, asked, refusals };
}

const cancel = (): never => {
  const error = new Error("User force closed the prompt with SIGINT");
  error.name = "ExitPromptError";
  throw error;
};

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
      "Container image (ECR URI with a tag or digest):",
      "Write the project to by-wizard?",
    ]);
    expect(session.stdout).toContain("these are needed: s3, ecr.api, ecr.dkr, logs, bedrock-runtime, bedrock-agentcore, xray, monitoring");
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
    expect(session.asked).toEqual(["AgentCore features the agent uses:", "Container image (ECR URI with a tag or digest):", "Write the project to out?"]);
  });

  test("choosing Browser turns internet egress on and says why, without asking", async () => {
    const dir = await tempDir();
    const session = await wizard(["out"], [[/^AgentCore features/, ["models", "browser"]]], dir);
    expect(session.code).toBe(0);
    expect(session.asked.some((q) => q.startsWith("Does the agent need internet"))).toBe(false);
    expect(session.stdout).toContain("Browser reaches public websites, so internet egress is on: one NAT gateway, about $36.50 a month.");
    expect(session.stdout).toContain("NAT gateway: yes");
  });

  test("Browser cannot be chosen when the answers file said no internet", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { internet: false });
    await expect(wizard(["out", "--answers", file], [[/^AgentCore features/, ["browser"]]], dir)).rejects.toThrow("Browser needs internet egress, which your answers file turns off.");
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
    expect(run.stderr).toBe("No terminal to ask on: using the documented defaults for region, features, internet, vpc, image.\n");
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

describe("the wizard speaks for itself", () => {
  test("answers are trimmed before they are checked and stored", async () => {
    const dir = await tempDir();
    const session = await wizard(
      ["w"],
      [
        [/^Runtime name/, "  trimmed_agent  "],
        [/^VPC CIDR/, " 10.7.0.0/16\t"],
        [/^Container image/, "  210987654321.dkr.ecr.us-east-1.amazonaws.com/trimmed:1.0.0 "],
      ],
      dir,
    );
    expect(session.code).toBe(0);
    expect(JSON.parse((await readTree(join(dir, "w")))["agentcore-vpc.json"]!)).toMatchObject({
      name: "trimmed_agent",
      vpc: { cidr: "10.7.0.0/16" },
      image: "210987654321.dkr.ecr.us-east-1.amazonaws.com/trimmed:1.0.0",
    });
  });

  test.each([
    ["name", "bad-name", {}],
    ["vpc.cidr", "10.0.0.0/8", {}],
    ["vpc.id", "vpc-xyz", {}],
    ["vpc.subnetIds", ["subnet-01234567"], { vpc: { id: "vpc-01234567" } }],
    ["vpc.subnetIds", Array.from({ length: 17 }, (_, i) => `subnet-${String(i).padStart(8, "0")}`), { vpc: { id: "vpc-01234567" } }],
    ["rds.port", 80, { features: ["rds"] }],
    ["image", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/a:1", { internet: false }],
    ["image", "123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/a:1", { internet: true }],
    ["features", ["memory"], { region: "eu-south-1" }],
  ])("%s = %j is refused in the wizard's words, not the answers file's", (field, value, answers) => {
    const verdict = fieldError(answers, field, value);
    expect(verdict).not.toBe(true);
    expect(verdict).not.toMatch(/"[a-zA-Z.]+"\s*:|\barray\b|answers|subnetIds|azCount|\bset "|remove "/);
  });

  test("the directory a name leads to is checked right after the name, and another name can be given", async () => {
    const dir = await tempDir();
    await writeJson(join(dir, "taken_agent"), "not a directory");
    await runCli(["busy_agent", "--yes"], dir);
    const session = await wizard([], [[/^Runtime name/, new Attempts(["taken_agent", "busy_agent", "free_agent"])]], dir);
    expect(session.code).toBe(0);
    expect(session.refusals).toEqual([
      '"taken_agent" exists and is not a directory; choose another directory.',
      'Directory "busy_agent" is not empty. Use --force to rewrite the files this tool generated there (other files are kept), or choose another directory.',
    ]);
    expect(session.asked[1]).toMatch(/^AWS region/);
    expect(existsSync(join(dir, "free_agent", "README.md"))).toBe(true);
  });

  test("a feature the chosen region lacks sends the user back to the region", async () => {
    const dir = await tempDir();
    const session = await wizard(
      ["w"],
      [
        [/^AWS region/, "eu-south-1"],
        [/is not offered in eu-south-1/, "region"],
        [/^AWS region/, "eu-west-1"],
        [/^Container image/, "210987654321.dkr.ecr.eu-west-1.amazonaws.com/agent:1"],
      ],
      dir,
    );
    expect(session.code).toBe(0);
    expect(session.asked.slice(1, 9)).toEqual([
      expect.stringMatching(/^AWS region/),
      "VPC:",
      "VPC CIDR (/16 to /22):",
      "Availability zones for the runtime and endpoints:",
      "AgentCore features the agent uses:",
      "Memory is not offered in eu-south-1. What now?",
      expect.stringMatching(/^AWS region/),
      "VPC:",
    ]);
    expect(JSON.parse((await readTree(join(dir, "w")))["agentcore-vpc.json"]!)).toMatchObject({ region: "eu-west-1", features: ["models", "memory", "observability"] });
  });

  test("an image in another region without internet can send the user back to allow internet egress", async () => {
    const dir = await tempDir();
    const image = "210987654321.dkr.ecr.eu-west-1.amazonaws.com/agent:1";
    const session = await wizard(
      ["w"],
      [
        [/^Does the agent need internet egress/, false],
        [/^Container image/, image],
        [/^The image is in eu-west-1/, "internet"],
        [/^Does the agent need internet egress/, true],
      ],
      dir,
    );
    expect(session.code).toBe(0);
    expect(session.asked.filter((q) => /^(Does the agent|Container image|The image is)/.test(q))).toEqual([
      "Does the agent need internet egress? (one NAT gateway, about $36.50 a month)",
      "Container image (ECR URI with a tag or digest):",
      "The image is in eu-west-1, but without internet egress the VPC's ECR endpoints reach only us-east-1. What now?",
      "Does the agent need internet egress? (one NAT gateway, about $36.50 a month)",
      "Container image (ECR URI with a tag or digest):",
    ]);
    expect(JSON.parse((await readTree(join(dir, "w")))["agentcore-vpc.json"]!)).toMatchObject({ internet: true, image });
  });

  test("for an existing VPC no NAT gateway price is quoted", async () => {
    const dir = await tempDir();
    const existing: Script = [
      [/^VPC:/, "existing"],
      [/^VPC ID/, "vpc-0123456789abcdef0"],
      [/^Private subnet IDs/, "subnet-01234567, subnet-89abcdef"],
    ];
    const asked = await wizard(["a", "--dry-run"], [...existing], dir);
    const browser = await wizard(["b", "--dry-run"], [...existing, [/^AgentCore features/, ["models", "browser"]]], dir);
    const question = asked.asked.find((q) => q.startsWith("Does the agent need internet egress"));
    expect(question).toBe("Does the agent need internet egress? (through the VPC's own NAT gateway, transit gateway or firewall, checked at plan time)");
    expect(browser.stdout).toContain("Browser reaches public websites, so internet egress is on: through the VPC's own NAT gateway, transit gateway or firewall, checked at plan time.");
    for (const text of [asked.stdout, browser.stdout, ...asked.asked, ...browser.asked]) expect(text).not.toContain("NAT gateway, about $");
  });
});
