import type { RuntimeRule } from "../rule.js";

/** A subnet deleted under a runtime leaves it unable to place interfaces on its next update or session. */
export const subnetMissing: RuntimeRule = {
  id: "subnet-missing",
  severity: "error",
  scope: "runtime",
  finds: "a subnet the runtime names no longer exists",
  check: ({ runtime: r, missingSubnets, region }) =>
    missingSubnets.map((id) => ({
      resource: id,
      message: `Runtime ${r.name} names subnet ${id}, which no longer exists.`,
      evidence: `bedrock-agentcore:GetAgentRuntime lists ${id} in its network configuration; ec2:DescribeSubnets does not find it in ${region}.`,
      fix: `Point the runtime at existing private subnets in supported AZ IDs (network_mode_config.subnets of the runtime; aws bedrock-agentcore-control update-agent-runtime --network-configuration ...).`,
      answer: `in an existing VPC, replace ${id} in vpc.subnetIds of agentcore-vpc.json and regenerate; in a VPC the project made, apply the network layer, then the runtime layer`,
    })),
};
