/**
 * `casepress data <doc-type> <case-or-home-id> [root]`: what a template
 * receives for one document (cli.md), as this audience's copy would receive
 * it — a withheld value already shows as the marker. The reference an agency's
 * data person edits templates against. YAML by default, JSON with --json.
 * `casepress data caseload-stats [root] --month|--quarter` takes no id: the
 * statistics' period, copy and caseworker are named as `stats` names them.
 */
import { stringify } from 'yaml';
import { hasErrors } from '../../core/diagnostic.js';
import type { Audience } from '../../compute/audience.js';
import { indexRoot } from '../../compute/documents/root-view.js';
import { ruleSetFor } from '../../compute/rule-sets.js';
import { caseloadStatsJob, courtPacketJob, courtReportJob, matchParent, nextHearing, NOT_READ_BY_STATS, planJobs, type DocType, type Job } from '../../build/jobs.js';
import { jobData } from '../../build/run-job.js';
import type { CaseRoot } from '../../model/case-root.js';
import { today } from '../../io/clock.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { readRoot } from '../read-root.js';
import { formatText } from '../report.js';
import { checkWorker, chosenPeriod } from './stats.js';

export interface DataOptions {
  readonly asOf?: string;
  /** `public` only for the caseload statistics, which have no court, parent or foster parent copy. */
  readonly audience?: Audience;
  readonly parent?: string;
  /** For a court report: the hearing (default: the next one on or after the as-of date). */
  readonly hearing?: string;
  /** For the caseload statistics: the period (default: the last full month before the as-of date) and one caseworker's copy. */
  readonly month?: string;
  readonly quarter?: string;
  readonly worker?: string;
  readonly json?: boolean;
}

/** `id`: the case or home; none for the caseload statistics. */
export async function printData(type: DocType, id: string | undefined, rootArg: string, options: DataOptions, write: (text: string) => void): Promise<ExitCode> {
  // The statistics' facts come from what `stats` reads: not the assessments, court notes or home studies.
  const { root, diagnostics, report } = await readRoot(rootArg, type === 'caseload-stats' ? { skip: NOT_READ_BY_STATS } : {});
  if (hasErrors(diagnostics) || !root.agency) {
    process.stderr.write(formatText(report));
    process.stderr.write('casepress data: fix the errors above first; nothing is computed from data with errors.\n');
    return EXIT.dataErrors;
  }
  const agency = root.agency.data;
  const asOf = options.asOf ?? today(agency.time_zone ?? undefined);
  const job = findJob(root, type, id, asOf, options);
  const { data } = jobData(job, { context: { agency, asOf, rules: ruleSetFor(agency) }, index: indexRoot(root), inputHash: () => '' });
  const shown = {
    document: { type: job.type, subject: job.subject, date: job.date, audience: job.audience, as_of: asOf },
    facts: data.data,
    withheld: data.withheld.filter((w) => !w.guard).map(({ kind, field }) => ({ kind, field })),
    warnings: data.warnings,
  };
  write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : stringify(shown, { lineWidth: 0, aliasDuplicateObjects: false }));
  return EXIT.ok;
}

/** The one job the command names; a usage error says why there is none. */
function findJob(root: CaseRoot, type: DocType, id: string | undefined, asOf: string, options: DataOptions): Job {
  if (type === 'caseload-stats') {
    const audience = options.audience ?? 'internal';
    if (audience !== 'internal' && audience !== 'public') throw new UsageError(`the caseload statistics have an internal and a public copy, not a ${audience} copy`);
    const period = chosenPeriod(options, asOf);
    checkWorker(root, options.worker);
    return caseloadStatsJob(period, audience, options.worker, []);
  }
  if (options.audience === 'public') throw new UsageError('--audience public is for the caseload statistics');
  if (options.month || options.quarter || options.worker) throw new UsageError('--month, --quarter and --worker are for the caseload statistics');
  const isHome = type === 'home-study' || type === 'relicensing-packet';
  if (id === undefined) throw new UsageError(`a ${type} is for one ${isHome ? 'home' : 'case'}: casepress data ${type} <${isHome ? 'home' : 'case'}-id> [root]`);
  const known = isHome ? root.homes.filter((h) => h.home).map((h) => h.id) : root.children.filter((c) => c.case).map((c) => c.id);
  if (!known.includes(id)) throw new UsageError(`there is no ${isHome ? 'home' : 'case'} "${id}" in this case root (${known.join(', ')})`);
  if (options.audience === 'parent' && isHome) throw new UsageError(`a ${type} is not served on a parent: --audience parent is for court reports and plans`);
  if (type === 'court-report' || type === 'court-packet') {
    const child = root.children.find((c) => c.id === id)!;
    const reader = options.parent ? matchParent(child.case!.data, options.parent) : undefined;
    if (reader && 'error' in reader) throw new UsageError(reader.error);
    const hearing = options.hearing ?? nextHearing(child, asOf);
    if (!hearing) throw new UsageError(`${id} has no hearing on or after ${asOf}; name one with --hearing YYYY-MM-DD`);
    return (type === 'court-report' ? courtReportJob : courtPacketJob)(child, hearing, options.audience, reader);
  }
  const filter = { docs: [type], ...(isHome ? { homes: [id] } : { cases: [id] }), ...(options.audience ? { audience: options.audience } : {}), ...(options.parent ? { parent: options.parent } : {}) };
  const job = planJobs(root, asOf, filter)[0];
  if (!job) {
    const child = root.children.find((c) => c.id === id);
    const reader = child && options.parent ? matchParent(child.case!.data, options.parent) : undefined;
    throw new UsageError(reader && 'error' in reader ? reader.error : `${id} has no ${type} as of ${asOf} (its file is missing)`);
  }
  return job;
}
