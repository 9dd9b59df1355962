/**
 * What a build says on the command line (the engine's report port,
 * build/ports.ts): its progress, its first warnings, the removals of a full
 * build, the summary table and the last line. Diagnostics go to `print`
 * (stdout) as `validate` prints them; every other line goes to `log`.
 */
import pc from 'picocolors';
import type { BuildSummary, DiagnosticReport, DocumentDone, Pruned, Report } from '../build/ports.js';
import { summaryTable } from './build-summary.js';
import { lineProgress, startProgress, type Progress } from './progress.js';
import { formatText } from './report.js';

export interface TextReportOptions {
  readonly log: (line: string) => void;
  /** Where diagnostics are printed (stdout). */
  readonly print: (text: string) => void;
  /** No summary table and no bar: a line per document that says something (watch). */
  readonly quiet?: boolean;
  /** Where to draw a progress bar (a terminal); plain lines otherwise. */
  readonly terminal?: NodeJS.WriteStream;
}

/** A build prints its first warnings as they come; a full build writes them all to <out>/warnings.txt. */
const WARNINGS_SHOWN = 20;

export function textReport({ log, print, quiet, terminal }: TextReportOptions): Report {
  let progress: Progress | undefined;
  let warnings = 0;
  const line = (text: string) => (progress ? progress.log(text) : log(text));
  return {
    diagnostics: (report: DiagnosticReport) => print(formatText(report)),
    dataErrors: () => log(pc.red('Nothing was built: fix the errors above first.')),
    nothingDue: (asOf) => log(`Nothing to build as of ${asOf}.`),
    start(total) {
      progress = quiet ? lineProgress(log) : startProgress({ total, log, ...(terminal ? { terminal } : {}) });
    },
    warning(text) {
      if (warnings++ < WARNINGS_SHOWN) line(`  ${pc.yellow('warning')} ${text}`);
    },
    done: (document) => progress?.done(doneLine(document)),
    stop() {
      progress?.stop();
      progress = undefined;
    },
    pruned: (event) => log(prunedLine(event)),
    finished(summary) {
      if (!quiet && summary.documents > 0) log(summaryTable(summary.counts));
      log(lastLine(summary));
      if (summary.strict && summary.warnings && !summary.failed.length) {
        log(pc.red(`✖ --strict: ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, so the exit code is 1`));
      }
    },
  };
}

function doneLine(document: DocumentDone): string | undefined {
  const { job } = document;
  switch (document.kind) {
    case 'built':
      return `${pc.green('built')} ${document.path}.{${document.formats.join(',')}}`;
    case 'failed':
      return `${pc.red('failed')} ${job.output} (${job.type}, ${job.subject})${document.why}`;
    case 'skipped':
      return undefined;
  }
}

function prunedLine({ kind, file, reason, error }: Pruned): string {
  switch (kind) {
    case 'kept':
      return `${pc.yellow('kept')} ${file}: ${reason}, but the file was changed after casepress wrote it; it is no longer in the manifest`;
    case 'unremovable':
      return `${pc.yellow('warning')} ${file} could not be removed (${error}); ${reason}`;
    case 'dropped':
      return `${pc.cyan('dropped')} ${file} from the manifest: ${reason} (the file was already gone)`;
    case 'removed':
      return `${pc.cyan('removed')} ${file}: ${reason}`;
  }
}

function lastLine(s: BuildSummary): string {
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  const nothing = `Nothing to build as of ${s.asOf}`;
  if (s.replayed) {
    const said = s.documents === 0 ? nothing : `All ${s.documents} documents were up to date as of ${s.asOf}; none rebuilt`;
    return `${pc.green('✔')} ${said} (${seconds} s, no file changed since the last build)${warningsNote(s.warnings, s.warningsFile)}; manifest: ${s.manifest}`;
  }
  const ran = s.built + s.failed.length;
  if (ran === 0) {
    const said = s.documents === 0 ? nothing : `${s.documents === 1 ? 'The document was' : `All ${s.documents} documents were`} up to date as of ${s.asOf}; none rebuilt`;
    return `${pc.green('✔')} ${said} (${seconds} s); manifest: ${s.manifest}`;
  }
  const skipped = s.documents - ran;
  const upToDateNote = skipped ? `; ${skipped} up to date, skipped` : '';
  const failed = s.failed.map((f) => f.output);
  const failedNote = failed.length ? `; failed: ${failed.slice(0, 5).join(', ')}${failed.length > 5 ? ` and ${failed.length - 5} more` : ''}` : '';
  return `${failed.length ? pc.red('✖') : pc.green('✔')} ${s.built} of ${ran} documents built as of ${s.asOf} in ${seconds} s${warningsNote(s.warnings, s.warningsFile)}${upToDateNote}${failedNote}; manifest: ${s.manifest}`;
}

/** ", 7 warnings", or ", 1276 warnings (the first 20 above; all in output/warnings.txt)". */
function warningsNote(count: number, file: string | undefined): string {
  if (count === 0) return '';
  if (count <= WARNINGS_SHOWN) return `, ${count} warning${count === 1 ? '' : 's'}`;
  return `, ${count} warnings (the first ${WARNINGS_SHOWN} above${file ? `; all in ${file}` : ''})`;
}
