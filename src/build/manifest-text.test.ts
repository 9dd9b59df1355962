import { describe, expect, it } from 'vitest';
import { emptyManifest, serializeManifest, updateManifest, type Manifest, type ManifestEntry } from './manifest.js';
import { entryText, indexManifest, manifestPieces, type ManifestText } from './manifest-text.js';

const encode = (text: string) => new TextEncoder().encode(text);
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
    const text = indexManifest(encode(serializeManifest(manifest)))!;
    expect(text.keys).toEqual(Object.keys(manifest.outputs));
    for (const key of text.keys) expect(text.entry(key)).toEqual(manifest.outputs[key]);
    expect(text.entriesHolding('"children/C-1/case.yaml":')).toEqual(['children/C-1/court-report-2026-12-01.pdf', 'homes/H-1/home-study-2026-06-01.pdf']);
    expect(text.entriesHolding('"children/C-9/')).toEqual([]);
  });

  it('writes what serializeManifest writes, with entries replaced, added and removed', () => {
    const text = indexManifest(encode(serializeManifest(manifest)))!;
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
    expect(decode(rewrite(indexManifest(encode(serializeManifest(emptyManifest('0.1.0'))))!, '0.1.0', new Map([['a.pdf', added]])))).toBe(serializeManifest(updateManifest(emptyManifest('0.1.0'), { 'a.pdf': added })));
  });

  it('indexes only the layout serializeManifest gives (anything else is parsed whole)', () => {
    expect(indexManifest(encode(JSON.stringify(manifest)))).toBeUndefined();
    expect(indexManifest(encode(serializeManifest(manifest).replace('"version": 1', '"version": 2')))).toBeUndefined();
    expect(indexManifest(encode(serializeManifest(manifest).slice(0, -3)))).toBeUndefined();
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
    const text = indexManifest(encode(serializeManifest(many)))!;
    const replaced = entry('C-7', { 'children/C-7/case.yaml': 'z' });
    const pieces = rewrite(text, '0.1.0', new Map([['children/C-7/court-report.pdf', replaced], ['children/C-8/court-report.pdf', undefined]]));
    const { 'children/C-8/court-report.pdf': _gone, ...kept } = many.outputs;
    expect(decode(pieces)).toBe(serializeManifest(updateManifest({ ...many, outputs: kept }, { 'children/C-7/court-report.pdf': replaced })));
    expect(pieces.length).toBeGreaterThan(3);
  });
});
