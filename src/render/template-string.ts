/**
 * Terraform strings are templates: literal text with ${...} and %{...} sequences.
 * These helpers split them so a whole-expression string can be written as a bare
 * expression and literal text can be escaped without touching the expressions.
 */

export interface TemplatePart {
  readonly literal: boolean;
  readonly text: string;
}

/** Index just past the end of a quoted string that starts at `start` (on the opening quote). */
function skipString(s: string, start: number): number {
  let i = start + 1;
  while (i < s.length) {
    const c = s[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else if ((c === "$" || c === "%") && s[i + 1] === "{") i = skipSequence(s, i + 2);
    else i += 1;
  }
  throw new SyntaxError(`unterminated string in template: ${s}`);
}

/** Index just past the "}" closing a sequence whose body starts at `start`. */
function skipSequence(s: string, start: number): number {
  let depth = 1;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      i = skipString(s, i);
      continue;
    }
    if (c === "{") depth += 1;
    if (c === "}" && --depth === 0) return i + 1;
    i += 1;
  }
  throw new SyntaxError(`unterminated \${ in template: ${s}`);
}

export function splitTemplate(s: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = "";
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    const next = s[i + 1];
    if ((c === "$" || c === "%") && next === c && s[i + 2] === "{") {
      literal += s.slice(i, i + 3); // $${ and %%{ are escaped literals
      i += 3;
    } else if ((c === "$" || c === "%") && next === "{") {
      if (literal) parts.push({ literal: true, text: literal });
      literal = "";
      const end = skipSequence(s, i + 2);
      parts.push({ literal: false, text: s.slice(i, end) });
      i = end;
    } else {
      literal += c;
      i += 1;
    }
  }
  if (literal) parts.push({ literal: true, text: literal });
  return parts;
}

/** The bare expression when the whole string is one ${...}, else undefined. */
export function wholeExpression(s: string): string | undefined {
  if (!s.startsWith("${")) return undefined;
  const parts = splitTemplate(s);
  return parts.length === 1 && !parts[0]!.literal ? s.slice(2, -1) : undefined;
}
