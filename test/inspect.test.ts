import { readFile, writeFile } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DISCOVERY_CALLS, InspectionError, openAccount, READ_CALLS, type InspectOptions } from "../src/inspect/index.js";
import { startStandIn, type StandIn } from "./standin/server.js";
import { exec, ROOT, tempDir } from "./helpers.js";

/** The real AWS SDK, configured from the environment as in a user's shell, against the loopback stand-in. */
const REGION = "us-west-2";
const SHARED = "vpc-0c0ffee0c0ffee001";
const SHUFFLED = "AKIASTANDINSHUFFLED0";
const NO_SG_RULES = "AKIASTANDINNOSGRULES";
const ARN = "arn:aws:iam::111122223333:user/standin";

/** Every variable that steers the SDK's credentials, endpoints or retries: set by the test, or unset. */
const SDK_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
  "AWS_CONFIG_FILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_EC2",
  "AWS_ENDPOINT_URL_STS",
  "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
  "AWS_MAX_ATTEMPTS",
  "AWS_EC2_METADATA_DISABLED",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_ROLE_ARN",
  "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED",
] as const;

const interfaceEndpoint = (id: string, service: string, extra: Record<string, unknown> = {}) => ({
  id,
  serviceName: `com.amazonaws.${REGION}.${service}`,
  type: "Interface",
  state: "available",
  privateDns: true,
  subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02", "subnet-0c0ffee0000000a03"],
  routeTableIds: [],
  securityGroupIds: ["sg-0c0ffee00000005e1"],
  tags: {},
  ...extra,
});

const EXPECTED_RULES = [
  { id: "sgr-0c0ffee000000e101", groupId: "sg-0c0ffee00000005e1", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.30.0.0/16" },
  { id: "sgr-0c0ffee000000e201", groupId: "sg-0c0ffee00000005e2", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.99.0.0/16" },
  { id: "sgr-0c0ffee000000e202", groupId: "sg-0c0ffee00000005e2", egress: false, protocol: "tcp", fromPort: 80, toPort: 80, cidrIpv4: "10.30.0.0/16" },
  { id: "sgr-0c0ffee000000e203", groupId: "sg-0c0ffee00000005e2", egress: true, protocol: "-1", fromPort: -1, toPort: -1, cidrIpv4: "0.0.0.0/0" },
  { id: "sgr-0c0ffee000000e204", groupId: "sg-0c0ffee00000005e2", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, referencedGroupId: "sg-0c0ffee00000005e4" },
  { id: "sgr-0c0ffee000000e301", groupId: "sg-0c0ffee00000005e3", egress: false, protocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "10.30.0.0/16" },
];

/** The URL of a loopback port nothing listens on: a server's, once closed. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const refusedMessage = (url: string): RegExp => new RegExp(`^ec2:DescribeVpcs could not reach ${url} \\(set by AWS_ENDPOINT_URL\\): ECONNREFUSED \\(.*\\); check AWS_ENDPOINT_URL and that the endpoint is up\\.$`);

describe("account inspection through the AWS SDK", () => {
  let standIn: StandIn;
  let env: Record<string, string | undefined>;
  const saved = new Map<string, string | undefined>();

  /** Sets (or, with undefined, unsets) variables of process.env, where the SDK reads credentials. */
  function setProcessEnv(values: Readonly<Record<string, string | undefined>>): void {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }

  /** Runs fn with process.env and the options' env both changed by overrides. */
  async function withEnv<T>(overrides: Record<string, string | undefined>, fn: (options: InspectOptions) => Promise<T>): Promise<T> {
    setProcessEnv(overrides);
    try {
      return await fn({ region: REGION, env: { ...env, ...overrides } });
    } finally {
      setProcessEnv(env);
    }
  }

  const reader = () => openAccount({ region: REGION, env });

  beforeAll(async () => {
    standIn = await startStandIn();
    const dir = await tempDir("agentcore-vpc-inspect-");
    env = Object.fromEntries(SDK_VARIABLES.map((name) => [name, undefined]));
    Object.assign(env, {
      AWS_ACCESS_KEY_ID: SHUFFLED,
      AWS_SECRET_ACCESS_KEY: "stand-in-secret",
      AWS_ENDPOINT_URL: standIn.url,
      AWS_CONFIG_FILE: join(dir, "no-config"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-credentials"),
      AWS_EC2_METADATA_DISABLED: "true",
      // The SDK's notice that its future releases need Node.js 22; the bundle defines it away.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    });
    for (const name of SDK_VARIABLES) saved.set(name, process.env[name]);
    setProcessEnv(env);
  });

  afterAll(async () => {
    setProcessEnv(Object.fromEntries(saved));
    await standIn?.close();
  });

  test("identity() is the caller's account and ARN", async () => {
    await expect(reader().identity()).resolves.toEqual({ account: "111122223333", arn: ARN });
  });

  test("listVpcs() lists the region's VPCs by ID, with the Name tag and the CIDRs", async () => {
    expect(await reader().listVpcs()).toEqual([
      { id: SHARED, name: "shared-services", cidrs: ["10.30.0.0/16"], isDefault: false },
      { id: "vpc-0c0ffee0c0ffee002", cidrs: ["10.31.0.0/16"], isDefault: false },
    ]);
  });

  test("readVpc() reads the VPC, its subnets, route tables, endpoints and the endpoints' rules", async () => {
    const details = await reader().readVpc(SHARED);
    expect(details.vpc).toEqual({ id: SHARED, name: "shared-services", cidrs: ["10.30.0.0/16"], isDefault: false });
    expect([details.dnsSupport, details.dnsHostnames]).toEqual([true, true]);
    // The account's AZ names are shuffled against the IDs: us-west-2a is usw2-az4, and so on.
    const subnet = (n: number, azName: string, azId: string, name: string, freeIps = 4091) => ({ id: `subnet-0c0ffee0000000a0${n}`, vpcId: SHARED, name, azName, azId, cidr: `10.30.${(n - 1) * 16}.0/20`, freeIps });
    expect(details.subnets).toEqual([
      subnet(1, "us-west-2c", "usw2-az1", "private-1"),
      subnet(2, "us-west-2e", "usw2-az2", "private-2"),
      subnet(3, "us-west-2b", "usw2-az3", "private-3", 12),
      subnet(4, "us-west-2a", "usw2-az4", "private-4"),
      subnet(5, "us-west-2c", "usw2-az1", "public-1"),
      subnet(6, "us-west-2e", "usw2-az2", "isolated-2"),
    ]);
    const local = { destinationCidr: "10.30.0.0/16", gatewayId: "local", state: "active" };
    expect(details.routeTables).toEqual([
      { id: "rtb-0c0ffee00000000a0", main: true, subnetIds: [], routes: [local] },
      {
        id: "rtb-0c0ffee00000000a1",
        main: false,
        subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02", "subnet-0c0ffee0000000a03", "subnet-0c0ffee0000000a04"],
        // The S3 gateway endpoints' routes go to the prefix list.
        routes: [local, { destinationCidr: "0.0.0.0/0", transitGatewayId: "tgw-0c0ffee0000000001", state: "active" }, { destinationPrefixListId: "pl-63a5400a", gatewayId: "vpce-0c0ffee000000e001", state: "active" }],
      },
      {
        id: "rtb-0c0ffee00000000a2",
        main: false,
        subnetIds: ["subnet-0c0ffee0000000a05"],
        routes: [local, { destinationCidr: "0.0.0.0/0", gatewayId: "igw-0c0ffee0000000001", state: "active" }, { destinationPrefixListId: "pl-63a5400a", gatewayId: "vpce-0c0ffee000000e011", state: "active" }],
      },
      { id: "rtb-0c0ffee00000000a3", main: false, subnetIds: ["subnet-0c0ffee0000000a06"], routes: [local] },
    ]);
    expect(details.endpoints).toEqual([
      { id: "vpce-0c0ffee000000e001", serviceName: `com.amazonaws.${REGION}.s3`, type: "Gateway", state: "available", privateDns: false, subnetIds: [], routeTableIds: ["rtb-0c0ffee00000000a1"], securityGroupIds: [], tags: {} },
      interfaceEndpoint("vpce-0c0ffee000000e002", "ecr.api"),
      interfaceEndpoint("vpce-0c0ffee000000e003", "ecr.dkr"),
      interfaceEndpoint("vpce-0c0ffee000000e004", "logs"),
      interfaceEndpoint("vpce-0c0ffee000000e005", "bedrock-runtime", { privateDns: false, subnetIds: ["subnet-0c0ffee0000000a01", "subnet-0c0ffee0000000a02"] }),
      interfaceEndpoint("vpce-0c0ffee000000e006", "monitoring", { securityGroupIds: ["sg-0c0ffee00000005e2"] }),
      interfaceEndpoint("vpce-0c0ffee000000e007", "xray", { subnetIds: ["subnet-0c0ffee0000000a04"] }),
      interfaceEndpoint("vpce-0c0ffee000000e008", "secretsmanager", { state: "pending" }),
      interfaceEndpoint("vpce-0c0ffee000000e009", "bedrock-agentcore", { subnetIds: ["subnet-0c0ffee0000000a01"] }),
      interfaceEndpoint("vpce-0c0ffee000000e010", "bedrock-runtime", { securityGroupIds: ["sg-0c0ffee00000005e3"], tags: { "agentcore-vpc:name": "ledger_agent" } }),
      { id: "vpce-0c0ffee000000e011", serviceName: `com.amazonaws.${REGION}.s3`, type: "Gateway", state: "available", privateDns: false, subnetIds: [], routeTableIds: ["rtb-0c0ffee00000000a2"], securityGroupIds: [], tags: {} },
    ]);
    expect(details.endpointGroupRules).toEqual(EXPECTED_RULES);
    expect(details.endpointGroupRulesError).toBeUndefined();
  });

  test("an identity that may not list security group rules still reads the VPC, and is told what it lacks", async () => {
    const details = await withEnv({ AWS_ACCESS_KEY_ID: NO_SG_RULES }, (options) => openAccount(options).readVpc(SHARED));
    expect(details.endpoints).toHaveLength(11);
    expect(details.endpointGroupRules).toBeUndefined();
    expect(details.endpointGroupRulesError).toBe(
      `ec2:DescribeSecurityGroupRules was denied, so the rules of the endpoints' security groups were not checked: the identity ${ARN} needs the IAM permission ec2:DescribeSecurityGroupRules (all calls are read-only: ${READ_CALLS.join(", ")}).`,
    );
  });

  test("an unknown VPC ID names the call, the VPC and the region", async () => {
    const error = await reader().readVpc("vpc-0000000000000dead").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InspectionError);
    expect(error).toMatchObject({
      call: "ec2:DescribeVpcs",
      code: "InvalidVpcID.NotFound",
      message: `VPC vpc-0000000000000dead was not found in ${REGION} (ec2:DescribeVpcs): check the VPC ID and the region.`,
    });
  });

  test("an unknown access key is reported as invalid credentials, with what to do", async () => {
    await withEnv({ AWS_ACCESS_KEY_ID: "AKIASTANDINUNKNOWN00" }, async (options) => {
      const account = openAccount(options);
      for (const [call, read] of [["ec2:DescribeVpcs", () => account.listVpcs()], ["sts:GetCallerIdentity", () => account.identity()]] as const) {
        const error = await read().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InspectionError);
        expect(error).toMatchObject({ call, code: "InvalidClientTokenId" });
        expect((error as Error).message).toBe(
          `${call} was refused with InvalidClientTokenId (unknown access key AKIASTANDINUNKNOWN00): the AWS credentials are not valid or have expired; refresh them (aws sso login for SSO, or new access keys) and try again.`,
        );
      }
    });
  });

  test("no credentials anywhere says how to provide them", async () => {
    const error = await withEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }, (options) => openAccount(options).listVpcs()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InspectionError);
    expect(error).toMatchObject({
      call: "ec2:DescribeVpcs",
      message: "No AWS credentials found for ec2:DescribeVpcs: set AWS_PROFILE (and run aws sso login for SSO), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.",
    });
  });

  test("AWS_PROFILE in the options' env picks the profile; a profile that is not there is named", async () => {
    const credentials = join(await tempDir("agentcore-vpc-inspect-profile-"), "credentials");
    await writeFile(credentials, `[standin]\naws_access_key_id = ${SHUFFLED}\naws_secret_access_key = stand-in-secret\n`);
    const keyless = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_SHARED_CREDENTIALS_FILE: credentials };
    // process.env names no profile: only the options' env does.
    const withProfile = (options: InspectOptions, profile: string) => openAccount({ ...options, env: { ...options.env, AWS_PROFILE: profile } }).identity();
    await expect(withEnv(keyless, (options) => withProfile(options, "standin"))).resolves.toEqual({ account: "111122223333", arn: ARN });
    const error = await withEnv(keyless, (options) => withProfile(options, "absent")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InspectionError);
    expect((error as Error).message).toMatch(/^No AWS credentials found for sts:GetCallerIdentity with AWS_PROFILE=absent \(.+\): check that profile in the AWS config files \(and run aws sso login for SSO\), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\.$/);
  });

  test("an endpoint that refuses connections fails within seconds, naming the call and the endpoint", async () => {
    const url = await closedPort();
    // Only the options' env points there: the explicit endpoint must win over process.env's.
    const started = Date.now();
    const error = await openAccount({ region: REGION, env: { ...env, AWS_ENDPOINT_URL: url } })
      .listVpcs()
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(InspectionError);
    expect(error).toMatchObject({ call: "ec2:DescribeVpcs", code: "ECONNREFUSED", message: expect.stringMatching(refusedMessage(url)) });
  });

  test("the bundle keeps the SDK out of the executable, and the inspection chunk reads what the sources read", async () => {
    const bundle = join(ROOT, "bundle");
    // The SDK's request signing and its operation names, as quoted strings: messages may name a call, but only the chunk sends one.
    const sdk = ['"DescribeVpcEndpoints"', "x-amz-"];
    const main = await readFile(join(bundle, "create-agentcore-vpc.mjs"), "utf8");
    const chunk = await readFile(join(bundle, "inspect.mjs"), "utf8");
    expect(sdk.filter((s) => main.includes(s))).toEqual([]);
    expect(sdk.filter((s) => chunk.includes(s))).toEqual(sdk);
    // A process of its own, as the CLI loads the chunk; the SDK's Node.js notice must not show.
    const refused = await closedPort();
    const script = `const { openAccount } = await import(process.argv[1]);
const account = openAccount({ region: ${JSON.stringify(REGION)}, env: process.env });
const vpcs = await account.listVpcs();
const vpc = await account.readVpc(${JSON.stringify(SHARED)});
const error = await openAccount({ region: ${JSON.stringify(REGION)}, env: { ...process.env, AWS_ENDPOINT_URL: ${JSON.stringify(refused)} } }).listVpcs().catch((e) => e);
process.stdout.write(JSON.stringify({ vpcs, vpc, refused: { name: error.name, code: error.code, message: error.message } }));`;
    const { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _quietened, ...processEnv } = process.env;
    const { stdout, stderr } = await exec(process.execPath, ["--input-type=module", "-e", script, pathToFileURL(join(bundle, "inspect.mjs")).href], { env: processEnv });
    expect(stderr).toBe("");
    const account = reader();
    const { vpcs, vpc, refused: refusal } = JSON.parse(stdout) as Record<string, unknown>;
    expect({ vpcs, vpc }).toEqual(JSON.parse(JSON.stringify({ vpcs: await account.listVpcs(), vpc: await account.readVpc(SHARED) })));
    expect(refusal).toEqual({ name: "InspectionError", code: "ECONNREFUSED", message: expect.stringMatching(refusedMessage(refused)) });
  });

  test("listManagedEnis() lists the interfaces AgentCore manages in the VPC, with their subnets and groups", async () => {
    const enis = await withEnv({}, (options) => openAccount(options).listManagedEnis(SHARED));
    expect(enis).toEqual([
      { id: "eni-0c0ffee00000aa001", subnetId: "subnet-0c0ffee0000000a01", securityGroupIds: ["sg-0c0ffee00000005e4"] },
      { id: "eni-0c0ffee00000aa002", subnetId: "subnet-0c0ffee0000000a02", securityGroupIds: ["sg-0c0ffee00000005e4"] },
    ]);
  });

  test("only the discovery calls and the interfaces' were made, and the stand-in answered every one", () => {
    expect(standIn.unsupported).toEqual([]);
    expect([...new Set(standIn.calls)].sort()).toEqual([...DISCOVERY_CALLS, "ec2:DescribeNetworkInterfaces"].map((c) => c.replace(":", " ")).sort());
  });
});
