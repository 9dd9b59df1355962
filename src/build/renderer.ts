/**
 * Where documents are rendered: in this thread (`--jobs 1`, or a build with
 * little to do), on a pool of worker threads (piscina), or both at once. Each
 * worker gets the templates, fonts and images once, compiles each template on
 * first use, and then renders many jobs; a job's data crosses as plain values.
 *
 * A job that throws, or a worker that dies, fails only that job: piscina
 * replaces the worker and the other jobs go on (a worker handed several jobs
 * fails them all, and they are rendered again one at a time).
 */
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { FamilyGuards } from '../compute/audience.js';
import type { ImageSet } from '../document/ast.js';
import type { Agency } from '../model/agency.js';
import type { FontSet, ShapedRuns } from '../render/pdf/index.js';
import { preparedStore, type KeptCode } from './prepared-store.js';
import { prepareTemplate, type Format, type TemplateFiles } from './render-document.js';
import { renderJob, type JobHeader, type RenderEnvironment, type RenderInput, type RenderOutput } from './run-job.js';

/** Everything a renderer needs once, before its first job. Cloneable. */
export interface RendererSetup {
  /** Template sources by the name jobs use (e.g. court-report.md.hbs). */
  readonly templates: Readonly<Record<string, TemplateFiles>>;
  readonly agency: Agency;
  readonly asOf: string;
  readonly images: ImageSet;
  readonly fonts: FontSet;
  /** The templates' prepared code where the build had it (prepared-store.ts), so a worker compiles none. */
  readonly preparedCode?: Readonly<Record<string, KeptCode>>;
  /** The root's foster-family guards: a job's input names them by reference (run-job.ts `byReference`), so they cross to a thread once. */
  readonly familyGuards?: FamilyGuards;
  /** Words shaped by earlier builds (kept under the output folder, and shipped with casepress), so they are not shaped again. */
  readonly shapedRuns?: readonly ShapedRuns[];
  readonly formats: readonly Format[];
  readonly draft?: boolean;
  readonly pdfa?: boolean;
  readonly referenceDocx?: Uint8Array;
}

export interface RenderTask {
  /** The output's fingerprint: the same task always has the same id (a queue takes it as the job's). */
  readonly id?: string;
  readonly job: JobHeader;
  readonly input: RenderInput;
  /** The formats to render: the setup's, or fewer (a job that asks for its own). */
  readonly formats: readonly Format[];
}

/** A rendered job, with the heap of the isolate that rendered it (bytes). */
export interface RenderedJob extends RenderOutput {
  readonly heapBytes: number;
  /** Which worker (0: this thread). */
  readonly thread: number;
  /** Words this job shaped first, for the next build. */
  readonly shapedRuns?: ShapedRuns;
  /** Files the renderer wrote under --out itself (a queue worker: queue/worker.ts), by format, with their sha256; not in `files`. */
  readonly written?: Partial<Record<Format, string>>;
}

export interface Renderer {
  render(task: RenderTask): Promise<RenderedJob>;
  /** Jobs worth having under way at once to keep every thread busy. */
  readonly capacity: number;
  close(): Promise<void>;
}

/** The number of worker threads `--jobs` means by default: one per core. */
export const defaultJobs = (): number => availableParallelism();

/** The PDF writer, loaded only by a renderer that writes PDFs (a DOCX-only run never loads pdfkit). */
const pdfWriter = (setup: RendererSetup) => (setup.formats.includes('pdf') ? import('../render/pdf/index.js') : undefined);

/** The render environment from a setup, compiling each template once, when first used. */
export async function renderEnvironment(setup: RendererSetup): Promise<RenderEnvironment> {
  if (setup.shapedRuns) (await pdfWriter(setup))?.seedShapedRuns(setup.fonts, setup.shapedRuns);
  const compiled = new Map<string, ReturnType<typeof prepareTemplate>>();
  const code = setup.preparedCode;
  const store = code && preparedStore(() => code);
  return {
    context: { agency: setup.agency, asOf: setup.asOf },
    ...(setup.familyGuards ? { familyGuards: setup.familyGuards } : {}),
    async template(file) {
      let prepared = compiled.get(file);
      if (!prepared) {
        const files = setup.templates[file];
        prepared = files ? prepareTemplate(files, store) : { diagnostics: [] };
        compiled.set(file, prepared);
      }
      return prepared;
    },
    images: setup.images,
    fonts: setup.fonts,
    formats: setup.formats,
    ...(setup.draft ? { draft: true } : {}),
    ...(setup.pdfa ? { pdfa: true } : {}),
    ...(setup.referenceDocx ? { referenceDocx: setup.referenceDocx } : {}),
  };
}

/** The words shaped since the last call, for the next build (a build without PDFs shapes none). */
export async function shapedSince(setup: RendererSetup): Promise<ShapedRuns> {
  return (await pdfWriter(setup))?.takeShapedRuns(setup.fonts) ?? {};
}

/** Renders one job after another in this thread. */
export function inThreadRenderer(setup: RendererSetup): Renderer {
  const env = renderEnvironment(setup);
  return {
    render: async ({ job, input, formats }) => ({ ...(await renderJob(job, input, await env, formats)), heapBytes: getHeapStatistics().used_heap_size, thread: 0, shapedRuns: await shapedSince(setup) }),
    capacity: 1,
    close: async () => {},
  };
}

export interface PoolOptions {
  readonly threads: number;
  /** The worker module (default: render-worker.cjs beside this file); tests pass one that fails on purpose. */
  readonly workerFile?: URL;
  /** Old-generation heap limit per worker (MB): a runaway job fails alone instead of taking the machine. */
  readonly maxHeapMb?: number;
  /**
   * Young-generation size per worker (MB; default 96). A render allocates in
   * bursts that mostly die young: the more room, the less is copied and
   * promoted (`npm run bench -- --young-mb N` compares sizes). A local build
   * trades some of that speed for memory (pool.ts).
   */
  readonly youngMb?: number;
  /**
   * Jobs handed to a worker at once (default 1); it renders them one after
   * another (render-worker.ts). More keep it busy while this thread, rendering
   * too, cannot hand it the next.
   */
  readonly jobsPerThread?: number;
}

/** Renders jobs on a pool of worker threads (piscina is loaded with the first pool: most one-document runs never start one). */
export function workerRenderer(setup: RendererSetup, options: PoolOptions): Renderer {
  const held = options.jobsPerThread ?? 1;
  const started = import('piscina').then(({ Piscina }) => new Piscina<RenderTask, RenderedJob>({
    filename: (options.workerFile ?? new URL('./render-worker.cjs', import.meta.url)).href,
    workerData: setup,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Each worker keeps its compiled templates and parsed fonts: never let one go idle and restart.
    idleTimeout: Number.POSITIVE_INFINITY,
    // By default a worker waits for its next task with Atomics.wait inside the
    // last task's continuation, so a busy worker never gets back to its event
    // loop: a heap snapshot at the end of a job showed the job's PDF documents
    // held from that stack. Taking tasks as messages, each job starts from the
    // event loop (2,000 children: peak RSS 594–613 MB against 647–663, same speed).
    atomics: 'disabled',
    concurrentTasksPerWorker: held,
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256, maxYoungGenerationSizeMb: options.youngMb ?? 96 },
  }));
  /** Where a job that failed beside others is rendered again (started with the first such failure). */
  let again: Renderer | undefined;
  return {
    async render(task) {
      const pool = await started;
      try {
        return await pool.run(task);
      } catch (error) {
        if (held === 1) throw error;
        // A worker that stops fails every job it holds, and which one stopped it is not known:
        // each is rendered again on a worker that holds one job at a time, so only that one fails.
        again ??= workerRenderer(setup, { ...options, threads: 1, jobsPerThread: 1 });
        return again.render(task);
      }
    },
    capacity: options.threads * Math.max(2, held),
    close: async () => {
      await Promise.all([(await started).close(), again?.close()]);
    },
  };
}

/**
 * Renders in this thread and on a pool at once: a job goes to the pool while
 * it has room, else to this thread. `--jobs N` is this thread and N − 1
 * workers: a build holds one heap, and one copy of the code, fonts and
 * templates, fewer (2,000 children: a peak of about 490 MB against 605).
 */
export function sharedRenderer(inThread: Renderer, pool: Renderer): Renderer {
  let inPool = 0;
  return {
    async render(task) {
      if (inPool >= pool.capacity) return inThread.render(task);
      inPool++;
      try {
        return await pool.render(task);
      } finally {
        inPool--;
      }
    },
    capacity: pool.capacity + inThread.capacity,
    close: async () => {
      await Promise.all([pool.close(), inThread.close()]);
    },
  };
}
