/**
 * Entry for CDK tooling (cdktf.json "app"): synthesizes both layers of the answers in
 * AGENTCORE_VPC_ANSWERS (a JSON file; defaults when unset) into cdktf.out as Terraform JSON.
 * The scaffolder itself never calls this.
 */
import { readFileSync } from "node:fs";
import { formatProblem, resolveAnswers } from "../answers/validate.js";
import { planFor } from "../plan/plan.js";
import { App } from "./cdktn.js";
import { dataStack } from "./data.js";
import { networkStack } from "./network.js";
import { runtimeStack } from "./runtime.js";

const file = process.env.AGENTCORE_VPC_ANSWERS;
const resolution = resolveAnswers(file ? JSON.parse(readFileSync(file, "utf8")) : {});
if (!resolution.ok) {
  process.stderr.write(`${resolution.problems.map(formatProblem).join("\n")}\n`);
  process.exit(2);
}
const app = new App();
const plan = planFor(resolution.answers);
// Each layer as a root configuration, whatever layout the answers ask the scaffolder for.
networkStack(app, plan, "root");
if (plan.answers.rds?.mode === "create") dataStack(app, plan, plan.answers.rds, "root");
runtimeStack(app, plan, "root");
app.synth();
