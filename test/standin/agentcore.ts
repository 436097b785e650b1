import type { Account, Region } from "./accounts.js";
import { ApiError, UnsupportedError } from "./query.js";
import { runtimeArn, type Runtime } from "./runtime-accounts.js";

/** The AgentCore control plane's REST JSON API: the runtime reads the doctor makes. */

// The service model marks its timestamps date-time: RFC 3339 strings, not epoch seconds.
const EPOCH = "2026-01-01T00:00:00Z";

function summary(r: Runtime, region: string, account: Account) {
  return { agentRuntimeArn: runtimeArn(region, r.id, account.id), agentRuntimeId: r.id, agentRuntimeName: r.name, agentRuntimeVersion: "1", description: "", lastUpdatedAt: EPOCH, status: r.status };
}

function detail(r: Runtime, region: string, account: Account) {
  return {
    ...summary(r, region, account),
    createdAt: EPOCH,
    roleArn: `arn:aws:iam::${account.id}:role/${account.roles.find((role) => role.name === r.roleName)?.path?.slice(1) ?? ""}${r.roleName}`,
    networkConfiguration:
      r.networkMode === "PUBLIC"
        ? { networkMode: "PUBLIC" }
        : { networkMode: "VPC", networkModeConfig: { subnets: r.subnetIds, securityGroups: r.groupIds, ...(r.serviceS3Endpoint !== undefined ? { requireServiceS3Endpoint: r.serviceS3Endpoint } : {}) } },
    ...(r.failureReason ? { failureReason: r.failureReason } : {}),
    lifecycleConfiguration: { idleRuntimeSessionTimeout: 900, maxLifetime: 28800 },
    agentRuntimeArtifact: { containerConfiguration: { containerUri: r.image } },
    protocolConfiguration: { serverProtocol: "HTTP" },
  };
}

/** Answers one request: the action (for the call log) and the JSON body. */
export function agentCoreAction(method: string, url: URL, account: Account, region: Region, regionName: string): { action: string; body: unknown } {
  if (method === "POST" && url.pathname === "/runtimes/") {
    const size = Number(url.searchParams.get("maxResults") ?? "10");
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new ApiError("ValidationException", `maxResults ${size} is not between 1 and 100`, 400);
    const start = Number(url.searchParams.get("nextToken") ?? "0");
    const page = region.runtimes.slice(start, start + size);
    const next = start + size < region.runtimes.length ? { nextToken: String(start + size) } : {};
    return { action: "ListAgentRuntimes", body: { agentRuntimes: page.map((r) => summary(r, regionName, account)), ...next } };
  }
  const get = /^\/runtimes\/([^/]+)\/$/.exec(url.pathname);
  if (method === "GET" && get) {
    const id = decodeURIComponent(get[1]!);
    const runtime = region.runtimes.find((r) => r.id === id);
    if (!runtime) throw new ApiError("ResourceNotFoundException", `Runtime ${id} not found`, 404);
    return { action: "GetAgentRuntime", body: detail(runtime, regionName, account) };
  }
  throw new UnsupportedError(`bedrock-agentcore ${method} ${url.pathname}`);
}
