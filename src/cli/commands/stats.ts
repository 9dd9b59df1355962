/**
 * `casepress stats [root] --month YYYY-MM | --quarter YYYY-Qn` (cli.md; rules.md,
 * Caseload statistics): the statistics document through the build engine (PDF,
 * DOCX: in the manifest, rebuilt only when a case file changed), and the CSV and
 * JSON for the agency's data person beside it, written atomically.
 */
import { join } from 'node:path';
import { caseloadStatsJob } from '../../build/jobs.js';
import { ruleSetFor } from '../../compute/rule-sets.js';
import type { Audience } from '../../compute/stats/cells.js';
import { statsCsv, statsJson } from '../../compute/stats/export.js';
import { defaultPeriod, parsePeriod, type Period } from '../../compute/stats/period.js';
import { caseloadStats, type CaseloadStats } from '../../compute/stats/stats.js';
import type { CaseRoot } from '../../model/case-root.js';
import { nodeFileSystem } from '../../io/file-system.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { build, type BuildOptions } from './build.js';
import { readForClocks } from './due.js';

export const STATS_FORMATS = ['pdf', 'docx', 'csv', 'json'] as const;
export type StatsFormat = (typeof STATS_FORMATS)[number];

export interface StatsOptions extends Omit<BuildOptions, 'format' | 'audience'> {
  readonly month?: string;
  readonly quarter?: string;
  readonly worker?: string;
  readonly format: readonly StatsFormat[];
  readonly audience: Audience;
}

/** The period asked for, or the last full month before the as-of date; one that has not ended by then is refused. */
export function chosenPeriod(options: Pick<StatsOptions, 'month' | 'quarter'>, asOf: string): Period {
  if (options.month && options.quarter) throw new UsageError('give --month or --quarter, not both');
  const asked = options.month ?? options.quarter;
  const period = asked === undefined ? defaultPeriod(asOf) : parsePeriod(asked);
  if (!period || (options.month && period.kind !== 'month') || (options.quarter && period.kind !== 'quarter')) {
    throw new UsageError(options.month ? `expected --month YYYY-MM, found "${asked}"` : `expected --quarter YYYY-Qn (n from 1 to 4), found "${asked}"`);
  }
  if (period.last >= asOf) throw new UsageError(`${period.id} ends on ${period.last}, not before the as-of date ${asOf}: statistics are for a period that has ended (use --as-of)`);
  return period;
}

function checkWorker(root: CaseRoot, worker: string | undefined): void {
  if (worker === undefined) return;
  const caseworkers = [...new Set(root.children.flatMap((c) => (c.case ? [c.case.data.caseworker] : [])))].sort();
  if (!caseworkers.includes(worker)) throw new UsageError(`no case names "${worker}" as its caseworker (caseworkers: ${caseworkers.join(', ') || 'none'})`);
}

export async function stats(rootArg: string, options: StatsOptions, log: (line: string) => void): Promise<ExitCode> {
  const documents = options.format.filter((f): f is 'pdf' | 'docx' => f === 'pdf' || f === 'docx');
  const data = options.format.filter((f) => f === 'csv' || f === 'json');
  let computed: CaseloadStats | undefined;
  let known: { root: CaseRoot; asOf: string; period: Period } | undefined;
  let code: ExitCode = EXIT.ok;
  if (documents.length > 0) {
    const { month: _m, quarter: _q, worker, format: _f, audience, ...engine } = options;
    const outcome = await build(rootArg, { ...engine, format: documents, audience }, (root, asOf) => {
      const period = chosenPeriod(options, asOf);
      checkWorker(root, worker);
      known = { root, asOf, period };
      return [caseloadStatsJob(period, audience, worker, (s) => (computed = s))];
    }, log);
    code = outcome.code;
    if (outcome.dataErrors) return code;
  } else {
    const read = await readForClocks(rootArg, 'stats', options.asOf);
    if (typeof read === 'number') return read;
    known = { root: read.root, asOf: read.asOf, period: chosenPeriod(options, read.asOf) };
    checkWorker(read.root, options.worker);
  }
  if (data.length === 0 || !known) return code;
  const { root, asOf, period } = known;
  // The document was up to date (or not asked for): the figures are computed here.
  const figures =
    computed ??
    caseloadStats({
      agency: root.agency!.data, rules: ruleSetFor(root.agency!.data), children: root.children, homes: options.worker ? [] : root.homes,
      period, asOf, audience: options.audience, ...(options.worker ? { worker: options.worker } : {}),
    });
  const job = caseloadStatsJob(period, options.audience, options.worker);
  for (const format of data) {
    const path = join(options.out, `${job.output}.${format}`);
    await nodeFileSystem.writeAtomic(path, format === 'csv' ? statsCsv(figures) : statsJson(figures));
    log(`wrote ${path}`);
  }
  return code;
}
