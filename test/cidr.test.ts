import { canonicalCidr, cidrSubnet, formatCidr, hasHostBits, parseCidr } from "../src/util/cidr.js";

describe("cidr helpers", () => {
  test.each(["10.0.0.0/16", "172.16.0.0/20", "192.168.10.0/24", "0.0.0.0/0"])("round-trips %s", (text) => {
    expect(formatCidr(parseCidr(text)!)).toBe(text);
  });

  test.each(["10.0.0.0", "10.0.0/16", "10.0.0.256/16", "010.0.0.0/16", "10.0.0.0/33", " 10.0.0.0/16", "a.b.c.d/8", ""])("rejects %j", (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  test("detects host bits and gives the network address", () => {
    const cidr = parseCidr("10.0.3.1/16")!;
    expect(hasHostBits(cidr)).toBe(true);
    expect(formatCidr(canonicalCidr(cidr))).toBe("10.0.0.0/16");
    expect(hasHostBits(parseCidr("10.0.0.0/16")!)).toBe(false);
  });

  test("carves subnets like Terraform's cidrsubnet", () => {
    const vpc = parseCidr("10.0.0.0/16")!;
    expect(formatCidr(cidrSubnet(vpc, 4, 0))).toBe("10.0.0.0/20");
    expect(formatCidr(cidrSubnet(vpc, 4, 2))).toBe("10.0.32.0/20");
    expect(formatCidr(cidrSubnet(vpc, 4, 8))).toBe("10.0.128.0/20");
    expect(formatCidr(cidrSubnet(parseCidr("172.16.0.0/20")!, 4, 1))).toBe("172.16.1.0/24");
    expect(() => cidrSubnet(vpc, 4, 16)).toThrow(RangeError);
  });
});
