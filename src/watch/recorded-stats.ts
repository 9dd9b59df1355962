/**
 * The caseload statistics a watch session keeps current (issue 14): each one
 * the manifest records — made by `casepress stats` — for its period, copy and
 * caseworker, in the formats it records, as of the session's day. Pure.
 *
 * A statistics output is never made by watch unless `stats` made it first, and
 * its period stays the one asked for. An entry that does not read as one
 * (edited by hand) is left as it is.
 */
import { caseloadStatsJob, statsOfSubject, type Job, type OutputFormat } from '../build/jobs.js';
import type { ManifestEntry, RecordedOutputs } from '../build/manifest.js';

const FORMATS: readonly OutputFormat[] = ['pdf', 'docx', 'csv', 'json'];
const STATS = 'stats/';

export function recordedStats(recorded: RecordedOutputs, asOf: string): Job[] {
  // Output path without its extension → its entry and the formats recorded.
  const outputs = new Map<string, { entry: ManifestEntry; formats: OutputFormat[] }>();
  // (Statistics are written under stats/ only: the other entries are not read.)
  for (const path of recorded.keys) {
    if (!path.startsWith(STATS)) continue;
    const entry = recorded.entry(path);
    if (entry?.type !== 'caseload-stats') continue;
    const format = FORMATS.find((f) => path.endsWith(`.${f}`));
    if (!format) continue;
    const output = path.slice(0, -format.length - 1);
    const known = outputs.get(output);
    if (known) known.formats.push(format);
    else outputs.set(output, { entry, formats: [format] });
  }
  return [...outputs].flatMap(([output, { entry, formats }]) => {
    const named = statsOfSubject(entry.subject);
    if (!named || (entry.audience !== 'internal' && entry.audience !== 'public')) return [];
    // A period that has not ended by the session's day (an earlier --as-of) is not one statistics are made for.
    if (named.period.last >= asOf) return [];
    const job = caseloadStatsJob(named.period, entry.audience, named.worker, formats);
    return job.output === output ? [job] : [];
  });
}
