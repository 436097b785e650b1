import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { EXAMPLES, tempDir } from "./helpers.js";
import { ALL, doctorAgainstStandIn, lines, RUNTIMES, type JsonReport } from "./fixtures/doctor-cli.js";
import { BULK_ACCESS_KEY } from "./standin/bulk.js";

describe("create-agentcore-vpc doctor on runtimes: the field reports, a healthy one, every runtime of a region, a generated project", () => {
  const { run, json, calls } = doctorAgainstStandIn();

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

    test("one subnet without a way out and one deleted since, and a logs endpoint without private DNS", async () => {
      const { report } = await json(["--runtime", "relay_agent-Qs5Wd1Hy7U", "--region", "us-east-1"]);
      expect(lines(report)).toEqual([
        "error subnet-missing subnet-0000000000000dead",
        "error endpoint-missing com.amazonaws.us-east-1.s3",
        "error endpoint-missing com.amazonaws.us-east-1.ecr.api",
        "error endpoint-missing com.amazonaws.us-east-1.ecr.dkr",
        "error endpoint-private-dns-off vpce-0b111ee000000e001",
        "warning subnet-single-az subnet-0d3d3d3d3d3d3d3d3",
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

    test("with standard error on a terminal, a progress line there, cleared at the end; none without one, or with --json", async () => {
      const tty = await run(["--all", "--region", "us-east-2"], RUNTIMES, true);
      expect(tty.stderr).toContain("\r\x1b[2KReading 2 runtimes in us-east-2...");
      expect(tty.stderr).toContain("\r\x1b[2KChecked 2 of 2 runtimes in us-east-2");
      expect(tty.stderr.endsWith("\r\x1b[2K")).toBe(true);
      expect(tty.stdout.startsWith("2 runtimes in us-east-2")).toBe(true);
      expect((await run(["--all", "--region", "us-east-2"], RUNTIMES)).stderr).toBe("");
      expect((await run(["--all", "--region", "us-east-2", "--json"], RUNTIMES, true)).stderr).toBe("");
    });

    test("a runtime deleted since it was listed is named as gone; one the caller may not read, as not read; the run goes on", async () => {
      const result = await run(["--all", "--region", "ap-northeast-1"], RUNTIMES);
      expect(result.code).toBe(0);
      const [summary, ...details] = result.stdout.split("\n\n");
      expect(summary).toBe("2 runtimes in ap-northeast-1 (account 210987654321): 0 with errors, 0 more with warnings only, 1 not read.\nDeleted since they were listed: ghost_agent.");
      expect(details[0]).toBe(["  NAME           STATUS  ERRORS  WARNINGS", "  locked_agent   READY   -       -", "  veteran_agent  READY   0       0"].join("\n"));
      expect(details[1]).toMatch(/^Runtime locked_agent \(locked_agent-Tr9Gm4Bc6X, READY\) was not read: bedrock-agentcore:GetAgentRuntime was denied/);
      const reports = JSON.parse((await run(["--all", "--region", "ap-northeast-1", "--json"], RUNTIMES)).stdout) as Record<string, unknown>[];
      expect(reports.map((r) => Object.keys(r))).toEqual([["region", "account", "target", "notRead"], ["region", "account", "target", "findings", "checked", "notChecked"]]);
    });

    test("a runtime made before the S3 gateway rollout reaches S3 through the service's gateway: no S3 path is asked of its VPC", async () => {
      const { code, report } = await json(["--runtime", "veteran_agent-Eh2Ju7Np0S", "--region", "ap-northeast-1"]);
      expect([code, report.findings]).toEqual([0, []]);
    });

    test("what runtimes share is read once: per VPC its endpoints, route tables, groups and interfaces; per role its trust; the region's deliveries", async () => {
      const before = calls().length;
      const result = await run(["--all", "--region", "us-east-1"], BULK_ACCESS_KEY);
      expect([result.code, result.stdout.split("\n")[0]]).toEqual([0, "200 runtimes in us-east-1 (account 999988887777): 0 with errors, 0 more with warnings only."]);
      const made = calls().slice(before);
      const count = (call: string) => made.filter((c) => c === call).length;
      const shared = ["ec2 DescribeVpcEndpoints", "ec2 DescribeRouteTables", "ec2 DescribeSecurityGroupRules", "ec2 DescribeNetworkInterfaces", "iam GetRole", "logs DescribeDeliverySources", "bedrock-agentcore ListAgentRuntimes", "bedrock-agentcore GetAgentRuntime", "ec2 DescribeSubnets"];
      // Once per VPC of the 10 (their runtime groups' rules; they have no endpoints), 10 roles and the service-linked role,
      // 4 pages of 50 sources, 2 pages of 100 runtimes, each runtime once, the 20 runtime subnets in one batch and each VPC's.
      expect(shared.map(count)).toEqual([10, 10, 10, 10, 11, 4, 2, 200, 1 + 10]);
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
      expect(result.stdout).toContain('      answer: in an existing VPC, remove "ecr.api" from vpc.existingEndpoints in agentcore-vpc.json (the network layer then creates it) or set internet to true, and regenerate; in a VPC the project made, apply the network layer (it creates every endpoint the features need)');
    });

    test("may not list the runtimes: exit 2, naming the permission, rather than a network check that hides it", async () => {
      const result = await run(["--project", await project("existing-vpc-shared-endpoints")], "AKIASTANDINNOLISTING");
      expect([result.code, result.stderr]).toEqual([2, expect.stringMatching(/^create-agentcore-vpc: doctor --project: bedrock-agentcore:ListAgentRuntimes was denied, so the region's runtimes were not read/)]);
    });

    test("nothing applied yet: exit 2, saying what to do", async () => {
      const result = await run(["--project", await project("defaults")], RUNTIMES);
      expect([result.code, result.stderr]).toEqual([2, "create-agentcore-vpc: doctor --project: no runtime named support_agent and no VPC tagged agentcore-vpc:name=support_agent in us-east-1: apply the network layer first, or check the region.\n"]);
    });
  });
});
