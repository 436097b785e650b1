/**
 * Read-only inspection of an account's networks through the AWS SDK: one command per call,
 * credentials and configuration from the SDK's standard chain, every failure an InspectionError.
 */
import {
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  EC2Client,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroupRules,
  paginateDescribeSubnets,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  type VpcAttributeName,
} from "@aws-sdk/client-ec2";
import { BedrockAgentCoreControlClient } from "@aws-sdk/client-bedrock-agentcore-control";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { EndpointInfo, Identity, ManagedEniInfo, SecurityGroupRuleInfo, SubnetInfo, VpcDetails, VpcSummary } from "../account/model.js";
import { isUnread, type Read } from "../account/runtime.js";
import { TAG_NAME, TAG_ROLE } from "../catalog/tags.js";
import { byId, toEndpoint, toManagedEni, toRouteTable, toRule, toSubnet, toVpc } from "./convert.js";
import { deniedSentence, explain, InspectionError, isDenied, type CallContext, type EndpointSetting } from "./errors.js";
import { limiter } from "../util/limit.js";
import { collect, runtimeReader, type RuntimeReader } from "./runtime.js";

/** Calls in flight at once: well under the SDK's socket pool and the services' request rates. */
export const CONCURRENT_CALLS = 16;

export interface InspectOptions {
  readonly region: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface AccountReader extends RuntimeReader {
  identity(): Promise<Identity>;
  listVpcs(): Promise<VpcSummary[]>;
  /** Subnets by ID, wherever they are: how a runtime's subnets lead to its VPC. */
  readSubnets(subnetIds: readonly string[]): Promise<SubnetInfo[]>;
  /** What a generated project named `name` made: its VPCs, and its runtime security groups in a VPC. */
  findTaggedVpcs(name: string): Promise<VpcSummary[]>;
  findRuntimeGroups(vpcId: string, name: string): Promise<string[]>;
  readVpc(vpcId: string): Promise<VpcDetails>;
  /** The network interfaces AgentCore manages in the VPC. */
  listManagedEnis(vpcId: string): Promise<Read<ManagedEniInfo[]>>;
  /** The rules of these security groups; a denial is returned as the sentence to report, not thrown. */
  readGroupRules(groupIds: readonly string[]): Promise<{ rules: SecurityGroupRuleInfo[] } | { error: string }>;
}

type Service = "EC2" | "STS" | "IAM" | "CLOUDWATCH_LOGS" | "BEDROCK_AGENTCORE_CONTROL";

/** The service whose endpoint setting an IAM action's call goes to. */
const SERVICE_OF: Readonly<Record<string, Service>> = { ec2: "EC2", sts: "STS", iam: "IAM", logs: "CLOUDWATCH_LOGS", "bedrock-agentcore": "BEDROCK_AGENTCORE_CONTROL" };

/** The endpoint URL env sets for a service, as the SDK would read it from the environment. */
function endpointOf(env: InspectOptions["env"], service: Service): EndpointSetting | undefined {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true") return undefined;
  for (const variable of [`AWS_ENDPOINT_URL_${service}`, "AWS_ENDPOINT_URL"]) {
    const url = env[variable];
    if (url) return { variable, url };
  }
  return undefined;
}

/** Two attempts, not the SDK's three with backoff, so that a dead endpoint fails in seconds. */
function maxAttempts(env: InspectOptions["env"]): number {
  const raw = env.AWS_MAX_ATTEMPTS;
  if (raw === undefined || raw === "") return 2;
  const attempts = Number(raw);
  if (!Number.isInteger(attempts) || attempts < 1) throw new InspectionError(`AWS_MAX_ATTEMPTS is "${raw}": set it to a whole number of attempts, 1 or more, or unset it.`, "AWS_MAX_ATTEMPTS");
  return attempts;
}

/**
 * What both clients are given. The SDK reads the environment itself; passing what env holds
 * makes an in-process caller with its own env object behave as the process would.
 */
function clientConfig(options: InspectOptions, service: Service) {
  const endpoint = endpointOf(options.env, service);
  return {
    region: options.region,
    maxAttempts: maxAttempts(options.env),
    // Options for the SDK's own Node.js handler: a connection that cannot be made fails fast.
    requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000, throwOnRequestTimeout: true },
    ...(options.env.AWS_PROFILE ? { profile: options.env.AWS_PROFILE } : {}),
    ...(endpoint ? { endpoint: endpoint.url } : {}),
  };
}

/**
 * Awaits every promise, then fails with the first failure in list order rather than the first
 * to arrive: a missing VPC is then reported by DescribeVpcs, whichever call answers first.
 */
async function inOrder<T extends readonly unknown[]>(promises: readonly [...{ [K in keyof T]: Promise<T[K]> }]): Promise<T> {
  const settled = await Promise.allSettled(promises);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/** A reader of the account the environment's credentials lead to; throws InspectionError when AWS_MAX_ATTEMPTS is not a count. */
export function openAccount(options: InspectOptions): AccountReader {
  const ec2 = new EC2Client(clientConfig(options, "EC2"));
  const sts = new STSClient(clientConfig(options, "STS"));
  const clients = {
    agentcore: new BedrockAgentCoreControlClient(clientConfig(options, "BEDROCK_AGENTCORE_CONTROL")),
    iam: new IAMClient(clientConfig(options, "IAM")),
    logs: new CloudWatchLogsClient(clientConfig(options, "CLOUDWATCH_LOGS")),
  };
  const profile = options.env.AWS_PROFILE || undefined;
  let knownArn: string | undefined;

  const contextOf = (call: string, vpcId?: string): CallContext => ({
    call,
    region: options.region,
    endpoint: endpointOf(options.env, SERVICE_OF[call.slice(0, call.indexOf(":"))] ?? "EC2"),
    arn: knownArn,
    profile,
    vpcId,
  });

  // At most this many calls in flight, however many runtimes are read at once.
  const gate = limiter(CONCURRENT_CALLS);

  async function run<T>(call: string, work: () => Promise<T>, vpcId?: string): Promise<T> {
    try {
      return await gate(work);
    } catch (error) {
      throw explain(error, contextOf(call, vpcId));
    }
  }

  /** A call whose denial is returned as the sentence to report, so that only the rules it feeds go unchecked. */
  async function soft<T>(call: string, work: () => Promise<T>, what: string): Promise<Read<T>> {
    try {
      return await gate(work);
    } catch (error) {
      if (!isDenied(error)) throw explain(error, contextOf(call));
      return { unread: `${call} was denied, so ${what} ${what.endsWith("s") ? "were" : "was"} not read: ${deniedSentence(call, error, knownArn)}` };
    }
  }

  const vpcFilter = (vpcId: string) => [{ Name: "vpc-id", Values: [vpcId] }];

  async function attribute(vpcId: string, name: VpcAttributeName): Promise<boolean> {
    const out = await run("ec2:DescribeVpcAttribute", () => ec2.send(new DescribeVpcAttributeCommand({ VpcId: vpcId, Attribute: name })), vpcId);
    return (name === "enableDnsSupport" ? out.EnableDnsSupport : out.EnableDnsHostnames)?.Value ?? false;
  }

  /** The rules of these security groups; a denial is reported in the result, not thrown. */
  async function rulesOf(groupIds: readonly string[], whose: string): Promise<{ rules: SecurityGroupRuleInfo[] } | { error: string }> {
    const ids = [...new Set(groupIds)].sort();
    if (ids.length === 0) return { rules: [] };
    const call = "ec2:DescribeSecurityGroupRules";
    try {
      const rules = await gate(() => collect(paginateDescribeSecurityGroupRules({ client: ec2 }, { Filters: [{ Name: "group-id", Values: ids }] }), (p) => p.SecurityGroupRules));
      return { rules: rules.map(toRule).sort(byId) };
    } catch (error) {
      if (!isDenied(error)) throw explain(error, contextOf(call));
      return { error: `${call} was denied, so the rules of ${whose} were not checked: ${deniedSentence(call, error, knownArn)}` };
    }
  }

  async function groupRules(endpoints: readonly EndpointInfo[]): Promise<Pick<VpcDetails, "endpointGroupRules" | "endpointGroupRulesError">> {
    const read = await rulesOf(endpoints.flatMap((e) => e.securityGroupIds), "the endpoints' security groups");
    return "rules" in read ? { endpointGroupRules: read.rules } : { endpointGroupRulesError: read.error };
  }

  return {
    ...runtimeReader(clients, { run: (call, work) => run(call, work), soft }),

    async identity() {
      const call = "sts:GetCallerIdentity";
      const out = await run(call, () => sts.send(new GetCallerIdentityCommand({})));
      if (!out.Account || !out.Arn) throw new InspectionError(`${call} answered without Account or Arn, which STS always sends: check that the endpoint (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_STS) is STS.`, call);
      knownArn = out.Arn;
      return { account: out.Account, arn: out.Arn };
    },

    async listVpcs() {
      const vpcs = await run("ec2:DescribeVpcs", () => collect(paginateDescribeVpcs({ client: ec2 }, {}), (p) => p.Vpcs));
      return vpcs.map(toVpc).sort(byId);
    },

    readGroupRules: (groupIds) => rulesOf(groupIds, "the security groups"),

    async readSubnets(subnetIds) {
      const ids = [...new Set(subnetIds)].sort();
      if (ids.length === 0) return [];
      // By filter, not SubnetIds: a subnet that no longer exists is left out instead of failing the call.
      const subnets = await run("ec2:DescribeSubnets", () => collect(paginateDescribeSubnets({ client: ec2 }, { Filters: [{ Name: "subnet-id", Values: ids }] }), (p) => p.Subnets));
      return subnets.flatMap(toSubnet).sort(byId);
    },

    async findTaggedVpcs(name) {
      const vpcs = await run("ec2:DescribeVpcs", () => collect(paginateDescribeVpcs({ client: ec2 }, { Filters: [{ Name: `tag:${TAG_NAME}`, Values: [name] }] }), (p) => p.Vpcs));
      return vpcs.map(toVpc).sort(byId);
    },

    async findRuntimeGroups(vpcId, name) {
      const filters = [...vpcFilter(vpcId), { Name: `tag:${TAG_NAME}`, Values: [name] }, { Name: `tag:${TAG_ROLE}`, Values: ["runtime"] }];
      const groups = await run("ec2:DescribeSecurityGroups", () => collect(paginateDescribeSecurityGroups({ client: ec2 }, { Filters: filters }), (p) => p.SecurityGroups), vpcId);
      return groups.flatMap((g) => (g.GroupId ? [g.GroupId] : [])).sort();
    },

    async listManagedEnis(vpcId) {
      const filters = [...vpcFilter(vpcId), { Name: "tag:AmazonBedrockAgentCoreManaged", Values: ["true"] }];
      const enis = await soft("ec2:DescribeNetworkInterfaces", () => collect(paginateDescribeNetworkInterfaces({ client: ec2 }, { Filters: filters }), (p) => p.NetworkInterfaces), `the network interfaces of ${vpcId}`);
      return isUnread(enis) ? enis : enis.map(toManagedEni).sort(byId);
    },

    async readVpc(vpcId) {
      const endpoints = run("ec2:DescribeVpcEndpoints", () => collect(paginateDescribeVpcEndpoints({ client: ec2 }, { Filters: vpcFilter(vpcId) }), (p) => p.VpcEndpoints)).then((list) =>
        list.flatMap(toEndpoint).sort(byId),
      );
      const [vpcs, dnsSupport, dnsHostnames, subnets, routeTables, endpointList, rules] = await inOrder([
        run("ec2:DescribeVpcs", () => ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId] })), vpcId),
        attribute(vpcId, "enableDnsSupport"),
        attribute(vpcId, "enableDnsHostnames"),
        run("ec2:DescribeSubnets", () => collect(paginateDescribeSubnets({ client: ec2 }, { Filters: vpcFilter(vpcId) }), (p) => p.Subnets)),
        run("ec2:DescribeRouteTables", () => collect(paginateDescribeRouteTables({ client: ec2 }, { Filters: vpcFilter(vpcId) }), (p) => p.RouteTables)),
        endpoints,
        // Starts as soon as the endpoints are known, while the other calls may still run; a
        // failure of the endpoints' call is reported by its own entry above.
        endpoints.then(groupRules, () => ({})),
      ]);
      const vpc = vpcs.Vpcs?.[0];
      if (!vpc) throw new InspectionError(`VPC ${vpcId} was not found in ${options.region} (ec2:DescribeVpcs): check the VPC ID and the region.`, "ec2:DescribeVpcs");
      return {
        vpc: toVpc(vpc),
        dnsSupport,
        dnsHostnames,
        subnets: subnets.flatMap(toSubnet).sort(byId),
        routeTables: routeTables.map(toRouteTable).sort(byId),
        endpoints: endpointList,
        ...rules,
      };
    },
  };
}
