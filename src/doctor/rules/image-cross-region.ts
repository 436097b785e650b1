import { imageRegion } from "../../account/runtime.js";
import { needsEndpoints } from "../facts.js";
import type { RuntimeRule } from "../rule.js";

/** The VPC's ECR endpoints serve their own region only: an image elsewhere needs a way out (facts §2). */
export const imageCrossRegion: RuntimeRule = {
  id: "image-cross-region",
  severity: "error",
  scope: "runtime",
  finds: "the image's registry is in another region and there is no NAT or transit path",
  check: ({ runtime: r, region, network }) => {
    const uri = r.containerUri;
    const from = uri ? imageRegion(uri) : undefined;
    if (!uri || !from || from === region || !network || !needsEndpoints(network)) return [];
    const repository = uri.slice(uri.indexOf("/") + 1).replace(/[:@].*$/, "");
    return [
      {
        resource: uri,
        message: `Runtime ${r.name} pulls its image from ${from}, but its subnets reach only ${region}'s endpoints: the image cannot be pulled.`,
        evidence: `the container URI is in ${from}; a runtime subnet's default route leads nowhere outside the VPC, and interface endpoints serve ${region} only.`,
        fix: `Copy the image into ${region} (ECR replication, or push it to ${uri.split(".")[0]}.dkr.ecr.${region}.amazonaws.com/${repository}) and point the runtime at it, or give the runtime subnets a NAT or transit path.`,
        answer: `set image in agentcore-vpc.json to the copy in ${region}, or set internet to true, and regenerate`,
      },
    ];
  },
};
