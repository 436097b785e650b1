import { cp, readFile, rename } from "node:fs/promises";
import { join } from "node:path";
import { SCENARIOS } from "../scripts/scenarios.js";
import { EXAMPLES, exec, readTree, restoreEnvAfterEach, ROOT, standInCredentials, tempDir, writeJson } from "./helpers.js";
import { wizard } from "./scripted-prompts.js";
import { startStandIn, type StandIn } from "./standin/server.js";

/**
 * Reading an existing VPC from the account: --discover through the built bundle (so the
 * inspection chunk and the real AWS SDK run as a user runs them), and the wizard in-process,
 * both against the loopback stand-in.
 */
const BIN = join(ROOT, "bundle", "create-agentcore-vpc.mjs");
let standIn: StandIn;
let noAws: NodeJS.ProcessEnv;

/** The SDK's environment for an identity of the stand-in; nothing else of AWS is visible. */
function awsEnv(accessKey: string | null): NodeJS.ProcessEnv {
  return { ...noAws, ...(accessKey ? standInCredentials(standIn.url, accessKey) : { AWS_ENDPOINT_URL: standIn.url }) };
}

/** Runs the bundle as an identity of the stand-in, or with no credentials at all (null). */
async function run(args: string[], cwd: string, accessKey: string | null = "AKIASTANDINSHUFFLED0"): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [BIN, ...args], { cwd, env: awsEnv(accessKey) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A scenario's answers without what --discover fills in. */
function undiscovered(name: string): Record<string, unknown> {
  const answers = SCENARIOS.find((s) => s.name === name)!.answers;
  return { ...answers, vpc: { id: (answers.vpc as { id: string }).id } };
}

beforeAll(async () => {
  standIn = await startStandIn();
  const home = await tempDir("agentcore-vpc-home-");
  noAws = {
    PATH: process.env.PATH,
    HOME: home,
    AWS_CONFIG_FILE: join(home, "no-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(home, "no-credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
  };
});

afterAll(() => standIn?.close());

describe("--discover", () => {
  // The VPC holds ledger_agent's own bedrock-runtime endpoint from an earlier apply: its own to ledger_agent, the VPC's to scout_agent.
  test.each(["existing-vpc-shared-endpoints", "existing-vpc-tgw"])("%s: discovering the VPC gives the committed example, and regenerating it without credentials the same bytes", async (name) => {
    const dir = await tempDir();
    const answers = await writeJson(join(dir, "answers.json"), undiscovered(name));
    const discovered = await run(["out", "--answers", answers, "--yes", "--discover"], dir);
    expect(discovered.stderr).toBe("");
    expect(discovered.code).toBe(0);
    const expected = await readTree(join(EXAMPLES, name));
    expect(await readTree(join(dir, "out"))).toEqual(expected);
    // agentcore-vpc.json holds what was discovered: no account is needed to regenerate.
    const again = await run([".", "--answers", "agentcore-vpc.json", "--force", "--yes"], join(dir, "out"), null);
    expect(again.code).toBe(0);
    expect(await readTree(join(dir, "out"))).toEqual(expected);
  });

  test("says what it read: each subnet with its AZ, route and the reason it was not taken, and each endpoint reused or created", async () => {
    const dir = await tempDir();
    const { stdout, code } = await run(["out", "--answers", await writeJson(join(dir, "a.json"), undiscovered("existing-vpc-shared-endpoints")), "--dry-run", "--discover"], dir);
    expect(code).toBe(0);
    const lines = stdout.split("\n").map((l) => l.replace(/\s+/g, " ").trim());
    expect(lines).toEqual(
      expect.arrayContaining([
        "Read vpc-0c0ffee0c0ffee001 shared-services 10.30.0.0/16 as arn:aws:iam::111122223333:user/standin.",
        "+ subnet-0c0ffee0000000a03 usw2-az3 (us-west-2b) supported private, default route: transit gateway tgw-0c0ffee0000000001 12 free private-3",
        "- subnet-0c0ffee0000000a04 usw2-az4 (us-west-2a) unsupported private, default route: transit gateway tgw-0c0ffee0000000001 4091 free private-4 (not taken: AZ ID usw2-az4 is not one where AgentCore places runtime ENIs in us-west-2)",
        "- subnet-0c0ffee0000000a05 usw2-az1 (us-west-2c) supported public, default route: internet gateway igw-0c0ffee0000000001 4091 free public-1 (not taken: public: its default route goes to internet gateway igw-0c0ffee0000000001, and a runtime ENI there gets no internet)",
        "- subnet-0c0ffee0000000a06 usw2-az2 (us-west-2e) supported private, default route: none 4091 free isolated-2 (not taken: one subnet per AZ: subnet-0c0ffee0000000a02 is taken in usw2-az2)",
        "s3 reused vpce-0c0ffee000000e001",
        "bedrock-runtime created the VPC's vpce-0c0ffee000000e005 is not used: private DNS is off, so the runtime would not reach it by the service's name",
        "bedrock-agentcore reused vpce-0c0ffee000000e009 (not in usw2-az2, usw2-az3: runtime ENIs there reach it across AZs)",
        "Reusing the VPC's endpoints saves $87.60 a month against creating them.",
      ]),
    );
    expect(stdout).toContain("Would write to out (dry run, nothing written):");
  });

  test("an endpoint whose security group does not admit the runtime, and one that cannot be checked, are reported", async () => {
    const dir = await tempDir();
    const answers = await writeJson(join(dir, "a.json"), { ...undiscovered("existing-vpc-shared-endpoints"), features: ["models", "observability"] });
    const seen = await run(["out", "--answers", answers, "--dry-run", "--discover"], dir);
    expect(seen.stdout.replace(/\s+/g, " ")).toContain(
      "monitoring reused vpce-0c0ffee000000e006 (its security groups (sg-0c0ffee00000005e2) admit HTTPS from security groups sg-0c0ffee00000005e4, but from no CIDR holding the runtime's subnets (10.30.0.0/20, 10.30.16.0/20, 10.30.32.0/20): enough only if one of them is the runtime's (the plan checks)",
    );
    expect(seen.stdout).toContain("Warning: the VPC's xray endpoint vpce-0c0ffee000000e007 will stop the plan until it is fixed: it is only in usw2-az4, none of the runtime's AZs");
    const blind = await run(["out", "--answers", answers, "--dry-run", "--discover"], dir, "AKIASTANDINNOSGRULES");
    expect(blind.code).toBe(0);
    expect(blind.stdout).toContain("whether its security groups admit the runtime could not be checked: ");
    expect(blind.stdout).toContain("ec2:DescribeSecurityGroupRules");
  });

  test("subnet IDs in the answers are kept; the existing endpoints are the account's", async () => {
    const dir = await tempDir();
    const answers = await writeJson(join(dir, "a.json"), {
      ...undiscovered("existing-vpc-shared-endpoints"),
      vpc: { id: "vpc-0c0ffee0c0ffee001", subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a06"], existingEndpoints: ["logs"] },
    });
    const { code, stdout } = await run(["out", "--answers", answers, "--yes", "--discover"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('vpc.existingEndpoints: the answers said ["logs"], the account says ["s3","ecr.api","ecr.dkr","logs","bedrock-agentcore"]; the account\'s is used.');
    // The isolated subnet's route table lacks the S3 gateway endpoint: the plan will say so.
    expect(stdout).toContain("Warning: the VPC's s3 endpoint vpce-0c0ffee000000e001 will stop the plan until it is fixed: route table rtb-0c0ffee00000000a3 of the runtime's subnets has no S3 gateway endpoint's route");
    expect(JSON.parse(await readFile(join(dir, "out", "agentcore-vpc.json"), "utf8")).vpc).toEqual({
      id: "vpc-0c0ffee0c0ffee001",
      subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a06"],
      existingEndpoints: ["s3", "ecr.api", "ecr.dkr", "logs", "bedrock-agentcore"],
    });
  });

  test.each([
    ["no credentials", null, "vpc-0c0ffee0c0ffee001", "No AWS credentials found"],
    ["a VPC the account does not have", "AKIASTANDINSHUFFLED0", "vpc-0c0ffee0c0ffee0ff", "VPC vpc-0c0ffee0c0ffee0ff was not found in us-west-2 (ec2:DescribeVpcs)"],
    ["a VPC without usable subnets in two AZs", "AKIASTANDINSHUFFLED0", "vpc-0c0ffee0c0ffee002", "no subnet that AgentCore can use (supported AZ ID, private): it needs them in two supported AZs"],
    ["a given subnet AgentCore cannot use", "AKIASTANDINSHUFFLED0", { id: "vpc-0c0ffee0c0ffee001", subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a04"] }, "vpc.subnetIds: subnet-0c0ffee0000000a04 is in AZ ID usw2-az4, where AgentCore does not place runtime ENIs"],
    ["a given subnet of another VPC", "AKIASTANDINSHUFFLED0", { id: "vpc-0c0ffee0c0ffee001", subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0aa11bb22cc33dd44"] }, "vpc.subnetIds: subnet-0aa11bb22cc33dd44 is not a subnet of this VPC"],
  ])("%s: exit 2 with the reason, nothing written", async (_what, key, vpc, message) => {
    const dir = await tempDir();
    const answers = await writeJson(join(dir, "a.json"), { ...undiscovered("existing-vpc-shared-endpoints"), vpc: typeof vpc === "string" ? { id: vpc } : vpc });
    const result = await run(["out", "--answers", answers, "--yes", "--discover"], dir, key);
    expect([result.code, result.stdout.includes("written")]).toEqual([2, false]);
    expect(result.stderr).toContain(message);
    expect(Object.keys(await readTree(dir))).toEqual(["a.json"]);
  });

  test.each([
    [["--discover", "--yes"], '--discover reads the VPC that the answers name: give --answers FILE with "vpc": { "id": "vpc-..." }'],
    [["--discover", "--yes", "--answers", "new.json"], "--discover reads an existing VPC, but the answers in new.json name none"],
  ])("%j is refused before any call", async (args, message) => {
    const dir = await tempDir();
    await writeJson(join(dir, "new.json"), { vpc: { cidr: "10.0.0.0/16" } });
    const calls = standIn.calls.length;
    const result = await run(["out", ...args], dir);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
    expect(standIn.calls.length).toBe(calls);
  });

  test("--help and generation from an answers file never load the inspection chunk", async () => {
    const dir = await tempDir();
    const bundle = join(dir, "bundle");
    await cp(join(ROOT, "bundle"), bundle, { recursive: true });
    await rename(join(bundle, "inspect.mjs"), join(bundle, "inspect.mjs.aside"));
    const bin = join(bundle, "create-agentcore-vpc.mjs");
    expect((await exec(process.execPath, [bin, "--help"], { cwd: dir })).stdout).toContain("--discover");
    const answers = await writeJson(join(dir, "a.json"), SCENARIOS.find((s) => s.name === "existing-vpc-shared-endpoints")!.answers);
    await exec(process.execPath, [bin, "out", "--answers", answers, "--yes"], { cwd: dir });
    expect(await readTree(join(dir, "out"))).toEqual(await readTree(join(EXAMPLES, "existing-vpc-shared-endpoints")));
  });
});

describe("the wizard reads an existing VPC", () => {
  restoreEnvAfterEach();

  /** The wizard runs in-process: the SDK reads this process's environment. The CLI gets it too, less CI, which would turn the wizard off. */
  function signIn(accessKey: string): NodeJS.ProcessEnv {
    Object.assign(process.env, awsEnv(accessKey));
    const { CI: _ci, ...env } = process.env;
    return env;
  }

  test("lists the VPCs and subnets, preselects one private subnet per supported AZ, and reuses the VPC's endpoints", async () => {
    const dir = await tempDir();
    const env = signIn("AKIASTANDINSHUFFLED0");
    const session = await wizard(
      ["w"],
      [
        [/^Runtime name/, "ledger_agent"],
        [/^AWS region/, "us-west-2"],
        [/^VPC:/, "existing"],
        [/^VPC to use/, "vpc-0c0ffee0c0ffee001"],
        [/^AgentCore features/, ["models", "memory"]],
        [/^Does the agent need internet/, false],
        [/^Container image/, "210987654321.dkr.ecr.us-west-2.amazonaws.com/ledger-agent:1.4.0"],
      ],
      dir,
      env as Record<string, string>,
    );
    expect(session.code).toBe(0);
    expect(session.asked).toEqual(
      expect.arrayContaining([
        "Read the VPCs of account 111122223333 in us-west-2? (read-only: sts:GetCallerIdentity, ec2:DescribeVpcs, ec2:DescribeVpcAttribute, ec2:DescribeSubnets, ec2:DescribeRouteTables, ec2:DescribeVpcEndpoints, ec2:DescribeSecurityGroupRules)",
        "VPC to use (ID, Name tag, CIDR):",
        "Subnets for the runtime's network interfaces (preselected: supported AZ ID, private, one per AZ):",
      ]),
    );
    expect(session.offers.find((o) => o.message.startsWith("VPC to use"))!.values).toEqual(["vpc-0c0ffee0c0ffee001", "vpc-0c0ffee0c0ffee002"]);
    expect(session.stdout).toContain("Not taken: subnet-0c0ffee0000000a06: one subnet per AZ: subnet-0c0ffee0000000a02 is taken in usw2-az2.");
    expect(session.stdout.replace(/ +/g, " ")).toContain("bedrock-runtime created the VPC's vpce-0c0ffee000000e005 is not used: private DNS is off");
    expect(session.stdout).toContain("Reusing them saves $87.60 a month against creating them.");
    // The same bytes as the example that an answers file with these values gives.
    expect(await readTree(join(dir, "w"))).toEqual(await readTree(join(EXAMPLES, "existing-vpc-shared-endpoints")));
  });

  test("subnets without a way out, chosen before internet was asked, can be chosen again", async () => {
    const dir = await tempDir();
    const env = signIn("AKIASTANDINSHUFFLED0");
    const session = await wizard(
      ["w", "--dry-run"],
      [
        [/^AWS region/, "us-west-2"],
        [/^VPC:/, "existing"],
        [/^VPC to use/, "vpc-0c0ffee0c0ffee001"],
        [/^Subnets for/, ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a06"]],
        [/^AgentCore features/, ["models", "browser"]],
        [/What now\?$/, "vpc"],
        [/^VPC:/, "existing"],
      ],
      dir,
      env as Record<string, string>,
    );
    expect(session.code).toBe(0);
    expect(session.asked).toContain("subnet-0c0ffee0000000a06 has no internet egress (default route: none): the plan would stop on it. What now?");
    // Back at the subnets, the one without a way out is no longer ticked, and the AZs it leaves get the preselection.
    for (const id of ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02", "subnet-0c0ffee0000000a03"]) expect(session.stdout).toMatch(new RegExp(`${id}\\s+AZ ID checked at plan time`));
    expect(session.stdout).not.toMatch(/subnet-0c0ffee0000000a06\s+AZ ID checked/);
  });

  // No bedrock-agentcore, xray or monitoring, as the default features would have; ledger_agent's bedrock-runtime endpoint is the VPC's to this runtime.
  test("with --discover, the endpoints are judged for the features the wizard is given, not the defaults", async () => {
    const dir = await tempDir();
    const env = signIn("AKIASTANDINSHUFFLED0");
    const answers = await writeJson(join(dir, "a.json"), { region: "us-west-2", internet: false, vpc: { id: "vpc-0c0ffee0c0ffee001" } });
    const session = await wizard(["w", "--answers", answers, "--discover"], [[/^AgentCore features/, ["models", "gateway"]]], dir, env as Record<string, string>);
    expect(session.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, "w", "agentcore-vpc.json"), "utf8")).vpc.existingEndpoints).toEqual(["s3", "ecr.api", "ecr.dkr", "logs", "bedrock-runtime"]);
  });

  test("without credentials it says so, asks for the IDs, and asks which endpoints the VPC has", async () => {
    const dir = await tempDir();
    const session = await wizard(
      ["w", "--dry-run"],
      [
        [/^VPC:/, "existing"],
        [/^VPC ID/, "vpc-0123456789abcdef0"],
        [/^Private subnet IDs/, "subnet-01234567, subnet-89abcdef"],
        [/^Endpoints the VPC already has/, ["s3", "logs"]],
      ],
      dir,
    );
    expect(session.code).toBe(0);
    expect(session.stdout).toContain("Cannot read the account: No AWS credentials found");
    expect(session.stdout).toContain("enter the IDs instead; the VPC's existing endpoints could not be checked.");
    expect(session.stdout.replace(/ +/g, " ")).toMatch(/com\.amazonaws\.us-east-1\.logs Interface reused/);
  });
});
