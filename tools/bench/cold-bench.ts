/**
 * `npm run bench:cold`: a case manager's one-off `casepress court-summary`,
 * each run a fresh process (Node's start-up included), on a copy of the bundled
 * example agency (or of --root). Three situations, each measured --runs times (median):
 *   new folder   — an output folder with nothing in it (nothing parsed, shaped or built before);
 *   after edit   — one contact note of the child edited since the last run;
 *   up to date   — nothing changed since the last run.
 * CPU time is every thread's, user and system. casepress is built with the
 * example agency's words already shaped (write-bundled-shapes.ts), so its
 * cases start with every word shaped; a generated root's child (--root, --case)
 * shows a case whose narratives it has never seen. The first run also writes
 * V8's code cache beside the compiled code (cli/code-cache.ts) when it has none
 * for this Node; the medians are of runs that start from it, as a case
 * manager's do after the first.
 *
 *   npm run bench:cold -- [--root DIR --case ID] [--as-of 2026-11-23] [--runs 5]
 *                         [--node /path/to/node] [--work /tmp/casepress-cold] [--json]
 */
import { appendFileSync, cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PACKAGE_ROOT } from '../../src/io/package-files.js';
import { measureCommand, type CommandUsage } from './measure-command.js';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: join(PACKAGE_ROOT, 'cases') },
    case: { type: 'string', default: 'C-2025-0142' },
    'as-of': { type: 'string', default: '2026-11-23' },
    runs: { type: 'string', default: '5' },
    node: { type: 'string', default: process.execPath },
    work: { type: 'string', default: '/tmp/casepress-cold' },
    json: { type: 'boolean', default: false },
  },
});

const root = join(values.work, 'cases');
const out = join(values.work, 'output');
rmSync(values.work, { recursive: true, force: true });
cpSync(values.root, root, { recursive: true });
const contacts = join(root, 'children', values.case, 'contacts');
const note = join(contacts, readdirSync(contacts).filter((name) => name.endsWith('.md')).sort()[0]!);

const courtSummary = () => measureCommand(['court-summary', values.case, root, '--format', 'pdf', '--out', out, '--as-of', values['as-of']], values.work, values.node);
const samples: Record<'new_folder' | 'after_edit' | 'up_to_date', CommandUsage[]> = { new_folder: [], after_edit: [], up_to_date: [] };
for (let run = 0; run < Number(values.runs); run++) {
  rmSync(out, { recursive: true, force: true });
  samples.new_folder.push(courtSummary());
  appendFileSync(note, `\nFollow-up call ${run + 1}.\n`);
  samples.after_edit.push(courtSummary());
  samples.up_to_date.push(courtSummary());
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (seconds: number) => Math.round(seconds * 1000);
const rows = Object.entries(samples).map(([situation, runs]) => ({
  situation,
  cpu_ms_median: ms(median(runs.map((r) => r.cpu_seconds))),
  wall_ms_median: ms(median(runs.map((r) => r.seconds))),
  peak_rss_mb: Math.round(Math.max(...runs.map((r) => r.peak_rss_mb))),
}));
if (values.json) {
  process.stdout.write(`${JSON.stringify({ node: values.node, case: values.case, runs: Number(values.runs), cold: rows })}\n`);
} else {
  process.stdout.write(`court-summary ${values.case} --format pdf, ${values.runs} runs each (median):\n`);
  for (const row of rows) process.stdout.write(`  ${row.situation.replace(/_/g, ' ').padEnd(11)} ${String(row.cpu_ms_median).padStart(5)} ms CPU  ${String(row.wall_ms_median).padStart(5)} ms wall  peak RSS ${row.peak_rss_mb} MB\n`);
}
