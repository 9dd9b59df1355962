/**
 * `npm run bench:agency`: whole-agency builds of generated roots (npm run gen)
 * at several sizes, each a fresh `casepress build --jobs N` in its own process:
 * wall time, document pairs (PDF + DOCX) per second, peak RSS of the process
 * (its worker threads included) and the peak heap of each rendering thread;
 * then a no-change rebuild of the largest root, and the build after one edited
 * contact note on the 1,000-child root (or the largest; best of 3, wall, node
 * start-up included; the note is put back afterwards).
 *
 * With --validate, only `casepress validate` of each root, in its own process:
 * wall time, CPU time and peak RSS.
 *
 * With --stats QUARTER (e.g. 2026-Q3), only `casepress stats` of each root for
 * that quarter (with its 4 prior quarters), in its own process: a first run
 * into a new output folder (nothing parsed or shaped before), a run with
 * --force (the parse cache kept, every figure and page made again), and a run
 * with nothing changed; wall time, CPU time and peak RSS of each.
 *
 *   npm run bench:agency -- [--children 200,1000,2000] [--jobs 2] [--seed 7]
 *                            [--as-of 2026-11-23] [--work /tmp/casepress-bench]
 *                            [--validate | --stats QUARTER] [--json]
 *
 * Generated roots are kept under --work and reused by later runs.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../../src/io/package-files.js';
import { generatedRoot } from './generated-root.js';
import { measureCommand, type CommandUsage } from './measure-command.js';

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '200,1000,2000' },
    jobs: { type: 'string', default: '2' },
    seed: { type: 'string', default: '7' },
    'as-of': { type: 'string', default: '2026-11-23' },
    work: { type: 'string', default: '/tmp/casepress-bench' },
    validate: { type: 'boolean', default: false },
    stats: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const sizes = values.children.split(',').map(Number);
const seed = Number(values.seed);
const asOf = values['as-of'];
const BIN = join(PACKAGE_ROOT, 'bin/casepress');

interface BuildStats {
  built: number;
  failed: number;
  skipped: number;
  peak_rss_mb: number;
  peak_heap_mb_by_thread: Record<string, number>;
}

const round = (n: number) => Math.round(n * 10) / 10;
const say = (line: string) => !values.json && process.stderr.write(`${line}\n`);

const rootFor = (children: number) => generatedRoot({ work: values.work, children, seed, asOf, say });

function build(root: string, out: string, extra: string[] = []): { seconds: number; stats: BuildStats } {
  const statsFile = `${out}.stats.json`;
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, 'build', root, '--out', out, '--as-of', asOf, '--jobs', values.jobs, '--stats', statsFile, ...extra], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`build of ${root} exited ${run.status}:\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
  return { seconds, stats: JSON.parse(readFileSync(statsFile, 'utf8')) as BuildStats };
}

/** A casepress command in its own process: wall and CPU seconds, peak RSS. */
function measured(args: readonly string[]): CommandUsage {
  const usage = measureCommand(args, values.work);
  return { seconds: round(usage.seconds), cpu_seconds: round(usage.cpu_seconds), peak_rss_mb: round(usage.peak_rss_mb) };
}

const validate = (root: string) => measured(['validate', root]);

if (values.stats !== undefined) {
  const quarter = values.stats;
  const rows = sizes.map((children) => {
    const root = rootFor(children);
    const out = join(values.work, `stats-out-${children}`);
    rmSync(out, { recursive: true, force: true });
    const args = ['stats', root, '--quarter', quarter, '--as-of', asOf, '--out', out];
    const row = { children, first: measured(args), force: measured([...args, '--force']), unchanged: measured(args) };
    const line = (what: string, m: ReturnType<typeof measured>) => `${what} ${m.seconds} s wall, ${m.cpu_seconds} s CPU, peak RSS ${m.peak_rss_mb} MB`;
    say(`stats ${quarter}, ${children} children: ${line('first run', row.first)}; ${line('--force', row.force)}; ${line('nothing changed', row.unchanged)}`);
    return row;
  });
  if (values.json) process.stdout.write(`${JSON.stringify({ stats: rows })}\n`);
  process.exit(0);
}

if (values.validate) {
  const validated = sizes.map((children) => {
    const row = { children, ...validate(rootFor(children)) };
    say(`validate ${children} children: ${row.seconds} s wall, ${row.cpu_seconds} s CPU; peak RSS ${row.peak_rss_mb} MB`);
    return row;
  });
  if (values.json) process.stdout.write(`${JSON.stringify({ validate: validated })}\n`);
  process.exit(0);
}

const rows = [];
for (const children of sizes) {
  const root = rootFor(children);
  const out = join(values.work, `out-${children}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(values.work, { recursive: true });
  const { seconds, stats } = build(root, out);
  const row = {
    children,
    documents: stats.built,
    failed: stats.failed,
    seconds: round(seconds),
    pairs_per_second: round(stats.built / seconds),
    ms_per_child: round((1000 * seconds) / children),
    peak_rss_mb: stats.peak_rss_mb,
    peak_heap_mb_by_thread: stats.peak_heap_mb_by_thread,
  };
  rows.push(row);
  say(`${children} children: ${row.documents} documents (PDF + DOCX) in ${row.seconds} s = ${row.pairs_per_second} pairs/s; peak RSS ${row.peak_rss_mb} MB; heap by thread ${JSON.stringify(row.peak_heap_mb_by_thread)}`);
}

const largest = sizes.at(-1)!;
const again = build(rootFor(largest), join(values.work, `out-${largest}`));
const noChange = { children: largest, seconds: round(again.seconds), skipped: again.stats.skipped, built: again.stats.built };
say(`no-change rebuild of ${largest} children: ${noChange.seconds} s (${noChange.skipped} up to date, ${noChange.built} built)`);

// A caseworker saves one contact note: the build after it (issue 10: at most 1.5 s on 1,000 children).
const editSize = sizes.includes(1000) ? 1000 : largest;
const editRoot = rootFor(editSize);
const editOut = join(values.work, `out-${editSize}`);
const recorded = JSON.parse(readFileSync(join(editOut, 'manifest.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, string> }> };
const note = Object.values(recorded.outputs).flatMap((e) => Object.keys(e.inputs)).filter((input) => /\/contacts\/[^/]+\.md$/.test(input)).sort()[0]!;
const original = readFileSync(join(editRoot, note));
const edits: { seconds: number; built: number }[] = [];
try {
  for (let i = 1; i <= 3; i++) {
    appendFileSync(join(editRoot, note), `\nFollow-up ${i}: the caseworker called the school.\n`);
    const { seconds, stats } = build(editRoot, editOut);
    edits.push({ seconds, built: stats.built });
  }
} finally {
  // The generated root is reused by later runs: the note as generated, and its documents with it.
  writeFileSync(join(editRoot, note), original);
  build(editRoot, editOut);
}
const oneEdit = { children: editSize, note, seconds: round(Math.min(...edits.map((e) => e.seconds))), built: edits[0]!.built };
say(`one edited note, ${editSize} children: build ${oneEdit.seconds} s (best of 3, wall, node start-up included; ${oneEdit.built} document${oneEdit.built === 1 ? '' : 's'} rebuilt)`);

if (values.json) process.stdout.write(`${JSON.stringify({ jobs: Number(values.jobs), builds: rows, no_change: noChange, one_edit: oneEdit })}\n`);
