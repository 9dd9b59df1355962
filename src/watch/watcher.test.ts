import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from './queue.js';
import { isIgnored, startWatcher, type Watcher } from './watcher.js';

describe('isIgnored', () => {
  const root = '/agency/.data/cases';
  const out = '/agency/.data/cases/output';
  const folders = [root, '/pkg/templates'];
  it.each([
    ['/agency/.data/cases/children/C-1/contacts/2026-11-05-home.md', false],
    ['/agency/.data/cases', false],
    ['/pkg/templates/partials/court-caption.md.hbs', false],
    ['/pkg/templates/labels.yaml', false],
    ['/agency/.data/cases/children/C-1/contacts/.2026-11-05-home.md.swp', true],
    ['/agency/.data/cases/children/C-1/contacts/2026-11-05-home.md~', true],
    ['/agency/.data/cases/children/C-1/contacts/2026-11-05-home.md.swp', true],
    ['/agency/.data/cases/children/C-1/contacts/#2026-11-05-home.md#', true],
    ['/agency/.data/cases/children/C-1/contacts/4913', true],
    ['/agency/.data/cases/.git/HEAD', true],
    ['/agency/.data/cases/output', true],
    ['/agency/.data/cases/output/children/C-1/court-report-2026-12-10.pdf', true],
    ['/agency/.data/cases/outputs.md', false],
  ])('%s → %s', (path, ignored) => {
    expect(isIgnored(path, folders, out)).toBe(ignored);
  });
});

describe('startWatcher (real chokidar)', () => {
  let dir: string;
  let watcher: Watcher | undefined;
  afterEach(async () => {
    await watcher?.close();
    watcher = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('sends a burst of saves of one file as one batch, and never the output folder or editor files', async () => {
    dir = await mkdtemp(join(tmpdir(), 'casepress-watcher-'));
    await mkdir(join(dir, 'contacts'));
    await mkdir(join(dir, 'output'));
    await writeFile(join(dir, 'contacts/a.md'), 'one');
    const batches: Change[][] = [];
    let signal: () => void = () => {};
    const first = new Promise<void>((done) => (signal = done));
    watcher = startWatcher({
      folders: [dir],
      out: join(dir, 'output'),
      debounceMs: 150,
      rebuild: async (changes) => {
        batches.push([...changes]);
        signal();
      },
      onError: (e) => {
        throw e;
      },
    });
    await watcher.ready;
    for (const text of ['two', 'three', 'four']) await writeFile(join(dir, 'contacts/a.md'), text);
    await writeFile(join(dir, 'contacts/a.md~'), 'backup');
    await writeFile(join(dir, 'contacts/.a.md.swp'), 'swap');
    await writeFile(join(dir, 'output/report.pdf'), 'built');
    await first;
    await new Promise((r) => setTimeout(r, 400));
    expect(batches).toEqual([[{ path: join(dir, 'contacts/a.md'), kind: 'change' }]]);
  }, 15_000);
});
