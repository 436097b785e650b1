import { join } from "node:path";
import { readTree, tempDir, writeJson } from "./helpers.js";
import { Attempts, wizard } from "./scripted-prompts.js";

const answersIn = async (dir: string, project: string): Promise<Record<string, unknown>> => JSON.parse((await readTree(join(dir, project)))["agentcore-vpc.json"]!);

describe("the wizard asks about the Gateway, the tools and the protocol only as they are chosen", () => {
  test("a public Browser, a sandboxed Code Interpreter and an existing gateway: no internet is forced, and the ARN is checked", async () => {
    const dir = await tempDir();
    const session = await wizard(
      ["t"],
      [
        [/features the agent uses/, ["models", "gateway", "browser", "codeInterpreter"]],
        [/Where does the Browser browse from/, "public"],
        [/Record Browser sessions/, true],
        [/Where does the Code Interpreter run code/, "sandbox"],
        [/^The Gateway:/, "existing"],
        [/gateway's ARN/, new Attempts(["arn:aws:bedrock-agentcore:eu-west-1:123456789012:gateway/tools-a1b2c3d4e5", "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/tools-a1b2c3d4e5"])],
        [/internet egress/, false],
        [/protocol the agent's container serves/, "MCP"],
      ],
      dir,
    );
    expect([session.code, session.stderr]).toEqual([0, ""]);
    expect(session.refusals).toEqual([expect.stringContaining("The gateway is in eu-west-1, the runtime in us-east-1")]);
    const answers = await answersIn(dir, "t");
    expect(answers).toMatchObject({
      internet: false,
      browser: { network: "public", recording: true },
      codeInterpreter: { network: "sandbox" },
      gateway: { arn: "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/tools-a1b2c3d4e5" },
      protocol: "MCP",
    });
  });

  test("a VPC-mode Browser turns internet egress on without asking; a JWT gateway takes its discovery URL and clients", async () => {
    const dir = await tempDir();
    const session = await wizard(
      ["v"],
      [
        [/features the agent uses/, ["models", "gateway", "browser"]],
        [/Where does the Browser browse from/, "vpc"],
        [/^The Gateway:/, "jwt"],
        [/discovery URL/, new Attempts(["https://idp.example.com/keys", "https://idp.example.com/.well-known/openid-configuration"])],
        [/Client IDs/, "app-one, app-two"],
      ],
      dir,
    );
    expect([session.code, session.stderr]).toEqual([0, ""]);
    expect(session.asked.some((q) => /Does the agent need internet egress/.test(q))).toBe(false);
    expect(session.refusals).toHaveLength(1);
    expect(await answersIn(dir, "v")).toMatchObject({
      internet: true,
      browser: { network: "vpc", recording: false },
      gateway: { create: true, authorizer: "CUSTOM_JWT", discoveryUrl: "https://idp.example.com/.well-known/openid-configuration", allowedClients: ["app-one", "app-two"], allowedAudience: [] },
    });
    expect(await answersIn(dir, "v")).not.toHaveProperty("protocol");
  });

  test("tool settings of the answers file are not asked again", async () => {
    const dir = await tempDir();
    const file = await writeJson(join(dir, "a.json"), { features: ["browser", "gateway"], browser: { network: "public" }, gateway: { create: true } });
    const kept = await wizard(["k", "--answers", file], [], dir);
    expect([kept.code, kept.stderr, kept.asked.some((q) => /Browser browse|^The Gateway/.test(q))]).toEqual([0, "", false]);
    expect(await answersIn(dir, "k")).toMatchObject({ internet: false, browser: { network: "public", recording: false }, gateway: { create: true, authorizer: "AWS_IAM" } });
  });
});
