/**
 * What every document's data builder gets, and the pieces they share: how a
 * placement is described for an audience, and who the foster parents are (so
 * their names can be kept out of a court copy wherever they appear).
 */
import type { Agency } from '../../model/agency.js';
import type { Placement } from '../../model/case.js';
import type { Home } from '../../model/home.js';
import type { Redactor, WithheldValue } from '../audience.js';
import { foldedName, foldedWords, holdersOf } from '../redaction/matcher.js';
import type { RuleSet } from '../rule-sets.js';
import type { DueItem } from '../due-item.js';
import type { AllowedNames } from './people.js';

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
  /** Every home of the agency, by id (for placements that link to one). */
  readonly homes: ReadonlyMap<string, Sourced<Home>>;
}

/** What a data builder returns: the template's data, the files it read, and what a reader should be warned about. */
export interface DocumentData {
  readonly data: Record<string, unknown>;
  /** Case-root-relative paths of every file the document read (its build inputs). */
  readonly inputs: readonly string[];
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
  const home = placement.home ? ctx.homes.get(placement.home) : undefined;
  const setting = SETTING_LABELS[placement.setting];
  if (!home) return [setting, placement.provider, `${placement.county} County`].filter(Boolean).join(', ');
  const family = home.data.household.filter((m) => m.role === 'applicant' || m.role === 'co_applicant').map((m) => m.name);
  const names = family.map((name, i) => ctx.redact.show('foster_family_identity', `${home.file} household[${i}].name`, name));
  const shownNames = names.every((n) => n === names[0]) ? [names[0]!] : names;
  return `${setting} ${home.data.id} (${shownNames.join(' and ')}), ${placement.county} County`;
}

/**
 * Every foster household member's full name and surname, and the home's street
 * and phone, recorded as guards in a court copy so the final scan of the
 * document's text finds them even in a narrative. What the copy prints
 * legitimately stays whole (`AllowedNames`): a full name it prints is no guard;
 * a surname the child's own family shares (a kinship home) is not looked for
 * alone; a surname a colleague shares only where it names the family; and a
 * guard is not looked for inside a longer phrase the copy prints.
 */
export function recordFosterFamilies(ctx: DocumentContext, allowed: AllowedNames): void {
  if (ctx.redact.audience !== 'court') return;
  const printed = new Set([...allowed.family, ...allowed.colleagues].map(foldedName));
  const familyWords = new Set(allowed.family.flatMap(foldedWords));
  const colleagueWords = new Set([...allowed.colleagues, ...allowed.named].flatMap(foldedWords));
  const holding = holdersOf([...allowed.family, ...allowed.colleagues, ...allowed.phrases]);
  const guard = (field: string, value: string) => ctx.redact.guard('foster_family_identity', field, value, holding(value));
  for (const home of ctx.homes.values()) {
    home.data.household.forEach((member, i) => {
      if (!printed.has(foldedName(member.name))) guard(`${home.file} household[${i}].name`, member.name);
      const surname = member.name.trim().split(/\s+/).pop() ?? '';
      const words = foldedWords(surname);
      if (surname.length <= 2 || words.every((w) => familyWords.has(w))) return;
      if (!words.every((w) => colleagueWords.has(w))) guard(`${home.file} household[${i}].name (surname)`, surname);
      else for (const form of FAMILY_FORMS) guard(`${home.file} household[${i}].name (surname)`, `${form} ${surname}`);
    });
    const { street } = home.data.address;
    guard(`${home.file} address.street`, street);
    if (home.data.phone) guard(`${home.file} phone`, home.data.phone);
  }
}

/**
 * How a text names a family rather than one person who shares its surname:
 * matching patterns, never printed ("the Hartwell" matches "the Hartwells'").
 */
const FAMILY_FORMS = ['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'the'] as const;
