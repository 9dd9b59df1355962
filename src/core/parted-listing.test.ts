import { describe, expect, it } from 'vitest';
import type { ListedEntry, RootListing } from './listing.js';
import { PartedListing, rootStamps, type EntryCodec, type EntryStore } from './parted-listing.js';

/** A store in memory that counts what is read back. */
function memoryStore(): EntryStore & { reads: number; size: () => number } {
  let bytes = new Uint8Array(0);
  const store = {
    reads: 0,
    size: () => bytes.length,
    append(more: Uint8Array): number {
      const at = bytes.length;
      const next = new Uint8Array(at + more.length);
      next.set(bytes);
      next.set(more, at);
      bytes = next;
      return at;
    },
    read(offset: number, length: number): Uint8Array {
      store.reads++;
      return bytes.slice(offset, offset + length);
    },
  };
  return store;
}

/** Files come back as objects of their own, so a test can tell a read-back entry from the one listed. */
const codec: EntryCodec = { encode: (entry) => ({ ...entry, stored: true }), decode: (value) => value as ListedEntry };

const file = (path: string, sha256?: string): ListedEntry => ({ type: 'file', path, size: path.length, mtimeMs: 1_000, ...(sha256 ? { sha256 } : {}) });
const dir = (path: string): ListedEntry => ({ type: 'dir', path });

// In path order, as the io layer lists: `children/A-1-2` and its files sort between `children/A-1` and `children/A-1/…`.
const listing: RootListing = {
  listedAt: 5_000,
  entries: [
    file('agency.yaml', 'a'),
    dir('children'),
    dir('children/A-1'),
    dir('children/A-1-2'),
    file('children/A-1-2/case.yaml', 'b'),
    file('children/A-1/case.yaml', 'c'),
    dir('children/A-1/contacts'),
    file('children/A-1/contacts/2026-01-02.md', 'd'),
    dir('children/B-7'),
    file('children/B-7/case.yaml', 'e'),
    file('children/README.txt'),
    dir('homes'),
    dir('homes/H-1'),
    file('homes/H-1/home.yaml', 'f'),
  ],
};

describe('a listing whose children wait in a scratch file', () => {
  it('is given a listing in path order', () => {
    const paths = listing.entries.map((e) => e.path);
    expect(paths).toEqual([...paths].sort());
  });

  it('keeps only what lies outside the children folders in memory, and gives a part its own children back', () => {
    const store = memoryStore();
    const parted = new PartedListing(listing, store, codec);
    expect(store.size()).toBeGreaterThan(0);
    const part = parted.part(new Set(['A-1']));
    expect(part.listedAt).toBe(5_000);
    expect(part.entries.map((e) => e.path)).toEqual(listing.entries.map((e) => e.path).filter((path) => !path.startsWith('children/A-1-2/') && !path.startsWith('children/B-7/')));
    // The part's own entries were read back (and only its one folder); the case folders themselves stayed in memory.
    expect(store.reads).toBe(1);
    expect(part.entries.filter((e) => 'stored' in e).map((e) => e.path)).toEqual(['children/A-1/case.yaml', 'children/A-1/contacts', 'children/A-1/contacts/2026-01-02.md']);
    expect(parted.part(undefined).entries.map((e) => e.path)).toEqual(listing.entries.map((e) => e.path));
  });

  it('stamps every entry in path order, as the listing held in memory stamps them', () => {
    const parted = new PartedListing(listing, memoryStore(), codec);
    expect([...parted.stamps()!]).toEqual(rootStamps(listing));
    // Something that could not be stamped: no stamps at all (the load reports it).
    const broken = new PartedListing({ entries: [...listing.entries, { type: 'problem', path: 'homes/H-1/x.md', problem: 'outside', detail: '' }] }, memoryStore(), codec);
    expect(broken.stamps()).toBeUndefined();
  });
});
