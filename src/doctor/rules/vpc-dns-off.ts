import type { NetworkRule } from "../rule.js";

/** Interface endpoints with private DNS resolve only with both attributes on. */
export const vpcDnsOff: NetworkRule = {
  id: "vpc-dns-off",
  severity: "error",
  scope: "network",
  finds: "enableDnsSupport or enableDnsHostnames off",
  check: (t) =>
    (
      [
        ["enableDnsSupport", t.details.dnsSupport, "--enable-dns-support"],
        ["enableDnsHostnames", t.details.dnsHostnames, "--enable-dns-hostnames"],
      ] as const
    )
      .filter(([, on]) => !on)
      .map(([attribute, , flag]) => ({
        resource: t.details.vpc.id,
        message: `${attribute} is off for ${t.details.vpc.id}: interface endpoints with private DNS do not resolve.`,
        evidence: `ec2:DescribeVpcAttribute ${attribute} = false.`,
        fix: `aws ec2 modify-vpc-attribute --region ${t.region} --vpc-id ${t.details.vpc.id} ${flag} '{"Value":true}'`,
      })),
};
