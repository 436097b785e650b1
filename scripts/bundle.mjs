// Builds the published executable: an ESM file holding the CLI and the prompts, and beside it
// the synthesis chunk (the CDK Terrain classes it uses and the precompiled templates) with its
// V8 code cache, the account inspection chunk (the AWS SDK calls it makes), plus the notices of
// what they bundle.
import { spawnSync } from "node:child_process";
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import Handlebars from "handlebars";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = join(root, "bundle", "create-agentcore-vpc.mjs");
const chunkfile = join(root, "bundle", "synth.cjs");
const inspectfile = join(root, "bundle", "inspect.mjs");
const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8"));

/** Replaces the modules that read files at run time with what those files hold. */
const inlineAssets = {
  name: "inline-assets",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]version\.ts$/ }, () => ({
      contents: `export function packageVersion() { return ${JSON.stringify(pkg.version)}; }`,
      loader: "js",
    }));
    // Same compile options as src/render/templates.ts; only the small runtime is bundled.
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]templates\.ts$/ }, async () => {
      const dir = join(root, "templates");
      const names = (await readdir(dir)).filter((f) => f.endsWith(".hbs")).sort();
      const entries = await Promise.all(
        names.map(async (f) => `${JSON.stringify(f.slice(0, -4))}: engine.template(${Handlebars.precompile(await readFile(join(dir, f), "utf8"), { noEscape: true, strict: true })})`),
      );
      return {
        contents: `import Handlebars from "handlebars/runtime";
const engine = Handlebars.create();
const templates = {${entries.join(",\n")}};
export function renderTemplate(name, context) { return templates[name](context); }`,
        loader: "js",
        resolveDir: root,
      };
    });
  },
};

const common = { bundle: true, platform: "node", target: "node20", minify: true, metafile: true, legalComments: "none" };

// Synthesis, loaded only by runs that generate, through src/render/chunk.ts and its code cache.
const chunk = await build({ ...common, entryPoints: [join(root, "src", "render", "project.ts")], outfile: chunkfile, format: "cjs", plugins: [inlineAssets] });

/**
 * The SDK's schema files key their traits by constants (`{ [_xN]: _m }` after `const _xN = "xmlName"`),
 * and esbuild keeps every object with a computed key as if it had side effects: all of EC2's
 * schemas stayed in the chunk. Writing each such key as the string the constant holds is the
 * same object, and lets esbuild drop the schemas of the calls never sent (878 kB to 345 kB).
 */
const literalSchemaKeys = {
  name: "literal-schema-keys",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]@aws-sdk[\\/].*[\\/]dist-es[\\/](?:.*[\\/])?schemas[\\/]schemas_\d+\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const strings = new Map([...text.matchAll(/^const (_\w+) = ("[^"\\]*");$/gm)].map(([, name, value]) => [name, value]));
      return { contents: text.replace(/\[(_\w+)\]:/g, (key, name) => (strings.has(name) ? `${strings.get(name)}:` : key)), loader: "js" };
    });
  },
};

// Account inspection, loaded only by runs that read an AWS account. The SDK's ES modules
// ("module") let esbuild keep only the commands the layer sends.
const inspect = await build({
  ...common,
  entryPoints: [join(root, "src", "inspect", "index.ts")],
  outfile: inspectfile,
  format: "esm",
  mainFields: ["module", "main"],
  plugins: [literalSchemaKeys],
  // The SDK warns on Node.js 20 that its releases after January 2027 will need Node.js 22; the
  // chunk holds a pinned release, so the warning would only puzzle the people running the CLI.
  define: { "process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED": '"true"' },
});

/** src/cli's import() of the inspection layer becomes a load of the chunk beside the bundle. */
const inspectChunk = {
  name: "inspect-chunk",
  setup(b) {
    b.onResolve({ filter: /[\\/]inspect[\\/]index\.js$/ }, (args) => {
      if (!args.importer.startsWith(join(root, "src", "cli") + sep) || join(args.resolveDir, args.path) !== join(root, "src", "inspect", "index.js")) return undefined;
      if (args.kind !== "dynamic-import") return { errors: [{ text: `${args.importer} imports ${args.path} statically: load it with import(), so that only runs that inspect an account load the AWS SDK` }] };
      return { path: "./inspect.mjs", external: true };
    });
  },
};

/** main.ts's import of the renderer becomes a load of the chunk beside the bundle. */
const synthChunk = {
  name: "synth-chunk",
  setup(b) {
    b.onResolve({ filter: /[\\/]render[\\/]project\.js$/ }, (args) => (args.importer.endsWith(join("src", "cli", "main.ts")) ? { path: "synth-chunk", namespace: "synth-chunk" } : undefined));
    b.onLoad({ filter: /.*/, namespace: "synth-chunk" }, () => ({
      contents: `import { fileURLToPath } from "node:url";
import { loadChunk } from "./src/render/chunk.ts";
const here = fileURLToPath(new URL(".", import.meta.url));
export const { renderProject } = loadChunk(here + "synth.cjs", here + "synth.cache").exports;`,
      loader: "js",
      resolveDir: root,
    }));
  },
};

const result = await build({
  ...common,
  entryPoints: [join(root, "src", "bin.ts")],
  outfile,
  format: "esm",
  plugins: [inlineAssets, synthChunk, inspectChunk],
  // Bundled CommonJS code calls require() for Node built-ins.
  // src/bin.ts carries the #! line, which esbuild keeps first.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await chmod(outfile, 0o755);

/** Each bundled package once, with its licence text. */
async function notices() {
  const dirs = new Set();
  for (const input of [...Object.keys(result.metafile.inputs), ...Object.keys(chunk.metafile.inputs), ...Object.keys(inspect.metafile.inputs)]) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]);
  }
  // Packages whose licence text is the same (the AWS SDK's dozens of Apache-2.0 copies) share one section.
  const byText = new Map();
  for (const dir of [...dirs].sort()) {
    const meta = JSON.parse(await readFile(join(root, dir, "package.json"), "utf8"));
    const licenseFile = (await readdir(join(root, dir))).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licenseFile ? (await readFile(join(root, dir, licenseFile), "utf8")).trim() : `No licence file ships with the package; its package.json declares ${meta.license}.`;
    byText.set(text, [...(byText.get(text) ?? []), `${meta.name}@${meta.version} (${meta.license})`]);
  }
  const sections = [...byText].map(([text, names]) => `## ${names.join(", ")}\n\n${"```"}\n${text}\n${"```"}`);
  return `# Third-party notices

\`create-agentcore-vpc.mjs\`, \`synth.cjs\` and \`inspect.mjs\` bundle the packages below, minified. Files under the Mozilla Public
License 2.0 are included unmodified apart from bundling; their source code form is the npm
package of the name and version given.

${sections.join("\n\n")}
`;
}
await mkdir(dirname(outfile), { recursive: true });
await writeFile(join(root, "bundle", "THIRD-PARTY-NOTICES.md"), await notices());

// The code cache is made by this Node.js, after a representative run: see scripts/code-cache.mjs.
const cache = spawnSync(process.execPath, [join(root, "scripts", "code-cache.mjs")], { stdio: "inherit" });
if (cache.status !== 0) throw new Error("scripts/code-cache.mjs failed");
