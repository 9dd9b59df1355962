/**
 * `casepress worker`: takes render jobs from the queue (planner.ts), renders
 * each on this process's own renderer (worker threads, as a local build
 * renders), writes the files atomically under the job's --out, and returns
 * their hashes. The job's lock is renewed while it renders; a worker that
 * dies leaves its job to be taken again once the lock runs out, and a file
 * half written is never seen (atomic writes).
 */
import { isAbsolute, join, normalize } from 'node:path';
import type { Job, Worker } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { sha256 } from '../core/hash.js';
import type { Format } from '../build/render-document.js';
import type { Renderer, RendererSetup } from '../build/renderer.js';
import { QUEUE_NAME, type QueueAddress } from './connection.js';
import { decodeTask, readSetup, type QueuedJob, type QueuedResult } from './payload.js';

/** Builds' setups a worker keeps ready at once (each with its renderer and threads). */
const SETUPS_KEPT = 2;
/** Times a job may be found abandoned by a dead worker before it fails. */
const STALLS_ALLOWED = 2;

export interface QueueWorkerOptions {
  readonly address: QueueAddress;
  /** casepress's version: a job queued by another version is refused (it would render other bytes). */
  readonly version: string;
  /** Renders a build's jobs: threads of this process (build/renderer.ts). */
  readonly renderer: (setup: RendererSetup) => Renderer;
  /** Writes a file so readers see the old bytes or the new (io/write-atomic.ts). */
  readonly writeAtomic: (path: string, data: Uint8Array) => Promise<void>;
  /** Where --out is on this machine, when not where the planner saw it. */
  readonly out?: string;
  /** How long a job's lock lasts without renewal: a dead worker's job is taken again after about this long. */
  readonly lockMs?: number;
  /** Jobs rendered at once: as many as the renderer keeps busy (its capacity). */
  readonly concurrency: number;
  /** Told of each job's end. */
  readonly done?: (event: WorkerEvent) => void;
}

export type WorkerEvent =
  | { readonly kind: 'rendered'; readonly output: string; readonly formats: readonly string[] }
  | { readonly kind: 'failed'; readonly output: string; readonly why: string; readonly willRetry: boolean }
  /** The queue's own trouble (Redis went away, a lock could not be renewed): the job goes on or is taken again. */
  | { readonly kind: 'trouble'; readonly why: string };

export interface QueueWorker {
  /** Stops taking jobs, lets those under way finish, and disconnects. */
  close(): Promise<void>;
}

export async function startQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const [{ Worker, UnrecoverableError }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
  const redis = new Redis(options.address.connection as RedisOptions);
  const renderers = new Map<string, Promise<Renderer>>();
  const rendererFor = (key: string): Promise<Renderer> => {
    let renderer = renderers.get(key);
    if (!renderer) {
      renderer = redis.getBuffer(key).then((bytes) => {
        if (!bytes) throw new UnrecoverableError(`the build's setup (${key}) is no longer in Redis: run the build again`);
        return options.renderer(readSetup(bytes));
      });
      renderers.set(key, renderer);
      // A build's renderer is kept while its jobs come; the oldest goes when a third build starts.
      for (const [old, kept] of renderers) {
        if (renderers.size <= SETUPS_KEPT) break;
        renderers.delete(old);
        void kept.then((r) => r.close(), () => undefined);
      }
      renderer.catch(() => renderers.delete(key));
    }
    return renderer;
  };

  const take = async (job: Job<QueuedJob, QueuedResult>): Promise<QueuedResult> => {
    // Trying again would not help these: the job fails at once.
    if (job.data.version !== options.version) throw new UnrecoverableError(`queued by casepress ${job.data.version}, and this worker runs ${options.version}: run workers of the build's version`);
    const task = decodeTask(job.data.task);
    const output = safeOutput(task.job.output);
    if (output === undefined) throw new UnrecoverableError(`the job names an output outside --out: ${task.job.output}`);
    const made = await (await rendererFor(job.data.setup)).render(task);
    const written: Partial<Record<Format, string>> = {};
    for (const [format, bytes] of Object.entries(made.files) as [Format, Uint8Array][]) {
      await options.writeAtomic(join(options.out ?? job.data.out, `${output}.${format}`), bytes);
      written[format] = sha256(bytes);
    }
    options.done?.({ kind: 'rendered', output, formats: Object.keys(written) });
    return { written, diagnostics: made.diagnostics, warnings: made.warnings, ...(made.caught ? { caught: made.caught } : {}) };
  };

  const lockDuration = options.lockMs ?? 30_000;
  const worker: Worker<QueuedJob, QueuedResult> = new Worker<QueuedJob, QueuedResult>(QUEUE_NAME, take, {
    connection: options.address.connection,
    concurrency: options.concurrency,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: STALLS_ALLOWED,
  });
  worker.on('failed', (job, error) => {
    if (!job) return;
    options.done?.({ kind: 'failed', output: outputOf(job), why: error.message, willRetry: job.attemptsMade < (job.opts.attempts ?? 1) });
  });
  worker.on('error', (error) => options.done?.({ kind: 'trouble', why: error.message }));
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await Promise.all([...renderers.values()].map((r) => r.then((x) => x.close(), () => undefined)));
      redis.disconnect();
    },
  };
}

/** The output path a job names; undefined when it would leave --out. */
function safeOutput(output: string): string | undefined {
  const clean = normalize(output);
  return isAbsolute(clean) || clean.split(/[\\/]/).includes('..') ? undefined : clean;
}

function outputOf(job: Job<QueuedJob, QueuedResult>): string {
  try {
    return decodeTask(job.data.task).job.output;
  } catch {
    return String(job.id);
  }
}
