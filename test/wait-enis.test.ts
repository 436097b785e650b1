import { inScope } from "../src/account/enis.js";
import { formatDuration, parseDuration } from "../src/cli/wait-enis.js";
import { restoreEnvAfterEach, runCli, standInCredentials } from "./helpers.js";
import { startStandIn } from "./standin/server.js";

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
