import { memoryLine } from "../render/memory.js";
import { toolSummaries } from "../render/tools.js";
import { isExistingVpc, type RdsSettings } from "../answers/model.js";
import { databaseLine } from "../render/database.js";
import { pricesNote, usd } from "../catalog/pricing.js";
import type { Plan } from "../plan/plan.js";
import { style as plainStyle, type Style } from "./style.js";
import { table } from "./table.js";


function databaseSummary(rds: RdsSettings): string {
  if (rds.mode === "existing") return `the existing one; its group ${rds.securityGroupId} admits the runtime on port ${rds.port}, and the runtime may read ${rds.secretArn}`;
  if (rds.mode === "create") return `${databaseLine(rds)}, created in data/ with its secret in Secrets Manager`;
  return `a security group to attach to it, open on port ${rds.port} from the runtime`;
}

/** What the plan creates and why, as shown before writing and by --dry-run. */
export function summarize(plan: Plan, style: Style = plainStyle(false)): string {
  const { answers } = plan;
  const vpc = isExistingVpc(answers.vpc) ? `existing VPC ${answers.vpc.id}` : `new VPC ${answers.vpc.cidr} in ${answers.vpc.azCount} AZs`;
  const lines = [
    style.heading(`${answers.name} in ${answers.region}: ${vpc}, ${answers.internet ? "internet egress" : "no internet (private only)"}`),
    `Features: ${answers.features.length > 0 ? answers.features.join(", ") : "none"}`,
    "",
    style.heading("VPC endpoints:"),
    ...table(plan.endpoints.map((e) => [e.serviceName, e.type, e.reused ? "reused" : "created", e.reason])),
    "",
    style.heading("Subnets:"),
    ...table(
      plan.subnets.map((s) =>
        s.id ? [s.tier, s.id, `AZ ID checked at plan time against ${plan.supportedAzIds.join(", ")}`] : [s.tier, s.cidr!, `${s.expectedAzId} (lowest supported AZ IDs the account has)`],
      ),
    ),
    "",
    `NAT gateway: ${plan.nat ? "yes, one, in the public subnet" : answers.internet ? "none created: the existing VPC's own egress path (checked at plan time)" : "none"}`,
    ...(answers.rds ? [`Database: ${databaseSummary(answers.rds)}`] : []),
    ...(answers.memory ? [`Memory: ${memoryLine(answers.memory)}`] : []),
    ...toolSummaries(answers),
    "",
    style.heading(`Estimated cost: ${usd(plan.monthlyUsd)} a month before data charges`),
    `  (${pricesNote(answers.region)})`,
    ...table(plan.cost.map((c) => [c.item, usd(c.monthlyUsd)])),
  ];
  if (plan.notes.length > 0) lines.push("", style.heading("Note:"), ...plan.notes.map((n) => `  ${style.note(n)}`));
  return lines.join("\n");
}
