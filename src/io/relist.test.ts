import { appendFile, cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../../test/helpers/fixture-root.js';
import { sha256 } from '../core/hash.js';
import type { RootListing } from '../core/listing.js';
import { listCaseRoot } from './list-root.js';
import { relist } from './relist.js';

const OPTIONS = { maxFileBytes: 5 * 1024 * 1024 };
let root: string;
beforeAll(async () => {
  root = join(await mkdtemp(join(tmpdir(), 'casepress-relist-')), 'cases');
  await cp(join(REPO, 'cases'), root, { recursive: true });
});
afterAll(async () => rm(join(root, '..'), { recursive: true, force: true }));

/** A listing with each file's bytes as their hash: equal digests, equal listings (and deep equality of bytes is slow). */
const digest = (listing: RootListing) => listing.entries.map((e) => (e.type === 'file' && e.bytes ? { ...e, bytes: sha256(e.bytes) } : e));

/** A relisting must equal listing the whole root again. */
async function expectSameAsFull(previous: RootListing, changed: Parameters<typeof relist>[2]) {
  const updated = await relist(root, previous, changed, OPTIONS);
  expect(digest(updated)).toEqual(digest(await listCaseRoot(root, OPTIONS)));
  return updated;
}

describe('relist', () => {
  it('equals a full listing after a file is edited, added and deleted, a folder renamed, and agency.yaml edited', async () => {
    let listing = await listCaseRoot(root, OPTIONS);
    const note = 'children/C-2025-0142/contacts/2026-11-05-home.md';
    await appendFile(join(root, note), '\nA new line.\n');
    listing = await expectSameAsFull(listing, [{ path: note, folder: false }]);

    const added = 'children/C-2025-0142/contacts/2026-11-22-phone.md';
    await writeFile(join(root, added), '---\ndate: 2026-11-22\n---\nCalled.\n');
    listing = await expectSameAsFull(listing, [{ path: added, folder: false }]);
    await rm(join(root, added));
    listing = await expectSameAsFull(listing, [{ path: added, folder: false }]);

    await rename(join(root, 'children/C-2025-0219'), join(root, 'children/C-2025-0299'));
    listing = await expectSameAsFull(listing, [
      { path: 'children/C-2025-0219', folder: true },
      { path: 'children/C-2025-0299', folder: true },
    ]);
    await mkdir(join(root, 'children/C-2025-0299/court'), { recursive: true });
    listing = await expectSameAsFull(listing, [{ path: 'children/C-2025-0299/court', folder: true }]);

    await appendFile(join(root, 'agency.yaml'), '\n# reviewed\n');
    await expectSameAsFull(listing, [{ path: 'agency.yaml', folder: false }]);
  });
});
