// Builds the published executable: one ESM file holding the CLI, the synthesis classes it
// uses, the precompiled templates and the prompts, plus the notices of what it bundles.
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import Handlebars from "handlebars";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = join(root, "bundle", "create-agentcore-vpc.mjs");
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

const result = await build({
  entryPoints: [join(root, "src", "bin.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  metafile: true,
  legalComments: "none",
  plugins: [inlineAssets],
  // Bundled CommonJS code calls require() for Node built-ins.
  // src/bin.ts carries the #! line, which esbuild keeps first.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await chmod(outfile, 0o755);

/** Each bundled package once, with its licence text. */
async function notices() {
  const dirs = new Set();
  for (const input of Object.keys(result.metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) dirs.add(match[1]);
  }
  const sections = [];
  for (const dir of [...dirs].sort()) {
    const meta = JSON.parse(await readFile(join(root, dir, "package.json"), "utf8"));
    const licenseFile = (await readdir(join(root, dir))).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licenseFile ? (await readFile(join(root, dir, licenseFile), "utf8")).trim() : `No licence file ships with the package; its package.json declares ${meta.license}.`;
    sections.push(`## ${meta.name}@${meta.version} (${meta.license})\n\n${"```"}\n${text}\n${"```"}`);
  }
  return `# Third-party notices

\`create-agentcore-vpc.mjs\` bundles the packages below, minified. Files under the Mozilla Public
License 2.0 are included unmodified apart from bundling; their source code form is the npm
package of the name and version given.

${sections.join("\n\n")}
`;
}
await mkdir(dirname(outfile), { recursive: true });
await writeFile(join(root, "bundle", "THIRD-PARTY-NOTICES.md"), await notices());
