/**
 * Filing readiness outside the documents: one warning per missing part, naming
 * the file where it belongs, and the readiness of every document a build would
 * make, computed without rendering (`casepress check`).
 */
import type { Readiness, WriteHint } from '../compute/documents/readiness.js';
import { indexRoot } from '../compute/documents/root-view.js';
import { ruleSetFor } from '../compute/rule-sets.js';
import type { Agency } from '../model/agency.js';
import type { CaseRoot } from '../model/case-root.js';
import type { Job } from './jobs.js';
import { jobData } from './run-job.js';

export function readinessWarnings(missing: Readiness = []): string[] {
  return missing.map((m) => `${m.file}: required before filing and not provided: ${m.section} (write ${writeHint(m.write)})`);
}

/** What to write, as `check` and the build's warnings say it: front matter and field paths as the files spell them. */
export function writeHint(hint: WriteHint): string {
  switch (hint.kind) {
    case 'court_note':
      return `a note with hearing: ${hint.hearing} and section: ${hint.section}`;
    case 'field':
      return hint.path;
    case 'signature':
      return `participants[${hint.participant}].signed (the date) or participants[${hint.participant}].comment (why not)`;
    case 'goal_area':
      return `a goal with area: ${hint.area}`;
    case 'reevaluation':
      return `an annual re-evaluation (type: annual_reevaluation) dated from ${hint.from} to ${hint.to}`;
  }
}

/** A document that is not ready for filing, and what it lacks. */
export interface NotReady {
  readonly output: string;
  readonly type: Job['type'];
  readonly subject: string;
  readonly date: string;
  readonly missing: Readiness;
}

/** The documents among `jobs` that lack a part required before filing, in the jobs' order. */
export function documentsNotReady(root: CaseRoot, agency: Agency, asOf: string, jobs: readonly Job[]): NotReady[] {
  const env = { context: { agency, asOf, rules: ruleSetFor(agency) }, index: indexRoot(root), inputHash: () => '' };
  return jobs.flatMap((job) => {
    const missing = jobData(job, env).data.missing ?? [];
    return missing.length ? [{ output: job.output, type: job.type, subject: job.subject, date: job.date, missing }] : [];
  });
}
