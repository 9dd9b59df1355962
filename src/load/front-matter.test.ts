import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter, type FrontMatterResult } from './front-matter.js';

/** The plain line-splitting reading, for comparison. */
function reference(text: string): FrontMatterResult {
  const lines = text.split('\n');
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? '')) return { ok: false, reason: 'missing' };
  let offset = lines[0]!.length + 1;
  const yamlOffset = offset;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^(---|\.\.\.)[ \t]*\r?$/.test(line)) {
      const bodyStart = Math.min(text.length, offset + line.length + 1);
      return { ok: true, value: { yaml: text.slice(yamlOffset, offset), yamlOffset, body: text.slice(bodyStart), bodyLine: i + 2 } };
    }
    offset += line.length + 1;
  }
  return { ok: false, reason: 'unterminated' };
}

describe('splitFrontMatter', () => {
  it('keeps the offset of the YAML and the line the body starts on', () => {
    const text = '---\ndate: 2026-10-03\ntype: home_visit\n---\nBody line.\n';
    const result = splitFrontMatter(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.yaml).toBe('date: 2026-10-03\ntype: home_visit\n');
    expect(text.slice(result.value.yamlOffset, result.value.yamlOffset + 4)).toBe('date');
    expect(result.value.body).toBe('Body line.\n');
    expect(result.value.bodyLine).toBe(5);
  });

  it('reads CRLF files and a closing "..." line', () => {
    const result = splitFrontMatter('---\r\ndate: 2026-10-03\r\n...\r\nBody\r\n');
    expect(result.ok && result.value.body).toBe('Body\r\n');
  });

  it('tells a missing front matter from an unterminated one', () => {
    expect(splitFrontMatter('date: 2026-10-03\n')).toEqual({ ok: false, reason: 'missing' });
    expect(splitFrontMatter('---\ndate: 2026-10-03\n')).toEqual({ ok: false, reason: 'unterminated' });
  });

  it('does not take a later horizontal rule for the opening line', () => {
    expect(splitFrontMatter('Text\n---\nMore\n')).toEqual({ ok: false, reason: 'missing' });
  });

  it('reads any text as splitting it into lines would', () => {
    const piece = fc.constantFrom('---', '...', '--', '-', '.', '\n', '\r', '\r\n', ' ', '\t', 'a: 1', 'text');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(splitFrontMatter(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
