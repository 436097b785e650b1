import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { inScope } from "../src/account/enis.js";
import { formatDuration, parseDuration } from "../src/cli/wait-enis.js";
import { RULES } from "../src/doctor/rules/index.js";
import { EXAMPLES, restoreEnvAfterEach, runCli, standInCredentials, tempDir } from "./helpers.js";
import { startStandIn, type StandIn } from "./standin/server.js";

interface JsonReport {
  region: string;
  account: string;
  target: Record<string, unknown>;
  findings: { id: string; severity: string; resource: string; message: string; evidence: string; fix: string; answer?: string }[];
  checked: string[];
  notChecked: { id: string; reason: string }[];
}

const NOT_RUNTIME = RULES.filter((r) => r.scope !== "runtime").map((r) => r.id);
const ALL = RULES.map((r) => r.id);
const RUNTIMES = "AKIASTANDINRUNTIMES0";
const lines = (r: JsonReport): string[] => r.findings.map((f) => `${f.severity} ${f.id} ${f.resource}`);

describe("create-agentcore-vpc doctor against the stand-in", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn?.close());
  restoreEnvAfterEach();

  /** The doctor in-process, signed in as an identity of the stand-in. */
  function run(args: string[], accessKey = "AKIASTANDINSHUFFLED0", isTTY = false) {
    Object.assign(process.env, standInCredentials(standIn.url, accessKey));
    return runCli(["doctor", ...args], process.cwd(), { env: { AWS_ENDPOINT_URL: standIn.url }, isTTY });
  }
  async function json(args: string[], accessKey = RUNTIMES): Promise<{ code: number; report: JsonReport }> {
    const result = await run([...args, "--json"], accessKey);
    expect(result.stderr).toBe("");
    return { code: result.code, report: JSON.parse(result.stdout) as JsonReport };
  }

  describe("a network before a runtime exists (--vpc)", () => {
    test("the network ledger_agent used, after its runtime was deleted: its interfaces linger, and the account has no network service-linked role yet", async () => {
      const result = await run(["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--security-groups", "sg-0c0ffee00000005e4"]);
      expect([result.code, result.stderr]).toEqual([0, ""]);
      expect(result.stdout).toContain(
        "Network in us-west-2 (account 111122223333): vpc-0c0ffee0c0ffee001, subnets subnet-0c0ffee0000000a01, subnet-0c0ffee0000000a02, subnet-0c0ffee0000000a03 (the supported private subnets, one per AZ), security groups sg-0c0ffee00000005e4: 0 errors, 1 warning.",
      );
      expect(result.stdout).toContain("  [eni-lingering] eni-0c0ffee00000aa001, eni-0c0ffee00000aa002: 2 AgentCore network interfaces remain with no runtime using them");
      expect(result.stdout).toContain("create-agentcore-vpc doctor --wait-for-enis --region us-west-2 --vpc vpc-0c0ffee0c0ffee001 --subnets subnet-0c0ffee0000000a01,subnet-0c0ffee0000000a02 waits for it.");
      expect(result.stdout).toContain("Information (1):\n  [slr-missing] AWSServiceRoleForBedrockAgentCoreNetwork:");
      expect(result.stdout).toContain(`Checked: ${NOT_RUNTIME.join(", ")}.`);
    });

    test("a hand-made runtime network: each problem with the resource, the evidence and the fix; exit 1; --json", async () => {
      const args = ["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--subnets", "subnet-0c0ffee0000000a01,subnet-0c0ffee0000000a04,subnet-0c0ffee0000000a05", "--security-groups", "sg-0c0ffee00000005e5", "--features", "observability"];
      const { code, report } = await json(args, "AKIASTANDINSHUFFLED0");
      expect([code, report.account, report.region]).toEqual([1, "111122223333", "us-west-2"]);
      expect(report.target).toEqual({ vpc: "vpc-0c0ffee0c0ffee001", subnets: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a04", "subnet-0c0ffee0000000a05"], securityGroups: ["sg-0c0ffee00000005e5"], features: ["observability"] });
      expect(lines(report)).toEqual([
        "error subnet-az-unsupported subnet-0c0ffee0000000a04",
        "error subnet-public-route subnet-0c0ffee0000000a05",
        "error sg-egress-endpoints vpce-0c0ffee000000e006",
        "error sg-ingress-endpoints vpce-0c0ffee000000e006",
        "error sg-egress-s3 sg-0c0ffee00000005e5",
        // The ECR, logs and monitoring endpoints are not in the unsupported AZ the runtime was given; xray is only there.
        "warning endpoint-az-gap vpce-0c0ffee000000e002",
        "warning endpoint-az-gap vpce-0c0ffee000000e003",
        "warning endpoint-az-gap vpce-0c0ffee000000e004",
        "warning endpoint-az-gap vpce-0c0ffee000000e007",
        "warning endpoint-az-gap vpce-0c0ffee000000e006",
        "warning eni-lingering eni-0c0ffee00000aa001",
        "info slr-missing AWSServiceRoleForBedrockAgentCoreNetwork",
      ]);
      expect(report.checked).toEqual(NOT_RUNTIME);
      const text = (await run(args)).stdout;
      expect(text).toContain("  [sg-egress-s3] sg-0c0ffee00000005e5: The runtime reaches S3 through a gateway endpoint, but its security groups allow no HTTPS to the S3 prefix list");
      expect(text).toContain("      fix:    aws ec2 authorize-security-group-egress --region us-west-2 --group-id sg-0c0ffee00000005e5 --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId=pl-63a5400a}]'");
    });

    test("a VPC without DNS hostnames and without a way out or endpoints", async () => {
      const { code, report } = await json(["--vpc", "vpc-0d0d0d0d0d0d0d0d0", "--region", "us-east-2"], "AKIASTANDINSHUFFLED0");
      expect(code).toBe(1);
      expect(lines(report)).toEqual([
        "error vpc-dns-off vpc-0d0d0d0d0d0d0d0d0",
        "error endpoint-missing com.amazonaws.us-east-2.s3",
        "error endpoint-missing com.amazonaws.us-east-2.ecr.api",
        "error endpoint-missing com.amazonaws.us-east-2.ecr.dkr",
        "error endpoint-missing com.amazonaws.us-east-2.logs",
        "info slr-missing AWSServiceRoleForBedrockAgentCoreNetwork",
      ]);
    });

    test("a denied call ends nothing: the rules it feeds are not checked, naming the permission", async () => {
      const result = await run(["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--security-groups", "sg-0c0ffee00000005e4"], "AKIASTANDINNOSGRULES");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Not checked:\n  [sg-egress-endpoints] ec2:DescribeSecurityGroupRules was denied");
    });
  });

  describe("a runtime (--runtime): the field reports, and a healthy one", () => {
    test("healthy, as the generator makes it: no finding, every rule ran, exit 0", async () => {
      const result = await run(["--runtime", "ledger_agent-Lq8v2mXr4T", "--region", "us-west-2"], RUNTIMES);
      expect([result.code, result.stderr]).toEqual([0, ""]);
      expect(result.stdout).toBe(
        "Runtime ledger_agent (ledger_agent-Lq8v2mXr4T, READY) in us-west-2 (account 210987654321): vpc-0c0ffee0c0ffee001, subnets subnet-0c0ffee0000000a01, subnet-0c0ffee0000000a02, security groups sg-0c0ffee00000005e4: 0 errors, 0 warnings.\n\n" +
          `Checked: ${ALL.join(", ")}.\n`,
      );
    });

    test("UPDATE_FAILED within seconds, no reason: a subnet in an unsupported AZ ID (the ARN gives the region)", async () => {
      const { code, report } = await json(["--runtime", "arn:aws:bedrock-agentcore:us-east-1:210987654321:runtime/billing_agent-Zr7Tn2Vq5K"]);
      expect([code, report.region]).toEqual([1, "us-east-1"]);
      expect(report.target).toEqual({
        runtime: { id: "billing_agent-Zr7Tn2Vq5K", name: "billing_agent", arn: "arn:aws:bedrock-agentcore:us-east-1:210987654321:runtime/billing_agent-Zr7Tn2Vq5K", status: "UPDATE_FAILED", networkMode: "VPC" },
        vpc: "vpc-0123456789abcdef0",
        subnets: ["subnet-01234567", "subnet-0bad0bad0bad0bad0"],
        securityGroups: ["sg-0b111ee0000000001"],
        features: [],
      });
      expect(lines(report)).toEqual(["error runtime-failed billing_agent-Zr7Tn2Vq5K", "error subnet-az-unsupported subnet-0bad0bad0bad0bad0", "warning observability-off billing_agent-Zr7Tn2Vq5K"]);
      expect(report.findings[0]!.message).toBe("Runtime billing_agent is UPDATE_FAILED: the API gives no reason (failing within seconds with none is typical of a subnet in an unsupported AZ ID)");
      expect(report.findings[1]!.evidence).toBe("us-east-1a is use1-az3 in this account; AgentCore supports use1-az1, use1-az2, use1-az4 in us-east-1.");
    });

    test("READY, health checks time out, log group empty: S3 blocked by the group, and logs never delivered", async () => {
      const { code, report } = await json(["--runtime", "intake_agent-H3kPz9WqYb", "--region", "us-west-2"]);
      expect(code).toBe(1);
      expect(lines(report)).toEqual(["error sg-egress-s3 sg-0c0ffee00000005e5", "warning role-trust arn:aws:iam::210987654321:role/intake_agent-role", "warning observability-off intake_agent-H3kPz9WqYb"]);
      expect(report.findings[1]!.fix).toBe(
        `aws iam update-assume-role-policy --role-name intake_agent-role --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"bedrock-agentcore.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"210987654321"},"ArnLike":{"aws:SourceArn":"arn:aws:bedrock-agentcore:us-west-2:210987654321:*"}}}]}'`,
      );
      expect(report.findings[2]!.evidence).toBe("logs:DescribeDeliverySources lists intake_agent-usage-logs (USAGE_LOGS) for it, and logs:DescribeDeliveries no delivery from it.");
    });

    test("READY, health checks time out: no path to ECR, S3 or logs, an image in another region, a role made for ECS, and a deleted runtime's interface", async () => {
      const { code, report } = await json(["--runtime", "triage_agent-Pw4Xc8Nd2M", "--region", "us-east-2"]);
      expect(code).toBe(1);
      expect(lines(report)).toEqual([
        "error endpoint-missing com.amazonaws.us-east-2.s3",
        "error endpoint-missing com.amazonaws.us-east-2.ecr.api",
        "error endpoint-missing com.amazonaws.us-east-2.ecr.dkr",
        "error endpoint-missing com.amazonaws.us-east-2.logs",
        "error image-cross-region 210987654321.dkr.ecr.us-east-1.amazonaws.com/triage-agent:1.0.0",
        "warning role-trust arn:aws:iam::210987654321:role/triage_agent-role",
        "warning observability-off triage_agent-Pw4Xc8Nd2M",
        "warning eni-lingering eni-0e2222e00000bb001",
      ]);
    });

    test("CREATE_FAILED with the API's reason: the role was deleted", async () => {
      const { report } = await json(["--runtime", "orphan_agent-Jm6Rb3Fs9L", "--region", "us-east-2"]);
      expect(report.findings.filter((f) => f.id === "runtime-failed" || f.id === "role-missing" || f.id === "vpc-dns-off").map((f) => f.message)).toEqual([
        "Runtime orphan_agent is CREATE_FAILED: Access denied while assuming the execution role arn:aws:iam::210987654321:role/orphan_agent-role.",
        "enableDnsHostnames is off for vpc-0d0d0d0d0d0d0d0d0: interface endpoints with private DNS do not resolve.",
        "The execution role of runtime orphan_agent does not exist: AgentCore cannot assume it.",
      ]);
    });

    test("may not read roles or log deliveries: those rules are not checked, naming each permission; the rest run", async () => {
      const { code, report } = await json(["--runtime", "ledger_agent-Lq8v2mXr4T", "--region", "us-west-2"], "AKIASTANDINNOIAMLOGS");
      expect([code, report.findings]).toEqual([0, []]);
      expect(report.notChecked.map((n) => `${n.id}: ${n.reason.slice(0, n.reason.indexOf(" was denied"))}`)).toEqual(["role-missing: iam:GetRole", "role-trust: iam:GetRole", "observability-off: logs:DescribeDeliverySources", "slr-missing: iam:GetRole"]);
      expect(report.notChecked[0]!.reason).toContain("needs the IAM permission iam:GetRole");
      expect(report.checked).toEqual(ALL.filter((id) => !report.notChecked.some((n) => n.id === id)));
    });
  });

  describe("every runtime of a region (--all)", () => {
    test("a row per runtime, then the details of each with findings; exit 1 when any has an error", async () => {
      const result = await run(["--all", "--region", "us-east-2"], RUNTIMES);
      expect(result.code).toBe(1);
      const [summary, ...details] = result.stdout.split("\n\nRuntime ");
      expect(summary).toBe(
        [
          "2 runtimes in us-east-2 (account 210987654321): 2 with errors, 0 more with warnings only.",
          "",
          "  NAME          STATUS         ERRORS  WARNINGS",
          "  orphan_agent  CREATE_FAILED  7       1",
          "  triage_agent  READY          5       3",
        ].join("\n"),
      );
      expect(details.map((d) => d.slice(0, d.indexOf(" ")))).toEqual(["orphan_agent", "triage_agent"]);
    });

    test("--json: one report per runtime", async () => {
      const result = await run(["--all", "--region", "us-west-2", "--json"], RUNTIMES);
      const reports = JSON.parse(result.stdout) as JsonReport[];
      expect(reports.map((r) => [(r.target.runtime as { name: string }).name, r.findings.length, r.checked.length])).toEqual([
        ["intake_agent", 3, ALL.length],
        ["ledger_agent", 0, ALL.length],
      ]);
      expect(result.code).toBe(1);
    });

    test("a region without runtimes: an empty summary, exit 0", async () => {
      const result = await run(["--all", "--region", "eu-west-1"], RUNTIMES);
      expect([result.code, result.stdout]).toEqual([0, "0 runtimes in eu-west-1 (account 210987654321): 0 with errors, 0 more with warnings only.\n"]);
    });

    test("on a terminal, a progress line on standard error, cleared at the end; none without one", async () => {
      const tty = await run(["--all", "--region", "us-east-2"], RUNTIMES, true);
      expect(tty.stderr).toContain("\r\x1b[2KChecking 2 runtimes in us-east-2...");
      expect(tty.stderr).toContain("\r\x1b[2KChecked 2 of 2 runtimes in us-east-2");
      expect(tty.stderr.endsWith("\r\x1b[2K")).toBe(true);
      expect((await run(["--all", "--region", "us-east-2"], RUNTIMES)).stderr).toBe("");
    });
  });

  describe("a generated project (--project)", () => {
    async function project(example: string): Promise<string> {
      const dir = await tempDir();
      await copyFile(join(EXAMPLES, example, "agentcore-vpc.json"), join(dir, "agentcore-vpc.json"));
      return dir;
    }

    test("once applied: its runtime, found by name in the project's region, checked for the project's features", async () => {
      const dir = await project("existing-vpc-shared-endpoints");
      const { code, report } = await json(["--project", dir]);
      expect([code, report.region, report.target.project, (report.target.runtime as { id: string }).id, report.target.features]).toEqual([0, "us-west-2", dir, "ledger_agent-Lq8v2mXr4T", ["models", "memory"]]);
      // Memory's endpoint is in one of the runtime's two AZs, as the generator's own check warned.
      expect(lines(report)).toEqual(["warning endpoint-az-gap vpce-0c0ffee000000e009"]);
      // The project chose no observability: no delivery is what it asked for.
      expect(report.notChecked).toEqual([{ id: "observability-off", reason: 'the project chose no observability: add "observability" to features in agentcore-vpc.json to deliver logs' }]);
    });

    test("before the runtime layer is applied: the network and the runtime group found by the project's tags", async () => {
      const { code, report } = await json(["--project", await project("browser-internet")]);
      expect([code, report.findings]).toEqual([0, []]);
      expect(report.target).toMatchObject({ vpc: "vpc-0e5ea4c000000e001", subnets: ["subnet-0e5ea4c00000000a1", "subnet-0e5ea4c00000000a2"], securityGroups: ["sg-0e5ea4c00000000a1"], features: ["models", "browser"] });
    });

    test("a fix that is an answer says which one to change", async () => {
      const dir = await tempDir();
      await copyFile(join(EXAMPLES, "existing-vpc", "agentcore-vpc.json"), join(dir, "agentcore-vpc.json"));
      const result = await run(["--project", dir], "AKIASTANDINSHUFFLED0");
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(new RegExp(`^Project ${dir}: Network in us-east-2 \\(account 111122223333\\): vpc-0a1b2c3d4e5f60718, subnets subnet-0aa11bb22cc33dd44, subnet-0ee55ff66aa77bb88: \\d+ errors, 0 warnings\\.`));
      expect(result.stdout).toContain('      answer: remove "ecr.api" from vpc.existingEndpoints in agentcore-vpc.json (the network layer then creates it), or set internet to true, and regenerate');
    });

    test("nothing applied yet: exit 2, saying what to do", async () => {
      const result = await run(["--project", await project("defaults")], RUNTIMES);
      expect([result.code, result.stderr]).toEqual([2, "create-agentcore-vpc: doctor --project: no runtime named support_agent and no VPC tagged agentcore-vpc:name=support_agent in us-east-1: apply the network layer first, or check the region.\n"]);
    });
  });

  test.each([
    [[], "doctor: say what to check: --runtime ID, --all, --project DIR or --vpc vpc-..."],
    [["--vpc", "vpc-x"], 'doctor --vpc: got "vpc-x"'],
    [["--runtime", "my-runtime", "--region", "us-west-2"], 'doctor --runtime: got "my-runtime". Expected a runtime ID such as support_agent-Ab12Cd34Ef'],
    [["--runtime", "ledger_agent-Lq8v2mXr4T", "--vpc", "vpc-0c0ffee0c0ffee001"], "doctor: --runtime and --vpc cannot go together"],
    [["--runtime", "arn:aws:bedrock-agentcore:us-east-1:210987654321:runtime/billing_agent-Zr7Tn2Vq5K", "--region", "us-west-2"], "doctor: --region us-west-2 and the runtime ARN's region us-east-1 differ"],
    [["--all", "--region", "us-west-2", "--subnets", "subnet-0c0ffee0000000a01"], "doctor: --subnets and --security-groups go with --vpc"],
    [["--project", "/nonexistent/project"], 'doctor --project: cannot read "/nonexistent/project/agentcore-vpc.json": no such file.'],
    [["--project", ".", "--features", "models"], "doctor --project: the features are the project's"],
    [["--runtime", "gone_agent-0000000000", "--region", "us-west-2"], "doctor --runtime: there is no runtime gone_agent-0000000000 in us-west-2 of account 111122223333"],
    [["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--features", "models,telepathy"], 'doctor --features: got "telepathy"'],
    [["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--subnets", "subnet-0aa11bb22cc33dd44"], "doctor --subnets: subnet-0aa11bb22cc33dd44 is not in vpc-0c0ffee0c0ffee001"],
    [["--vpc", "vpc-0c0ffee0c0ffee0ff", "--region", "us-west-2"], "VPC vpc-0c0ffee0c0ffee0ff was not found in us-west-2 (ec2:DescribeVpcs)"],
  ])("%j: exit 2 with the reason", async (args, message) => {
    const result = await run(args);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, "", expect.stringContaining(message)]);
  });

  test("the stand-in answered every call", () => {
    expect(standIn.unsupported).toEqual([]);
  });
});

describe("doctor --wait-for-enis", () => {
  restoreEnvAfterEach();

  /** A stand-in of its own: its interfaces go away as they are read. */
  async function waitOn(args: string[]) {
    const standIn = await startStandIn();
    try {
      Object.assign(process.env, standInCredentials(standIn.url, "AKIASTANDINSHUFFLED0"));
      const result = await runCli(["doctor", "--wait-for-enis", "--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", ...args], process.cwd(), { env: { AWS_ENDPOINT_URL: standIn.url } });
      expect(standIn.unsupported).toEqual([]);
      return { ...result, calls: standIn.calls.filter((c) => c === "ec2 DescribeNetworkInterfaces").length };
    } finally {
      await standIn.close();
    }
  }

  test("polls until AgentCore has released every interface, showing how many are left, then exits 0", async () => {
    const result = await waitOn(["--interval", "0.02s"]);
    expect([result.code, result.calls]).toEqual([0, 4]);
    expect(result.stderr.split("\n").map((l) => l.replace(/waited \d+s/, "waited Ns"))).toEqual([
      "2 AgentCore network interfaces left in vpc-0c0ffee0c0ffee001, waited Ns",
      "2 AgentCore network interfaces left in vpc-0c0ffee0c0ffee001, waited Ns",
      "1 AgentCore network interface left in vpc-0c0ffee0c0ffee001, waited Ns",
      "",
    ]);
    expect(result.stdout).toMatch(/^No AgentCore network interface is left in vpc-0c0ffee0c0ffee001 \(waited \d+s\): the network layer can be destroyed\.\n$/);
  });

  test("only the named subnets or security groups count", async () => {
    const result = await waitOn(["--interval", "0.02s", "--subnets", "subnet-0c0ffee0000000a01"]);
    expect([result.code, result.calls]).toEqual([0, 3]);
    expect(result.stderr).toContain("1 AgentCore network interface left in vpc-0c0ffee0c0ffee001, subnets subnet-0c0ffee0000000a01");
  });

  test("gives up after --timeout with exit 1, naming what is left", async () => {
    const result = await waitOn(["--interval", "5s", "--timeout", "0.05s"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("2 AgentCore network interfaces are still in vpc-0c0ffee0c0ffee001 after 0s: eni-0c0ffee00000aa001, eni-0c0ffee00000aa002.");
  });

  test.each([
    [["--timeout", "8h"], "doctor: --timeout and --interval go with --wait-for-enis."],
    [["--wait-for-enis", "--timeout", "soon"], '--timeout: got "soon". Expected a duration such as 8h, 30m or 90s.'],
  ])("%j is refused", async (args, message) => {
    const result = await runCli(["doctor", "--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", ...args], process.cwd());
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
  });

  test("durations and the scope", () => {
    expect([parseDuration("t", "8h"), parseDuration("t", "30m"), parseDuration("t", "1.5s")]).toEqual([28_800_000, 1_800_000, 1_500]);
    expect(() => parseDuration("--timeout", "0s")).toThrow('--timeout: got "0s"');
    expect([formatDuration(59_000), formatDuration(61_000), formatDuration(3_720_000)]).toEqual(["59s", "1m 1s", "1h 2m"]);
    const enis = [
      { id: "eni-a", subnetId: "subnet-1", securityGroupIds: ["sg-r"] },
      { id: "eni-b", subnetId: "subnet-2", securityGroupIds: ["sg-other"] },
    ];
    expect(inScope(enis, { groupIds: [] }).map((e) => e.id)).toEqual(["eni-a", "eni-b"]);
    expect(inScope(enis, { groupIds: ["sg-r"] }).map((e) => e.id)).toEqual(["eni-a"]);
    expect(inScope(enis, { subnetIds: ["subnet-2"], groupIds: ["sg-r"] }).map((e) => e.id)).toEqual(["eni-a", "eni-b"]);
  });
});
