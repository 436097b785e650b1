/**
 * The run gets a temp directory of its own, which every worker, terraform, npm and tmux
 * inherit through TMPDIR; test/global-teardown.js fails the run if anything is left in it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), "agentcore-vpc-run-"));
  process.env.AGENTCORE_VPC_TEST_TMPDIR = dir;
  process.env.TMPDIR = dir;
}
