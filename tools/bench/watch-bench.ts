/**
 * `npm run bench:watch`: how long a case manager waits. A 200-case generated
 * root is watched by `casepress watch` in its own process; one contact note is
 * saved 50 times, and each time the bench measures from the write to the
 * moment the rebuilt court report PDF is renamed into place (debounce and all).
 * Then a no-change `casepress build` of the same root, wall time.
 *
 *   npm run bench:watch -- [--children 200] [--edits 50] [--seed 7] [--as-of 2026-11-23]
 *                           [--work /tmp/casepress-bench] [--json]
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../../src/io/package-files.js';
import { generatedRoot } from './generated-root.js';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '200' },
    edits: { type: 'string', default: '50' },
    seed: { type: 'string', default: '7' },
    'as-of': { type: 'string', default: '2026-11-23' },
    work: { type: 'string', default: '/tmp/casepress-bench' },
    json: { type: 'boolean', default: false },
  },
});
const children = Number(values.children);
const asOf = values['as-of'];
const BIN = join(PACKAGE_ROOT, 'bin/casepress');
const say = (line: string) => !values.json && process.stderr.write(`${line}\n`);
const round = (n: number) => Math.round(n * 10) / 10;
const percentile = (samples: number[], p: number) => [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor((p / 100) * samples.length))]!;

// A fresh copy of the generated root: the edits must not leak into other benches.
const generated = generatedRoot({ work: values.work, children, seed: Number(values.seed), asOf, say });
const root = join(values.work, `watch-${children}`);
const out = join(values.work, `watch-${children}-out`);
rmSync(root, { recursive: true, force: true });
rmSync(out, { recursive: true, force: true });
cpSync(generated, root, { recursive: true });

let stdout = '';
const watcher = spawn(process.execPath, [BIN, 'watch', root, '--out', out, '--as-of', asOf], { env: { ...process.env, NO_COLOR: '1' } });
watcher.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
watcher.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
const waitFor = async (pattern: RegExp, from: number) => {
  for (let i = 0; i < 20_000; i++) {
    const found = pattern.exec(stdout.slice(from));
    if (found) return from + found.index + found[0].length;
    await sleep(10);
  }
  throw new Error(`watch never printed ${pattern}:\n${stdout.slice(-3000)}`);
};

try {
  const initialStarted = performance.now();
  let seen = await waitFor(/^watching .*$/m, 0);
  say(`watch: initial build of ${children} children and ready in ${round((performance.now() - initialStarted) / 1000)} s`);

  // The court report that reads the first child's latest contact note.
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: Record<string, { type: string; inputs: Record<string, string> }> };
  const [pdf, entry] = Object.entries(manifest.outputs).find(([path, e]) => e.type === 'court-report' && path.endsWith('.pdf') && Object.keys(e.inputs).some((i) => i.includes('/contacts/')))!;
  const note = Object.keys(entry.inputs).filter((i) => i.includes('/contacts/')).sort().at(-1)!;
  const target = join(out, pdf);
  say(`editing ${note}; timing ${pdf}`);

  const latencies: number[] = [];
  for (let i = 0; i < Number(values.edits); i++) {
    const before = statSync(target).ino;
    const written = performance.now();
    appendFileSync(join(root, note), `\nFollow-up ${i + 1}: the caseworker called the school.\n`);
    // The writer renames a new file into place: a new inode.
    while (statSync(target, { throwIfNoEntry: false })?.ino === before) await sleep(1);
    latencies.push(performance.now() - written);
    seen = await waitFor(/^.*changed: .*$/m, seen);
    await sleep(150);
  }
  const result = {
    children,
    edits: latencies.length,
    latency_ms_p50: round(percentile(latencies, 50)),
    latency_ms_p95: round(percentile(latencies, 95)),
    latency_ms_max: round(Math.max(...latencies)),
  };
  say(`watch latency over ${result.edits} saves: p50 ${result.latency_ms_p50} ms, p95 ${result.latency_ms_p95} ms, max ${result.latency_ms_max} ms`);

  watcher.kill('SIGINT');
  await new Promise((done) => watcher.once('exit', done));

  // A no-change build of the same root, from the command line.
  const runs = [0, 1, 2].map(() => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [BIN, 'build', root, '--out', out, '--as-of', asOf], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (run.status !== 0) throw new Error(run.stdout + run.stderr);
    return performance.now() - started;
  });
  const noChange = round(Math.min(...runs) / 1000);
  say(`no-change build of ${children} children: ${noChange} s (best of 3, wall, node start-up included)`);
  if (values.json) process.stdout.write(`${JSON.stringify({ ...result, no_change_build_s: noChange })}\n`);
} finally {
  if (watcher.exitCode === null) watcher.kill('SIGKILL');
}
