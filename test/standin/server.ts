import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACCOUNTS, type Account } from "./accounts.js";
import { agentCoreAction, agentCoreActionOf } from "./agentcore.js";
import { endpointAction } from "./ec2-endpoints.js";
import { networkAction } from "./ec2-network.js";
import { iamAction } from "./iam.js";
import { logsAction } from "./logs.js";
import { ApiError, escapeXml, UnsupportedError, type Params } from "./query.js";

/**
 * A loopback stand-in for the read calls a plan of the network layer, the inspection layer and
 * the doctor make, each in its service's protocol: EC2, STS and IAM Query (XML), CloudWatch
 * Logs JSON, the AgentCore control plane's REST JSON. Answers come from account fixtures.
 * Anything else is recorded as a failure naming the action, and answered with an error so the
 * caller stops too.
 */

function ec2(action: string, params: Params, account: Account, regionName: string, reads: Map<string, number>): string {
  const body = networkAction(action, params, account, regionOf(account, regionName), regionName) ?? endpointAction(action, params, account, regionOf(account, regionName), regionName, reads);
  if (body === undefined) throw new UnsupportedError(`EC2 action ${action}`);
  return body;
}

function regionOf(account: Account, name: string) {
  const region = account.regions[name];
  if (!region) throw new ApiError("InvalidRegion", `no fixture for region ${name}`);
  return region;
}

function sts(action: string, account: Account): string {
  if (action !== "GetCallerIdentity") throw new UnsupportedError(`STS action ${action}`);
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${account.id}:user/standin</Arn><UserId>AIDASTANDIN</UserId><Account>${account.id}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>standin</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
}

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** An error as each protocol spells it. */
function errorAnswer(service: string, code: string, message: string, status: number): Answer {
  switch (service) {
    case "ec2":
      return { status, headers: { "content-type": "text/xml" }, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>standin</RequestID></Response>` };
    case "logs":
      return { status, headers: { "content-type": "application/x-amz-json-1.1" }, body: JSON.stringify({ __type: code, message }) };
    case "bedrock-agentcore":
      return { status, headers: { "content-type": "application/json", "x-amzn-errortype": code }, body: JSON.stringify({ message }) };
    default:
      return { status, headers: { "content-type": "text/xml" }, body: `<ErrorResponse><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>standin</RequestId></ErrorResponse>` };
  }
}

const DENIED: Readonly<Record<string, string>> = { ec2: "UnauthorizedOperation", logs: "AccessDeniedException", "bedrock-agentcore": "AccessDeniedException" };
// As each service sends a denial: EC2 and CloudWatch Logs with 400, the others with 403.
const DENIED_STATUS: Readonly<Record<string, number>> = { ec2: 400, logs: 400 };

function deny(service: string, action: string, account: Account): void {
  if (!account.denied?.includes(`${service} ${action}`)) return;
  const message = `You are not authorized to perform this operation. User: arn:aws:iam::${account.id}:user/standin is not authorized to perform: ${service}:${action}`;
  throw new ApiError(DENIED[service] ?? "AccessDenied", message, DENIED_STATUS[service] ?? 403);
}

/** The action a request asks for, read from its protocol's envelope. */
function actionOf(service: string, req: IncomingMessage, raw: string): string {
  switch (service) {
    case "ec2":
    case "sts":
    case "iam":
      return new URLSearchParams(raw).get("Action") ?? `(no Action; ${req.method} ${req.url})`;
    case "logs":
      return /^Logs_20140328\.(\w+)$/.exec(String(req.headers["x-amz-target"] ?? ""))?.[1] ?? `(no X-Amz-Target; ${req.method} ${req.url})`;
    case "bedrock-agentcore":
      return agentCoreActionOf(req.method ?? "GET", new URL(req.url ?? "/", "http://standin"));
    default:
      throw new UnsupportedError(`${service} ${req.method} ${req.url}`);
  }
}

/** The answer to an action the caller may make; throws ApiError or UnsupportedError. */
function answer(service: string, action: string, req: IncomingMessage, raw: string, account: Account, region: string, reads: Map<string, number>): Answer {
  const xml = (body: string): Answer => ({ status: 200, headers: { "content-type": "text/xml" }, body });
  const json = (body: unknown, type: string): Answer => ({ status: 200, headers: { "content-type": type }, body: JSON.stringify(body) });
  switch (service) {
    case "ec2":
      return xml(ec2(action, new URLSearchParams(raw), account, region, reads));
    case "sts":
      return xml(sts(action, account));
    case "iam":
      return xml(iamAction(action, new URLSearchParams(raw), account));
    case "logs":
      return json(logsAction(action, JSON.parse(raw || "{}") as Record<string, unknown>, regionOf(account, region), region, account.id), "application/x-amz-json-1.1");
    default:
      return json(agentCoreAction(action, new URL(req.url ?? "/", "http://standin"), account, regionOf(account, region), region), "application/json");
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface StandIn {
  readonly url: string;
  /** Every call made, as "service Action", whatever it was answered. */
  readonly calls: string[];
  /** What the stand-in could not answer; a test fails if this is not empty. */
  readonly unsupported: string[];
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandIn> {
  const reads = new Map<string, number>();
  const calls: string[] = [];
  const unsupported: string[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      // SigV4: Credential=<access key>/<date>/<region>/<service>/aws4_request
      const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? "");
      const [, accessKey = "", region = "", service = "unknown"] = scope ?? [];
      let out: Answer;
      try {
        const account = ACCOUNTS[accessKey];
        if (!account) throw new ApiError("InvalidClientTokenId", `unknown access key ${accessKey}`, 403);
        const action = actionOf(service, req, raw);
        calls.push(`${service} ${action}`);
        deny(service, action, account);
        out = answer(service, action, req, raw, account, region, reads);
      } catch (error) {
        if (error instanceof ApiError) {
          out = errorAnswer(service, error.code, error.message, error.status);
        } else {
          const what = error instanceof UnsupportedError ? error.message : `${service} ${req.method} ${req.url}: ${(error as Error).message}`;
          unsupported.push(what);
          out = errorAnswer(service, "StandInUnsupported", `the stand-in does not implement ${what}`, 400);
        }
      }
      res.writeHead(out.status, out.headers).end(out.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    unsupported,
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
