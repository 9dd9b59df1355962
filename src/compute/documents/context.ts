/**
 * What every document's data builder gets, and the pieces they share: how a
 * placement is described for an audience, and who the foster parents are (so
 * their names can be kept out of a court copy wherever they appear).
 */
import type { Agency } from '../../model/agency.js';
import type { Placement } from '../../model/case.js';
import type { Redactor, WithheldValue } from '../audience.js';
import type { RuleSet } from '../rule-sets.js';
import type { RootView } from './root-view.js';
import type { DueItem } from '../due-item.js';

/** Where agency.yaml sits in every case root. */
export const AGENCY_FILE = 'agency.yaml';

/** A loaded record with the file it came from (a ChildFolder's or HomeFolder's files fit this). */
export interface Sourced<T> {
  readonly file: string;
  readonly data: T;
  readonly body: string;
}

export interface DocumentContext {
  readonly agency: Agency;
  readonly asOf: string;
  readonly rules: RuleSet;
  readonly redact: Redactor;
  /** The case root as this document reads it: every read is recorded as an input (root-view.ts). */
  readonly view: RootView;
}

/** What a data builder returns: the template's data and what a reader should be warned about (its inputs are what `ctx.view` recorded). */
export interface DocumentData {
  readonly data: Record<string, unknown>;
  readonly withheld: readonly WithheldValue[];
  /** Shortfalls worth a warning on the command line (e.g. a re-licensing requirement not met). */
  readonly warnings: readonly string[];
  /** Items from the clocks that the document shows (optional). */
  readonly due?: readonly DueItem[];
}

export const SETTING_LABELS: Readonly<Record<Placement['setting'], string>> = {
  pre_adoptive: 'Pre-adoptive home',
  foster_family_relative: 'Relative foster home',
  foster_family_nonrelative: 'Foster home (non-relative)',
  therapeutic_foster: 'Therapeutic foster home',
  group_home: 'Group home',
  institution: 'Residential facility',
  supervised_independent_living: 'Supervised independent living',
  trial_home_visit: 'Trial home visit',
  runaway: 'Runaway',
  hospital: 'Hospital',
  detention: 'Detention',
};

/**
 * Where the child lives, as this audience may read it. The court copy names the
 * setting, the home id and the county, never the foster family's name or address.
 */
export function placementWhere(placement: Placement, ctx: DocumentContext): string {
  const home = placement.home ? ctx.view.homeById(placement.home) : undefined;
  const setting = SETTING_LABELS[placement.setting];
  if (!home) return [setting, placement.provider, `${placement.county} County`].filter(Boolean).join(', ');
  const family = home.data.household.filter((m) => m.role === 'applicant' || m.role === 'co_applicant').map((m) => m.name);
  const names = family.map((name, i) => ctx.redact.show('foster_family_identity', `${home.file} household[${i}].name`, name));
  const shownNames = names.every((n) => n === names[0]) ? [names[0]!] : names;
  return `${setting} ${home.data.id} (${shownNames.join(' and ')}), ${placement.county} County`;
}

/**
 * Every foster parent's full name, surname, street and phone, recorded as guards
 * in a court copy so the final scan of the document's text finds them even in
 * a narrative. A surname the child's own family shares (a kinship home) is kept:
 * `allowedNames` are the names the copy prints legitimately (child, parents, siblings).
 */
export function recordFosterFamilies(ctx: DocumentContext, allowedNames: readonly string[]): void {
  if (ctx.redact.audience !== 'court') return;
  const allowedWords = new Set(allowedNames.flatMap((name) => name.toLowerCase().split(/[\s-]+/)));
  for (const home of ctx.view.fosterFamilies.list) {
    home.data.household.forEach((member, i) => {
      if (member.role === 'child') return;
      ctx.redact.guard('foster_family_identity', `${home.file} household[${i}].name`, member.name);
      const surname = member.name.trim().split(/\s+/).pop();
      if (surname && surname.length > 2 && !allowedWords.has(surname.toLowerCase())) ctx.redact.guard('foster_family_identity', `${home.file} household[${i}].name (surname)`, surname);
    });
    const { street } = home.data.address;
    ctx.redact.guard('foster_family_identity', `${home.file} address.street`, street);
    if (home.data.phone) ctx.redact.guard('foster_family_identity', `${home.file} phone`, home.data.phone);
  }
}
