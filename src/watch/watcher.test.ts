import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeTimer } from '../../test/helpers/fake-timer.js';
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

describe('startWatcher', () => {
  it('sends a burst of saves of one file as one batch, and asks chokidar to ignore the output folder and editor files', async () => {
    const clock = fakeTimer();
    const events = Object.assign(new EventEmitter(), { close: async () => {} });
    let ignored: (path: string) => boolean = () => false;
    const batches: Change[][] = [];
    const watcher = startWatcher({
      folders: ['/root'],
      out: '/root/output',
      debounceMs: 150,
      timer: clock.timer,
      events: (_folders, ignore) => ((ignored = ignore), events),
      rebuild: async (changes) => void batches.push([...changes]),
      onError: (e) => {
        throw e;
      },
    });
    events.emit('ready');
    await watcher.ready;
    expect(['/root/contacts/a.md~', '/root/contacts/.a.md.swp', '/root/output/report.pdf'].filter(ignored)).toHaveLength(3);
    expect(ignored('/root/contacts/a.md')).toBe(false);
    for (let i = 0; i < 3; i++) {
      events.emit('all', 'change', '/root/contacts/a.md');
      clock.advance(100);
    }
    expect(batches).toEqual([]);
    clock.advance(150);
    clock.advance(1_000);
    expect(batches).toEqual([[{ path: '/root/contacts/a.md', kind: 'change' }]]);
    await watcher.close();
  });

  describe('on real chokidar', () => {
    let dir: string;
    let watcher: Watcher | undefined;
    afterEach(async () => {
      await watcher?.close();
      watcher = undefined;
      await rm(dir, { recursive: true, force: true });
    });

    it('sends a saved file as a batch', async () => {
      dir = await mkdtemp(join(tmpdir(), 'casepress-watcher-'));
      await mkdir(join(dir, 'contacts'));
      await writeFile(join(dir, 'contacts/a.md'), 'one');
      let sent: (changes: readonly Change[]) => void = () => {};
      const first = new Promise<readonly Change[]>((done) => (sent = done));
      watcher = startWatcher({ folders: [dir], out: join(dir, 'output'), rebuild: async (changes) => sent(changes), onError: (e) => { throw e; } });
      await watcher.ready;
      await writeFile(join(dir, 'contacts/a.md'), 'two');
      expect(await first).toEqual([{ path: join(dir, 'contacts/a.md'), kind: 'change' }]);
    }, 15_000);
  });
});
