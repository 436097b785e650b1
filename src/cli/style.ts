import { styleText } from "node:util";

export interface Style {
  readonly heading: (text: string) => string;
  readonly note: (text: string) => string;
}

/** Colour only where it was decided to be wanted (a TTY without NO_COLOR). */
export function style(color: boolean): Style {
  const paint = (format: "bold" | "yellow") => (text: string) => (color ? styleText(format, text, { validateStream: false }) : text);
  return { heading: paint("bold"), note: paint("yellow") };
}
