import { join } from "node:path";
import { SCENARIOS } from "../scripts/scenarios.js";
import { copyConfiguration, eachLimited, EXAMPLES, exec, PLUGIN_MIRROR, terraformEnv, tempDir } from "./helpers.js";

/** Real terraform against the local hashicorp/aws 5.100.0 mirror: a missing tool fails here, it is never skipped. */
describe("terraform accepts the generated network layer", () => {
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = await terraformEnv(await tempDir("agentcore-vpc-tf-"));
  });

  test("terraform fmt -check finds nothing to change in any example", async () => {
    const { stdout } = await exec("terraform", ["fmt", "-check", "-recursive", "-list=true", EXAMPLES], { env });
    expect(stdout).toBe("");
  });

  test("every example's network layer inits from the mirror and validates", async () => {
    const results: Record<string, unknown> = {};
    await eachLimited(SCENARIOS, 3, async (scenario) => {
      const dir = await copyConfiguration(join(EXAMPLES, scenario.name, "network"), await tempDir(`agentcore-vpc-${scenario.name}-`));
      try {
        await exec("terraform", ["init", "-input=false", "-no-color", "-backend=false"], { cwd: dir, env });
      } catch (error) {
        throw new Error(`terraform init failed for ${scenario.name} (is the hashicorp/aws 5.100.0 mirror at ${PLUGIN_MIRROR}?): ${(error as { stderr?: string }).stderr}`);
      }
      const { stdout } = await exec("terraform", ["validate", "-json", "-no-color"], { cwd: dir, env }).catch((e: { stdout: string }) => e);
      const report = JSON.parse(stdout) as { valid: boolean; error_count: number; warning_count: number; diagnostics: unknown[] };
      results[scenario.name] = { valid: report.valid, errors: report.error_count, warnings: report.warning_count, diagnostics: report.diagnostics };
    });
    for (const scenario of SCENARIOS) {
      expect([scenario.name, results[scenario.name]]).toEqual([scenario.name, { valid: true, errors: 0, warnings: 0, diagnostics: [] }]);
    }
  });
});
