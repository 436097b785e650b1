import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ACCOUNTS, type Account } from "./accounts.js";
import { endpointAction } from "./ec2-endpoints.js";
import { networkAction } from "./ec2-network.js";
import { ApiError, escapeXml, UnsupportedError, type Params } from "./query.js";

/**
 * A loopback stand-in for the EC2 and STS Query APIs: just the read calls a plan of the
 * network layer and the inspection layer make, answered from account fixtures. Anything else is recorded as a
 * failure naming the action, and answered with an error so the plan stops too.
 */

function ec2(action: string, params: Params, account: Account, regionName: string, reads: Map<string, number>): string {
  const region = account.regions[regionName];
  if (!region) throw new ApiError("InvalidRegion", `no fixture for region ${regionName}`);
  const body = networkAction(action, params, account, region, regionName) ?? endpointAction(action, params, account, region, regionName, reads);
  if (body === undefined) throw new UnsupportedError(`EC2 action ${action}`);
  return body;
}

function sts(action: string, account: Account): string {
  if (action !== "GetCallerIdentity") throw new UnsupportedError(`STS action ${action}`);
  return `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>arn:aws:iam::${account.id}:user/standin</Arn><UserId>AIDASTANDIN</UserId><Account>${account.id}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>standin</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
}

function errorBody(service: string, code: string, message: string): string {
  return service === "sts"
    ? `<ErrorResponse><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error><RequestId>standin</RequestId></ErrorResponse>`
    : `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors><RequestID>standin</RequestID></Response>`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export interface StandIn {
  readonly url: string;
  /** Every call answered, as "service Action". */
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
      const params = new URLSearchParams(await readBody(req));
      // SigV4: Credential=<access key>/<date>/<region>/<service>/aws4_request
      const scope = /Credential=([^/]+)\/\d+\/([^/]+)\/([^/]+)\//.exec(req.headers.authorization ?? "");
      const [, accessKey = "", region = "", service = "unknown"] = scope ?? [];
      const action = params.get("Action") ?? `(no Action; ${req.method} ${req.url})`;
      let status = 200;
      let body: string;
      try {
        const account = ACCOUNTS[accessKey];
        if (!account) throw new ApiError("InvalidClientTokenId", `unknown access key ${accessKey}`);
        if (account.denied?.includes(`${service} ${action}`)) {
          throw new ApiError(service === "ec2" ? "UnauthorizedOperation" : "AccessDenied", `You are not authorized to perform this operation. User: arn:aws:iam::${account.id}:user/standin is not authorized to perform: ${service}:${action}`);
        }
        if (service === "ec2") body = ec2(action, params, account, region, reads);
        else if (service === "sts") body = sts(action, account);
        else throw new UnsupportedError(`${service} action ${action}`);
        calls.push(`${service} ${action}`);
      } catch (error) {
        status = 400;
        if (error instanceof ApiError) {
          body = errorBody(service, error.code, error.message);
        } else {
          const what = error instanceof UnsupportedError ? error.message : `${action}: ${(error as Error).message}`;
          unsupported.push(what);
          body = errorBody(service, "StandInUnsupported", `the EC2 stand-in does not implement ${what}`);
        }
      }
      res.writeHead(status, { "content-type": "text/xml" }).end(body);
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
