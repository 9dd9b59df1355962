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
  const lines = text.split('\n');
  if (!OPEN.test(lines[0] ?? '')) return { ok: false, reason: 'missing' };
  let offset = lines[0]!.length + 1;
  const yamlOffset = offset;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (CLOSE.test(line)) {
      const yaml = text.slice(yamlOffset, offset);
      const bodyStart = Math.min(text.length, offset + line.length + 1);
      return { ok: true, value: { yaml, yamlOffset, body: text.slice(bodyStart), bodyLine: i + 2 } };
    }
    offset += line.length + 1;
  }
  return { ok: false, reason: 'unterminated' };
}
