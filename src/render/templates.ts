import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

const TEMPLATE_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

// strict: a missing field is an error, not an empty string; noEscape: the output is Markdown and text, not HTML.
const engine = Handlebars.create();
const cache = new Map<string, HandlebarsTemplateDelegate>();

export function renderTemplate(name: string, context: object): string {
  let template = cache.get(name);
  if (!template) {
    template = engine.compile(readFileSync(`${TEMPLATE_DIR}${name}.hbs`, "utf8"), { noEscape: true, strict: true });
    cache.set(name, template);
  }
  return template(context);
}
