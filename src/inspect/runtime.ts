/**
 * Reads of a runtime and of what it depends on outside the network: the AgentCore control
 * plane (REST JSON), IAM (Query) and CloudWatch Logs (JSON). Denials become Unread, so that
 * one missing permission leaves only the rules it feeds unchecked.
 */
import { BedrockAgentCoreControlClient, GetAgentRuntimeCommand, paginateListAgentRuntimes, type GetAgentRuntimeResponse } from "@aws-sdk/client-bedrock-agentcore-control";
import { CloudWatchLogsClient, paginateDescribeDeliveries, paginateDescribeDeliverySources } from "@aws-sdk/client-cloudwatch-logs";
import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { isUnread, type LogDeliveries, type Read, type RoleInfo, type RuntimeInfo, type RuntimeSummary } from "../account/runtime.js";
import { codeOf, InspectionError } from "./errors.js";

export interface RuntimeReader {
  /** Every runtime in the region, all pages. */
  listRuntimes(): Promise<Read<RuntimeSummary[]>>;
  /** One runtime by ID; undefined when there is none. */
  readRuntime(id: string): Promise<Read<RuntimeInfo | undefined>>;
  /** A role of this account by name; undefined when there is none. */
  readRole(name: string): Promise<Read<RoleInfo | undefined>>;
  /** The region's vended-log delivery sources and deliveries. */
  readLogDeliveries(): Promise<Read<LogDeliveries>>;
}

/** How the account reader runs a call: failures explained, and denials returned instead of thrown where soft. */
export interface Calls {
  run<T>(call: string, work: () => Promise<T>): Promise<T>;
  soft<T>(call: string, work: () => Promise<T>, what: string): Promise<Read<T>>;
}

export interface Clients {
  readonly agentcore: BedrockAgentCoreControlClient;
  readonly iam: IAMClient;
  readonly logs: CloudWatchLogsClient;
}

/** Every page of a paginated call, flattened. */
export async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => readonly T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

function required<T>(value: T | undefined | null, field: string, call: string): T {
  if (value === undefined || value === null) throw new InspectionError(`${call} answered without ${field}, which the service always sends: check that the endpoint (AWS_ENDPOINT_URL and the service's own AWS_ENDPOINT_URL_<SERVICE>) is that service.`, call);
  return value;
}

function toRuntime(out: GetAgentRuntimeResponse): RuntimeInfo {
  const call = "bedrock-agentcore:GetAgentRuntime";
  const vpc = out.networkConfiguration?.networkModeConfig;
  const uri = out.agentRuntimeArtifact?.containerConfiguration?.containerUri;
  return {
    id: required(out.agentRuntimeId, "agentRuntimeId", call),
    arn: required(out.agentRuntimeArn, "agentRuntimeArn", call),
    name: required(out.agentRuntimeName, "agentRuntimeName", call),
    status: required(out.status, "status", call),
    createdAt: required(out.createdAt, "createdAt", call).toISOString(),
    ...(out.failureReason ? { failureReason: out.failureReason } : {}),
    roleArn: required(out.roleArn, "roleArn", call),
    networkMode: out.networkConfiguration?.networkMode ?? "PUBLIC",
    subnetIds: vpc?.subnets ?? [],
    groupIds: vpc?.securityGroups ?? [],
    ...(vpc?.requireServiceS3Endpoint !== undefined ? { serviceS3Endpoint: vpc.requireServiceS3Endpoint } : {}),
    ...(uri ? { containerUri: uri } : {}),
  };
}

function parsePolicy(encoded: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(encoded)) as unknown;
  } catch {
    return encoded;
  }
}

const answeredWith = (error: unknown, codes: readonly string[]): boolean => codes.includes(codeOf(error) ?? "");

export function runtimeReader(clients: Clients, calls: Calls): RuntimeReader {
  return {
    listRuntimes: () => {
      const call = "bedrock-agentcore:ListAgentRuntimes";
      return calls.soft(
        call,
        async () => {
          const list = await collect(paginateListAgentRuntimes({ client: clients.agentcore, pageSize: 100 }, {}), (p) => p.agentRuntimes);
          return list
            .map((r) => ({ id: required(r.agentRuntimeId, "agentRuntimeId", call), arn: required(r.agentRuntimeArn, "agentRuntimeArn", call), name: required(r.agentRuntimeName, "agentRuntimeName", call), status: required(r.status, "status", call) }))
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        },
        "the region's runtimes",
      );
    },

    readRuntime: (id) =>
      calls.soft(
        "bedrock-agentcore:GetAgentRuntime",
        async () => {
          try {
            return toRuntime(await clients.agentcore.send(new GetAgentRuntimeCommand({ agentRuntimeId: id })));
          } catch (error) {
            if (answeredWith(error, ["ResourceNotFoundException"])) return undefined;
            throw error;
          }
        },
        `runtime ${id}`,
      ),

    readRole: (name) =>
      calls.soft(
        "iam:GetRole",
        async () => {
          try {
            const role = (await clients.iam.send(new GetRoleCommand({ RoleName: name }))).Role;
            const document = required(role?.AssumeRolePolicyDocument, "Role.AssumeRolePolicyDocument", "iam:GetRole");
            // IAM sends policy documents URL-encoded; a document that is not JSON is kept as text, which no trust rule accepts.
            return { name, arn: required(role?.Arn, "Role.Arn", "iam:GetRole"), trust: parsePolicy(document) };
          } catch (error) {
            if (answeredWith(error, ["NoSuchEntity", "NoSuchEntityException"])) return undefined;
            throw error;
          }
        },
        `role ${name}`,
      ),

    async readLogDeliveries() {
      const [sources, deliveries] = await Promise.all([
        calls.soft("logs:DescribeDeliverySources", () => collect(paginateDescribeDeliverySources({ client: clients.logs, pageSize: 50 }, {}), (p) => p.deliverySources), "the log delivery sources"),
        calls.soft("logs:DescribeDeliveries", () => collect(paginateDescribeDeliveries({ client: clients.logs, pageSize: 50 }, {}), (p) => p.deliveries), "the log deliveries"),
      ]);
      if (isUnread(sources)) return sources;
      if (isUnread(deliveries)) return deliveries;
      return {
        sources: sources.flatMap((s) => (s.name ? [{ name: s.name, resourceArns: s.resourceArns ?? [], logType: s.logType ?? "" }] : [])),
        deliveries: deliveries.flatMap((d) => (d.deliverySourceName && d.deliveryDestinationArn ? [{ sourceName: d.deliverySourceName, destinationArn: d.deliveryDestinationArn }] : [])),
      };
    },
  };
}
