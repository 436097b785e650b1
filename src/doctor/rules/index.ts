import type { Rule } from "../rule.js";
import { endpointAzGap } from "./endpoint-az-gap.js";
import { endpointMissing } from "./endpoint-missing.js";
import { endpointPrivateDnsOff } from "./endpoint-private-dns-off.js";
import { sgEgressEndpoints } from "./sg-egress-endpoints.js";
import { sgEgressS3 } from "./sg-egress-s3.js";
import { sgIngressEndpoints } from "./sg-ingress-endpoints.js";
import { subnetAzUnsupported } from "./subnet-az-unsupported.js";
import { subnetPublicRoute } from "./subnet-public-route.js";
import { subnetSingleAz } from "./subnet-single-az.js";
import { vpcDnsOff } from "./vpc-dns-off.js";

/** Every rule of a network check, in the order its findings are listed within a severity. */
export const NETWORK_RULES: readonly Rule[] = [
  subnetAzUnsupported,
  subnetSingleAz,
  subnetPublicRoute,
  vpcDnsOff,
  endpointMissing,
  endpointPrivateDnsOff,
  endpointAzGap,
  sgEgressEndpoints,
  sgIngressEndpoints,
  sgEgressS3,
];
