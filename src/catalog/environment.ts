import type { Answers } from "../answers/model.js";

/** What the runtime is told through its environment variables, and where each value comes from (agentcore-facts §6). */
export const ENVIRONMENT = {
  memoryId: { name: "AGENTCORE_MEMORY_ID", meaning: "the Memory's ID (output `memory_id`)" },
  gatewayUrl: { name: "AGENTCORE_GATEWAY_URL", meaning: "the MCP URL of the Gateway (output `gateway_url`)" },
  browserId: { name: "AGENTCORE_BROWSER_ID", meaning: "the Browser to start sessions on (output `browser_id`)" },
  codeInterpreterId: { name: "AGENTCORE_CODE_INTERPRETER_ID", meaning: "the Code Interpreter to start sessions on (output `code_interpreter_id`)" },
  databaseSecretArn: { name: "DATABASE_SECRET_ARN", meaning: "the secret with the database's credentials (variable `database_secret_arn`)" },
  databasePort: { name: "DATABASE_PORT", meaning: "the database port (variable `database_port`)" },
  databaseHost: { name: "DATABASE_HOST", meaning: "the database's DNS name (variable `database_host`)" },
} as const;

export type EnvironmentKey = keyof typeof ENVIRONMENT;

/** What a variable holds for these answers: the AWS-managed tools are named, not created. */
export function meaningOf(key: EnvironmentKey, answers: Answers): string {
  if (key === "browserId" && answers.browser?.network === "public" && !answers.browser.recording) return "`aws.browser.v1`, the AWS-managed Browser to start sessions on";
  if (key === "codeInterpreterId" && answers.codeInterpreter?.network === "sandbox") return "`aws.codeinterpreter.v1`, the AWS-managed Code Interpreter to start sessions on";
  if (answers.rds?.mode === "create") {
    const created: Partial<Record<EnvironmentKey, string>> = { databaseSecretArn: "the secret RDS keeps the database's master credentials in (output `database_secret_arn` of data/)", databasePort: "the database port", databaseHost: "the database's DNS name (output `database_endpoint` of data/)" };
    if (created[key]) return created[key];
  }
  return ENVIRONMENT[key].meaning;
}

/** The variables the answers give the runtime, in the order they are listed. */
export function environmentOf(answers: Answers): EnvironmentKey[] {
  // A database whose secret is known: one that exists, or the one data/ creates (whose host is always known).
  const rds = answers.rds?.mode === "existing" ? answers.rds : undefined;
  const created = answers.rds?.mode === "create";
  return [
    ...(answers.memory ? (["memoryId"] as const) : []),
    ...(answers.gateway ? (["gatewayUrl"] as const) : []),
    ...(answers.browser ? (["browserId"] as const) : []),
    ...(answers.codeInterpreter ? (["codeInterpreterId"] as const) : []),
    ...(rds || created ? (["databaseSecretArn", "databasePort"] as const) : []),
    ...(rds?.host || created ? (["databaseHost"] as const) : []),
  ];
}
