/**
 * What a full build removes: the recorded outputs it superseded (a case gone,
 * a hearing past, a plan redated) and the copies made on request whose data
 * has changed since (a parent's copy or a court packet would otherwise be
 * served as it was: without the new note, or with what a new no-contact order
 * now withholds); never a current copy made on request, and never a file
 * casepress did not write or that was changed after it wrote it. Every
 * removal says why, truthfully.
 */
import { join } from 'node:path';
import type { CaseRoot } from '../model/case-root.js';
import { sha256, staleOutputs } from './fingerprint.js';
import { DEFAULT_AUDIENCE, hearingsAhead, type DocType, type Job } from './jobs.js';
import type { ManifestEntry, RecordedOutputs } from './manifest.js';
import type { FileSystem, Report } from './ports.js';

/** What a full build makes nothing of for a case or home that still exists, by document type (a court report: see staleBecause). */
const NOTHING_TO_MAKE: Readonly<Record<Exclude<DocType, 'court-report' | 'court-packet' | 'caseload-stats' | 'matching-worksheet'>, string>> = {
  'service-plan': 'its case has no plan.yaml',
  'transition-plan': 'its case has no transition.yaml',
  'home-study': 'its home has no study.md',
  'relicensing-packet': 'its home has no license to renew',
};

/** Made on request (`court-summary`, `build --case/--home/--doc/--audience`), or, in a manifest written before that was recorded, for an audience a full build does not make. */
export const isRequested = (entry: ManifestEntry) => entry.requested === true || entry.audience !== DEFAULT_AUDIENCE[entry.type];

/** The entry without its mark of a copy made on request (a full build that makes the same document now owns it). */
export function madeByFullBuild({ requested: _requested, ...entry }: ManifestEntry): ManifestEntry {
  return entry;
}

/**
 * Why a full build removes a recorded output that none of its jobs writes, or
 * undefined when it keeps it: a copy made on request (another audience, a
 * hearing further ahead) of a document that is still current, made from the
 * data as it is now (`changedInput`: the first of the entry's inputs whose
 * hash differs now, or undefined).
 */
export function staleBecause(entry: ManifestEntry, path: string, root: CaseRoot, jobs: readonly Job[], asOf: string, changedInput: (entry: ManifestEntry) => string | undefined): string | undefined {
  const reason = supersededBecause(entry, path, root, jobs, asOf);
  if (reason !== undefined || entry.type === 'caseload-stats' || entry.type === 'matching-worksheet') return reason;
  const changed = changedInput(entry);
  return changed === undefined ? undefined : `it was made on request, and ${changed} has changed since; make it again with \`${remakeCommand(entry, path)}\``;
}

/** The command that makes a copy made on request again (a parent's copy names its parent as the file name does). */
function remakeCommand(entry: ManifestEntry, path: string): string {
  const reader = entry.audience === 'parent' ? ` --parent ${/-parent-([^/.]+)\.(?:pdf|docx)$/.exec(path)?.[1] ?? '<the same parent>'}` : '';
  const audience = entry.audience === DEFAULT_AUDIENCE[entry.type] ? '' : ` --audience ${entry.audience}${reader}`;
  if (entry.type === 'court-report' || entry.type === 'court-packet') {
    return `casepress court-summary ${entry.subject}${entry.date ? ` --hearing ${entry.date}` : ''}${entry.type === 'court-packet' ? ' --packet' : ''}${audience}`;
  }
  return `casepress build --${path.startsWith('children/') ? 'case' : 'home'} ${entry.subject} --doc ${entry.type}${audience}`;
}

function supersededBecause(entry: ManifestEntry, path: string, root: CaseRoot, jobs: readonly Job[], asOf: string): string | undefined {
  // Statistics and matching worksheets are made only on request (`stats`, `match`), each for its period or day: a build never supersedes them.
  if (entry.type === 'caseload-stats' || entry.type === 'matching-worksheet') return undefined;
  const isCase = path.startsWith('children/');
  const what = isCase ? 'case' : 'home';
  const child = isCase ? root.children.find((c) => c.id === entry.subject && c.case) : undefined;
  const exists = isCase ? child !== undefined : root.homes.some((h) => h.id === entry.subject && h.home);
  if (!exists) return `its ${what} ${entry.subject} no longer exists`;
  // Entries written before the date was recorded carry it in their file name.
  const date = entry.date ?? /-(\d{4}-\d{2}-\d{2})(?:-[a-z_]+)?\.(?:pdf|docx)$/.exec(path)?.[1] ?? '';
  // A court packet binds its hearing's court report: kept, on request, as long as the report would be.
  if (entry.type === 'court-report' || entry.type === 'court-packet') {
    const ahead = hearingsAhead(child!, asOf);
    const next = ahead[0] ? `the case's next hearing is ${ahead[0]}` : `the case has no hearing ahead as of ${asOf}`;
    if (!ahead.includes(date)) return `${date < asOf ? `the hearing of ${date} is past` : `the case has no hearing on ${date} any more`}; ${next}`;
    return isRequested(entry) ? undefined : `superseded: ${next}`;
  }
  const current = jobs.find((j) => j.type === entry.type && j.subject === entry.subject);
  if (!current) return NOTHING_TO_MAKE[entry.type];
  if (date !== current.date) return `superseded: the ${what}'s ${entry.type.replace(/-/g, ' ')} is now dated ${current.date}`;
  // The same document and date, so another audience: a copy made on request.
  return undefined;
}

/** A recorded output a full build supersedes, and why. */
export interface StaleOutput {
  readonly path: string;
  readonly entry: ManifestEntry;
  readonly reason: string;
}

/** The outputs the manifest records that these jobs, made from this root, supersede (staleBecause), in the manifest's order. */
export function staleOutputsOf(previous: RecordedOutputs, root: CaseRoot, jobs: readonly Job[], asOf: string, changedInput: (entry: ManifestEntry) => string | undefined): StaleOutput[] {
  return staleOutputs(previous.keys, jobs.map((j) => j.output)).flatMap((path) => {
    const entry = previous.entry(path)!;
    const reason = staleBecause(entry, path, root, jobs, asOf, changedInput);
    return reason === undefined ? [] : [{ path, entry, reason }];
  });
}

/**
 * Removes the superseded outputs (never any other file), and returns the
 * manifest keys to drop. A file changed since casepress wrote it is someone's
 * work: it is left in place, and only its entry dropped.
 */
export async function removeStale(stale: readonly StaleOutput[], out: string, files: FileSystem, report: Report): Promise<string[]> {
  const dropped: string[] = [];
  for (const { path, entry, reason } of stale) {
    const file = join(out, path);
    const bytes = await files.read(file);
    const onDisk = bytes && sha256(bytes);
    if (onDisk !== undefined && onDisk !== entry.sha256) {
      report.pruned({ kind: 'kept', file, reason });
      dropped.push(path);
      continue;
    }
    const error = onDisk === undefined ? undefined : await files.remove(file).then(() => undefined, (e: NodeJS.ErrnoException) => e);
    if (error) {
      report.pruned({ kind: 'unremovable', file, reason, error: error.code ?? error.message });
      continue;
    }
    report.pruned({ kind: onDisk === undefined ? 'dropped' : 'removed', file, reason });
    dropped.push(path);
  }
  return dropped;
}
