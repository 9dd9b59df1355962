/**
 * Where a build's documents are rendered, and how many at once: the first few
 * in this thread, the rest in this thread and on worker threads (--jobs) once
 * there is enough to do, with a bounded number under way so memory does not
 * grow with the size of the root.
 */
import type { ShapedRuns, ShapedRunsGathered } from '../render/pdf/index.js';
import type { RenderedJob, Renderer, RendererSetup, RenderTask } from './renderer.js';

/**
 * The first documents a build renders are rendered in this thread; workers
 * join in with the next one. Starting them costs about a second, so a rebuild
 * of one or two documents (a saved note in watch) never pays it.
 */
const IN_THREAD_FIRST = 4;

/**
 * With --jobs N this thread renders beside N − 1 workers, and it hands a worker
 * its next job only between its own. Each worker holds this many, so it is not
 * left waiting (2,000 children: with 2, the worker waited 15 s of 95; with 4, 3.5 s).
 */
const JOBS_PER_WORKER = 4;

/**
 * The workers' young generation (MB): 8 MB of semi-space, half of V8's default
 * (which this thread has). The default held 14–25 MB more at the peak of 2,000
 * children (399–410 MB against 381–385) for 4–8% less CPU; twice the default
 * held 40 MB more again. A PDF writes each page out as it ends
 * (render/pdf/index.ts), which leaves less for each collection to copy.
 */
const WORKER_YOUNG_MB = 24;

export interface RenderPoolOptions {
  /** Documents rendered at once: this thread and jobs − 1 worker threads (1: this thread only). */
  readonly jobs?: number;
  /** Where documents are rendered instead (tests pass a stand-in or a failing pool). */
  readonly renderer?: (setup: RendererSetup) => Renderer;
}

/**
 * Words shaped by earlier builds: read when the first document is rendered;
 * the output folder's kept again with what this build shaped when the pool
 * closes. Those casepress shipped with are only read: a folder keeps just the
 * words they lack.
 */
export interface ShapesStore {
  read(): { readonly kept?: ShapedRuns | undefined; readonly shipped?: ShapedRuns | undefined };
  write(runs: ShapedRuns): Promise<void>;
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

/**
 * `preparedCode`: the templates' code the renderers may take, asked for when
 * the first document renders (a build with every document up to date never asks).
 */
export function renderPool(baseSetup: RendererSetup, options: RenderPoolOptions, shapes?: ShapesStore, preparedCode?: () => RendererSetup['preparedCode']): RenderPool {
  let inThread: Renderer | undefined;
  let pool: Renderer | undefined;
  let toRender = 0;
  let kept: ShapedRuns | undefined;
  /** The kept runs with those this build shaped, gathered as results come in (bounded: a 20,000-child build's threads report words all along). */
  let gathered: Promise<ShapedRunsGathered> | undefined;
  const gather = (runs: ShapedRuns) => {
    gathered ??= import('../render/pdf/index.js').then(({ gatherShapedRuns }) => gatherShapedRuns(kept));
    // (Added in the order results come, as each `then` on one promise runs in the order it was asked for.)
    void gathered.then((words) => words.add(runs));
  };
  let setup: RendererSetup | undefined;
  const setupNow = (): RendererSetup => {
    if (setup) return setup;
    const read = shapes?.read();
    kept = read?.kept;
    const layers = [read?.kept, read?.shipped].filter((runs): runs is ShapedRuns => runs !== undefined);
    const code = preparedCode?.();
    return (setup = { ...baseSetup, ...(layers.length ? { shapedRuns: layers } : {}), ...(code ? { preparedCode: code } : {}) });
  };
  // The renderers (and the writers they load) are imported with the first job: a build with every document up to date renders none.
  const rendererFor = async (): Promise<Renderer> => {
    if (options.renderer) return (pool ??= options.renderer(setupNow()));
    const { inThreadRenderer, sharedRenderer, workerRenderer } = await import('./renderer.js');
    toRender++;
    inThread ??= inThreadRenderer(setupNow());
    const jobs = options.jobs ?? 1;
    if (!pool && jobs > 1 && toRender > IN_THREAD_FIRST) pool = sharedRenderer(inThread, workerRenderer(setupNow(), { threads: jobs - 1, jobsPerThread: JOBS_PER_WORKER, youngMb: WORKER_YOUNG_MB }));
    return pool ?? inThread;
  };
  const underWay = new Set<Promise<void>>();
  return {
    async submit(task, done, failed) {
      const renderer = await rendererFor();
      const running = renderer
        .render(task)
        .then((result) => {
          if (shapes && result.shapedRuns && Object.keys(result.shapedRuns).length > 0) gather(result.shapedRuns);
          return done(result);
        }, failed)
        .finally(() => underWay.delete(running));
      underWay.add(running);
      if (underWay.size >= renderer.capacity) await Promise.race(underWay);
    },
    drain: async () => {
      await Promise.all(underWay);
    },
    close: async () => {
      await Promise.all([inThread?.close(), pool?.close()]);
      const runs = (await gathered)?.result();
      if (runs) await shapes!.write(runs);
    },
  };
}
