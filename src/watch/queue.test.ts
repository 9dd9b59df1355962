import { describe, expect, it } from 'vitest';
import { fakeTimer } from '../../test/helpers/fake-timer.js';
import { createChangeQueue, fold, type Change } from './queue.js';

/** A run whose batches finish when the test says so. */
function harness(debounceMs = 100) {
  const clock = fakeTimer();
  const batches: Change[][] = [];
  const finishers: (() => void)[] = [];
  const errors: unknown[] = [];
  const queue = createChangeQueue({
    debounceMs,
    timer: clock.timer,
    onError: (e) => errors.push(e),
    run: (batch) => {
      batches.push([...batch]);
      return new Promise<void>((resolve) => finishers.push(resolve));
    },
  });
  /** Ends the oldest running batch and lets its promise settle. */
  const finish = async () => {
    finishers.shift()!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { queue, batches, finish, errors, ...clock };
}

describe('fold', () => {
  it('folds a path\'s events into what happened overall', () => {
    expect(fold(undefined, 'change')).toBe('change');
    expect(fold('change', 'change')).toBe('change');
    expect(fold('unlink', 'add')).toBe('change');
    expect(fold('add', 'change')).toBe('add');
    expect(fold('add', 'unlink')).toBeUndefined();
    expect(fold('change', 'unlink')).toBe('unlink');
    expect(fold('unlinkDir', 'addDir')).toBe('change');
    expect(fold('addDir', 'unlinkDir')).toBeUndefined();
  });
});

describe('change queue', () => {
  it('sends a burst of saves as one batch, after the files are quiet', () => {
    const h = harness();
    for (let i = 0; i < 10; i++) {
      h.queue.push('contacts/a.md', 'change');
      h.advance(30);
    }
    h.queue.push('contacts/b.md', 'add');
    expect(h.batches).toEqual([]);
    h.advance(99);
    expect(h.batches).toEqual([]);
    h.advance(1);
    expect(h.batches).toEqual([[{ path: 'contacts/a.md', kind: 'change' }, { path: 'contacts/b.md', kind: 'add' }]]);
    expect(h.queue.running).toBe(true);
  });

  it('holds changes made during a build for a second batch after it', async () => {
    const h = harness();
    h.queue.push('a.md', 'change');
    h.advance(100);
    expect(h.batches).toHaveLength(1);
    h.queue.push('b.md', 'change');
    h.advance(500); // quiet, but the first build is still running
    h.queue.push('c.md', 'change');
    h.advance(100);
    expect(h.batches).toHaveLength(1);
    expect(h.queue.pending().map((c) => c.path)).toEqual(['b.md', 'c.md']);
    await h.finish();
    expect(h.batches).toEqual([[{ path: 'a.md', kind: 'change' }], [{ path: 'b.md', kind: 'change' }, { path: 'c.md', kind: 'change' }]]);
    await h.finish();
    expect(h.queue.running).toBe(false);
    h.advance(1000);
    expect(h.batches).toHaveLength(2);
  });

  it('waits for the quiet spell of changes that arrive just before a build ends', async () => {
    const h = harness();
    h.queue.push('a.md', 'change');
    h.advance(100);
    h.queue.push('b.md', 'change');
    h.advance(40);
    await h.finish();
    expect(h.batches).toHaveLength(1);
    h.advance(60);
    expect(h.batches).toEqual([[{ path: 'a.md', kind: 'change' }], [{ path: 'b.md', kind: 'change' }]]);
  });

  it('treats delete then re-add within the window as one change', () => {
    const h = harness();
    h.queue.push('note.md', 'unlink');
    h.advance(20);
    h.queue.push('note.md', 'add');
    h.advance(100);
    expect(h.batches).toEqual([[{ path: 'note.md', kind: 'change' }]]);
  });

  it('sends nothing for a file made and removed within the window', () => {
    const h = harness();
    h.queue.push('scratch.md', 'add');
    h.queue.push('scratch.md', 'unlink');
    h.advance(1000);
    expect(h.batches).toEqual([]);
  });

  it('carries on after a batch fails', async () => {
    const clock = fakeTimer();
    const errors: unknown[] = [];
    const seen: string[] = [];
    const queue = createChangeQueue({
      timer: clock.timer,
      onError: (e) => errors.push(e),
      run: async (batch) => {
        seen.push(batch[0]!.path);
        if (seen.length === 1) throw new Error('boom');
      },
    });
    queue.push('a.md', 'change');
    clock.advance(100);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(errors).toEqual([new Error('boom')]);
    queue.push('b.md', 'change');
    clock.advance(100);
    expect(seen).toEqual(['a.md', 'b.md']);
  });

  it('close drops waiting changes, ignores new ones, and waits for the running batch', async () => {
    const h = harness();
    h.queue.push('a.md', 'change');
    h.advance(100);
    h.queue.push('b.md', 'change');
    let closed = false;
    const closing = h.queue.close().then(() => (closed = true));
    h.queue.push('c.md', 'change');
    expect(h.armed()).toBe(0);
    await Promise.resolve();
    expect(closed).toBe(false);
    await h.finish();
    await closing;
    expect(closed).toBe(true);
    h.advance(1000);
    expect(h.batches).toHaveLength(1);
  });
});

describe('a stream of saves that never pauses', () => {
  it('goes out once the first change has waited maxWaitMs, and again a second later', async () => {
    const h = harness(100);
    // An editor autosaving every 50 ms for 2.5 s: never 100 ms of quiet.
    for (let t = 0; t < 2_500; t += 50) {
      h.queue.push('/root/children/C-1/contacts/note.md', 'change');
      h.advance(50);
      if (h.batches.length > 0 && h.queue.running) await h.finish();
    }
    expect(h.batches.length).toBe(2);
    expect(h.batches[0]).toEqual([{ path: '/root/children/C-1/contacts/note.md', kind: 'change' }]);
  });
});
