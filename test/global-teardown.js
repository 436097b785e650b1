/** Fails the run when a test left anything in the run's temp directory (see global-setup.js). */
import { readdirSync, rmSync } from "node:fs";

export default function teardown() {
  const dir = process.env.AGENTCORE_VPC_TEST_TMPDIR;
  const left = readdirSync(dir);
  rmSync(dir, { recursive: true, force: true });
  if (left.length > 0) throw new Error(`the tests left ${left.length} entries in the temp directory: ${left.slice(0, 20).join(", ")}`);
}
