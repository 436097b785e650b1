/**
 * What the inspection layer may call, and how an AWS failure becomes a message a user can
 * act on.
 */

/** The IAM actions --discover and the wizard call; all are read-only. */
export const DISCOVERY_CALLS: readonly string[] = [
  "sts:GetCallerIdentity",
  "ec2:DescribeVpcs",
  "ec2:DescribeVpcAttribute",
  "ec2:DescribeSubnets",
  "ec2:DescribeRouteTables",
  "ec2:DescribeVpcEndpoints",
  "ec2:DescribeSecurityGroupRules",
];

/** Every IAM action the inspection layer may call, the doctor's included; all are read-only. */
export const READ_CALLS: readonly string[] = [
  ...DISCOVERY_CALLS,
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeNetworkInterfaces",
  "bedrock-agentcore:ListAgentRuntimes",
  "bedrock-agentcore:GetAgentRuntime",
  "iam:GetRole",
  "logs:DescribeDeliverySources",
  "logs:DescribeDeliveries",
];

export class InspectionError extends Error {
  override readonly name = "InspectionError";

  constructor(
    message: string,
    /** The IAM action that failed ("ec2:DescribeVpcs"), or the setting that is wrong. */
    readonly call: string,
    /** The AWS error code or the network error code, when there is one. */
    readonly code?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** An endpoint URL the caller set, and the variable that set it. */
export interface EndpointSetting {
  readonly variable: string;
  readonly url: string;
}

/** What a message about a failed call can name. */
export interface CallContext {
  readonly call: string;
  readonly region: string;
  readonly endpoint?: EndpointSetting;
  /** The identity making the calls, when known. */
  readonly arn?: string;
  readonly profile?: string;
  readonly vpcId?: string;
}

/** The fields of the SDK's errors (service exceptions, credential and network errors) read here. */
interface SdkError {
  readonly name?: string;
  readonly message?: string;
  readonly code?: string;
  readonly Code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly errors?: readonly { readonly code?: string }[];
}

const INVALID_CREDENTIALS = new Set(["InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "AuthFailure", "UnrecognizedClientException"]);
const NETWORK = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "TimeoutError", "RequestTimeout"]);

function asSdkError(error: unknown): SdkError {
  return typeof error === "object" && error !== null ? (error as SdkError) : { message: String(error) };
}

/** The error code AWS answered with, or undefined when no answer came. */
function serviceCode(error: SdkError): string | undefined {
  return error.$metadata?.httpStatusCode !== undefined ? (error.Code ?? error.name) : undefined;
}

/** The error code AWS answered a call with, or undefined when no answer came. */
export function codeOf(error: unknown): string | undefined {
  return serviceCode(asSdkError(error));
}

/** AccessDenied, AccessDeniedException, UnauthorizedOperation... */
export function isDenied(error: unknown): boolean {
  const code = serviceCode(asSdkError(error));
  return code !== undefined && /^(AccessDenied|Unauthorized)/.test(code);
}

/**
 * The network error's code. An error thrown in another realm (a VM context) reaches the SDK's
 * retry as a foreign object, which it rewraps keeping only the message: then the message says.
 */
function networkCode(error: SdkError): string | undefined {
  const candidates = [error.code, error.errors?.[0]?.code, error.name, /\b(E[A-Z_]+)\b/.exec(error.message ?? "")?.[1]];
  return candidates.find((c): c is string => c !== undefined && NETWORK.has(c));
}

/** The identity AWS names in a denial ("User: arn:aws:sts::…:assumed-role/… is not authorized"). */
function arnIn(message: string): string | undefined {
  return /User: (arn:[^\s]+)/.exec(message)?.[1];
}

/** What a denial of call asks for, naming the identity as the denial does, or else as known. */
export function deniedSentence(call: string, error: unknown, knownArn: string | undefined): string {
  const arn = arnIn(asSdkError(error).message ?? "") ?? knownArn;
  return `the identity${arn ? ` ${arn}` : ""} needs the IAM permission ${call} (all calls are read-only: ${READ_CALLS.join(", ")}).`;
}

/** The failure of one call as an InspectionError whose message says what failed and what to do. */
export function explain(error: unknown, context: CallContext): InspectionError {
  const e = asSdkError(error);
  const message = e.message ?? "";
  const code = serviceCode(e);
  const { call } = context;
  const fail = (text: string, errorCode = code): InspectionError => new InspectionError(text, call, errorCode, { cause: error });
  if (code === "InvalidVpcID.NotFound" && context.vpcId) {
    return fail(`VPC ${context.vpcId} was not found in ${context.region} (${call}): check the VPC ID and the region.`);
  }
  if (isDenied(error)) return fail(`${call} was denied: ${deniedSentence(call, error, context.arn)}`);
  if (code !== undefined && INVALID_CREDENTIALS.has(code)) {
    return fail(`${call} was refused with ${code} (${message}): the AWS credentials are not valid or have expired; refresh them (aws sso login for SSO, or new access keys) and try again.`);
  }
  if (e.name === "CredentialsProviderError" || (code === undefined && /credential/i.test(message))) {
    return fail(
      context.profile
        ? `No AWS credentials found for ${call} with AWS_PROFILE=${context.profile} (${message}): check that profile in the AWS config files (and run aws sso login for SSO), or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`
        : `No AWS credentials found for ${call}: set AWS_PROFILE (and run aws sso login for SSO), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
    );
  }
  const network = code === undefined ? networkCode(e) : undefined;
  if (network !== undefined) {
    const where = context.endpoint ? `${context.endpoint.url} (set by ${context.endpoint.variable})` : `the ${call.split(":")[0]!.toUpperCase()} endpoint of ${context.region}`;
    const check = context.endpoint ? `check ${context.endpoint.variable} and that the endpoint is up` : "check the network connection, any proxy, and the region";
    return fail(`${call} could not reach ${where}: ${network}${message ? ` (${message})` : ""}; ${check}.`, network);
  }
  return fail(`${call} failed${code ? ` with ${code}` : ""}: ${message || String(error)}`);
}
