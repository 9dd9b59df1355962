/** A render worker thread (renderer.ts): set up once from workerData, then one job per call. */
import { getHeapStatistics } from 'node:v8';
import { threadId, workerData } from 'node:worker_threads';
import { renderEnvironment, shapedSince, type RenderedJob, type RendererSetup, type RenderTask } from './renderer.js';
import { renderJob } from './run-job.js';

const setup = workerData as RendererSetup;
const env = renderEnvironment(setup);

export default async function render({ job, input, formats }: RenderTask): Promise<RenderedJob> {
  const output = await renderJob(job, input, await env, formats);
  return { ...output, heapBytes: getHeapStatistics().used_heap_size, thread: threadId, shapedRuns: await shapedSince(setup) };
}
