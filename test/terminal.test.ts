import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { exec, readTree, ROOT, runCli, tempDir, writeJson } from "./helpers.js";

/**
 * The bundled CLI, as published, in a real pseudo-terminal: tmux runs it, keystrokes answer
 * it, and the screen is read back. CI is unset inside the session, as for a person at a terminal.
 */
const BIN = join(ROOT, "bundle", "create-agentcore-vpc.mjs");

class Terminal {
  private constructor(
    private readonly socket: string,
    readonly dir: string,
  ) {}

  static async start(dir: string, args: string): Promise<Terminal> {
    // A socket inside the test's own directory, so nothing is left in tmux's shared one.
    const socket = join(dir, "tmux.sock");
    const command = `cd '${dir}' && env -u CI TERM=xterm-256color node '${BIN}' ${args}; echo $? > '${dir}/exit-code'; sleep 60`;
    await exec("tmux", ["-S", socket, "new-session", "-d", "-x", "200", "-y", "80", command]);
    return new Terminal(socket, dir);
  }

  async screen(): Promise<string> {
    const { stdout } = await exec("tmux", ["-S", this.socket, "capture-pane", "-p", "-S", "-200"]);
    return stdout;
  }

  /** Waits until the screen shows `text`, so keys are never typed ahead of their question. */
  async waitFor(text: string, timeoutMs = 20_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if ((await this.screen()).includes(text)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the terminal never showed "${text}"; it shows:\n${await this.screen()}`);
  }

  async keys(...keys: string[]): Promise<void> {
    await exec("tmux", ["-S", this.socket, "send-keys", ...keys]);
  }

  async type(text: string): Promise<void> {
    await exec("tmux", ["-S", this.socket, "send-keys", "-l", text]);
  }

  async exitCode(): Promise<number> {
    const file = join(this.dir, "exit-code");
    const until = Date.now() + 20_000;
    while (!existsSync(file) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    return Number((await readFile(file, "utf8")).trim());
  }

  async stop(): Promise<void> {
    await exec("tmux", ["-S", this.socket, "kill-server"]).catch(() => undefined);
  }
}

describe("the wizard in a real terminal", () => {
  beforeAll(async () => {
    await exec("tmux", ["-V"]).catch((error: Error) => {
      throw new Error(`tmux is required by the terminal test and was not found: ${error.message}`);
    });
  });

  test("answered by keystrokes, it writes what the equivalent answers file writes", async () => {
    const dir = await tempDir();
    const term = await Terminal.start(dir, "by-keys");
    try {
      await term.waitFor("Runtime name");
      await term.keys("C-u");
      await term.type("tmux_agent");
      await term.keys("Enter");
      await term.waitFor("AWS region");
      await term.keys("Down", "Enter"); // us-east-2
      await term.waitFor("VPC:");
      await term.keys("Enter"); // new VPC
      await term.waitFor("VPC CIDR");
      await term.keys("Enter");
      await term.waitFor("Availability zones");
      await term.keys("Down", "Enter"); // 3
      await term.waitFor("AgentCore features");
      await term.keys("Down", "Down", "Down", "Space", "Enter"); // + gateway
      await term.waitFor("The Gateway:");
      await term.keys("Enter"); // create one, AWS_IAM
      await term.waitFor("Does the agent need internet egress?");
      await term.keys("n", "Enter");
      await term.waitFor("Days the Memory keeps");
      await term.keys("6", "0", "Enter");
      await term.waitFor("Long-term memory strategies");
      await term.keys("Down", "Space", "Enter"); // + summarization
      await term.waitFor("protocol the agent's container serves");
      await term.keys("Down", "Enter"); // MCP
      await term.waitFor("Container image");
      await term.keys("Enter");
      await term.waitFor("Write the project to by-keys?");
      const screen = await term.screen();
      expect(screen).toContain("com.amazonaws.us-east-2.bedrock-agentcore.gateway");
      // A long line wraps at the terminal's width: joined again, it reads as one.
      expect(screen.replace(/\n/g, "")).toContain("these are needed: s3, ecr.api, ecr.dkr, logs, bedrock-runtime, bedrock-agentcore, bedrock-agentcore-control, bedrock-agentcore.gateway, xray, monitoring");
      await term.keys("Enter");
      expect(await term.exitCode()).toBe(0);
      await term.waitFor("terraform -chdir=runtime apply runtime.tfplan");
    } finally {
      await term.stop();
    }
    const file = await writeJson(join(dir, "a.json"), {
      name: "tmux_agent",
      region: "us-east-2",
      vpc: { cidr: "10.0.0.0/16", azCount: 3 },
      features: ["models", "memory", "gateway", "observability"],
      internet: false,
      memory: { expiryDays: 60, strategies: ["semantic", "summarization"] },
      protocol: "MCP",
      image: "123456789012.dkr.ecr.us-east-2.amazonaws.com/tmux-agent:1.0.0",
    });
    expect((await runCli(["by-file", "--answers", file], dir)).code).toBe(0);
    expect(await readTree(join(dir, "by-keys"))).toEqual(await readTree(join(dir, "by-file")));
  });

  test("Ctrl+C leaves nothing behind and exits 130 with one line", async () => {
    const dir = await tempDir();
    const term = await Terminal.start(dir, "cancelled");
    try {
      await term.waitFor("Runtime name");
      await term.keys("Enter");
      await term.waitFor("AWS region");
      await term.keys("C-c");
      expect(await term.exitCode()).toBe(130);
      await term.waitFor("Cancelled; nothing written.");
    } finally {
      await term.stop();
    }
    expect(existsSync(join(dir, "cancelled"))).toBe(false);
  });
});
