/**
 * The loader never throws, whatever it is given: arbitrary bytes, arbitrary
 * text, arbitrary YAML values. It returns diagnostics instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { decode } from '../src/load/decode.js';
import { parseCaseFile } from '../src/load/parse-file.js';
import { FILE_KINDS, type FileKindName } from '../src/model/file-kinds.js';

const KINDS = Object.keys(FILE_KINDS) as FileKindName[];

function loadText(kind: FileKindName, text: string) {
  const result = parseCaseFile(`x/${kind}`, kind, text);
  // Either a record or at least one diagnostic explains why not.
  expect(result.loaded !== undefined || result.diagnostics.length > 0).toBe(true);
  for (const d of result.diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    if (d.span) expect(d.span.start.line).toBeGreaterThanOrEqual(1);
  }
  return result;
}

describe('the loader never throws', () => {
  it('for arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.uint8Array({ maxLength: 400 }), (kind, bytes) => {
        const decoded = decode('x', bytes);
        if (decoded.text !== undefined) loadText(kind, decoded.text);
        else expect(decoded.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('for arbitrary text, with and without front matter', () => {
    const yamlish = fc.stringMatching(/^[a-z:\-\[\]{}'" #&*!|>\n\t0-9.,]*$/, { maxLength: 200 });
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.oneof(fc.string({ maxLength: 200 }), yamlish), fc.boolean(), (kind, text, fenced) => {
        loadText(kind, fenced ? `---\n${text}\n---\nbody\n` : text);
      }),
      { numRuns: 600 },
    );
  });

  it('for arbitrary YAML values', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.jsonValue({ maxDepth: 4 }), (kind, value) => {
        const yaml = stringify(value);
        loadText(kind, FILE_KINDS[kind].syntax === 'markdown' ? `---\n${yaml}---\nbody\n` : yaml);
      }),
      { numRuns: 400 },
    );
  });

  it('for records that are nearly right: a real record with one field replaced by anything', () => {
    const base = { date: '2026-10-03', type: 'home_visit', with: ['child'], location: 'residence', child_seen: true, author: 'casey' };
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(base)), fc.jsonValue({ maxDepth: 2 }), (key, value) => {
        const yaml = stringify({ ...base, [key]: value });
        loadText('contact', `---\n${yaml}---\nbody\n`);
      }),
      { numRuns: 300 },
    );
  });
});
