import type { Answers } from "../answers/model.js";

/** What the runtime is told through its environment variables, and where each value comes from (agentcore-facts §6). */
export const ENVIRONMENT = {
  memoryId: { name: "AGENTCORE_MEMORY_ID", meaning: "the Memory's ID (output `memory_id`)" },
  gatewayUrl: { name: "AGENTCORE_GATEWAY_URL", meaning: "the MCP URL of the Gateway (output `gateway_url`)" },
  browserId: { name: "AGENTCORE_BROWSER_ID", meaning: "the Browser to start sessions on (output `browser_id`, or the AWS-managed `aws.browser.v1`)" },
  codeInterpreterId: { name: "AGENTCORE_CODE_INTERPRETER_ID", meaning: "the Code Interpreter to start sessions on (output `code_interpreter_id`, or the AWS-managed `aws.codeinterpreter.v1`)" },
  databaseSecretArn: { name: "DATABASE_SECRET_ARN", meaning: "the secret with the database's credentials (variable `database_secret_arn`)" },
  databasePort: { name: "DATABASE_PORT", meaning: "the database port (variable `database_port`)" },
  databaseHost: { name: "DATABASE_HOST", meaning: "the database's DNS name (variable `database_host`)" },
} as const;

export type EnvironmentKey = keyof typeof ENVIRONMENT;

/** The variables the answers give the runtime, in the order they are listed. */
export function environmentOf(answers: Answers): EnvironmentKey[] {
  const rds = answers.rds?.mode === "existing" ? answers.rds : undefined;
  return [
    ...(answers.memory ? (["memoryId"] as const) : []),
    ...(answers.gateway ? (["gatewayUrl"] as const) : []),
    ...(answers.browser ? (["browserId"] as const) : []),
    ...(answers.codeInterpreter ? (["codeInterpreterId"] as const) : []),
    ...(rds ? (["databaseSecretArn", "databasePort"] as const) : []),
    ...(rds?.host ? (["databaseHost"] as const) : []),
  ];
}
