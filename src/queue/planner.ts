/**
 * `build --queue`: the build renders nothing itself. Each document it finds
 * out of date becomes a BullMQ job; `casepress worker` processes on any
 * machine render them and write the files into the shared --out; this side
 * waits for each job's end on the queue's event stream and records what was
 * written, as a local build records what it wrote (build/run.ts).
 *
 * A job is retried with backoff when a render throws or its worker dies; its
 * id is the output's fingerprint, so a job queued again is the same job and
 * every try writes the same bytes.
 */
import type { Queue, QueueEvents } from 'bullmq';
import type { Redis, RedisOptions } from 'ioredis';
import type { Renderer, RendererSetup, RenderedJob } from '../build/renderer.js';
import { QUEUE_NAME, type QueueAddress } from './connection.js';
import { encodeTask, queuedJobId, setupBytes, setupKey, SETUP_TTL_SECONDS, type QueuedJob, type QueuedResult } from './payload.js';

/** Tries a job gets (a render that throws, a worker that dies), and the first wait before the next. */
export const JOB_ATTEMPTS = 3;
export const FIRST_RETRY_MS = 1000;
/** Jobs queued and not yet done at once: enough to keep many workers busy, bounded so memory is too. */
const IN_FLIGHT = 256;
/** The queue's event stream is trimmed to about this many events; a planner reads it as it grows. */
const EVENTS_KEPT = 100_000;
/** With nothing taken from the queue for this long, the planner says a worker is needed. */
const IDLE_HINT_MS = 10_000;

export interface QueuePlannerOptions {
  readonly address: QueueAddress;
  /** casepress's version: only workers of the same version take the jobs. */
  readonly version: string;
  /** The --out folder as the workers should write it (absolute). */
  readonly out: string;
  /** Said once when no worker has taken a job for a while. */
  readonly say?: (line: string) => void;
}

interface Waiter {
  resolve(result: QueuedResult): void;
  reject(error: Error): void;
}

interface Connected {
  readonly redis: Redis;
  readonly queue: Queue;
  readonly events: QueueEvents;
  readonly setup: string;
}

/** A Renderer (build/renderer.ts) whose jobs are rendered by queue workers. */
export function queueRenderer(options: QueuePlannerOptions): (setup: RendererSetup) => Renderer {
  return (setup) => {
    const waiting = new Map<string, Waiter>();
    let taken = false;
    let hint: ReturnType<typeof setTimeout> | undefined;
    const connected = connect(options, setup, waiting, () => {
      taken = true;
      if (hint) clearTimeout(hint);
    });
    return {
      async render(task) {
        const { queue, setup: key } = await connected;
        if (!task.id) throw new Error(`the ${task.job.type} of ${task.job.subject} has no fingerprint to queue it by`);
        const id = queuedJobId(task.id, options.out);
        const done = new Promise<QueuedResult>((resolve, reject) => waiting.set(id, { resolve, reject }));
        const data: QueuedJob = { version: options.version, setup: key, out: options.out, task: encodeTask(task) };
        await queue.add('render', data, {
          jobId: id,
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: FIRST_RETRY_MS },
          // Its end is read from the event stream; a finished job is not kept, so queuing it again renders it again.
          removeOnComplete: true,
          removeOnFail: true,
        });
        if (!taken && !hint && options.say) {
          hint = setTimeout(() => options.say!(`waiting for a worker to take the queued documents: start one with \`casepress worker --queue ${options.address.url}\``), IDLE_HINT_MS);
          hint.unref();
        }
        try {
          const result = await done;
          return asRendered(result);
        } finally {
          waiting.delete(id);
        }
      },
      capacity: IN_FLIGHT,
      async close() {
        if (hint) clearTimeout(hint);
        const { redis, queue, events } = await connected;
        await Promise.all([events.close(), queue.close()]);
        redis.disconnect();
      },
    };
  };
}

async function connect(options: QueuePlannerOptions, setup: RendererSetup, waiting: Map<string, Waiter>, active: () => void): Promise<Connected> {
  const [{ Queue, QueueEvents }, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
  const redis = new Redis(options.address.connection as RedisOptions);
  // What every job shares is stored once; workers read it by its hash.
  const bytes = setupBytes(setup);
  const key = setupKey(bytes);
  await redis.set(key, bytes, 'EX', SETUP_TTL_SECONDS);
  const queue: Queue = new Queue(QUEUE_NAME, { connection: options.address.connection, streams: { events: { maxLen: EVENTS_KEPT } } });
  // Events are read from the stream's end as it is now, before the first job is added: none is missed, none of an earlier build is taken.
  const [last] = await redis.xrevrange(queue.keys.events!, '+', '-', 'COUNT', 1);
  const events = new QueueEvents(QUEUE_NAME, { connection: options.address.connection, lastEventId: last?.[0] ?? '0-0' });
  events.on('active', active);
  events.on('completed', ({ jobId, returnvalue }) => waiting.get(jobId)?.resolve(returnvalue as unknown as QueuedResult));
  events.on('failed', ({ jobId, failedReason }) => waiting.get(jobId)?.reject(new Error(failedReason)));
  await events.waitUntilReady();
  return { redis, queue, events, setup: key };
}

/** A worker's result as the build records it: the files are on disk already. */
function asRendered(result: QueuedResult): RenderedJob {
  return {
    files: {},
    written: result.written,
    diagnostics: result.diagnostics,
    warnings: result.warnings,
    ...(result.caught ? { caught: result.caught } : {}),
    // Another process's heap: not this build's to report.
    heapBytes: 0,
    thread: -1,
  };
}
