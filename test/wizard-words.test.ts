import { existsSync } from "node:fs";
import { join } from "node:path";
import { fieldError } from "../src/cli/wizard.js";
import { readTree, runCli, tempDir, writeJson } from "./helpers.js";
import { Attempts, wizard, type Script } from "./scripted-prompts.js";

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

  test("going back for a feature, the region question defaults to one that offers it", async () => {
    const dir = await tempDir();
    const session = await wizard(["w", "--dry-run"], [[/^AWS region/, "ap-southeast-7"], [/is not offered in ap-southeast-7/, "region"]], dir);
    expect(session.code).toBe(0);
    const regions = session.offers.filter((o) => o.message.startsWith("AWS region"));
    expect(regions.map((o) => o.default)).toEqual(["us-east-1", "us-east-1"]);
    expect(session.stdout).toContain("in us-east-1:");
  });

  test("features the answers file fixed narrow the regions offered to those that have them", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { features: ["models", "memory"] });
    const session = await wizard(["w", "--answers", file, "--dry-run"], [], dir);
    const regions = session.offers.find((o) => o.message.startsWith("AWS region"))!.values;
    expect(regions).toContain("eu-west-1");
    for (const region of ["eu-south-1", "eu-south-2", "ap-southeast-5", "ap-southeast-7"]) expect(regions).not.toContain(region);
  });

  test("the image's region is offered only where the runtime can go", async () => {
    const dir = await tempDir();
    const offered = async (image: string, features: string[]): Promise<unknown[]> => {
      const session = await wizard(
        ["w", "--dry-run"],
        [[/^AgentCore features/, features], [/^Does the agent need internet egress/, false], [/^Container image/, image], [/^The image is in/, "internet"], [/^Does the agent need internet egress/, true]],
        dir,
      );
      expect(session.code).toBe(0);
      return session.offers.find((o) => o.message.startsWith("The image is in"))!.values;
    };
    expect(await offered("210987654321.dkr.ecr.eu-west-1.amazonaws.com/a:1", ["models"])).toEqual(["internet", "region", "image"]);
    expect(await offered("210987654321.dkr.ecr.us-west-1.amazonaws.com/a:1", ["models"])).toEqual(["internet", "image"]);
    expect(await offered("210987654321.dkr.ecr.eu-south-1.amazonaws.com/a:1", ["models", "memory"])).toEqual(["internet", "image"]);
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
    expect(browser.stdout).toContain("The Browser browses from your subnets, so internet egress is on: through the VPC's own NAT gateway, transit gateway or firewall, checked at plan time.");
    for (const text of [asked.stdout, browser.stdout, ...asked.asked, ...browser.asked]) expect(text).not.toContain("NAT gateway, about $");
  });
});
