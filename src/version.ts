import { readFileSync } from "node:fs";

/** The package version; the bundle carries it inline (scripts/bundle.mjs). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
