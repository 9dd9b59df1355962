/**
 * The render pool (issue 6): a job that throws and a worker that dies are
 * reported with their case id, and every other document is still built.
 * (That worker threads give the same bytes as rendering in one thread is
 * checked by build.test.ts.)
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { inThreadRenderer, sharedRenderer, workerRenderer, type Renderer, type RendererSetup } from '../src/build/renderer.js';
import { build as runBuild } from '../src/cli/commands/build.js';
import { bundledWorker } from './helpers/bundle.js';
import { REPO } from './helpers/fixture-root.js';

const AS_OF = '2026-11-23';
let work: string;

interface Manifest { outputs: Record<string, { sha256: string }> }
const hashes = async (out: string) => Object.fromEntries(Object.entries((JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest).outputs).map(([path, e]) => [path, e.sha256]));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-pool-'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

/** The pools a build may render on, each with the faulty worker. */
const pools: [string, (setup: RendererSetup, workerFile: URL) => Renderer][] = [
  ['two workers, a job each', (setup, workerFile) => workerRenderer(setup, { threads: 2, workerFile })],
  // (--jobs 2: this thread and one worker. The three jobs all go to the worker, which holds four: its exit fails the others it holds, which are rendered again.)
  ['this thread and a worker holding four jobs', (setup, workerFile) => sharedRenderer(inThreadRenderer(setup), workerRenderer(setup, { threads: 1, jobsPerThread: 4, workerFile }))],
];

describe('render pool', () => {
  it.each(pools)('reports a job that throws and a worker that exits, and builds every other document (%s)', async (name, pool) => {
    // A worker that renders like the real one, but throws for one case and exits mid-job for another.
    const worker = join(work, 'faulty-worker.mjs');
    const real = bundledWorker().href;
    await writeFile(
      worker,
      `import render from ${JSON.stringify(real)};
export default async function (task) {
  if (task.job.subject === 'C-2025-0142') throw new Error('a fault on purpose');
  if (task.job.subject === 'C-2024-0211') process.exit(7);
  return render(task);
}
`,
    );
    const lines: string[] = [];
    let printed = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = join(work, `faulty-${pools.findIndex(([n]) => n === name)}`);
    // The court reports of the two faulty cases and of one more, which must still be built.
    let planned = 0;
    const outcome = await runBuild(
      join(REPO, 'cases'),
      { out, asOf: AS_OF, format: ['docx'], renderer: (setup) => pool(setup, pathToFileURL(worker)) },
      (root, asOf) => {
        const jobs = planJobs(root, asOf, { cases: ['C-2025-0142', 'C-2024-0211', 'C-2024-0087'], docs: ['court-report'] });
        planned = jobs.length;
        return jobs;
      },
      // Colors are on where CI=true: compare the plain text.
      (line) => lines.push(line.replace(/\x1b\[[0-9;]*m/g, '')),
    ).finally(() => {
      printed = stdout.mock.calls.map((c) => String(c[0])).join('');
      stdout.mockRestore();
    });

    expect(outcome.code).toBe(1);
    const failedSubjects = [...new Set(outcome.failed.map((f) => f.subject))].sort();
    expect(failedSubjects).toEqual(['C-2024-0211', 'C-2025-0142']);
    // Every other document was built and recorded.
    const recorded = Object.keys(await hashes(out));
    expect(planned).toBe(3);
    expect(outcome.built.length).toBe(1);
    expect(recorded.length).toBe(outcome.built.length);
    expect(recorded.some((p) => p.includes('C-2025-0142') || p.includes('C-2024-0211'))).toBe(false);
    // Each failure names its document and case, and why.
    expect(lines.filter((l) => l.startsWith('failed ')).join('\n')).toMatch(/failed children\/C-2025-0142\/court-report-[\d-]+ \(court-report, C-2025-0142\): rendering stopped unexpectedly/);
    expect(printed).toContain('CP3004');
    expect(printed).toContain('a fault on purpose');
    expect(printed).toMatch(/C-2024-0211 stopped: .*exit/i);
    expect(lines.at(-1)).toMatch(/✖ 1 of 3 documents built .*failed: /);
  }, 120_000);
});
