/** A timer (watch/queue.ts Timer) driven by hand: `advance` fires what falls due, in order. */
import type { Timer } from '../../src/watch/queue.js';

export function fakeTimer() {
  let now = 0;
  let next = 0;
  const due = new Map<number, { at: number; callback: () => void }>();
  const timer: Timer = {
    set: (callback, ms) => {
      due.set(++next, { at: now + ms, callback });
      return next;
    },
    clear: (handle) => void due.delete(handle as number),
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const [id, first] = [...due].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (id === undefined || first!.at > end) break;
      due.delete(id);
      now = first!.at;
      first!.callback();
    }
    now = end;
  };
  return { timer, advance, armed: () => due.size };
}
