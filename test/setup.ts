import { join } from "node:path";
import { tmpdir } from "node:os";
import { removeTempDirs } from "./helpers.js";

// No test reads a real AWS account: the SDK's credential chain finds nothing unless a test sets it up.
for (const name of Object.keys(process.env).filter((n) => /^AWS_/.test(n))) delete process.env[name];
Object.assign(process.env, {
  AWS_EC2_METADATA_DISABLED: "true",
  // The SDK's notice that later releases need Node.js 22: the bundle turns it off the same way.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  AWS_CONFIG_FILE: join(tmpdir(), "agentcore-vpc-no-aws-config"),
  AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), "agentcore-vpc-no-aws-credentials"),
});

// Every test file removes what it made in the temp directory (test/global-teardown.js checks).
afterAll(() => removeTempDirs());
