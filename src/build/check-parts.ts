/**
 * Before a build in parts (parts.ts) makes anything, every part is loaded and
 * checked, as `validate` checks a root in parts: data with an error anywhere
 * builds nothing. A child's messages come from the part that holds it, the
 * rest (agency.yaml, assets, homes) from the first part, so they are those a
 * load of the whole root gives. What the build needs of the whole root is
 * kept: every planned output (their number, types, and whether two collide),
 * and which children each home's documents read.
 */
import { hasErrors, sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { homesPlacedIn } from '../compute/documents/root-view.js';
import type { CaseRoot } from '../model/case-root.js';
import type { Job } from './jobs.js';
import type { BuildPart } from './parts.js';
import type { DiagnosticReport, ReadRoot } from './ports.js';

/** What a planned job is to the build before its part is loaded again. */
export type PlannedOutput = Pick<Job, 'output' | 'type' | 'formats' | 'template' | 'partTemplates'>;

export interface CheckedParts {
  /** The whole root's messages, sorted; with an error among them, nothing else is filled in. */
  readonly diagnostics: readonly Diagnostic[];
  /** The messages with what a reporter needs to print them (their files' text only when the data has errors). */
  readonly report: DiagnosticReport;
  /** No errors, and agency.yaml loaded: the build may go on. */
  readonly clean: boolean;
  readonly planned: readonly PlannedOutput[];
  /** Every home folder's id, in the root's order. */
  readonly homes: readonly string[];
  /** Home id → the case ids whose placements link to it, in the root's order. */
  readonly placedIn: ReadonlyMap<string, readonly string[]>;
}

const CHILDREN = 'children/';

/**
 * Loads and checks each part in turn (`load`), and plans the jobs each makes
 * (`plan`; not asked once an error is found). The homes' jobs are planned
 * from the first part: planning one reads no child.
 */
export async function checkParts(
  parts: readonly BuildPart[],
  load: (part: BuildPart) => Promise<ReadRoot>,
  plan: (root: CaseRoot) => Job[],
): Promise<CheckedParts> {
  const diagnostics: Diagnostic[] = [];
  const planned: PlannedOutput[] = [];
  /** The homes' jobs, after the children's (as a plan of the whole root has them). */
  const homesPlanned: PlannedOutput[] = [];
  const placedIn = new Map<string, string[]>();
  /** The part whose report can show a file's text, by file (those with messages only). */
  const shownBy = new Map<string, DiagnosticReport>();
  let first: { readonly agency: CaseRoot['agency']; readonly report: DiagnosticReport; readonly homes: readonly string[] } | undefined;
  let filesChecked = 0;
  for (const part of parts) {
    const read = await load(part);
    const isFirst = first === undefined;
    first ??= { agency: read.root.agency, report: read.report, homes: read.root.homes.map((home) => home.id) };
    const inPart = (file: string) => part.children?.has(file.slice(CHILDREN.length).split('/', 1)[0]!) === true;
    const found = read.diagnostics.filter((d) => (d.file.startsWith(CHILDREN) ? inPart(d.file) : isFirst));
    for (const d of found) shownBy.set(d.file, read.report);
    diagnostics.push(...found);
    // The files of agency.yaml, the assets and the homes are counted once.
    filesChecked += isFirst ? read.root.fileCount : read.root.childFileCount;
    if (hasErrors(diagnostics) || !first.agency) continue;
    for (const job of plan(read.root)) {
      if (part.makes(job)) planned.push(plannedOutput(job));
      else if (isFirst && !job.output.startsWith(CHILDREN)) homesPlanned.push(plannedOutput(job));
    }
    for (const child of read.root.children) {
      for (const home of homesPlacedIn(child)) {
        const list = placedIn.get(home);
        if (list) list.push(child.id);
        else placedIn.set(home, [child.id]);
      }
    }
  }
  const sorted = sortDiagnostics(diagnostics);
  const report: DiagnosticReport = {
    diagnostics: sorted,
    displayPath: first!.report.displayPath,
    sourceOf: (file) => shownBy.get(file)?.sourceOf(file),
    filesChecked,
  };
  const clean = !hasErrors(sorted) && first!.agency !== undefined;
  // Clean data's messages are said as lines, without a code frame: the parts' files need not be kept to show them.
  if (clean) shownBy.clear();
  return { diagnostics: sorted, report, clean, planned: clean ? [...planned, ...homesPlanned] : [], homes: first!.homes, placedIn };
}

function plannedOutput(job: Job): PlannedOutput {
  return { output: job.output, type: job.type, template: job.template, ...(job.formats ? { formats: job.formats } : {}), ...(job.partTemplates ? { partTemplates: job.partTemplates } : {}) };
}
