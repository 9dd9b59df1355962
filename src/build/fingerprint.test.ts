import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprint, isOutputPath, isUpToDate, outputClashes, staleOutputs, type FingerprintParts } from './fingerprint.js';

const parts: FingerprintParts = {
  tool: '0.1.0',
  type: 'court-report',
  subject: 'C-1',
  output: 'children/C-1/court-report-2026-12-10',
  asOf: '2026-11-23',
  audience: 'court',
  formats: ['pdf', 'docx'],
  draft: false,
  pdfa: false,
  inputs: { 'agency.yaml': 'a', 'children/C-1/case.yaml': 'b' },
  agency: 'a',
  template: 't',
  fonts: 'f',
  rules: 'r',
  assets: { 'assets/logo.png': 'l' },
};

describe('fingerprint', () => {
  it('does not depend on key or format order', () => {
    const reordered = { ...parts, formats: ['docx', 'pdf'], inputs: { 'children/C-1/case.yaml': 'b', 'agency.yaml': 'a' } };
    expect(fingerprint(reordered)).toBe(fingerprint(parts));
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } })).toBe('{"a":{"c":[3,{"e":0,"f":1}],"d":2},"b":1}');
  });

  it('changes with every part', () => {
    const base = fingerprint(parts);
    const changes: Partial<FingerprintParts>[] = [
      { tool: '0.2.0' }, { asOf: '2026-11-24' }, { audience: 'internal' }, { formats: ['pdf'] }, { draft: true }, { pdfa: true },
      { inputs: { ...parts.inputs, 'children/C-1/contacts/x.md': 'c' } }, { inputs: { ...parts.inputs, 'agency.yaml': 'z' } },
      { agency: 'z' }, { template: 'z' }, { fonts: 'z' }, { rules: 'z' }, { assets: {} }, { output: 'children/C-1/other' },
    ];
    for (const change of changes) expect(fingerprint({ ...parts, ...change }), JSON.stringify(change)).not.toBe(base);
  });
});

describe('isUpToDate', () => {
  const entry = { fingerprint: 'fp', sha256: 'bytes' };
  it('needs the same fingerprint and the recorded bytes on disk', () => {
    expect(isUpToDate(entry, 'fp', 'bytes')).toBe(true);
    expect(isUpToDate(entry, 'other', 'bytes')).toBe(false);
    expect(isUpToDate(entry, 'fp', undefined)).toBe(false);
    expect(isUpToDate(entry, 'fp', 'edited')).toBe(false);
    expect(isUpToDate(undefined, 'fp', 'bytes')).toBe(false);
    // An entry from a manifest written before fingerprints.
    expect(isUpToDate({ sha256: 'bytes' }, 'fp', 'bytes')).toBe(false);
  });
});

describe('staleOutputs', () => {
  it('names recorded outputs without a job, never paths casepress could not have written', () => {
    const recorded = [
      'children/C-1/court-report-2026-12-10.pdf',
      'children/C-1/court-report-2026-12-10.docx',
      'children/C-9/court-report-2026-12-01.pdf',
      'children/C-9/court-report-2026-12-01.docx',
      '../outside.pdf',
      '/etc/passwd.pdf',
      'children/../../x.pdf',
      'manifest.json',
    ];
    expect(staleOutputs(recorded, ['children/C-1/court-report-2026-12-10'])).toEqual(['children/C-9/court-report-2026-12-01.docx', 'children/C-9/court-report-2026-12-01.pdf']);
  });

  it('accepts only relative PDF and DOCX paths inside the output folder', () => {
    expect(isOutputPath('homes/H-1/home-study-2025-01-01.docx')).toBe(true);
    for (const bad of ['./a.pdf', 'a/../b.pdf', '..\\a.pdf', 'a.txt', '/a.pdf', 'a//b.pdf']) expect(isOutputPath(bad), bad).toBe(false);
  });
});

describe('outputClashes', () => {
  it('finds a path two jobs would write', () => {
    expect(outputClashes(['a', 'b', 'a'])).toEqual([{ output: 'a', count: 2 }]);
    expect(outputClashes(['a', 'b'])).toEqual([]);
  });

  it('finds paths that differ only by letter case (one file on Windows and macOS)', () => {
    expect(outputClashes(['children/C-1/court-report-2026-12-01', 'children/c-1/court-report-2026-12-01', 'b'])).toEqual([
      { output: 'children/C-1/court-report-2026-12-01', count: 2, spellings: ['children/C-1/court-report-2026-12-01', 'children/c-1/court-report-2026-12-01'] },
    ]);
  });

  it('writes canonical JSON as JSON.stringify with every object\'s keys sorted would (fingerprints stay as they were)', () => {
    const sortedByReplacer = (value: unknown) =>
      JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v));
    const values = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('__proto__', 'b', 'a', '10', '2'), fc.jsonValue()));
    fc.assert(fc.property(values, (value) => void expect(canonicalJson(value)).toBe(sortedByReplacer(value))));
    const odd = { when: new Date(0), gaps: [undefined, { z: 1, y: undefined }], bytes: new Uint8Array([1]) };
    expect(canonicalJson(odd)).toBe(sortedByReplacer(odd));
  });
});
