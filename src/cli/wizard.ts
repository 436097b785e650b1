import { DEFAULTS } from "../answers/model.js";
import { resolveAnswers } from "../answers/validate.js";
import { endpointsFor } from "../catalog/endpoints.js";
import { FEATURE_MEANING, FEATURES, type Feature } from "../catalog/features.js";
import * as price from "../catalog/pricing.js";
import { SUPPORTED_AZ_IDS, SUPPORTED_REGIONS } from "../catalog/regions.js";
import type { Prompts } from "./prompts.js";

type Raw = Record<string, unknown>;

const NAT_MONTHLY = price.usd(price.NAT_GATEWAY_PER_MONTH);

/**
 * What the answers validator says about one field once `value` is in place: the same rules
 * as an answers file, so the wizard can never accept what a file would refuse.
 */
export function fieldError(answers: Raw, field: string, value: unknown): true | string {
  const trial = field.startsWith("vpc.")
    ? { ...answers, vpc: { ...(answers.vpc as Raw), [field.slice(4)]: value } }
    : field.startsWith("rds.")
      ? { ...answers, rds: { ...(answers.rds as Raw), [field.slice(4)]: value } }
      : { ...answers, [field]: value };
  const resolution = resolveAnswers(trial);
  if (resolution.ok) return true;
  const mine = resolution.problems.filter((p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`));
  return mine.length === 0 ? true : mine.map((p) => p.rule).join(" ");
}

function splitIds(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s.length > 0);
}

/**
 * Asks, in order, every answer the file did not give, and says what each choice implies.
 * Returns the raw answers: the same object an answers file would hold.
 */
export async function runWizard(given: Raw, prompts: Prompts, say: (text: string) => void): Promise<Raw> {
  const answers: Raw = { ...given };
  const ask = async (key: string, question: () => Promise<unknown>): Promise<void> => {
    if (!(key in given)) answers[key] = await question();
  };

  await ask("name", () =>
    prompts.input({
      message: "Runtime name (letters, digits and underscores):",
      default: DEFAULTS.name,
      validate: (v) => fieldError(answers, "name", v),
    }),
  );
  await ask("region", () =>
    prompts.select({
      message: "AWS region (only regions with published AgentCore AZ IDs; runtime ENIs may live only in these IDs):",
      choices: SUPPORTED_REGIONS.map((r) => ({ value: r, name: `${r.padEnd(15)} ${SUPPORTED_AZ_IDS[r]!.join(", ")}`, short: r })),
      default: DEFAULTS.region,
      pageSize: 10,
    }),
  );
  await ask("vpc", async () => {
    const kind = await prompts.select({
      message: "VPC:",
      choices: [
        { value: "new", name: "Create a new VPC", description: "Private subnets placed in supported AZ IDs, endpoints and security groups." },
        { value: "existing", name: "Use an existing VPC", description: "Its private subnets are checked against the supported AZ IDs at plan time." },
      ],
      default: "new",
    });
    if (kind === "existing") {
      const vpc: Raw = {};
      answers.vpc = vpc;
      vpc.id = await prompts.input({ message: "VPC ID:", validate: (v) => fieldError(answers, "vpc.id", v) });
      vpc.subnetIds = splitIds(
        await prompts.input({
          message: "Private subnet IDs, separated by commas (2-16, in different supported AZs):",
          validate: (v) => fieldError(answers, "vpc.subnetIds", splitIds(v)),
        }),
      );
      return vpc;
    }
    const vpc: Raw = {};
    answers.vpc = vpc;
    vpc.cidr = await prompts.input({ message: "VPC CIDR (/16 to /22):", default: DEFAULTS.vpc.cidr, validate: (v) => fieldError(answers, "vpc.cidr", v) });
    vpc.azCount = await prompts.select({
      message: "Availability zones for the runtime and endpoints:",
      choices: [
        { value: 2, name: "2", description: `Each interface endpoint costs ${price.usd(price.INTERFACE_ENDPOINT_PER_AZ_MONTH)} per AZ-month.` },
        { value: 3, name: "3", description: "More resilience; every interface endpoint costs 50% more." },
      ],
      default: DEFAULTS.vpc.azCount,
    });
    return vpc;
  });
  await ask("features", () =>
    prompts.checkbox<Feature>({
      message: "AgentCore features the agent uses:",
      choices: FEATURES.map((f) => ({ value: f, name: `${f.padEnd(16)} ${FEATURE_MEANING[f]}`, short: f, checked: DEFAULTS.features.includes(f) })),
      pageSize: FEATURES.length,
      validate: (v) => (v.includes("browser") && given.internet === false ? 'Browser needs internet egress, but the answers file sets "internet": false.' : true),
    }),
  );
  const features = (answers.features ?? []) as Feature[];
  if (!("internet" in given)) {
    if (features.includes("browser")) {
      say(`Browser reaches public websites, so internet egress is on: one NAT gateway (about ${NAT_MONTHLY} a month).`);
      answers.internet = true;
    } else {
      answers.internet = await prompts.confirm({
        message: `Does the agent need internet egress? (a NAT gateway, about ${NAT_MONTHLY} a month)`,
        default: false,
      });
    }
  }
  if (answers.internet === false) {
    const needed = endpointsFor(features, false).map((e) => e.suffix);
    say(`Without internet the runtime reaches AWS only through VPC endpoints, so these are needed: ${needed.join(", ")}.`);
  }
  if (features.includes("rds")) {
    await ask("rds", async () => ({
      port: Number(
        await prompts.input({
          message: "Database port:",
          default: String(DEFAULTS.rdsPort),
          validate: (v) => fieldError({ ...answers, rds: {} }, "rds.port", /^\d+$/.test(v) ? Number(v) : v),
        }),
      ),
    }));
  }
  await ask("image", () =>
    prompts.input({
      message: "Container image (ECR URI with a tag or digest):",
      default: DEFAULTS.image(String(answers.region), String(answers.name)),
      validate: (v) => fieldError(answers, "image", v),
    }),
  );
  return answers;
}
