import { runtimeSubnets } from "../facts.js";
import type { NetworkRule } from "../rule.js";

/** A runtime ENI has only a private IP: in a public subnet it reaches nothing outside the VPC (facts §3). */
export const subnetPublicRoute: NetworkRule = {
  id: "subnet-public-route",
  severity: "error",
  scope: "network",
  finds: "a runtime subnet whose default route is an internet gateway",
  check: (t) =>
    runtimeSubnets(t)
      .filter((s) => s.tier === "public")
      .map((s) => ({
        resource: s.id,
        message: `Subnet ${s.id} is public: a runtime ENI there has only a private IP and gets no internet.`,
        evidence: `its route table ${s.routeTableId} sends 0.0.0.0/0 to internet gateway ${s.target}.`,
        fix: "Use private subnets whose default route goes to a NAT gateway, transit gateway or firewall endpoint.",
        answer: `replace ${s.id} in vpc.subnetIds of agentcore-vpc.json with a private subnet and regenerate`,
      })),
};
