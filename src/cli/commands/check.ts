/**
 * `casepress check [root]`: `due --check` and filing readiness together (cli.md).
 * Exit 1 when an item is overdue or a document due for filing lacks a part
 * required before filing; what a supervisor runs before a court week.
 */
import pc from 'picocolors';
import { addDays, formatLongDate } from '../../core/calendar-date.js';
import { dueReport } from '../../compute/due-report.js';
import { documentsNotReady, writeHint, type NotReady } from '../../build/readiness-warnings.js';
import { planJobs } from '../../build/jobs.js';
import { EXIT, type ExitCode } from '../exit.js';
import { allDueItems, dueTable, readDuePhrases, readForClocks, wordDetails } from './due.js';

export interface CheckOptions {
  readonly within: number;
  readonly asOf?: string;
  readonly json?: boolean;
}

export async function check(rootArg: string, options: CheckOptions): Promise<ExitCode> {
  const read = await readForClocks(rootArg, 'check', options.asOf);
  if (typeof read === 'number') return read;
  const { root, agency, asOf } = read;
  const phrases = await readDuePhrases();
  if (typeof phrases === 'number') return phrases;
  const overdue = wordDetails(dueReport(allDueItems(root, agency, asOf), asOf, options.within).filter((i) => i.status === 'overdue'), phrases);
  // Due for filing: every document a full build makes, court reports for the hearings in the window.
  const until = addDays(asOf, options.within);
  const jobs = planJobs(root, asOf, {}).filter((job) => job.type !== 'court-report' || job.date <= until);
  const notReady = documentsNotReady(root, agency, asOf, jobs);
  if (options.json) {
    const notReadyWorded = notReady.map((doc) => ({ ...doc, missing: doc.missing.map((m) => ({ ...m, write: writeHint(m.write) })) }));
    process.stdout.write(`${JSON.stringify({ as_of: asOf, within: options.within, overdue, not_ready: notReadyWorded }, null, 2)}\n`);
  } else {
    process.stdout.write(readinessText(notReady, jobs.length, asOf, until));
    process.stdout.write(overdue.length ? `\n${dueTable(overdue, asOf, options.within)}` : `${pc.green('✔')} Nothing is overdue as of ${formatLongDate(asOf)}.\n`);
  }
  return overdue.length || notReady.length ? EXIT.dataErrors : EXIT.ok;
}

function readinessText(notReady: readonly NotReady[], checked: number, asOf: string, until: string): string {
  const scope = `${checked} document${checked === 1 ? '' : 's'} checked (court reports for hearings through ${formatLongDate(until)}), as of ${formatLongDate(asOf)}`;
  if (notReady.length === 0) return `${pc.green('✔')} Ready for filing: ${scope}.\n`;
  const lines = notReady.flatMap((doc) => [`${pc.bold(doc.output)}`, ...doc.missing.map((m) => `  ${pc.yellow('missing')} ${m.section}: write ${writeHint(m.write)} in ${m.file}`)]);
  return `${pc.red('✖')} ${notReady.length} not ready for filing: ${scope}\n${lines.join('\n')}\n`;
}
