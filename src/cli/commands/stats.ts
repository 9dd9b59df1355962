/**
 * `casepress stats [root] --month YYYY-MM | --quarter YYYY-Qn` (cli.md; rules.md,
 * Caseload statistics): one job of the build engine, whose files are the
 * document (PDF, DOCX) and, for the agency's data person, the CSV and JSON of
 * its figures. Each is in the manifest, written atomically under the --out
 * lock, and made again only when a case file it read changed.
 */
import { caseloadStatsJob, isRenderedFormat, NOT_READ_BY_STATS, type OutputFormat } from '../../build/jobs.js';
import type { Audience } from '../../compute/stats/cells.js';
import { defaultPeriod, parsePeriod, type Period } from '../../compute/stats/period.js';
import type { CaseRoot } from '../../model/case-root.js';
import { UsageError, type ExitCode } from '../exit.js';
import type { BuildOptions } from './build.js';

export interface StatsOptions extends Omit<BuildOptions, 'format' | 'audience'> {
  readonly month?: string;
  readonly quarter?: string;
  readonly worker?: string;
  /** The document (pdf, docx) and its figures as data (csv, json). */
  readonly format: readonly OutputFormat[];
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

/** `--worker`: a caseworker some case names; a usage error lists them otherwise. */
export function checkWorker(root: CaseRoot, worker: string | undefined): void {
  if (worker === undefined) return;
  const caseworkers = [...new Set(root.children.flatMap((c) => (c.case ? [c.case.data.caseworker] : [])))].sort();
  if (!caseworkers.includes(worker)) throw new UsageError(`no case names "${worker}" as its caseworker (caseworkers: ${caseworkers.join(', ') || 'none'})`);
}

/** `log` takes the lines it says, `print` the diagnostics (stdout), as `build` does. */
export async function stats(rootArg: string, options: StatsOptions, log: (line: string) => void, print?: (text: string) => void): Promise<ExitCode> {
  const { month: _month, quarter: _quarter, worker, format, audience, ...engine } = options;
  // The engine renders the document formats; the job names all of its own.
  const rendered = format.filter(isRenderedFormat);
  // The engine is loaded here: `data caseload-stats` shares this module's period and caseworker checks.
  const { build } = await import('./build.js');
  // The assessments, court notes and home studies are not read: the statistics never use them.
  const outcome = await build(rootArg, { ...engine, format: rendered, audience, read: { ...engine.read, skip: NOT_READ_BY_STATS, parseAhead: true } }, (root, asOf) => {
    const period = chosenPeriod(options, asOf);
    checkWorker(root, worker);
    return [caseloadStatsJob(period, audience, worker, format)];
  }, log, print);
  return outcome.code;
}
