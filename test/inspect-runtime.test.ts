import { createServer, type AddressInfo } from "node:net";
import { DISCOVERY_CALLS, InspectionError, openAccount, READ_CALLS } from "../src/inspect/index.js";
import { restoreEnvAfterEach, standInCredentials } from "./helpers.js";
import { BULK_ACCESS_KEY } from "./standin/bulk.js";
import { startStandIn, type StandIn } from "./standin/server.js";

/** The runtime reads of the inspection layer: the AgentCore control plane (REST JSON), IAM (Query) and CloudWatch Logs (JSON), through the real SDK. */
const ACCOUNT = "210987654321";
const LEDGER = "ledger_agent-Lq8v2mXr4T";

describe("runtime inspection through the AWS SDK", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn();
  });
  afterAll(() => standIn?.close());
  afterEach(() => expect(standIn.unsupported).toEqual([]));
  restoreEnvAfterEach();

  function reader(accessKey = "AKIASTANDINRUNTIMES0", region = "us-west-2", more: Record<string, string> = {}) {
    Object.assign(process.env, standInCredentials(standIn.url, accessKey), more);
    return openAccount({ region, env: process.env });
  }

  test("listRuntimes() lists the region's runtimes by name; readRuntime() reads one's network, role, image and status", async () => {
    const account = reader();
    expect(await account.listRuntimes()).toEqual([
      { id: "intake_agent-H3kPz9WqYb", arn: `arn:aws:bedrock-agentcore:us-west-2:${ACCOUNT}:runtime/intake_agent-H3kPz9WqYb`, name: "intake_agent", status: "READY" },
      { id: LEDGER, arn: `arn:aws:bedrock-agentcore:us-west-2:${ACCOUNT}:runtime/${LEDGER}`, name: "ledger_agent", status: "READY" },
    ]);
    expect(await account.readRuntime(LEDGER)).toEqual({
      id: LEDGER,
      arn: `arn:aws:bedrock-agentcore:us-west-2:${ACCOUNT}:runtime/${LEDGER}`,
      name: "ledger_agent",
      status: "READY",
      createdAt: "2026-09-01T00:00:00.000Z",
      roleArn: `arn:aws:iam::${ACCOUNT}:role/ledger_agent-runtime`,
      networkMode: "VPC",
      subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02"],
      groupIds: ["sg-0c0ffee00000005e4"],
      containerUri: `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/ledger-agent:1.0.0`,
    });
    await expect(account.readRuntime("gone_agent-0000000000")).resolves.toBeUndefined();
    expect(await reader(undefined, "us-east-2").readRuntime("orphan_agent-Jm6Rb3Fs9L")).toMatchObject({ status: "CREATE_FAILED", failureReason: `Access denied while assuming the execution role arn:aws:iam::${ACCOUNT}:role/orphan_agent-role.` });
  });

  test("a runtime listed then deleted reads as undefined; one a per-resource policy denies, as the sentence to report", async () => {
    const account = reader(undefined, "ap-northeast-1");
    await expect(account.readRuntime("ghost_agent-Vn3Kq8Lz1P")).resolves.toBeUndefined();
    expect(await account.readRuntime("locked_agent-Tr9Gm4Bc6X")).toEqual({ unread: expect.stringMatching(/^bedrock-agentcore:GetAgentRuntime was denied, so runtime locked_agent-Tr9Gm4Bc6X was not read: the identity arn:aws:iam::210987654321:user\/standin needs the IAM permission bedrock-agentcore:GetAgentRuntime/) });
    expect(await account.readRuntime("veteran_agent-Eh2Ju7Np0S")).toMatchObject({ createdAt: "2026-02-01T00:00:00.000Z" });
  });

  test("every page of a long list is read: 200 runtimes, 200 delivery sources and deliveries", async () => {
    const account = reader(BULK_ACCESS_KEY, "us-east-1");
    const before = standIn.calls.length;
    const [runtimes, deliveries] = await Promise.all([account.listRuntimes(), account.readLogDeliveries()]);
    expect([Array.isArray(runtimes) && runtimes.length, "sources" in deliveries && [deliveries.sources.length, deliveries.deliveries.length]]).toEqual([200, [200, 200]]);
    const calls = standIn.calls.slice(before);
    expect(["bedrock-agentcore ListAgentRuntimes", "logs DescribeDeliverySources", "logs DescribeDeliveries"].map((c) => calls.filter((x) => x === c).length)).toEqual([2, 4, 4]);
  });

  test("readRole() parses the URL-encoded trust policy of a role, under a path too; a role that is not there is undefined", async () => {
    const account = reader();
    expect(await account.readRole("billing_agent-runtime")).toEqual({
      name: "billing_agent-runtime",
      arn: `arn:aws:iam::${ACCOUNT}:role/agents/billing_agent-runtime`,
      trust: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "bedrock-agentcore.amazonaws.com" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": `arn:aws:bedrock-agentcore:*:${ACCOUNT}:*` } } }],
      },
    });
    await expect(account.readRole("orphan_agent-role")).resolves.toBeUndefined();
  });

  test("readLogDeliveries() reads the region's delivery sources and deliveries", async () => {
    expect(await reader().readLogDeliveries()).toEqual({
      sources: [
        { name: "ledger_agent-application-logs", resourceArns: [`arn:aws:bedrock-agentcore:us-west-2:${ACCOUNT}:runtime/${LEDGER}`], logType: "APPLICATION_LOGS" },
        { name: "intake_agent-usage-logs", resourceArns: [`arn:aws:bedrock-agentcore:us-west-2:${ACCOUNT}:runtime/intake_agent-H3kPz9WqYb`], logType: "USAGE_LOGS" },
      ],
      deliveries: [{ sourceName: "ledger_agent-application-logs", destinationArn: `arn:aws:logs:us-west-2:${ACCOUNT}:delivery-destination:ledger_agent-logs` }],
    });
  });

  test("a denied role or log read is returned as the sentence to report, naming the permission", async () => {
    const account = reader("AKIASTANDINNOIAMLOGS");
    const sentence = (call: string, what: string, verb: string) => ({
      unread: `${call} was denied, so ${what} ${verb} not read: the identity arn:aws:iam::${ACCOUNT}:user/standin needs the IAM permission ${call} (all calls are read-only: ${READ_CALLS.join(", ")}).`,
    });
    expect(await account.readRole("ledger_agent-runtime")).toEqual(sentence("iam:GetRole", "role ledger_agent-runtime", "was"));
    expect(await account.readLogDeliveries()).toEqual(sentence("logs:DescribeDeliverySources", "the log delivery sources", "were"));
  });

  test("readSubnets() finds subnets by ID wherever they are, and leaves out those that do not exist; the project's VPCs and runtime groups by tag", async () => {
    const account = reader();
    expect((await account.readSubnets(["subnet-0c0ffee0000000a02", "subnet-0000000000000dead"])).map((s) => [s.id, s.vpcId, s.azId])).toEqual([["subnet-0c0ffee0000000a02", "vpc-0c0ffee0c0ffee001", "usw2-az2"]]);
    expect(await account.findRuntimeGroups("vpc-0c0ffee0c0ffee001", "ledger_agent")).toEqual(["sg-0c0ffee00000005e4"]);
    expect(await account.findRuntimeGroups("vpc-0c0ffee0c0ffee001", "scout_agent")).toEqual([]);
    expect((await reader(undefined, "eu-west-1").findTaggedVpcs("research_agent")).map((v) => v.id)).toEqual(["vpc-0e5ea4c000000e001"]);
  });

  test("each service's own AWS_ENDPOINT_URL_<SERVICE> is honoured", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const closed = `http://127.0.0.1:${port}`;
    const account = reader(undefined, undefined, { AWS_ENDPOINT_URL: closed, AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL: standIn.url, AWS_ENDPOINT_URL_IAM: standIn.url, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: standIn.url });
    expect(await account.readRuntime(LEDGER)).toMatchObject({ id: LEDGER });
    expect(await account.readRole("ledger_agent-runtime")).toMatchObject({ name: "ledger_agent-runtime" });
    expect(await account.readLogDeliveries()).toMatchObject({ deliveries: [expect.anything()] });
    const refused = await account.listVpcs().catch((e: unknown) => e);
    expect([refused instanceof InspectionError, (refused as InspectionError).message]).toEqual([true, expect.stringContaining(`could not reach ${closed} (set by AWS_ENDPOINT_URL)`)]);
  });

  test("between this file and the EC2 reads, every read call is made", () => {
    const made = new Set(standIn.calls.map((c) => c.replace(" ", ":")));
    expect(READ_CALLS.filter((c) => !DISCOVERY_CALLS.includes(c) && c !== "ec2:DescribeNetworkInterfaces" && !made.has(c))).toEqual([]);
  });
});
