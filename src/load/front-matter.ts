/**
 * Splits a Markdown note into its YAML front matter and its body, keeping the
 * front matter's offset so YAML errors point at the file's real lines.
 * (Not gray-matter: it parses with js-yaml into plain objects and loses positions.)
 */

export interface FrontMatter {
  /** The YAML between the `---` lines. */
  readonly yaml: string;
  /** Offset of `yaml` in the whole text. */
  readonly yamlOffset: number;
  readonly body: string;
  /** 1-based line on which the body starts. */
  readonly bodyLine: number;
}

export type FrontMatterResult =
  | { readonly ok: true; readonly value: FrontMatter }
  | { readonly ok: false; readonly reason: 'missing' | 'unterminated' };

const OPEN = /^---[ \t]*\r?$/;
const CLOSE = /^(---|\.\.\.)[ \t]*\r?$/;

export function splitFrontMatter(text: string): FrontMatterResult {
  // Line by line with indexOf: a note's body can be long, and only the lines up to the closing "---" matter.
  const firstEnd = text.indexOf('\n');
  if (!OPEN.test(firstEnd < 0 ? text : text.slice(0, firstEnd))) return { ok: false, reason: 'missing' };
  if (firstEnd < 0) return { ok: false, reason: 'unterminated' };
  const yamlOffset = firstEnd + 1;
  let start = yamlOffset;
  for (let i = 1; ; i++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const c = text.charCodeAt(start);
    if ((c === 45 /* - */ || c === 46 /* . */) && CLOSE.test(text.slice(start, end))) {
      const yaml = text.slice(yamlOffset, start);
      const bodyStart = Math.min(text.length, end + 1);
      return { ok: true, value: { yaml, yamlOffset, body: text.slice(bodyStart), bodyLine: i + 2 } };
    }
    if (newline < 0) return { ok: false, reason: 'unterminated' };
    start = newline + 1;
  }
}
