import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { loadChunk } from "../src/render/chunk.js";
import { packAndInstall, type Installed } from "../scripts/pack.js";
import { SCENARIOS } from "../scripts/scenarios.js";
import { exec, readTree, renderAnswers, tempDir, writeJson } from "./helpers.js";

/** What a user downloads: the packed tarball, installed into an empty directory. */
describe("the published package", () => {
  let pkg: Installed;

  beforeAll(async () => {
    pkg = await packAndInstall();
  }, 120_000);

  afterAll(() => (pkg ? rm(pkg.dir, { recursive: true, force: true }) : undefined));

  test("holds one executable, its chunks, its notices, the README and the licence, and installs nothing else", async () => {
    expect(pkg.packedFiles).toEqual(["LICENSE", "README.md", "bundle/THIRD-PARTY-NOTICES.md", "bundle/create-agentcore-vpc.mjs", "bundle/inspect.mjs", "bundle/synth.cache", "bundle/synth.cjs", "package.json"]);
    expect(pkg.installedPackages).toEqual(["create-agentcore-vpc"]);
    const manifest = JSON.parse(await readFile(join(pkg.project, "node_modules", "create-agentcore-vpc", "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    // npm warns about, and may run, install-time scripts of an installed package: it has none.
    expect(Object.keys((manifest.scripts ?? {}) as object).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
    expect(pkg.installWarnings).toBe("");
    const notices = await readFile(join(pkg.project, "node_modules", "create-agentcore-vpc", "bundle", "THIRD-PARTY-NOTICES.md"), "utf8");
    for (const bundled of ["cdktn@0.24.0 (MPL-2.0)", "@cdktn/provider-aws@25.7.0 (MPL-2.0)", "constructs@10.7.0 (Apache-2.0)", "handlebars@4.7.10 (MIT)", "@inquirer/core", "@aws-sdk/client-ec2@3.1169.0 (Apache-2.0)"]) {
      expect(notices).toContain(bundled);
    }
  });

  test("the synthesis chunk's code cache was made for this Node.js and matches the chunk", () => {
    const bundle = join(pkg.project, "node_modules", "create-agentcore-vpc", "bundle");
    expect(loadChunk(join(bundle, "synth.cjs"), join(bundle, "synth.cache")).cache).toBe("used");
  });

  test("the installed command runs from the empty directory through npm's bin link", async () => {
    const { stdout } = await exec(join(pkg.project, "node_modules", ".bin", "create-agentcore-vpc"), ["--version"], { cwd: pkg.project });
    const version = (JSON.parse(await readFile(join(pkg.project, "node_modules", "create-agentcore-vpc", "package.json"), "utf8")) as { version: string }).version;
    expect(stdout).toBe(`${version}\n`);
  });

  test.each(SCENARIOS.map((s) => [s.name, s] as const))("%s: the bundle writes exactly what the unbundled code renders", async (_name, scenario) => {
    const dir = await tempDir();
    const answers = await writeJson(join(dir, "answers.json"), scenario.answers);
    await exec(process.execPath, [pkg.bin, "out", "--answers", answers, "--yes"], { cwd: dir });
    expect(await readTree(join(dir, "out"))).toEqual(renderAnswers(scenario.answers));
  });
});
