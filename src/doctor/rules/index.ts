import type { Rule } from "../rule.js";
import { endpointAzGap } from "./endpoint-az-gap.js";
import { endpointMissing } from "./endpoint-missing.js";
import { endpointPrivateDnsOff } from "./endpoint-private-dns-off.js";
import { eniLingering } from "./eni-lingering.js";
import { imageCrossRegion } from "./image-cross-region.js";
import { observabilityOff } from "./observability-off.js";
import { roleMissing } from "./role-missing.js";
import { roleTrust } from "./role-trust.js";
import { runtimeFailed } from "./runtime-failed.js";
import { sgEgressEndpoints } from "./sg-egress-endpoints.js";
import { sgEgressS3 } from "./sg-egress-s3.js";
import { sgIngressEndpoints } from "./sg-ingress-endpoints.js";
import { slrMissing } from "./slr-missing.js";
import { subnetMissing } from "./subnet-missing.js";
import { subnetAzUnsupported } from "./subnet-az-unsupported.js";
import { subnetPublicRoute } from "./subnet-public-route.js";
import { subnetSingleAz } from "./subnet-single-az.js";
import { vpcDnsOff } from "./vpc-dns-off.js";

/** Every rule, in the order its findings are listed within a severity. */
export const RULES: readonly Rule[] = [
  runtimeFailed,
  subnetMissing,
  subnetAzUnsupported,
  subnetSingleAz,
  subnetPublicRoute,
  vpcDnsOff,
  endpointMissing,
  imageCrossRegion,
  endpointPrivateDnsOff,
  endpointAzGap,
  sgEgressEndpoints,
  sgIngressEndpoints,
  sgEgressS3,
  roleMissing,
  roleTrust,
  observabilityOff,
  eniLingering,
  slrMissing,
];
