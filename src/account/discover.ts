import { endpointsFor } from "../catalog/endpoints.js";
import type { Feature } from "../catalog/features.js";
import { existingEndpointsOf, judgeEndpoints, type EndpointVerdict } from "./endpoints.js";
import type { VpcDetails } from "./model.js";
import { preselectSubnets, subnetViews, type Preselection, type SubnetView } from "./subnets.js";

export interface Discovery {
  readonly views: readonly SubnetView[];
  /** Present when the subnets were chosen here rather than given. */
  readonly preselection?: Preselection;
  readonly subnetIds: readonly string[];
  readonly verdicts: readonly EndpointVerdict[];
  /** What goes into vpc.existingEndpoints. */
  readonly existingEndpoints: readonly string[];
}

/**
 * What the account says for an existing VPC: the runtime's subnets (given, or the
 * preselection) and which of the VPC's endpoints it reuses. Every service the runtime calls
 * is judged, with or without internet: with private DNS the VPC's endpoint serves it anyway.
 */
export function discover(details: VpcDetails, answers: { region: string; features: readonly Feature[]; internet: boolean; subnetIds?: readonly string[] }): Discovery {
  const views = subnetViews(details, answers.region);
  const preselection = answers.subnetIds ? undefined : preselectSubnets(views, answers.region, answers.internet);
  const subnetIds = answers.subnetIds ?? preselection!.chosen.map((s) => s.id);
  const calls = endpointsFor(answers.features, false).map((e) => e.suffix);
  const verdicts = judgeEndpoints(details, answers.region, subnetIds, calls);
  return { views, ...(preselection ? { preselection } : {}), subnetIds, verdicts, existingEndpoints: existingEndpointsOf(verdicts) };
}
