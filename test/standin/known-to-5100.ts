import { compareVersions, TESTED_FLOOR, versionsOf } from "../../src/catalog/provider-versions.js";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * A runtime layer or module (Terraform JSON) without what needs a newer provider than 5.100 (by
 * the version table) and the network layer's look-ups, and without everything that refers to
 * those, until nothing left refers to what is gone: what aws 5.100 can validate and plan here.
 */
export function knownTo5100(runtime: Json): Json {
  const blocks: [string, string, string, Json][] = [];
  for (const kind of ["resource", "data"]) for (const [type, named] of Object.entries<Json>(runtime[kind] ?? {})) for (const [name, body] of Object.entries<Json>(named)) blocks.push([kind, type, name, body]);
  const newer = (kind: string, type: string, body: Json): boolean => versionsOf(kind as "resource" | "data", type, body).some((v) => compareVersions(v, TESTED_FLOOR) > 0);
  const lookup = (kind: string, type: string): boolean => kind === "data" && ["aws_vpc", "aws_subnets", "aws_security_group"].includes(type);
  const gone = new Set(blocks.filter(([kind, type, , body]) => newer(kind, type, body) || lookup(kind, type)).map(([kind, type, name]) => `${kind === "data" ? "data." : ""}${type}.${name}`));
  // An address in an expression (followed by an attribute or an index) or in depends_on (a whole string).
  const refersToGone = (value: unknown): boolean => [...gone].some((address) => [".", "[", '"'].some((next) => JSON.stringify(value).includes(`${address}${next}`)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [kind, type, name, body] of blocks) {
      const address = `${kind === "data" ? "data." : ""}${type}.${name}`;
      if (!gone.has(address) && refersToGone(body)) {
        gone.add(address);
        changed = true;
      }
    }
  }
  const kept: Json = { resource: {}, data: {} };
  for (const [kind, type, name, body] of blocks) if (!gone.has(`${kind === "data" ? "data." : ""}${type}.${name}`)) (kept[kind][type] ??= {})[name] = body;
  const outputs = Object.fromEntries(Object.entries<Json>(runtime.output).filter(([, o]) => !refersToGone(o)));
  return { terraform: { required_providers: { aws: { source: "hashicorp/aws", version: "5.100.0" } } }, provider: runtime.provider, variable: runtime.variable, locals: runtime.locals, ...kept, output: outputs };
}
