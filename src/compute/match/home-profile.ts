/**
 * One home as matching reads it, computed once per home: who the family can take
 * (home.yaml `preferences`, defaulting to the license and the home type), room,
 * the clocks that make it out of compliance, and the children already there.
 * Every clock is the home facts' own (compute/home): nothing is counted twice.
 */
import type { CaseRecord } from '../../model/case.js';
import type { Home } from '../../model/home.js';
import type { HomeType, RuleSet } from '../rule-sets.js';
import { homeFacts, type HomeFacts } from '../home/facts.js';
import type { Incident } from '../home/index.js';
import { caregivers } from '../home/sources.js';
import type { CareLevel } from './needs.js';

/** The levels of care a home gives when `preferences.levels` does not say. */
export const LEVELS_BY_HOME_TYPE: Readonly<Record<HomeType, readonly CareLevel[]>> = {
  foster: ['basic'],
  kinship: ['basic'],
  pre_adoptive: ['basic'],
  therapeutic_foster: ['basic', 'therapeutic'],
  medically_complex: ['basic', 'medically_complex'],
};

/** A check, certificate or inspection overdue on the as-of date. */
export interface OverdueItem {
  readonly kind: 'background_check' | 'certification' | 'inspection';
  /** The check or certificate (state_registry, cpr …); none for an inspection. */
  readonly item?: string;
  readonly person?: string;
  readonly due: string;
}

/** A child living in the home on the as-of date: a foster child placed there, or the family's own under 18. */
export interface ChildInHome {
  readonly name: string;
  readonly dob: string;
  /** The case id of a foster child placed there; absent for the family's own. */
  readonly caseId?: string;
}

export interface HomeProfile {
  readonly home: Home;
  readonly facts: HomeFacts;
  /** Applicants and co-applicants. */
  readonly caregivers: readonly string[];
  /** `preferences.levels` within what the home type gives (LEVELS_BY_HOME_TYPE), else all of those. */
  readonly levels: readonly CareLevel[];
  readonly levelsFrom: 'preferences' | 'home_type';
  /** `preferences.ages` within the license's ages, else the license's; absent: any age. */
  readonly ages?: { readonly min: number; readonly max: number; readonly from: 'preferences' | 'license' };
  /** Absent: any sex. */
  readonly sexes?: readonly string[];
  readonly county?: string;
  /** Places left under the license and the rule set's limits (capacity.ts `room`). */
  readonly vacancies: number;
  readonly overdue: readonly OverdueItem[];
  /** Allegation incidents dated on or before the as-of date with no `resolved` date on or before it. */
  readonly allegations: readonly Incident[];
  readonly children: readonly ChildInHome[];
}

/**
 * An allegation is an incident of `type: allegation` exactly (case-format.md's list): `type` is free text,
 * and a type that only contains the word (`allegation_unfounded`, `no allegation`) is not one.
 */
const ALLEGATION_TYPE = 'allegation';

export function homeProfile(home: Home, records: readonly CaseRecord[], asOf: string, rules: RuleSet): HomeProfile {
  const facts = homeFacts(home, records, asOf, rules);
  const prefs = home.preferences;
  // The family's preferences narrow the license, never widen it (case-format.md: "within license.ages"; domain.md §11b: the license type must match).
  const licensed = home.license.ages;
  const ages = prefs?.ages && licensed ? { min: Math.max(prefs.ages.min, licensed.min), max: Math.min(prefs.ages.max, licensed.max) } : (prefs?.ages ?? licensed);
  const byType = LEVELS_BY_HOME_TYPE[home.type];
  const cap = facts.capacity;
  const overdue: OverdueItem[] = [
    ...facts.checks.filter((c) => c.status === 'overdue').map((c) => ({ kind: 'background_check' as const, item: c.item, person: c.person, due: c.due })),
    ...facts.certifications.filter((c) => c.status === 'overdue').map((c) => ({ kind: 'certification' as const, item: c.item, person: c.person, due: c.due })),
    ...(facts.inspection.status === 'overdue' ? [{ kind: 'inspection' as const, due: facts.inspection.due }] : []),
  ];
  const county = prefs?.county ?? home.address.county ?? undefined;
  return {
    home,
    facts,
    caregivers: caregivers(home).map((m) => m.name),
    levels: prefs?.levels ? byType.filter((l) => prefs.levels!.includes(l)) : byType,
    levelsFrom: prefs?.levels ? 'preferences' : 'home_type',
    ...(ages ? { ages: { min: ages.min, max: ages.max, from: prefs?.ages ? 'preferences' : 'license' } } : {}),
    ...(prefs?.sexes ? { sexes: prefs.sexes } : {}),
    ...(county ? { county } : {}),
    vacancies: cap.room,
    overdue,
    allegations: (home.incidents ?? []).filter((i) => i.type === ALLEGATION_TYPE && i.date <= asOf && !(i.resolved && i.resolved <= asOf)),
    children: [
      ...cap.placed.map((p) => ({ name: p.name, dob: p.dob, caseId: p.childId })),
      ...home.household.filter((m) => cap.ownChildren.includes(m.name)).map((m) => ({ name: m.name, dob: m.dob })),
    ],
  };
}
