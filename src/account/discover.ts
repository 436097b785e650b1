import { endpointsFor } from "../catalog/endpoints.js";
import type { Feature } from "../catalog/features.js";
import { existingEndpointsOf, judgeEndpoints, type EndpointVerdict } from "./endpoints.js";
import type { VpcDetails } from "./model.js";
import { DEFAULT_ROUTE_TITLE, hasEgressPath, preselectSubnets, subnetViews, type Preselection, type SubnetView } from "./subnets.js";

export interface Discovery {
  readonly views: readonly SubnetView[];
  /** Present when the subnets were chosen here rather than given. */
  readonly preselection?: Preselection;
  readonly subnetIds: readonly string[];
  /** The distinct AZ IDs of those subnets. */
  readonly runtimeAzIds: readonly string[];
  /** What is wrong with given subnets: each stops the plan. */
  readonly subnetProblems: readonly string[];
  /** What is wrong with the VPC itself: each stops the plan. */
  readonly vpcProblems: readonly string[];
  readonly verdicts: readonly EndpointVerdict[];
  /** What goes into vpc.existingEndpoints. */
  readonly existingEndpoints: readonly string[];
}

export interface DiscoveryAnswers {
  readonly name: string;
  readonly region: string;
  readonly features: readonly Feature[];
  readonly internet: boolean;
  readonly subnetIds?: readonly string[];
}

/** Why a subnet named for the runtime cannot hold its ENIs; undefined when it can. */
function subnetProblem(id: string, views: readonly SubnetView[], region: string, internet: boolean): string | undefined {
  const view = views.find((v) => v.id === id);
  if (!view) return `${id} is not a subnet of this VPC`;
  if (!view.supported) return `${id} is in AZ ID ${view.azId}, where AgentCore does not place runtime ENIs in ${region}`;
  if (view.tier === "public") return `${id} is public (its default route goes to internet gateway ${view.target}): a runtime ENI there gets no internet`;
  if (internet && !hasEgressPath(view)) return `${id} has no internet egress (default route: ${DEFAULT_ROUTE_TITLE[view.defaultRoute]})`;
  return undefined;
}

/**
 * What the account says for an existing VPC: the runtime's subnets (given, or the
 * preselection) and which of the VPC's endpoints it reuses. Every service the runtime calls
 * is judged, with or without internet: with private DNS the VPC's endpoint serves it anyway.
 */
export function discover(details: VpcDetails, answers: DiscoveryAnswers): Discovery {
  const views = subnetViews(details, answers.region);
  const preselection = answers.subnetIds ? undefined : preselectSubnets(views, answers.region, answers.internet);
  const subnetIds = answers.subnetIds ?? preselection!.chosen.map((s) => s.id);
  const subnetProblems = (answers.subnetIds ?? []).flatMap((id) => subnetProblem(id, views, answers.region, answers.internet) ?? []);
  const vpcProblems = [
    ...(details.dnsSupport ? [] : ["DNS resolution (enableDnsSupport) is off"]),
    ...(details.dnsHostnames ? [] : ["DNS hostnames (enableDnsHostnames) are off"]),
  ];
  const calls = endpointsFor(answers.features, false).map((e) => e.suffix);
  const verdicts = judgeEndpoints(details, answers.region, answers.name, subnetIds, calls);
  const runtimeAzIds = [...new Set(views.filter((v) => subnetIds.includes(v.id)).map((v) => v.azId))];
  return { views, ...(preselection ? { preselection } : {}), subnetIds, runtimeAzIds, subnetProblems, vpcProblems, verdicts, existingEndpoints: existingEndpointsOf(verdicts) };
}
