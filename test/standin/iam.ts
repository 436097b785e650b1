import type { Account } from "./accounts.js";
import { ApiError, escapeXml, UnsupportedError, type Params } from "./query.js";

/** IAM's Query API: GetRole, with the trust policy URL-encoded as IAM sends it. */
export function iamAction(action: string, params: Params, account: Account): string {
  if (action !== "GetRole") throw new UnsupportedError(`IAM action ${action}`);
  const name = params.get("RoleName") ?? "";
  const role = account.roles.find((r) => r.name === name);
  if (!role) throw new ApiError("NoSuchEntity", `The role with name ${name} cannot be found.`, 404);
  const path = role.path ?? "/";
  return `<GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><GetRoleResult><Role><Path>${escapeXml(path)}</Path><RoleName>${escapeXml(role.name)}</RoleName><RoleId>AROASTANDIN${role.name.length}</RoleId><Arn>arn:aws:iam::${account.id}:role${escapeXml(path)}${escapeXml(role.name)}</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>${encodeURIComponent(JSON.stringify(role.trust))}</AssumeRolePolicyDocument><MaxSessionDuration>3600</MaxSessionDuration></Role></GetRoleResult><ResponseMetadata><RequestId>standin</RequestId></ResponseMetadata></GetRoleResponse>`;
}
