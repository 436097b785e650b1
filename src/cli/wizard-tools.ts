/** The wizard's questions about the Gateway and the built-in tools, and the runtime's protocol; checked as an answers file is. */
import { DEFAULTS, PROTOCOLS } from "../answers/model.js";
import type { Context } from "../answers/validate.js";
import type { Feature } from "../catalog/features.js";
import { fieldError } from "./field-error.js";
import type { Prompts } from "./prompts.js";

type Raw = Record<string, unknown>;

const features = (answers: Raw): Feature[] => (answers.features ?? DEFAULTS.features) as Feature[];
const list = (v: string): string[] => v.split(",").map((s) => s.trim()).filter((s) => s !== "");

/**
 * Asks what the answers file left open about each chosen tool, and drops the settings of a tool
 * the wizard unticked. `given` is the answers file: what it says is not asked again.
 */
export async function askTools(answers: Raw, given: Raw, prompts: Prompts, context: Context, say: (text: string) => void): Promise<void> {
  const chosen = features(answers);
  for (const tool of ["browser", "codeInterpreter", "gateway"] as const) if (!chosen.includes(tool)) delete answers[tool];
  if (chosen.includes("browser") && !("browser" in given)) {
    let network: string;
    if (given.internet === false) {
      say("Your answers file turns internet egress off, so the Browser uses the public network mode: it browses from AWS's network, public sites only.");
      network = "public";
    } else {
      network = await prompts.select({
        message: "Where does the Browser browse from?",
        choices: [
          { value: "vpc", name: "Your private subnets (VPC mode): intranet and public sites, through a NAT path" },
          { value: "public", name: "AWS's network (public mode): public sites only, no NAT needed" },
        ],
        default: DEFAULTS.browser.network,
      });
    }
    const recording = await prompts.confirm({ message: "Record Browser sessions to an S3 bucket (kept 30 days)?", default: DEFAULTS.browser.recording });
    answers.browser = { network, recording };
  }
  if (chosen.includes("codeInterpreter") && !("codeInterpreter" in given)) {
    const network = await prompts.select({
      message: "Where does the Code Interpreter run code?",
      choices: [
        { value: "vpc", name: "Your private subnets (VPC mode): it reaches the VPC's resources" },
        { value: "sandbox", name: "The AWS-managed sandbox: no network access" },
      ],
      default: DEFAULTS.codeInterpreter.network,
    });
    answers.codeInterpreter = { network };
  }
  if (chosen.includes("gateway") && !("gateway" in given)) answers.gateway = await askGateway(answers, prompts, context);
}

async function askGateway(answers: Raw, prompts: Prompts, context: Context): Promise<Raw> {
  const kind = await prompts.select({
    message: "The Gateway:",
    choices: [
      { value: "iam", name: "Create one; callers sign with SigV4 (AWS_IAM)" },
      { value: "jwt", name: "Create one; callers present JWTs of your identity provider (CUSTOM_JWT)" },
      { value: "existing", name: "Use an existing gateway, by ARN" },
    ],
    default: "iam",
  });
  if (kind === "iam") return { create: true, authorizer: "AWS_IAM" };
  if (kind === "existing") {
    const arn = await prompts.input({ message: "The gateway's ARN:", validate: (v) => fieldError({ ...answers, gateway: {} }, "gateway.arn", v.trim(), context) });
    return { arn: arn.trim() };
  }
  const jwt = { create: true, authorizer: "CUSTOM_JWT" };
  const discoveryUrl = (await prompts.input({ message: "OpenID Connect discovery URL (.../.well-known/openid-configuration):", validate: (v) => fieldError({ ...answers, gateway: jwt }, "gateway.discoveryUrl", v.trim(), context) })).trim();
  const withLists = (allowedClients: string[], allowedAudience: string[]): Raw => ({ ...jwt, discoveryUrl, allowedAudience, allowedClients });
  // Each list is checked as the answers file's would be; the audiences' check also refuses both lists empty.
  const allowedClients = list(await prompts.input({ message: "Client IDs the gateway accepts (comma-separated, may be empty):", default: "", validate: (v) => fieldError({ ...answers, gateway: withLists(list(v), ["x"]) }, "gateway.allowedClients", list(v), context) }));
  const allowedAudience = list(
    await prompts.input({ message: "Audiences the gateway accepts (comma-separated; empty if clients are given):", default: "", validate: (v) => fieldError({ ...answers, gateway: withLists(allowedClients, list(v)) }, allowedClients.length === 0 && list(v).length === 0 ? "gateway.allowedClients" : "gateway.allowedAudience", list(v), context) }),
  );
  return withLists(allowedClients, allowedAudience);
}

export async function askProtocol(answers: Raw, prompts: Prompts): Promise<void> {
  answers.protocol = await prompts.select({
    message: "The protocol the agent's container serves:",
    choices: PROTOCOLS.map((p) => ({ value: p, name: { HTTP: "HTTP: POST /invocations on port 8080", MCP: "MCP: an MCP server on port 8000", A2A: "A2A: an agent-to-agent server on port 9000" }[p] })),
    default: String(answers.protocol ?? DEFAULTS.protocol),
  });
}
