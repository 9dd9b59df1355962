/**
 * The render pool (issue 6): worker threads give the same bytes as rendering
 * in one thread; a job that throws and a worker that dies are reported with
 * their case id, and every other document is still built.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO } from './helpers/fixture-root.js';

const BIN = join(REPO, 'bin/casepress');
const AS_OF = '2026-11-23';
let work: string;

interface Manifest { outputs: Record<string, { sha256: string }> }
const hashes = async (out: string) => Object.fromEntries(Object.entries((JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest).outputs).map(([path, e]) => [path, e.sha256]));

function build(out: string, ...extra: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'build', 'cases', '--out', out, '--as-of', AS_OF, ...extra], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-pool-'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('render pool', () => {
  it('writes the same bytes with two worker threads as with --jobs 1 (in this thread)', async () => {
    const pooled = build(join(work, 'two'), '--jobs', '2');
    const single = build(join(work, 'one'), '--jobs', '1');
    expect(pooled.code, pooled.stdout).toBe(0);
    expect(single.code, single.stdout).toBe(0);
    const [two, one] = [await hashes(join(work, 'two')), await hashes(join(work, 'one'))];
    // 17 documents as of 2026-11-23 (only H-0042's license expires within 90 days, so one packet), PDF and DOCX.
    expect(Object.keys(two).length).toBeGreaterThanOrEqual(34);
    expect(two).toEqual(one);
  }, 120_000);

  it('reports a job that throws and a worker that exits, and builds every other document', async () => {
    // A worker that renders like the real one, but throws for one case and exits mid-job for another.
    const worker = join(work, 'faulty-worker.mjs');
    const real = pathToFileURL(join(REPO, 'dist/build/render-worker.js')).href;
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
    const { build: runBuild } = (await import(pathToFileURL(join(REPO, 'dist/cli/commands/build.js')).href)) as typeof import('../src/cli/commands/build.js');
    const { workerRenderer } = (await import(pathToFileURL(join(REPO, 'dist/build/renderer.js')).href)) as typeof import('../src/build/renderer.js');
    const { planJobs } = (await import(pathToFileURL(join(REPO, 'dist/build/jobs.js')).href)) as typeof import('../src/build/jobs.js');
    const lines: string[] = [];
    let printed = '';
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const out = join(work, 'faulty');
    const outcome = await runBuild(
      join(REPO, 'cases'),
      { out, asOf: AS_OF, format: ['pdf', 'docx'], prune: true, renderer: (setup) => workerRenderer(setup, { threads: 2, workerFile: pathToFileURL(worker) }) },
      (root, asOf) => planJobs(root, asOf),
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
    expect(outcome.built.length).toBe(17 - outcome.failed.length);
    expect(recorded.length).toBe(2 * outcome.built.length);
    expect(recorded.some((p) => p.includes('C-2025-0142') || p.includes('C-2024-0211'))).toBe(false);
    // Each failure names its document and case, and why.
    expect(lines.filter((l) => l.startsWith('failed ')).join('\n')).toMatch(/failed children\/C-2025-0142\/court-report-[\d-]+ \(court-report, C-2025-0142\): rendering stopped unexpectedly/);
    expect(printed).toContain('CP3004');
    expect(printed).toContain('a fault on purpose');
    expect(printed).toMatch(/C-2024-0211 stopped: .*exit/i);
    expect(lines.at(-1)).toMatch(/✖ \d+ of 17 documents built .*failed: /);
  }, 120_000);
});
