import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListedEntry } from '../core/listing.js';
import { ChangedWhileReading, listCaseRoot, listedEntryCodec, ListedFile } from './list-root.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'casepress-list-'));
  await mkdir(join(root, 'children', 'C-1'), { recursive: true });
  await writeFile(join(root, 'children', 'C-1', 'case.yaml'), 'id: C-1\n');
  await writeFile(join(root, 'children', 'C-1', 'photo.pdf'), 'not read');
});
afterAll(async () => rm(root, { recursive: true, force: true }));

/** An entry written down as a scratch file holds it, and read back. */
const roundTrip = (entry: ListedEntry) => listedEntryCodec.decode(JSON.parse(JSON.stringify(listedEntryCodec.encode(entry))));

describe('a listed entry written to a scratch file and read back', () => {
  it('is the same entry, and a case file still reads its bytes from disk, checked against its hash', async () => {
    const listing = await listCaseRoot(root, { maxFileBytes: 1_000, known: () => undefined, dropBytes: true });
    const back = listing.entries.map(roundTrip);
    expect(back.map((e) => ({ ...e }))).toEqual(listing.entries.map((e) => ({ ...e })));
    const file = back.find((e) => e.path === 'children/C-1/case.yaml') as ListedFile;
    expect(file).toBeInstanceOf(ListedFile);
    expect(new TextDecoder().decode(file.bytes)).toBe('id: C-1\n');
    await writeFile(join(root, 'children', 'C-1', 'case.yaml'), 'id: C-2\n');
    expect(() => (roundTrip(file) as ListedFile).bytes).toThrow(ChangedWhileReading);
  });

  it('keeps the hash its bytes had when no stamp vouched for them', async () => {
    const listing = await listCaseRoot(root, { maxFileBytes: 1_000 });
    const file = listing.entries.find((e) => e.path === 'children/C-1/case.yaml') as ListedFile;
    expect(file.sha256).toBeUndefined();
    file.release();
    const back = roundTrip(file) as ListedFile;
    expect(back.sha256).toBeUndefined();
    expect(new TextDecoder().decode(back.bytes)).toBe('id: C-2\n');
    await writeFile(join(root, 'children', 'C-1', 'case.yaml'), 'id: C-3\n');
    expect(() => (roundTrip(file) as ListedFile).bytes).toThrow(ChangedWhileReading);
  });
});
