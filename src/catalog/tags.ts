/** Tags that let the runtime layer find what the network layer made, whatever backend holds its state, and tell this project's resources from a VPC's own. */
export const TAG_NAME = "agentcore-vpc:name";
export const TAG_TIER = "agentcore-vpc:tier";
export const TAG_ROLE = "agentcore-vpc:role";
