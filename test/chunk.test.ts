import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { codeCacheOf, loadChunk } from "../src/render/chunk.js";
import { ROOT, tempDir } from "./helpers.js";

describe("a CommonJS chunk with its code cache (src/render/chunk.ts)", () => {
  interface Twice {
    twice(n: number): number;
    base: string;
  }

  async function chunk(source = 'const path = require("node:path"); module.exports = { twice: (n) => n * 2, base: path.basename(__filename) };\n'): Promise<{ code: string; cache: string }> {
    const dir = await tempDir();
    const code = join(dir, "chunk.cjs");
    await writeFile(code, source);
    return { code, cache: join(dir, "chunk.cache") };
  }

  test("loads without a cache, and with the cache it made: the same exports, and the cache is used", async () => {
    const { code, cache } = await chunk();
    const first = loadChunk<Twice>(code, cache);
    expect([first.cache, first.exports.twice(21), first.exports.base]).toEqual(["none", 42, "chunk.cjs"]);
    await writeFile(cache, codeCacheOf(code, first.script));
    const second = loadChunk<Twice>(code, cache);
    expect([second.cache, second.exports.twice(2)]).toEqual(["used", 4]);
  });

  test("a cache of other code, or a damaged one, is never handed to V8", async () => {
    const { code, cache } = await chunk();
    const made = codeCacheOf(code, loadChunk(code, cache).script);
    const damaged = Buffer.from(made);
    damaged.fill(7, 40);
    await writeFile(cache, damaged);
    expect(loadChunk<Twice>(code, cache)).toMatchObject({ cache: "none", exports: { base: "chunk.cjs" } });
    await writeFile(cache, made);
    await writeFile(code, 'module.exports = { twice: (n) => n + n, base: "changed" };\n');
    expect(loadChunk<Twice>(code, cache)).toMatchObject({ cache: "none", exports: { base: "changed" } });
  });

  test("a cache another V8 configuration made is rejected by V8, and the chunk still runs", async () => {
    const { code, cache } = await chunk();
    // --no-opt changes V8's flag hash, as another Node.js version would change its version hash.
    const script = `import("${join(ROOT, "dist", "render", "chunk.js")}").then(async (m) => { const { writeFileSync } = await import("node:fs"); writeFileSync(${JSON.stringify(cache)}, m.codeCacheOf(${JSON.stringify(code)}, m.loadChunk(${JSON.stringify(code)}, ${JSON.stringify(cache)}).script)); })`;
    expect(spawnSync(process.execPath, ["--no-opt", "-e", script]).status).toBe(0);
    expect((await readFile(cache)).length).toBeGreaterThan(32);
    expect(loadChunk<Twice>(code, cache)).toMatchObject({ cache: "rejected", exports: { base: "chunk.cjs" } });
  });
});
