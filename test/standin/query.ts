/** The EC2 Query protocol as the stand-in speaks it: parameters in, XML out, errors by code. */

export type Params = URLSearchParams;

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const escapeXml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Plain objects become nested elements; arrays become <item> lists. */
function xml(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => `<item>${xml(v)}</item>`).join("");
  if (typeof value === "object" && value !== null) {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${xml(v)}</${k}>`)
      .join("");
  }
  return escapeXml(String(value));
}

export function ec2Response(action: string, body: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>standin</requestId>${xml(body)}</${action}Response>`;
}

/** Values of the numbered parameters Prefix.1, Prefix.2, ... */
function listParam(params: Params, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${prefix}.${i}`); i += 1) out.push(params.get(`${prefix}.${i}`)!);
  return out;
}

function filters(params: Params): { name: string; values: string[] }[] {
  const out = [];
  for (let i = 1; params.has(`Filter.${i}.Name`); i += 1) out.push({ name: params.get(`Filter.${i}.Name`)!, values: listParam(params, `Filter.${i}.Value`) });
  return out;
}

export type Matchers<T> = Record<string, (item: T) => readonly string[]>;

/** Applies ID parameters and Filter.N parameters; an unknown filter name is an error, not a silent pass. */
export function select<T>(action: string, items: readonly T[], params: Params, idParam: string, idOf: (item: T) => string, matchers: Matchers<T>, notFound: string): T[] {
  const ids = listParam(params, idParam);
  for (const id of ids) if (!items.some((item) => idOf(item) === id)) throw new ApiError(notFound, `The ID '${id}' does not exist`);
  let selected = ids.length > 0 ? items.filter((item) => ids.includes(idOf(item))) : [...items];
  for (const filter of filters(params)) {
    const matcher = matchers[filter.name];
    if (!matcher) throw new UnsupportedError(`${action} filter "${filter.name}"`);
    selected = selected.filter((item) => matcher(item).some((v) => filter.values.includes(v)));
  }
  return selected;
}

export class UnsupportedError extends Error {}

export function tags(name?: string, more: Readonly<Record<string, string>> = {}): unknown[] {
  return [...(name ? [{ key: "Name", value: name }] : []), ...Object.entries(more).map(([key, value]) => ({ key, value }))];
}
