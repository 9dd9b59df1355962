/**
 * The parse cache: a load from stored parses gives what parsing gives (records,
 * bodies, positions, every diagnostic), a changed file is parsed again, and a
 * stale or malformed entry is never used.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../core/hash.js';
import type { RootListing } from '../core/listing.js';
import { withText } from '../../test/helpers/listing.js';
import { listCaseRoot } from '../io/list-root.js';
import type { CaseRoot } from '../model/case-root.js';
import { buildRoot, REPO, type FixtureSpec } from '../../test/helpers/fixture-root.js';
import { MAX_FILE_BYTES } from './decode.js';
import { loadCaseRoot, type LoadResult } from './load-root.js';
import { ParseCache, shardOf, type StoredParse, type StoredShard } from './parse-cache.js';

const STARTER = join(REPO, 'starter');
const CONTACT = 'children/C-0001/contacts/2026-03-10.md';

const hashes = (listing: RootListing) => {
  const bytes = new Map(listing.entries.flatMap((e) => (e.type === 'file' && e.bytes ? [[e.path, e.bytes] as const] : [])));
  return (path: string) => sha256(bytes.get(path)!);
};

/** Loads with a cache of what was stored; returns the result and what the cache would store now, as it would be read back (JSON). */
function loadCached(listing: RootListing, stored: ReadonlyMap<string, unknown> = new Map()): { result: LoadResult; stored: Map<string, unknown>; written: string[] } {
  const cache = new ParseCache(stored, hashes(listing));
  const result = loadCaseRoot(listing, { cache });
  const { shards, write } = cache.changes();
  const next = new Map<string, unknown>([...stored].filter(([shard]) => shards.has(shard)));
  for (const [shard, entries] of write) next.set(shard, JSON.parse(JSON.stringify(entries)));
  return { result, stored: next, written: [...write.keys()].sort() };
}

/** Every record with its body and the positions a check could ask for, as plain values to compare. */
function records(root: CaseRoot): unknown[] {
  const files = [root.agency, ...root.children.flatMap((c) => [c.case, c.plan, c.transition, ...c.contacts, ...c.visits, ...c.assessments, ...c.courtNotes]), ...root.homes.flatMap((h) => [h.home, h.study])];
  return files.flatMap((f) => (f ? [{ file: f.file, kind: f.kind, data: f.data, body: f.body, bodyLine: f.bodyLine, mayHoldFence: f.mayHoldFence, date: f.locate.value(['date']) ?? null }] : []));
}

const list = (root: string) => listCaseRoot(root, { maxFileBytes: MAX_FILE_BYTES });

/** A stored shard with these entries put in place of (or beside) its own, by path. */
const withEntries = (shard: unknown, entries: Record<string, unknown>): unknown[] => [...new Map<string, unknown>([...(shard as StoredShard), ...Object.entries(entries)])];
const entryOf = (shard: unknown, path: string): StoredParse => (shard as StoredShard).find(([p]) => p === path)![1];

describe('the parse cache', () => {
  const BAD = join(REPO, 'test/fixtures/bad');
  const fixtures = readdirSync(BAD).filter((name) => existsSync(join(BAD, name, 'expected.json'))).sort();

  it.each(['(the starter root)', ...fixtures])('%s: a load from stored parses equals a fresh load, diagnostics included', async (name) => {
    const spec = name.startsWith('(') ? {} : (JSON.parse(readFileSync(join(BAD, name, 'expected.json'), 'utf8')) as FixtureSpec);
    const overlay = join(BAD, name, 'root');
    const root = await buildRoot(existsSync(overlay) ? overlay : undefined, spec);
    try {
      const listing = await list(root);
      const fresh = loadCaseRoot(listing);
      const first = loadCached(listing);
      const second = loadCached(listing, first.stored);
      expect(second.written).toEqual([]);
      for (const { result } of [first, second]) {
        expect(result.diagnostics).toEqual(fresh.diagnostics);
        expect(records(result.root)).toEqual(records(fresh.root));
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('uses a stored parse for the same bytes, and parses a changed file again', async () => {
    const listing = await list(STARTER);
    const { stored } = loadCached(listing);
    // A stored record that says something the file does not: proof that a hit is not parsed again.
    const shard = stored.get(shardOf(CONTACT));
    const entry = entryOf(shard, CONTACT);
    const marked = new Map([...stored, [shardOf(CONTACT), withEntries(shard, { [CONTACT]: { ...entry, record: { ...entry.record!, data: { ...(entry.record!.data as object), location: 'from the cache' } } } })]]);
    const contact = (result: LoadResult) => result.root.children[0]!.contacts.find((c) => c.file === CONTACT)!;

    expect(contact(loadCached(listing, marked).result).data.location).toBe('from the cache');
    const edited = loadCached(withText(listing, CONTACT, (t) => `${t}\nOne more line.\n`), marked);
    expect(contact(edited.result).data.location).not.toBe('from the cache');
    expect(contact(edited.result).body).toContain('One more line.');
    expect(edited.written).toEqual([shardOf(CONTACT)]);
  });

  it('never uses an entry for other bytes, another kind or another path, nor a malformed shard', async () => {
    const listing = await list(STARTER);
    const { stored } = loadCached(listing);
    const shard = stored.get(shardOf(CONTACT));
    const entry = entryOf(shard, CONTACT);
    const lying = { ...entry.record!, data: { ...(entry.record!.data as object), location: 'from the cache' } };
    const variants: unknown[] = [
      withEntries(shard, { [CONTACT]: { ...entry, sha256: sha256('other bytes'), record: lying } }),
      withEntries(shard, { [CONTACT]: { ...entry, kind: 'visit', record: lying } }),
      withEntries(shard, { [CONTACT]: { ...entry, record: { ...lying, bodyStart: 'x' } } }),
      withEntries(shard, { [CONTACT]: 'not an entry' }),
      withEntries(shard, { [CONTACT.replace('2026-03-10', '2026-03-11')]: entry, [CONTACT]: { ...entry, record: lying, sha256: '0' } }),
      // The shape a shard had before (an object keyed by path): not a shard.
      Object.fromEntries(withEntries(shard, { [CONTACT]: { ...entry, record: lying } }) as [string, unknown][]),
    ];
    for (const variant of variants) {
      const { result, written } = loadCached(listing, new Map([...stored, [shardOf(CONTACT), variant]]));
      expect(result.root.children[0]!.contacts.find((c) => c.file === CONTACT)!.data.location).not.toBe('from the cache');
      expect(written).toEqual([shardOf(CONTACT)]);
    }
    // An entry filed under another shard is not used either.
    const own = (shard as StoredShard).filter(([path]) => path !== CONTACT);
    const { result } = loadCached(listing, new Map([...stored, [shardOf(CONTACT), own], ['root', withEntries(stored.get('root'), { [CONTACT]: { ...entry, record: lying } })]]));
    expect(result.root.children[0]!.contacts.find((c) => c.file === CONTACT)!.data.location).not.toBe('from the cache');
  });

  it('forgets the shards of folders that are gone', async () => {
    const listing = await list(STARTER);
    const { stored } = loadCached(listing);
    const withoutHome: RootListing = { entries: listing.entries.filter((e) => !e.path.startsWith('homes/')) };
    const cache = new ParseCache(stored, hashes(withoutHome));
    loadCaseRoot(withoutHome, { cache });
    const { shards, write } = cache.changes();
    expect([...shards].some((s) => s.startsWith('homes/'))).toBe(false);
    expect([...write.keys()]).toEqual([]);
  });
});
