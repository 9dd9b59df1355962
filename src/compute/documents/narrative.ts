/**
 * Narrative text as one copy may print it (case-format.md, Audiences): the
 * treatment passages staff marked (model/passages.ts) are withheld from an
 * audience that may not read them, each replaced by the marker and recorded
 * with the redactor (so the manifest and the copy's notice name it); for an
 * audience that may, the fence lines disappear and the text prints.
 *
 * Builders pass every staff-written text that may hold a passage through here
 * before it goes into the document's data: note bodies, and the fields the
 * schema types `narrativeText` (validate accepts fences there and nowhere
 * else, load/checks/treatment-fences.ts; test/documents/treatment-passages.test.ts
 * puts a passage in each and looks for it in the documents).
 */
import type { ParentRole } from '../../model/case.js';
import { FENCE, splitPassages, type Passage, type Treatment } from '../../model/passages.js';
import type { Plan } from '../../model/plan.js';
import { canSee, type Protected, type Redactor } from '../audience.js';

export interface Narratives {
  /** A free-text value as this copy prints it; `field` names it for the manifest ("children/…/case.yaml court.hearings[3].outcome"). */
  text(value: string, field: string): string;
  /** `text` for a value that may be missing. */
  optional(value: string | null | undefined, field: string): string | null;
  /** A note's body; `whole` when its front matter says `treatment: true`. */
  note(body: string, field: string, whole: boolean | null | undefined): string;
}

/**
 * The narratives of one copy: its redactor, the plan whose services say which
 * parent consented to disclosure, and in a parent's copy that parent's role
 * (their own treatment passages print for them).
 */
export function narratives(redact: Redactor, plan: Plan | undefined, readerRole?: ParentRole): Narratives {
  const consented = consentOnFile(plan);
  /** `marker` makes the printed marker fit the text: a note's body is Markdown, a field's value plain text. */
  const print = (passages: readonly Passage[], field: string, marker: (shown: string) => string): string => {
    let n = 0;
    return passages
      .map((p) => {
        if (!p.treatment) return p.text;
        n += 1;
        const kind = protectionOf(p.treatment, consented, readerRole).find((k) => !canSee(redact.audience, k));
        return kind ? p.indent + marker(redact.show(kind, `${field} (treatment passage ${n})`, p.text.trim())) : p.text;
      })
      .join('\n');
  };
  const text = (value: string, field: string) => (value.includes(FENCE) ? print(splitPassages(value).passages, field, (m) => m) : value);
  return {
    text,
    optional: (value, field) => (value == null ? null : text(value, field)),
    note(body, field, whole) {
      if (whole !== true) return body.includes(FENCE) ? print(splitPassages(body).passages, field, markdownLiteral) : body;
      // The whole note is one passage of no named parent; its own fences only come out.
      const lines = splitPassages(body).passages.map((p) => p.text).join('\n');
      return print(lines.trim() === '' ? [] : [{ text: lines, treatment: { parent: null }, indent: '' }], field, markdownLiteral);
    },
  };
}

/**
 * The kinds of protected information a passage is, in the order its withholding
 * is explained; it is withheld as the first one the audience may not see
 * (`canSee`): a parent's treatment detail, and substance-use treatment without
 * consent unless that parent's consent is on file. A passage that names no
 * parent is read as the strictest case: no consent on file, and any parent's.
 * In a parent's copy a passage naming that parent is their own record
 * (`reader_own`); one naming another parent, or none, stays withheld.
 */
function protectionOf(treatment: Treatment, consented: (parent: ParentRole) => boolean, readerRole: ParentRole | undefined): Protected[] {
  if (readerRole !== undefined && treatment.parent === readerRole) return ['reader_own'];
  const kinds: Protected[] = ['parent_treatment'];
  if (treatment.parent === null || !consented(treatment.parent)) kinds.push('treatment_without_consent');
  return kinds;
}

/**
 * 42 CFR Part 2: a parent's consent to disclose is on file when the plan lists
 * substance-use treatment services for that parent (goals `for` the mother or
 * the father) and every one of them has `consent_on_file: true`.
 */
export function consentOnFile(plan: Plan | undefined): (parent: ParentRole) => boolean {
  const goalFor = (parent: ParentRole) => (parent === 'mother' ? 'mother' : parent === 'father' || parent === 'putative_father' ? 'father' : undefined);
  return (parent) => {
    const who = goalFor(parent);
    const services = (plan?.goals ?? []).filter((g) => g.for === who).flatMap((g) => g.services ?? []).filter((s) => s.substance_use_treatment === true);
    return who !== undefined && services.length > 0 && services.every((s) => s.consent_on_file === true);
  };
}

/** Text set in Markdown as itself: every ASCII punctuation character escaped (CommonMark allows it of each). */
const markdownLiteral = (text: string): string => text.replace(/[!-/:-@[-`{-~]/g, '\\$&');
