import { parseArgs } from "node:util";
import { FORMATS, LAYOUTS, type Format, type Layout } from "../render/format.js";

export interface CliOptions {
  readonly directory?: string;
  readonly answersFile?: string;
  readonly yes: boolean;
  /** Only when given: otherwise the answers' own format (hcl by default) holds. */
  readonly format?: Format;
  /** The same for the layout (layers by default). */
  readonly layout?: Layout;
  readonly force: boolean;
  readonly dryRun: boolean;
  /** Read the existing VPC from the account and fill in subnets and existing endpoints. */
  readonly discover: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

/** Bad flags or arguments: exit 2 with the message. */
export class UsageError extends Error {}

export const USAGE = `Usage: create-agentcore-vpc [directory] [options]
       create-agentcore-vpc doctor --runtime ID | --all | --project DIR | --vpc vpc-... [options]
                                   (see create-agentcore-vpc doctor --help)
       create-agentcore-vpc check [directory]
                                   (is the project what its answers generate? see check --help)

Generates a Terraform project that deploys an Amazon Bedrock AgentCore runtime in VPC mode:
VPC endpoints, subnets in supported AZ IDs, security groups, the execution role and the runtime.

Arguments:
  directory            where to write the project (default: the runtime name)

Options:
  --answers FILE|-     read answers from a JSON file, or from standard input (see README for the keys)
  -y, --yes            use the documented default for anything not answered; never prompt
  --format hcl|json    write .tf files (hcl, default) or .tf.json files (json); stored in the answers
  --layout layers|modules
                       each layer a root configuration (layers, default), or a child module
                       under modules/ with thin roots that call it (modules); stored in the answers
  --force              write into a non-empty directory, replacing only files this tool generated
  --dry-run            print what would be generated and each file's fate, and write nothing
  --discover           read the existing VPC named by vpc.id in the answers from the AWS account
                       (read-only) and store its private subnets, when none are given, and the
                       endpoints it already has in the answers
  -h, --help           show this help
  -v, --version        show the version

Environment: AWS_REGION or AWS_DEFAULT_REGION sets the default region. Reading the account uses
the AWS SDK's credentials (environment, AWS_PROFILE, shared config and credentials files, SSO)
and honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>.
Exit status: 0 on success, 2 on bad input or usage (nothing is written), 130 when interrupted.`;

/** An option's value, when given, among the allowed ones. */
function oneOf<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value !== undefined && !(allowed as readonly string[]).includes(value)) throw new UsageError(`${option}: got "${value}". Allowed: ${allowed.join(", ")}.`);
  return value as T | undefined;
}

export function parseCli(rawArgs: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rawArgs],
      allowPositionals: true,
      strict: true,
      options: {
        answers: { type: "string" },
        yes: { type: "boolean", short: "y", default: false },
        format: { type: "string" },
        layout: { type: "string" },
        force: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
        discover: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\nRun create-agentcore-vpc --help for the options.`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new UsageError(`Expected at most one directory, got ${positionals.length}: ${positionals.join(" ")}.`);
  }
  const format = oneOf("--format", values.format, FORMATS);
  const layout = oneOf("--layout", values.layout, LAYOUTS);
  if (values.answers === "") throw new UsageError("--answers: got an empty path. Give the path of a JSON answers file.");
  if (values.discover === true && values.answers === undefined) {
    throw new UsageError('--discover reads the VPC that the answers name: give --answers FILE with "vpc": { "id": "vpc-..." } (subnetIds optional).');
  }
  return {
    ...(positionals[0] !== undefined ? { directory: positionals[0] } : {}),
    ...(values.answers !== undefined ? { answersFile: values.answers } : {}),
    yes: values.yes === true,
    ...(format !== undefined ? { format } : {}),
    ...(layout !== undefined ? { layout } : {}),
    force: values.force === true,
    dryRun: values["dry-run"] === true,
    discover: values.discover === true,
    help: values.help === true,
    version: values.version === true,
  };
}
