/** The per-file memo: an unchanged file is not read again, a changed one is. Without one, no bytes are kept. */
import { appendFile, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RootListing } from '../core/listing.js';
import { withText } from '../../test/helpers/listing.js';
import { ChangedWhileReading, listCaseRoot } from '../io/list-root.js';
import { MAX_FILE_BYTES } from './decode.js';
import { loadCaseRoot, type LoadMemo, type MemoizedFile } from './load-root.js';

const STARTER = join(import.meta.dirname, '../../starter');
const CONTACT = 'children/C-0001/contacts/2026-03-10.md';
const CASE = 'children/C-0001/case.yaml';

/** A fresh copy of every file's bytes: identical content, different objects. */
function reread(listing: RootListing): RootListing {
  return { entries: listing.entries.map((e) => (e.type === 'file' && e.bytes ? { ...e, bytes: e.bytes.slice() } : e)) };
}

describe('loadCaseRoot with a memo', () => {
  it('reuses the record of an unchanged file and reads a changed one again', async () => {
    const listing = await listCaseRoot(STARTER, { maxFileBytes: MAX_FILE_BYTES });
    const memo = new Map<string, MemoizedFile>();
    const first = loadCaseRoot(listing, { memo });
    expect(first.diagnostics).toEqual([]);
    expect(memo.has(CONTACT)).toBe(true);

    // Same bytes (read again): every record is the very same object.
    const second = loadCaseRoot(reread(listing), { memo });
    expect(second.root.children[0]!.case).toBe(first.root.children[0]!.case);
    expect(second.root.children[0]!.contacts[0]).toBe(first.root.children[0]!.contacts[0]);
    expect(second.root.agency).toBe(first.root.agency);

    // One note edited: it is read again (new object, new body); the others are reused.
    const edited = withText(listing, CONTACT, (text) => `${text}\nA line added after the save.\n`);
    const third = loadCaseRoot(edited, { memo });
    const note = third.root.children[0]!.contacts[0]!;
    expect(note).not.toBe(first.root.children[0]!.contacts[0]);
    expect(note.body).toContain('A line added after the save.');
    expect(third.root.children[0]!.case).toBe(first.root.children[0]!.case);
    expect(third.root.homes[0]!.home).toBe(first.root.homes[0]!.home);
  });

  it('gives the same diagnostics as a load without a memo, and forgets deleted files', async () => {
    const listing = await listCaseRoot(STARTER, { maxFileBytes: MAX_FILE_BYTES });
    const memo: LoadMemo = new Map<string, MemoizedFile>();
    loadCaseRoot(listing, { memo });
    const broken = withText(listing, CASE, (text) => text.replace(/^caseworker: .*$/m, 'caseworker: nobody-here'));
    const withMemo = loadCaseRoot(broken, { memo });
    expect(withMemo.diagnostics.map((d) => d.code)).toContain('CP1302');
    expect(withMemo.diagnostics).toEqual(loadCaseRoot(broken).diagnostics);
    // Unchanged again: the file's own diagnostics come from the memo, the cross-file ones are checked again.
    expect(loadCaseRoot(reread(broken), { memo }).diagnostics).toEqual(withMemo.diagnostics);

    const without = { entries: listing.entries.filter((e) => e.path !== CONTACT) };
    loadCaseRoot(without, { memo });
    expect([...memo.keys()]).not.toContain(CONTACT);
  });
});

describe('loadCaseRoot without a memo', () => {
  it('keeps no file bytes once parsed: a body is read from the file when asked for, and a file changed since is refused', async () => {
    const root = await mkdtemp(join(tmpdir(), 'casepress-release-'));
    try {
      await cp(STARTER, root, { recursive: true });
      const listing = await listCaseRoot(root, { maxFileBytes: MAX_FILE_BYTES });
      const { root: loaded, diagnostics } = loadCaseRoot(listing);
      expect(diagnostics).toEqual([]);
      const contact = loaded.children[0]!.contacts[0]!;
      expect(contact.file).toBe(CONTACT);
      const body = contact.body;
      expect(body).toContain((await readFile(join(root, CONTACT), 'utf8')).split('---\n')[2]!.trim().slice(0, 40));

      const note = loaded.children[0]!.contacts[1]!;
      const entry = listing.entries.find((e) => e.path === note.file)!;
      await appendFile(join(root, note.file), '\nAdded after loading.\n');
      // Not asked for before the edit, the body is read from the file now, which no longer hashes as it did; so are the listing's bytes.
      expect(() => note.body).toThrow(ChangedWhileReading);
      expect(() => entry.type === 'file' && entry.bytes).toThrow(ChangedWhileReading);
      // The one asked for before is as it was read.
      expect(contact.body).toBe(body);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
