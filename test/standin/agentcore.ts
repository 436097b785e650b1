import type { Account, Region } from "./accounts.js";
import { ApiError, UnsupportedError } from "./query.js";
import { runtimeArn, type Runtime } from "./runtime-accounts.js";

/** The AgentCore control plane's REST JSON API: the runtime reads the doctor makes. */

// The service model marks its timestamps date-time: RFC 3339 strings, not epoch seconds. After
// the S3 gateway rollout (facts §2), unless a fixture says otherwise.
const CREATED = "2026-09-01T00:00:00Z";

function summary(r: Runtime, region: string, account: Account) {
  return { agentRuntimeArn: runtimeArn(region, r.id, account.id), agentRuntimeId: r.id, agentRuntimeName: r.name, agentRuntimeVersion: "1", description: "", lastUpdatedAt: r.createdAt ?? CREATED, status: r.status };
}

function detail(r: Runtime, region: string, account: Account) {
  return {
    ...summary(r, region, account),
    createdAt: r.createdAt ?? CREATED,
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

/** The action a request asks for, before anything is answered: denials are decided on it. */
export function agentCoreActionOf(method: string, url: URL): string {
  if (method === "POST" && url.pathname === "/runtimes/") return "ListAgentRuntimes";
  if (method === "GET" && /^\/runtimes\/[^/]+\/$/.test(url.pathname)) return "GetAgentRuntime";
  throw new UnsupportedError(`bedrock-agentcore ${method} ${url.pathname}`);
}

/** Answers one request with the JSON body. */
export function agentCoreAction(action: string, url: URL, account: Account, region: Region, regionName: string): unknown {
  if (action === "ListAgentRuntimes") {
    const size = Number(url.searchParams.get("maxResults") ?? "10");
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new ApiError("ValidationException", `maxResults ${size} is not between 1 and 100`, 400);
    const start = Number(url.searchParams.get("nextToken") ?? "0");
    const page = region.runtimes.slice(start, start + size);
    const next = start + size < region.runtimes.length ? { nextToken: String(start + size) } : {};
    return { agentRuntimes: page.map((r) => summary(r, regionName, account)), ...next };
  }
  const id = decodeURIComponent(url.pathname.split("/")[2]!);
  const runtime = region.runtimes.find((r) => r.id === id && !r.vanished);
  if (!runtime) throw new ApiError("ResourceNotFoundException", `Runtime ${id} not found`, 404);
  // A per-resource policy: the caller may read the others, not this one.
  if (runtime.getDenied) throw new ApiError("AccessDeniedException", `User: arn:aws:iam::${account.id}:user/standin is not authorized to perform: bedrock-agentcore:GetAgentRuntime on resource: ${runtimeArn(regionName, id, account.id)}`, 403);
  return detail(runtime, regionName, account);
}
