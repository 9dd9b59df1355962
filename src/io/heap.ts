/**
 * Rendering allocates in bursts — a document's Markdown tree, pdfkit's
 * object graph, the DOCX writer's strings — and V8 promotes much of it before it dies, then lets
 * the old generation grow to several times the live heap before a full
 * collection. Letting it grow by at most half each time keeps a long batch
 * near its working set (npm run bench: peak RSS 336 → about 205 MB over 1,000
 * renders) at no measurable cost in speed. Set before the heap has grown.
 *
 * Loading a case root is the opposite case: nearly everything allocated for
 * a record stays (the loaded root is the working set), so bounding growth only
 * buys full collections that free little — 7 instead of 3 or 4 while loading
 * a 44,000-file root, a few hundred ms. `whileLoading` lets V8 size the heap
 * its own way for the load and bounds it again for what follows (rendering),
 * so long render runs keep their bounded RSS. A part of a root is the
 * opposite again: the parts loaded before it are garbage by then, and V8's own
 * growth let a 20,000-child build's main heap reach 1 GB with 290 MB live, so
 * a part's load keeps the bound. (A larger young generation,
 * --max-semi-space-size, would need to be given when node starts: set from
 * here it changed nothing.)
 */
import { setFlagsFromString } from 'node:v8';

const BOUND = '--heap-growing-percent=50';
/** 0 is V8's default: its own growth heuristics. */
const FREE = '--heap-growing-percent=0';

let bounded = false;

export function boundHeapGrowth(): void {
  setFlagsFromString(BOUND);
  bounded = true;
}

/** Runs `load` with V8's own heap growth, then bounds it again if it was bounded; the load of a `part` of a root keeps the bound. */
export async function whileLoading<T>(load: () => Promise<T>, part = false): Promise<T> {
  if (!bounded || part) return load();
  setFlagsFromString(FREE);
  try {
    return await load();
  } finally {
    setFlagsFromString(BOUND);
  }
}
