/** A render worker thread (renderer.ts): set up once from workerData, then one job per call. */
import { getHeapStatistics } from 'node:v8';
import { threadId, workerData } from 'node:worker_threads';
import { renderEnvironment, shapedSince, type RenderedJob, type RendererSetup, type RenderTask } from './renderer.js';
import { renderJob } from './run-job.js';

const setup = workerData as RendererSetup;
const env = renderEnvironment(setup);

/** The job rendering now: a worker handed several (PoolOptions.jobsPerThread) renders them one after another, so it holds one document at a time. */
let rendering: Promise<unknown> = Promise.resolve();

export default function render(task: RenderTask): Promise<RenderedJob> {
  const next = rendering.then(() => renderOne(task));
  rendering = next.catch(() => undefined);
  return next;
}

async function renderOne({ job, input, formats }: RenderTask): Promise<RenderedJob> {
  const output = await renderJob(job, input, await env, formats);
  return { ...output, heapBytes: getHeapStatistics().used_heap_size, thread: threadId, shapedRuns: await shapedSince(setup) };
}
