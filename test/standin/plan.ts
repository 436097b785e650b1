import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { copyConfiguration, exec, tempDir } from "../helpers.js";
import type { StandIn } from "./server.js";

/** A plan that succeeded keeps terraform's output, where check blocks print their warnings. */
export type PlanResult = { ok: true; plan: PlanJson; output: string } | { ok: false; error: string };

/** The parts of `terraform show -json` these tests read. */
export interface PlanJson {
  readonly resource_changes?: readonly { address: string; type: string; name: string; mode: string; change: { actions: string[]; after: Record<string, unknown> | null } }[];
}

/**
 * Copies a generated network layer, points its aws provider at the stand-in through an
 * override file (the generated files stay as they are), and runs init, plan and show -json.
 */
export async function planAgainstStandIn(networkDir: string, standIn: StandIn, env: NodeJS.ProcessEnv, accessKey: string, vars: Record<string, string> = {}): Promise<PlanResult> {
  const dir = await copyConfiguration(networkDir, await tempDir("agentcore-vpc-plan-"));
  await writeFile(
    join(dir, "standin_override.tf"),
    `provider "aws" {
  access_key                  = "${accessKey}"
  secret_key                  = "standin"
  skip_metadata_api_check     = true
  skip_region_validation      = true
  skip_credentials_validation = false

  endpoints {
    ec2 = "${standIn.url}"
    sts = "${standIn.url}"
  }
}
`,
  );
  const runEnv = {
    ...env,
    AWS_ENDPOINT_URL: standIn.url,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_PROFILE: "",
    AWS_CONFIG_FILE: join(dir, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "no-aws-credentials"),
    AWS_MAX_ATTEMPTS: "1",
  };
  await exec("terraform", ["init", "-input=false", "-no-color"], { cwd: dir, env: runEnv });
  const varArgs = Object.entries(vars).map(([k, v]) => `-var=${k}=${v}`);
  let output: string;
  try {
    const run = await exec("terraform", ["plan", "-input=false", "-no-color", "-lock=false", "-out=tfplan", ...varArgs], { cwd: dir, env: runEnv, maxBuffer: 64 * 1024 * 1024 });
    output = `${run.stdout}${run.stderr}`;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string };
    return { ok: false, error: `${e.stderr ?? ""}${e.stdout ?? ""}` };
  }
  const { stdout } = await exec("terraform", ["show", "-json", "tfplan"], { cwd: dir, env: runEnv, maxBuffer: 64 * 1024 * 1024 });
  return { ok: true, plan: JSON.parse(stdout) as PlanJson, output };
}
