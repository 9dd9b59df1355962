/**
 * `casepress worker --queue redis://…`: renders the documents a `build --queue`
 * planner queued, on this machine's threads, into the shared --out, until
 * Ctrl-C or SIGTERM; then it finishes the jobs under way and stops.
 */
import { workerRenderer } from '../../build/renderer.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import type { QueueAddress } from '../../queue/connection.js';
import { startQueueWorker, type WorkerEvent } from '../../queue/worker.js';
import { EXIT, type ExitCode } from '../exit.js';

export interface WorkerCommandOptions {
  readonly version: string;
  readonly jobs: number;
  readonly out?: string;
  /** Seconds a job's lock lasts: a dead worker's job is taken again after about this long. */
  readonly lockSeconds: number;
}

export async function runWorker(address: QueueAddress, options: WorkerCommandOptions, log: (line: string) => void, stopped: Promise<unknown>): Promise<ExitCode> {
  const threads = options.jobs;
  const worker = await startQueueWorker({
    address,
    version: options.version,
    // Always on worker threads, even one: this thread must stay free to renew the jobs' locks while they render.
    renderer: (setup) => workerRenderer(setup, { threads }),
    concurrency: threads * 2,
    writeAtomic: writeFileAtomic,
    ...(options.out ? { out: options.out } : {}),
    lockMs: options.lockSeconds * 1000,
    done: (event) => log(describe(event)),
  });
  log(`worker ready: taking documents from ${address.url} with ${threads} rendering thread${threads === 1 ? '' : 's'} (Ctrl-C to stop)`);
  await stopped;
  log('stopping: finishing the documents under way');
  await worker.close();
  return EXIT.ok;
}

function describe(event: WorkerEvent): string {
  if (event.kind === 'rendered') return `rendered ${event.output}.{${event.formats.join(',')}}`;
  if (event.kind === 'trouble') return `warning: ${event.why}`;
  return `failed ${event.output}: ${event.why}${event.willRetry ? ' (it will be tried again)' : ''}`;
}
