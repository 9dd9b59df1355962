/** The fast path's lazy positions are the full parser's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FieldPath } from '../core/field-path.js';
import { fullParseCaseFile, parseCaseFile } from './parse-file.js';

const STARTER = join(import.meta.dirname, '../../starter');

describe('parseCaseFile', () => {
  it.each([
    ['children/C-0001/case.yaml', 'case', [['id'], ['child', 'dob'], ['placements', 0, 'start'], ['placements', 0], ['nope'], ['child', 'nope']]],
    ['children/C-0001/contacts/2026-03-10.md', 'contact', [['date'], ['author'], ['with', 0], ['missing']]],
  ] as const)('locates the fields of %s as the full parser does, parsing again only when asked', (path, kind, paths) => {
    const text = readFileSync(join(STARTER, path), 'utf8');
    let rereads = 0;
    const fast = parseCaseFile(path, kind, text, () => (rereads++, text));
    const full = fullParseCaseFile(path, kind, text);
    expect(fast.diagnostics).toEqual(full.diagnostics);
    expect(fast.loaded!.data).toEqual(full.loaded!.data);
    expect(fast.loaded!.body).toBe(full.loaded!.body);
    expect(fast.loaded!.bodyLine).toBe(full.loaded!.bodyLine);
    expect(rereads).toBe(0);
    for (const field of paths as readonly FieldPath[]) {
      expect(fast.loaded!.locate.value(field)).toEqual(full.loaded!.locate.value(field));
      expect(fast.loaded!.locate.key(field)).toEqual(full.loaded!.locate.key(field));
      expect(fast.loaded!.locate.source(field)).toEqual(full.loaded!.locate.source(field));
    }
    expect(rereads).toBe(1);
  });
});

describe('lineOfText (a warning names the line a printed text came from)', () => {
  it('finds words across a folded line, from the value they stand in', async () => {
    const { lineOfText } = await import('./parse-file.js');
    const text = 'a: Jessamine County\nb: >-\n  lives near East\n  Jessamine High School\nc: x\n';
    expect(lineOfText(text, 'Jessamine High School')).toBe(4);
    expect(lineOfText(text, 'Jessamine')).toBe(1);
    expect(lineOfText(text, 'Jessamine', 'lives near East Jessamine High School')).toBe(4);
    expect(lineOfText(text, 'Fayette')).toBeUndefined();
  });
});
