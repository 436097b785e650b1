import { runtimeSubnets } from "../facts.js";
import type { Rule } from "../rule.js";

/** A runtime ENI has only a private IP: in a public subnet it reaches nothing outside the VPC (facts §3). */
export const subnetPublicRoute: Rule = {
  id: "subnet-public-route",
  severity: "error",
  finds: "a runtime subnet whose default route is an internet gateway",
  check: (t) =>
    runtimeSubnets(t)
      .filter((s) => s.tier === "public")
      .map((s) => ({
        resource: s.id,
        message: `Subnet ${s.id} is public: a runtime ENI there has only a private IP and gets no internet.`,
        evidence: `its route table ${s.routeTableId} sends 0.0.0.0/0 to internet gateway ${s.target}.`,
        fix: "Use private subnets whose default route goes to a NAT gateway, transit gateway or firewall endpoint.",
      })),
};
