// Writes bundle/synth.cache: the V8 code cache of bundle/synth.cjs, made after rendering every
// scenario in both formats, so that it holds the functions a real run compiles. Run by
// scripts/bundle.mjs after tsc, with the Node.js that builds the package.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { resolveAnswers } from "../dist/answers/validate.js";
import { planFor } from "../dist/plan/plan.js";
import { codeCacheOf, loadChunk } from "../dist/render/chunk.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const chunkfile = join(root, "bundle", "synth.cjs");
const compiled = await build({ entryPoints: [join(root, "scripts", "scenarios.ts")], bundle: true, format: "esm", platform: "node", write: false });
const { SCENARIOS } = await import(`data:text/javascript;base64,${Buffer.from(compiled.outputFiles[0].text).toString("base64")}`);

const { exports, script } = loadChunk(chunkfile, join(root, "bundle", "no-cache-yet"));
for (const scenario of SCENARIOS) {
  for (const format of ["hcl", "json"]) {
    const resolution = resolveAnswers({ ...scenario.answers, format });
    if (!resolution.ok) throw new Error(`scenario ${scenario.name} refused`);
    exports.renderProject(planFor(resolution.answers));
  }
}
await writeFile(join(root, "bundle", "synth.cache"), codeCacheOf(chunkfile, script));
