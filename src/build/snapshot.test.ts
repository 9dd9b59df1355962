import { describe, expect, it } from 'vitest';
import type { FileStamp } from '../core/listing.js';
import { rootStamps } from '../core/parted-listing.js';
import { changedPaths, knownHashes, parseSnapshot, snapshotText, unchangedSince, type Snapshot } from './snapshot.js';

const LISTED_AT = 1_000_000;
const OLD = LISTED_AT - 60_000;
const snapshot = (root: FileStamp[]): Snapshot => ({ version: 2, listedAt: LISTED_AT, settings: 's', root, templates: [], outputs: [], warnings: [], documents: {} });

describe('snapshot stamps', () => {
  it('vouches for a stamp older than its listing by two seconds, and for no other', () => {
    const known = knownHashes([['a.md', 10, OLD, 'h-a'], ['b.md', 10, LISTED_AT - 1_000, 'h-b'], ['c.png', 5, OLD]], LISTED_AT);
    expect(known('a.md', 10, OLD)).toBe('h-a');
    // Saved a second before the listing: a later save in the same time step would keep this stamp.
    expect(known('b.md', 10, LISTED_AT - 1_000)).toBeUndefined();
    expect(known('a.md', 11, OLD)).toBeUndefined();
    expect(known('a.md', 10, OLD + 1)).toBeUndefined();
    expect(known('c.png', 5, OLD)).toBeUndefined();
    expect(known('new.md', 10, OLD)).toBeUndefined();
  });

  it('compares files by hash where both have one, else by a stamp old enough to trust', () => {
    const last = snapshot([['a.md', 10, OLD, 'h-a'], ['b.md', 10, LISTED_AT, 'h-b']]);
    const now = (root: FileStamp[]) => unchangedSince(last, { settings: 's', root, templates: [] });
    expect(now([['a.md', 10, OLD, 'h-a'], ['b.md', 10, LISTED_AT + 5, 'h-b']])).toBe(true);
    expect(now([['a.md', 10, OLD, 'h-a'], ['b.md', 10, LISTED_AT, 'h-other']])).toBe(false);
    expect(now([['a.md', 10, OLD, 'h-a']])).toBe(false);
    // Without a hash, only a stamp the listing can vouch for counts.
    expect(unchangedSince(snapshot([['x', 1, OLD]]), { settings: 's', root: [['x', 1, OLD]], templates: [] })).toBe(true);
    expect(unchangedSince(snapshot([['x', 1, LISTED_AT]]), { settings: 's', root: [['x', 1, LISTED_AT]], templates: [] })).toBe(false);
  });

  it('stamps folders too, and nothing when the listing met a problem', () => {
    expect(rootStamps({ entries: [{ type: 'dir', path: 'children' }, { type: 'file', path: 'agency.yaml', size: 3, mtimeMs: OLD, sha256: 'h' }] })).toEqual([
      ['children/', 0, 0, ''],
      ['agency.yaml', 3, OLD, 'h'],
    ]);
    expect(rootStamps({ entries: [{ type: 'problem', path: 'x.md', problem: 'outside', detail: '' }] })).toBeUndefined();
  });
});

describe('changed paths', () => {
  it('names each path added, removed or changed, in step or not', () => {
    const was: FileStamp[] = [['a.md', 1, OLD, 'h1'], ['b.md', 1, OLD, 'h2'], ['c/', 0, 0, ''], ['c/d.md', 1, OLD, 'h3'], ['e.md', 1, OLD, 'h4']];
    const now: FileStamp[] = [['a.md', 1, OLD, 'h1'], ['b.md', 1, OLD, 'h9'], ['b2.md', 1, OLD, 'h5'], ['c/', 0, 0, ''], ['c/d.md', 1, OLD, 'h3']];
    expect(changedPaths(was, now, LISTED_AT)).toEqual([
      { path: 'b.md', how: 'changed' },
      { path: 'b2.md', how: 'added' },
      { path: 'e.md', how: 'removed' },
    ]);
    expect(changedPaths(was, was, LISTED_AT)).toEqual([]);
  });

  it('finds a known hash whichever order the files are asked for in', () => {
    const known = knownHashes([['a/', 0, 0, ''], ['a/x.md', 1, OLD, 'hx'], ['a-b.md', 1, OLD, 'hb'], ['c.md', 1, OLD, 'hc']], LISTED_AT);
    expect(['a-b.md', 'a/x.md', 'c.md', 'a/x.md', 'zz.md'].map((path) => known(path, 1, OLD))).toEqual(['hb', 'hx', 'hc', 'hx', undefined]);
  });
});

describe('the snapshot text', () => {
  it('is JSON.stringify of the snapshot to the byte, in pieces of about a megabyte', () => {
    const root: FileStamp[] = Array.from({ length: 30_000 }, (_, i) => [`children/C-${i}/notes/2026-0${(i % 9) + 1}-01.md`, i, OLD + i, `${i}`.padStart(64, 'a')]);
    const big = { ...snapshot(root), warnings: ['w "1"', 'w 2'], said: { data: 1, rules: 1 }, timeZone: undefined };
    const pieces = [...snapshotText(big)];
    expect(pieces.join('')).toBe(JSON.stringify(big));
    expect(pieces.length).toBeGreaterThan(3);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(1.1 * 2 ** 20);
    expect([...snapshotText(snapshot([]))].join('')).toBe(JSON.stringify(snapshot([])));
  });

  it('escapes every character past ASCII, and reads back the same', () => {
    const names = { ...snapshot([['children/C-1/contacts/2026-01-01-ń.md', 1, OLD, 'h']]), warnings: ['C-1: Nguyễn — Echeverría’s 😀 note', 'w "2"\t\u007f'] };
    const text = [...snapshotText(names)].join('');
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(text).toContain('Nguy\\u1ec5n \\u2014 Echeverr\\u00eda\\u2019s \\ud83d\\ude00');
    expect(parseSnapshot(text)).toEqual(names);
  });
});
