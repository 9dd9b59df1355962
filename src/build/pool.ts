/**
 * Where a build's documents are rendered, and how many at once: the first few
 * in this thread, the rest on worker threads (--jobs) once there is enough to
 * do, with a bounded number under way so memory does not grow with the size
 * of the root.
 */
import { inThreadRenderer, workerRenderer, type RenderedJob, type Renderer, type RendererSetup, type RenderTask } from './renderer.js';

/**
 * The first documents a build renders are rendered in this thread; workers
 * start with the next one. Starting them costs about a second, so a rebuild
 * of one or two documents (a saved note in watch) never pays it.
 */
const IN_THREAD_FIRST = 4;

export interface RenderPoolOptions {
  /** Worker threads rendering at once; 1 renders in this thread. */
  readonly jobs?: number;
  /** Where documents are rendered instead (tests pass a stand-in or a failing pool). */
  readonly renderer?: (setup: RendererSetup) => Renderer;
}

export interface RenderPool {
  /**
   * Renders a task and hands its result to `done` (or the error to `failed`);
   * resolves at once unless the renderer has as many under way as keep it busy.
   */
  submit(task: RenderTask, done: (result: RenderedJob) => Promise<void>, failed: (error: unknown) => void): Promise<void>;
  /** Resolves once every task under way is done. */
  drain(): Promise<void>;
  close(): Promise<void>;
}

export function renderPool(setup: RendererSetup, options: RenderPoolOptions): RenderPool {
  let inThread: Renderer | undefined;
  let pool: Renderer | undefined;
  let toRender = 0;
  const rendererFor = (): Renderer => {
    if (options.renderer) return (pool ??= options.renderer(setup));
    toRender++;
    if (!pool && (options.jobs ?? 1) > 1 && toRender > IN_THREAD_FIRST) pool = workerRenderer(setup, { threads: options.jobs! });
    return pool ?? (inThread ??= inThreadRenderer(setup));
  };
  const underWay = new Set<Promise<void>>();
  return {
    async submit(task, done, failed) {
      const renderer = rendererFor();
      const running = renderer
        .render(task)
        .then(done, failed)
        .finally(() => underWay.delete(running));
      underWay.add(running);
      if (underWay.size >= renderer.capacity) await Promise.race(underWay);
    },
    drain: async () => {
      await Promise.all(underWay);
    },
    close: async () => {
      await Promise.all([inThread?.close(), pool?.close()]);
    },
  };
}
