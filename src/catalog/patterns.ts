/**
 * Shapes of identifiers. The same patterns validate answers here and, where Terraform
 * takes them as variables, are emitted into the generated variable validations.
 */
export const RUNTIME_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,47}$/;
export const VPC_ID = /^vpc-([0-9a-f]{8}|[0-9a-f]{17})$/;
export const SUBNET_ID = /^subnet-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>(:<tag>|@sha256:<digest>) */
export const ECR_IMAGE =
  /^([0-9]{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/([a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)(?::[A-Za-z0-9_][A-Za-z0-9._-]{0,127}|@sha256:[a-f0-9]{64})$/;

export interface ImageParts {
  readonly account: string;
  readonly region: string;
  readonly repository: string;
  /** The registry is under amazonaws.com.cn (the China partition). */
  readonly chinaHost: boolean;
}

export function parseImage(uri: string): ImageParts | undefined {
  const m = ECR_IMAGE.exec(uri);
  return m ? { account: m[1]!, region: m[2]!, repository: m[3]!, chinaHost: uri.includes(".amazonaws.com.cn/") } : undefined;
}

/** VPC prefix lengths accepted: /16 is the AWS maximum; /22 still leaves /26 subnets (59 usable addresses). */
export const VPC_PREFIX_MIN = 16;
export const VPC_PREFIX_MAX = 22;
/** Each subnet is 1/16 of the VPC: private subnets at 0..2, the NAT's public subnet at 8. */
export const SUBNET_NEWBITS = 4;
export const PUBLIC_SUBNET_NETNUM = 8;
export const AZ_COUNT_MIN = 2;
export const AZ_COUNT_MAX = 3;
/** AgentCore takes 1-16 subnets; two is the fewest that can span the two AZs the plan requires. */
export const SUBNETS_MIN = 2;
export const SUBNETS_MAX = 16;
export const RDS_PORT_MIN = 1150;
export const RDS_PORT_MAX = 65535;

/**
 * Memory event expiry in days: agentcore-facts §5 gives 7-365, the API reference 1-365 and
 * CloudFormation 3-365; the narrowest is accepted by all of them.
 */
export const MEMORY_EXPIRY_MIN = 7;
export const MEMORY_EXPIRY_MAX = 365;

export const SECURITY_GROUP_ID = /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;
/** A Secrets Manager secret's ARN: the name's characters, then the six the service appends. */
export const SECRET_ARN = /^arn:(aws|aws-cn|aws-us-gov):secretsmanager:([a-z]{2}(?:-gov)?-[a-z]+-\d):(\d{12}):secret:([A-Za-z0-9/_+=.@!-]{1,512})-[A-Za-z0-9]{6}$/;
/** A DNS name in lower case, as RDS endpoints are. */
export const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
/** An AgentCore Gateway's ARN: partition, region, account, and the gateway ID (its name, lower case, and a suffix). */
export const GATEWAY_ARN = /^arn:(aws|aws-cn|aws-us-gov):bedrock-agentcore:([a-z]{2}(?:-gov)?-[a-z]+-\d):(\d{12}):gateway\/([0-9a-z][0-9a-z-]{0,109})$/;
/** An OpenID Connect discovery document over HTTPS, as a CUSTOM_JWT authorizer takes it. */
export const DISCOVERY_URL = /^https:\/\/[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:\/[A-Za-z0-9._~!&*+,;=:@-]+)*\/\.well-known\/openid-configuration$/;
/** A JWT audience or client ID: URL-safe characters only, so none can open a Terraform template. */
export const JWT_VALUE = /^[A-Za-z0-9._~:/?#@!&*+,;=-]{1,256}$/;
