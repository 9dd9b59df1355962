import { describe, expect, it } from 'vitest';
import { emptyManifest, serializeManifest, updateManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { entryText, indexManifest, manifestPieces, type ManifestBytes, type ManifestText, type WindowSizes } from './manifest-text.js';

const encode = (text: string) => new TextEncoder().encode(text);
/** Bytes in memory, as a file to index. */
const bytesFile = (bytes: Uint8Array): ManifestBytes => ({ size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length) });
/** A manifest's text indexed as a file is, read through windows of these sizes (a megabyte, unless told). */
const indexed = (text: string, sizes?: WindowSizes) => indexManifest(bytesFile(encode(text)), sizes);
const decode = (pieces: Iterable<Uint8Array>) => new TextDecoder().decode(Buffer.concat([...pieces]));

/** The manifest's text with these entries replaced or added (undefined: removed), as run.ts writes it: unchanged entries copied from the text. */
function rewrite(text: ManifestText, tool: string, changes: ReadonlyMap<string, ManifestEntry | undefined>): Uint8Array[] {
  const keys = [...new Set([...text.keys, ...changes.keys()])].sort();
  return [...manifestPieces(tool, keys, (key) => (changes.has(key) ? changes.get(key) && entryText(key, changes.get(key)!) : text.textOf(key)))];
}

/** A manifest written from its entries. */
const piecesOf = (m: Manifest) => manifestPieces(m.tool, Object.keys(m.outputs), (key) => entryText(key, m.outputs[key]!));

const entry = (subject: string, inputs: Record<string, string>, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  type: 'court-report', subject, audience: 'court', template: 'court-report.md.hbs', asOf: '2026-11-23', inputs, withheld: [], warnings: ['a "quoted"\nline'], fingerprint: 'f', sha256: 's', ...extra,
});

const manifest = updateManifest(emptyManifest('0.1.0'), {
  'children/C-1/court-report-2026-12-01.pdf': entry('C-1', { 'children/C-1/case.yaml': 'a', 'children/C-1/contacts/': 'b' }),
  'children/C-2/court-report-2026-12-02.pdf': entry('C-2', { 'children/C-2/case.yaml': 'c', 'children/C-2/contacts/Hương.md': 'é' }, { withheld: [{ kind: 'foster_family_identity', field: 'home' }] }),
  'homes/H-1/home-study-2026-06-01.pdf': entry('H-1', { 'children/C-1/case.yaml': 'a', 'homes/H-1/study.md': 'd' }, { type: 'home-study', audience: 'internal' }),
});

describe('a manifest read entry by entry', () => {
  it('gives each entry as JSON.parse would, and finds the entries that hold a text', () => {
    const text = indexed(serializeManifest(manifest))!;
    expect(text.keys).toEqual(Object.keys(manifest.outputs));
    for (const key of text.keys) expect(text.entry(key)).toEqual(manifest.outputs[key]);
    expect(text.entriesHolding('"children/C-1/case.yaml":')).toEqual(['children/C-1/court-report-2026-12-01.pdf', 'homes/H-1/home-study-2026-06-01.pdf']);
    expect(text.entriesHolding('"children/C-9/')).toEqual([]);
  });

  it('writes what serializeManifest writes, with entries replaced, added and removed', () => {
    const text = indexed(serializeManifest(manifest))!;
    const added = entry('C-0', { 'children/C-0/case.yaml': 'e' });
    const replaced = entry('C-2', { 'children/C-2/case.yaml': 'z' });
    const changes = new Map<string, ManifestEntry | undefined>([
      ['children/C-0/court-report-2026-12-03.pdf', added],
      ['children/C-2/court-report-2026-12-02.pdf', replaced],
      ['homes/H-1/home-study-2026-06-01.pdf', undefined],
    ]);
    const { 'homes/H-1/home-study-2026-06-01.pdf': _gone, ...kept } = manifest.outputs;
    const expected = updateManifest({ ...manifest, outputs: kept }, { 'children/C-0/court-report-2026-12-03.pdf': added, 'children/C-2/court-report-2026-12-02.pdf': replaced });
    expect(decode(rewrite(text, '0.1.0', changes))).toBe(serializeManifest(expected));
    expect(decode(rewrite(text, '0.2.0', new Map(text.keys.map((key) => [key, undefined]))))).toBe(serializeManifest(emptyManifest('0.2.0')));
    expect(decode(rewrite(indexed(serializeManifest(emptyManifest('0.1.0')))!, '0.1.0', new Map([['a.pdf', added]])))).toBe(serializeManifest(updateManifest(emptyManifest('0.1.0'), { 'a.pdf': added })));
  });

  it('reads the same through windows of a few bytes: a key, an entry or a searched text across every seam', () => {
    const inputs = (i: number) => ({ [`children/C-${i % 7}/case.yaml`]: 'a', 'children/Hương/contacts/': 'é' });
    const some = updateManifest(emptyManifest('0.1.0'), Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`children/C-${String(i).padStart(2, '0')}/court-report.pdf`, entry(`C-${i}`, inputs(i))])));
    const text = serializeManifest(some);
    const whole = indexed(text)!;
    expect(whole.entriesHolding('"children/C-3/case.yaml":')).toEqual(['children/C-03/court-report.pdf', 'children/C-10/court-report.pdf', 'children/C-17/court-report.pdf', 'children/C-24/court-report.pdf', 'children/C-31/court-report.pdf', 'children/C-38/court-report.pdf']);
    for (const sizes of [{ search: 7, entry: 5 }, { search: 16, entry: 3 }, { search: 61, entry: 200 }, { search: 1, entry: 1 }]) {
      const small = indexed(text, sizes)!;
      expect(small.keys).toEqual(whole.keys);
      // Backwards, so no entry is where the last read left off.
      for (const key of [...whole.keys].reverse()) {
        expect(small.entry(key)).toEqual(some.outputs[key]);
        expect(small.textOf(key)).toEqual(whole.textOf(key));
      }
      for (let i = 0; i < 7; i++) expect(small.entriesHolding(`"children/C-${i}/case.yaml":`)).toEqual(whole.entriesHolding(`"children/C-${i}/case.yaml":`));
      expect(small.entriesHolding('"children/Hương/contacts/":')).toEqual(whole.keys);
      expect(decode(rewrite(small, '0.1.0', new Map()))).toBe(text);
    }
  });

  it('indexes only the layout serializeManifest gives (anything else is parsed whole)', () => {
    expect(indexed(JSON.stringify(manifest))).toBeUndefined();
    expect(indexed(serializeManifest(manifest).replace('"version": 1', '"version": 2'))).toBeUndefined();
    expect(indexed(serializeManifest(manifest).slice(0, -3))).toBeUndefined();
  });
});

describe('a manifest written in pieces', () => {
  it('is serializeManifest\'s text, empty, small or over many pieces', () => {
    const many = updateManifest(
      emptyManifest('0.1.0'),
      Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`children/C-${i}/court-report.pdf`, entry(`C-${i}`, Object.fromEntries(Array.from({ length: 20 }, (_, k) => [`children/C-${i}/contacts/${k}.md`, 'x'.repeat(64)])))])),
    );
    for (const m of [emptyManifest('0.1.0'), manifest, many]) expect(decode(piecesOf(m))).toBe(serializeManifest(m));
    expect([...piecesOf(many)].length).toBeGreaterThan(3);

    // Written again from its text, one entry replaced and one removed: the same text as written whole, in pieces too.
    const text = indexed(serializeManifest(many))!;
    const replaced = entry('C-7', { 'children/C-7/case.yaml': 'z' });
    const pieces = rewrite(text, '0.1.0', new Map([['children/C-7/court-report.pdf', replaced], ['children/C-8/court-report.pdf', undefined]]));
    const { 'children/C-8/court-report.pdf': _gone, ...kept } = many.outputs;
    expect(decode(pieces)).toBe(serializeManifest(updateManifest({ ...many, outputs: kept }, { 'children/C-7/court-report.pdf': replaced })));
    expect(pieces.length).toBeGreaterThan(3);
  });
});
