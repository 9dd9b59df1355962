/**
 * The change queue behind `casepress watch`: file events come in, and after a
 * quiet spell (the debounce) they go out as one batch to `run`. Pure: the
 * timer is injected, so a test drives it by hand.
 *
 * - A burst of events on one path is one change; a path's events are folded
 *   into what happened to it overall (delete then re-add is a `change`, add
 *   then delete is nothing).
 * - Saves that never pause (an editor autosaving every 50 ms) still go out
 *   once the first of them has waited `maxWaitMs`.
 * - One batch runs at a time. Events that come in while it runs wait, and go
 *   out as the next batch once it is done and the quiet spell has passed.
 * - A batch that throws is reported to `onError`; the queue carries on.
 */

export type ChangeKind = 'add' | 'change' | 'unlink' | 'addDir' | 'unlinkDir';

export interface Change {
  readonly path: string;
  /** What happened to the path over the whole batch. */
  readonly kind: ChangeKind;
}

/** The timer the queue waits with: `setTimeout`/`clearTimeout`, or a fake one in tests. */
export interface Timer {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimer: Timer = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ChangeQueueOptions {
  /** Called with each batch, never twice at once. */
  readonly run: (batch: readonly Change[]) => Promise<void>;
  /** How long the files must be quiet before a batch goes out (ms). Default 100. */
  readonly debounceMs?: number;
  /** The longest a change waits for the files to be quiet (ms). Default 1,000. */
  readonly maxWaitMs?: number;
  readonly timer?: Timer;
  /** A batch that threw or rejected. Default: rethrown nowhere, ignored. */
  readonly onError?: (error: unknown) => void;
}

export interface ChangeQueue {
  /** One file event. Ignored once the queue is closed. */
  push(path: string, kind: ChangeKind): void;
  /** True while a batch runs. */
  readonly running: boolean;
  /** The changes waiting for the next batch, in the order their paths first changed. */
  pending(): Change[];
  /** Stops taking events, drops the waiting ones, and resolves once the running batch (if any) is done. */
  close(): Promise<void>;
}

/** What happened to a path overall, given what had happened (`before`) and the new event; undefined: nothing. */
export function fold(before: ChangeKind | undefined, next: ChangeKind): ChangeKind | undefined {
  if (before === undefined) return next;
  switch (next) {
    case 'add':
      // Deleted and re-added (an editor's save by rename): its content changed.
      return before === 'unlink' ? 'change' : before === 'change' ? 'change' : 'add';
    case 'change':
      return before === 'add' ? 'add' : 'change';
    case 'unlink':
      // Made and removed within the batch: as if it had never been.
      return before === 'add' ? undefined : 'unlink';
    case 'addDir':
      return before === 'unlinkDir' ? 'change' : before;
    case 'unlinkDir':
      return before === 'addDir' ? undefined : 'unlinkDir';
  }
}

export function createChangeQueue(options: ChangeQueueOptions): ChangeQueue {
  const debounceMs = options.debounceMs ?? 100;
  const maxWaitMs = options.maxWaitMs ?? 1_000;
  const timer = options.timer ?? realTimer;
  /** Path → what happened to it since the last batch went out. Map keeps first-change order. */
  let waiting = new Map<string, ChangeKind>();
  let handle: unknown;
  /** Set while changes wait: fires once the first of them has waited maxWaitMs. */
  let deadline: unknown;
  let quiet = false;
  let current: Promise<void> | undefined;
  let closed = false;

  const goOut = () => {
    quiet = true;
    flush();
  };
  const arm = () => {
    if (handle !== undefined) timer.clear(handle);
    quiet = false;
    handle = timer.set(() => {
      handle = undefined;
      goOut();
    }, debounceMs);
    deadline ??= timer.set(() => {
      deadline = undefined;
      goOut();
    }, maxWaitMs);
  };

  const flush = () => {
    // A path made and removed within the batch left nothing to build.
    if (closed || current || !quiet || waiting.size === 0) return;
    const batch = [...waiting].map(([path, kind]) => ({ path, kind }));
    waiting = new Map();
    quiet = false;
    for (const pending of [handle, deadline]) if (pending !== undefined) timer.clear(pending);
    handle = deadline = undefined;
    current = (async () => {
      try {
        await options.run(batch);
      } catch (error) {
        options.onError?.(error);
      }
    })().finally(() => {
      current = undefined;
      // Changes that came in during the batch go out now if they are already quiet;
      // otherwise their timer is still running and will flush them.
      flush();
    });
  };

  return {
    push(path, kind) {
      if (closed) return;
      const folded = fold(waiting.get(path), kind);
      if (folded === undefined) waiting.delete(path);
      else waiting.set(path, folded);
      arm();
    },
    get running() {
      return current !== undefined;
    },
    pending: () => [...waiting].map(([path, kind]) => ({ path, kind })),
    async close() {
      closed = true;
      for (const pending of [handle, deadline]) if (pending !== undefined) timer.clear(pending);
      handle = deadline = undefined;
      waiting = new Map();
      await current;
    },
  };
}
