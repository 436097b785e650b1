/** Small IPv4 CIDR helpers; they mirror Terraform's cidrsubnet() so the README shows what the plan will create. */

export interface Cidr {
  readonly base: number;
  readonly prefix: number;
}

const OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const CIDR_PATTERN = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}/(3[0-2]|[12]?\\d)$`);

/** Parses "a.b.c.d/n" with no leading zeros; undefined when it is not one. */
export function parseCidr(text: string): Cidr | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { base, prefix: Number(match[5]) };
}

function hostMask(prefix: number): number {
  return 2 ** (32 - prefix) - 1;
}

/** The network address when host bits are set, e.g. 10.0.0.1/16 → 10.0.0.0/16. */
export function canonicalCidr(cidr: Cidr): Cidr {
  return { base: cidr.base - (cidr.base % (hostMask(cidr.prefix) + 1)), prefix: cidr.prefix };
}

export function hasHostBits(cidr: Cidr): boolean {
  return canonicalCidr(cidr).base !== cidr.base;
}

export function formatCidr(cidr: Cidr): string {
  const b = cidr.base;
  return `${Math.floor(b / 2 ** 24) % 256}.${Math.floor(b / 2 ** 16) % 256}.${Math.floor(b / 2 ** 8) % 256}.${b % 256}/${cidr.prefix}`;
}

/** Same as Terraform's cidrsubnet(prefix, newbits, netnum). */
export function cidrSubnet(cidr: Cidr, newbits: number, netnum: number): Cidr {
  const prefix = cidr.prefix + newbits;
  if (prefix > 32 || netnum < 0 || netnum >= 2 ** newbits) {
    throw new RangeError(`cannot carve subnet ${netnum} of /${prefix} from ${formatCidr(cidr)}`);
  }
  return { base: cidr.base + netnum * 2 ** (32 - prefix), prefix };
}

/** Whether every address of `inner` is in `outer` (both "a.b.c.d/n"); false when either is not a CIDR. */
export function cidrHolds(outer: string, inner: string): boolean {
  const o = parseCidr(outer);
  const i = parseCidr(inner);
  if (!o || !i || i.prefix < o.prefix) return false;
  return canonicalCidr({ base: i.base, prefix: o.prefix }).base === canonicalCidr(o).base;
}
