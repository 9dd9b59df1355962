import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter.js';

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
});
