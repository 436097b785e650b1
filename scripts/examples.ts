/** Regenerates generated-examples/ through the real CLI: `npm run examples`. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../src/cli/main.js";
import { SCENARIOS } from "./scenarios.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const scratch = await mkdtemp(join(tmpdir(), "agentcore-vpc-examples-"));
const quiet = { write: () => true };
try {
  for (const scenario of SCENARIOS) {
    const answers = join(scratch, `${scenario.name}.json`);
    await writeFile(answers, JSON.stringify(scenario.answers));
    const args = [join("generated-examples", scenario.name), "--answers", answers, "--yes", "--force"];
    const code = await main(args, { stdout: quiet, stderr: process.stderr, cwd: root });
    if (code !== 0) throw new Error(`scenario ${scenario.name} exited ${code}`);
    process.stdout.write(`generated-examples/${scenario.name}\n`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
