import { ALL, doctorAgainstStandIn, lines, NOT_RUNTIME, RUNTIMES, type JsonReport } from "./fixtures/doctor-cli.js";

describe("create-agentcore-vpc doctor: a network before a runtime exists (--vpc), and usage", () => {
  const { run, json } = doctorAgainstStandIn();

  describe("--vpc", () => {
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

  test("every rule fires on one of the stand-in's fixture accounts (doctor-runtime.test.ts: the healthy runtime runs them all without a finding)", async () => {
    const fixtures: [string[], string][] = [
      [["--runtime", "billing_agent-Zr7Tn2Vq5K", "--region", "us-east-1"], RUNTIMES],
      [["--runtime", "intake_agent-H3kPz9WqYb", "--region", "us-west-2"], RUNTIMES],
      [["--all", "--region", "us-east-2"], RUNTIMES],
      [["--runtime", "relay_agent-Qs5Wd1Hy7U", "--region", "us-east-1"], RUNTIMES],
      [["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--subnets", "subnet-0c0ffee0000000a01,subnet-0c0ffee0000000a04,subnet-0c0ffee0000000a05", "--security-groups", "sg-0c0ffee00000005e5", "--features", "observability"], "AKIASTANDINSHUFFLED0"],
    ];
    const fired = new Set<string>();
    for (const [args, key] of fixtures) {
      const result = await run([...args, "--json"], key);
      const reports = [JSON.parse(result.stdout) as JsonReport | JsonReport[]].flat();
      for (const r of reports) for (const f of r.findings) fired.add(f.id);
    }
    expect(ALL.filter((id) => !fired.has(id))).toEqual([]);
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
    [["--runtime", "arn:aws:bedrock-agentcore:us-west-2:444455556666:runtime/ledger_agent-Lq8v2mXr4T"], "doctor --runtime: the runtime ARN is in account 444455556666, and the credentials are account 111122223333's"],
    [["--runtime", "gone_agent-0000000000", "--region", "us-west-2"], "doctor: there is no runtime gone_agent-0000000000 in us-west-2 of account 111122223333"],
    [["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--features", "models,telepathy"], 'doctor --features: got "telepathy"'],
    [["--vpc", "vpc-0c0ffee0c0ffee001", "--region", "us-west-2", "--subnets", "subnet-0aa11bb22cc33dd44"], "doctor --subnets: subnet-0aa11bb22cc33dd44 is not in vpc-0c0ffee0c0ffee001"],
    [["--vpc", "vpc-0c0ffee0c0ffee0ff", "--region", "us-west-2"], "VPC vpc-0c0ffee0c0ffee0ff was not found in us-west-2 (ec2:DescribeVpcs)"],
  ])("%j: exit 2 with the reason", async (args, message) => {
    const result = await run(args);
    expect([result.code, result.stdout, result.stderr]).toEqual([2, "", expect.stringContaining(message)]);
  });
});

