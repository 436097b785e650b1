import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCli, tempDir, writeJson } from "./helpers.js";

const EXISTING_DB = { mode: "existing", securityGroupId: "sg-0db0db0db0db0db01", secretArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-0a1b2c3d-AbCdEf", port: 5432 };
const IN_VPC = { features: ["rds"], vpc: { id: "vpc-0123456789abcdef0", subnetIds: ["subnet-01234567", "subnet-89abcdef"] } };

/** Each case: answers, then fragments the message must contain (field, value received, rule). */
const CASES: [string, unknown, string[]][] = [
  ["unsupported region", { region: "us-west-1" }, ["region", '"us-west-1"', "us-east-1", "supported AZ IDs"]],
  ["region of another type", { region: 7 }, ["region", "got 7"]],
  ["name with a hyphen", { name: "support-agent" }, ["name", '"support-agent"', "no hyphens"]],
  ["name starting with a digit", { name: "1agent" }, ["name", '"1agent"', "starts with a letter"]],
  ["name too long", { name: `a${"b".repeat(48)}` }, ["name", "1-48"]],
  ["invalid CIDR", { vpc: { cidr: "10.0.0.300/16", azCount: 2 } }, ["vpc.cidr", '"10.0.0.300/16"', "Not an IPv4 CIDR"]],
  ["CIDR too large", { vpc: { cidr: "10.0.0.0/15", azCount: 2 } }, ["vpc.cidr", '"10.0.0.0/15"', "/16 to /22"]],
  ["CIDR too small", { vpc: { cidr: "10.0.0.0/24", azCount: 2 } }, ["vpc.cidr", '"10.0.0.0/24"', "/16 to /22"]],
  ["CIDR with host bits", { vpc: { cidr: "10.0.0.1/16" } }, ["vpc.cidr", '"10.0.0.1/16"', '"10.0.0.0/16"']],
  ["one AZ", { vpc: { cidr: "10.0.0.0/16", azCount: 1 } }, ["vpc.azCount", "got 1", "2 or 3"]],
  ["browser without internet", { features: ["browser"], internet: false }, ["internet", "got false", "browser", "NAT"]],
  ["a VPC-mode browser without internet", { features: ["browser"], browser: { network: "vpc" }, internet: false }, ["internet", "got false", '"network": "vpc"', '"network": "public"']],
  ["unknown browser network", { features: ["browser"], browser: { network: "private" } }, ["browser.network", '"private"', '"vpc" or "public"']],
  ["browser recording not a boolean", { features: ["browser"], browser: { recording: "yes" } }, ["browser.recording", '"yes"', "true or false"]],
  ["unknown browser key", { features: ["browser"], browser: { network: "vpc", proxy: true } }, ["browser.proxy", "Unknown key", "network, recording"]],
  ["browser settings without browser", { features: ["models"], browser: { network: "public" } }, ["browser", '"browser" is in features']],
  ["unknown code interpreter network", { features: ["codeInterpreter"], codeInterpreter: { network: "public" } }, ["codeInterpreter.network", '"public"', '"vpc" or "sandbox"']],
  ["code interpreter settings without it", { codeInterpreter: { network: "vpc" } }, ["codeInterpreter", '"codeInterpreter" is in features']],
  ["a gateway ARN in another region", { features: ["gateway"], gateway: { arn: "arn:aws:bedrock-agentcore:eu-west-1:123456789012:gateway/tools-a1b2c3d4e5" } }, ["gateway.arn", "eu-west-1", "us-east-1"]],
  ["a gateway ARN with a malformed account", { features: ["gateway"], gateway: { arn: "arn:aws:bedrock-agentcore:us-east-1:12345:gateway/tools-a1b2c3d4e5" } }, ["gateway.arn", "12345", "12-digit account"]],
  ["a gateway ARN that is not a gateway's", { features: ["gateway"], gateway: { arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-a1b2c3d4e5" } }, ["gateway.arn", "runtime/", "gateway/"]],
  ["a gateway both created and referenced", { features: ["gateway"], gateway: { create: true, arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/tools-a1b2c3d4e5" } }, ["gateway", "not both"]],
  ["gateway create false", { features: ["gateway"], gateway: { create: false } }, ["gateway.create", "got false", "Expected true"]],
  ["unknown gateway authorizer", { features: ["gateway"], gateway: { create: true, authorizer: "NONE" } }, ["gateway.authorizer", '"NONE"', '"AWS_IAM" or "CUSTOM_JWT"']],
  ["a JWT authorizer without its discovery URL", { features: ["gateway"], gateway: { create: true, authorizer: "CUSTOM_JWT" } }, ["gateway.discoveryUrl", "got nothing", "/.well-known/openid-configuration"]],
  ["a discovery URL over HTTP", { features: ["gateway"], gateway: { create: true, authorizer: "CUSTOM_JWT", discoveryUrl: "http://idp.example.com/.well-known/openid-configuration" } }, ["gateway.discoveryUrl", "http://idp", "HTTPS"]],
  ["JWT settings on an IAM gateway", { features: ["gateway"], gateway: { create: true, allowedClients: ["abc"] } }, ["gateway.allowedClients", "Unknown key", "create, authorizer"]],
  ["an empty allowed client", { features: ["gateway"], gateway: { create: true, authorizer: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: [""] } }, ["gateway.allowedClients[0]", "URL-safe characters"]],
  ["a client ID that would open a template", { features: ["gateway"], gateway: { create: true, authorizer: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["${var.x}"] } }, ["gateway.allowedClients[0]", "URL-safe characters"]],
  ["a JWT gateway that admits any client", { features: ["gateway"], gateway: { create: true, authorizer: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration" } }, ["gateway.allowedClients", "admits every token"]],
  ["gateway settings without gateway", { gateway: { create: true } }, ["gateway", '"gateway" is in features']],
  ["unknown protocol", { protocol: "GRPC" }, ["protocol", '"GRPC"', '"HTTP" or "MCP" or "A2A"']],
  ["unknown feature", { features: ["models", "vectorStore"] }, ["features[1]", '"vectorStore"', "Unknown feature", "codeInterpreter"]],
  ["feature listed twice", { features: ["models", "models"] }, ["features[1]", "twice"]],
  ["malformed VPC ID", { vpc: { id: "vpc-12", subnetIds: ["subnet-01234567", "subnet-89abcdef"] } }, ["vpc.id", '"vpc-12"', "vpc-0123456789abcdef0"]],
  ["malformed subnet ID", { vpc: { id: "vpc-01234567", subnetIds: ["subnet-01234567", "sn-89abcdef"] } }, ["vpc.subnetIds[1]", '"sn-89abcdef"']],
  ["duplicate subnet", { vpc: { id: "vpc-01234567", subnetIds: ["subnet-01234567", "subnet-01234567"] } }, ["vpc.subnetIds[1]", "twice"]],
  ["one subnet", { vpc: { id: "vpc-01234567", subnetIds: ["subnet-01234567"] } }, ["vpc.subnetIds", "2-16"]],
  ["mixed VPC shapes", { vpc: { id: "vpc-01234567", cidr: "10.0.0.0/16" } }, ["vpc", "Mixes a new VPC"]],
  ["image not in ECR", { image: "docker.io/library/python:3.12" }, ["image", '"docker.io/library/python:3.12"', "ECR image URI"]],
  ["image without a tag", { image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/agent" }, ["image", "tag or digest"]],
  ["image in another region without internet", { image: "123456789012.dkr.ecr.eu-west-1.amazonaws.com/agent:1" }, ["image", "eu-west-1", "us-east-1"]],
  ["rds settings without rds", { rds: { port: 5432 } }, ["rds", '"rds" is in features']],
  ["rds port out of range", { features: ["rds"], rds: { port: 80 } }, ["rds.port", "got 80", "1150 to 65535"]],
  ["unknown database mode", { features: ["rds"], rds: { mode: "create-later" } }, ["rds.mode", '"create-later"', '"attach" or "existing" or "create"']],
  ["existing database in a new VPC", { features: ["rds"], rds: { ...EXISTING_DB } }, ["rds.mode", "existing VPC"]],
  ["existing database without its group", { ...IN_VPC, rds: { ...EXISTING_DB, securityGroupId: undefined } }, ["rds.securityGroupId", "got nothing", "sg-0123456789abcdef0"]],
  ["a secret ARN that is not one", { ...IN_VPC, rds: { ...EXISTING_DB, secretArn: "arn:aws:ssm:us-east-1:123456789012:parameter/db" } }, ["rds.secretArn", "arn:aws:ssm", "Secrets Manager secret"]],
  ["a secret in another region", { ...IN_VPC, rds: { ...EXISTING_DB, secretArn: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf" } }, ["rds.secretArn", "eu-west-1", "us-east-1"]],
  ["a secret of another partition", { ...IN_VPC, rds: { ...EXISTING_DB, secretArn: "arn:aws-us-gov:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf" } }, ["rds.secretArn", "aws-us-gov partition"]],
  ["a group to attach given an existing database's keys", { features: ["rds"], rds: { securityGroupId: "sg-0db0db0db0db0db01", port: 5432 } }, ["rds.securityGroupId", "Unknown key", "mode, port"]],
  ["a database host that is not a DNS name", { ...IN_VPC, rds: { ...EXISTING_DB, host: "db host" } }, ["rds.host", '"db host"', "DNS name"]],
  ["existing database port out of range", { ...IN_VPC, rds: { ...EXISTING_DB, port: 70000 } }, ["rds.port", "got 70000", "1150 to 65535"]],
  ["unknown database engine", { features: ["rds"], rds: { mode: "create", engine: "oracle" } }, ["rds.engine", '"oracle"', '"postgres" or "mysql" or "aurora-postgresql" or "aurora-mysql"']],
  ["an instance class outside the catalog", { features: ["rds"], rds: { mode: "create", instanceClass: "db.x2g.16xlarge" } }, ["rds.instanceClass", '"db.x2g.16xlarge"', "db.t4g.micro", "database_instance_class"]],
  ["database storage out of range", { features: ["rds"], rds: { mode: "create", storageGb: 10 } }, ["rds.storageGb", "got 10", "20 to 16384"]],
  ["Aurora capacity below its floor", { features: ["rds"], rds: { mode: "create", engine: "aurora-postgresql", capacity: { min: 0.25, max: 2 } } }, ["rds.capacity.min", "got 0.25", "0.5 to 128"]],
  ["Aurora capacity min above max", { features: ["rds"], rds: { mode: "create", engine: "aurora-mysql", capacity: { min: 8, max: 2 } } }, ["rds.capacity", "min (8) is above max (2)"]],
  ["an instance class for Aurora", { features: ["rds"], rds: { mode: "create", engine: "aurora-postgresql", instanceClass: "db.t4g.micro" } }, ["rds.instanceClass", "Unknown key", "capacity"]],
  ["created database port out of range", { features: ["rds"], rds: { mode: "create", port: 80 } }, ["rds.port", "got 80", "1150 to 65535"]],
  ["Multi-AZ not a boolean", { features: ["rds"], rds: { mode: "create", multiAz: "yes" } }, ["rds.multiAz", '"yes"', "true"]],
  ["memory settings without memory", { features: ["models"], memory: { expiryDays: 30 } }, ["memory", '"memory" is in features']],
  ["memory expiry out of range", { memory: { expiryDays: 3 } }, ["memory.expiryDays", "got 3", "7 to 365"]],
  ["memory expiry not whole", { memory: { expiryDays: 30.5 } }, ["memory.expiryDays", "got 30.5", "whole number"]],
  ["unknown memory strategy", { memory: { strategies: ["semantic", "episodic"] } }, ["memory.strategies[1]", '"episodic"', "Unknown strategy", "userPreference"]],
  ["memory strategy twice", { memory: { strategies: ["semantic", "semantic"] } }, ["memory.strategies[1]", "twice"]],
  ["unknown memory key", { memory: { expiry: 30 } }, ["memory.expiry", "Unknown key", "expiryDays, strategies"]],
  ["unknown top-level key", { nmae: "x" }, ["nmae", "Unknown key", "name, region"]],
  ["unknown vpc key", { vpc: { cidr: "10.0.0.0/16", azCount: 2, ipv6: true } }, ["vpc.ipv6", "Unknown key"]],
  ["null value", { internet: null }, ["internet", "got null"]],
  ["answers not an object", [1, 2], ["answers", "got [1,2]", "JSON object"]],
];

describe("refusals: message, exit 2, nothing written", () => {
  test.each(CASES)("%s", async (_label, answers, fragments) => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "answers.json"), answers);
    const run = await runCli(["out", "--answers", file, "--yes"], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    for (const fragment of fragments) expect(run.stderr).toContain(fragment);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test("every problem is reported at once", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "answers.json"), { name: "bad-name", region: "mars-1", features: ["teleport"] });
    const run = await runCli(["out", "--answers", file], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("name: got");
    expect(run.stderr).toContain("region: got");
    expect(run.stderr).toContain("features[0]: got");
  });

  test.each([
    ["missing answers file", (dir: string) => join(dir, "nope.json"), "no such file"],
    ["answers file that is a directory", (dir: string) => dir, "is a directory"],
  ])("%s", async (_label, path, message) => {
    const dir = await tempDir();
    const run = await runCli(["out", "--answers", path(dir)], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--answers");
    expect(run.stderr).toContain(message);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test("answers file that is not JSON", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "answers.json"), "name: support_agent\n");
    const run = await runCli(["out", "--answers", "answers.json"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"answers.json" is not valid JSON');
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  test.each([
    [["--format", "yaml"], '--format: got "yaml". Allowed: hcl, json'],
    [["--bogus"], "Unknown option '--bogus'"],
    [["a", "b"], "at most one directory"],
    [["--answers"], "argument missing"],
  ])("usage error %j", async (args, message) => {
    const dir = await tempDir();
    const run = await runCli(args, dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test("a non-empty directory is refused without --force and left untouched", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "out"));
    await writeFile(join(dir, "out", "notes.txt"), "mine");
    const run = await runCli(["out", "--yes"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Directory "out" is not empty');
    expect(run.stderr).toContain("--force");
    expect(existsSync(join(dir, "out", "README.md"))).toBe(false);
  });
});
