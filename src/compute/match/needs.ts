/**
 * What a child needs of a home, from the case and the latest CANS (domain.md §7.1,
 * §11b): the level of care the rule set's thresholds call for, and the needs rated
 * 2 or 3 a family must be able to manage. Race, ethnicity and national origin are
 * never read here (MEPA–IEPA, 42 U.S.C. 1996b).
 */
import type { Assessment } from '../../model/assessment.js';
import type { CARE_LEVELS } from '../../model/home.js';
import { cansByDate, isActionableNeed, isStrength } from '../case/cans.js';
import type { RuleSet } from '../rule-sets.js';

export type CareLevel = (typeof CARE_LEVELS)[number];

/** A CANS item rated on the 0–3 scale. */
export interface RatedItem {
  readonly domain: string;
  readonly item: string;
  readonly rating: number;
}

export interface ChildNeeds {
  /** The latest CANS's date; absent when the child has none (every level then reads as basic). */
  readonly cansDate?: string;
  /** The items that call for a therapeutic home (empty: not called for). */
  readonly therapeutic: readonly RatedItem[];
  /** The items that call for a medically complex home (empty: not called for). */
  readonly medicallyComplex: readonly RatedItem[];
  /** Every need rated 2 or 3: what a family's `not_accepted` is read against. */
  readonly actionable: readonly RatedItem[];
}

const rated = (assessment: Assessment | undefined): RatedItem[] =>
  (assessment?.ratings ?? []).flatMap((r) => (typeof r.rating === 'number' && !isStrength(r) ? [{ domain: r.domain, item: r.item, rating: r.rating }] : []));

/**
 * The rule set's thresholds over the latest CANS: therapeutic when an item of its
 * domains is rated `anyAt`, or `count` of them `countAt` or higher (the items shown
 * are those at `countAt` or higher); medically complex when one of its items is
 * rated `atLeast` or higher.
 */
export function childNeeds(assessments: readonly Assessment[], rules: Pick<RuleSet, 'therapeuticNeed' | 'medicallyComplexNeed'>): ChildNeeds {
  const [latest] = cansByDate(assessments);
  const items = rated(latest);
  const t = rules.therapeuticNeed.value;
  const behavioral = items.filter((r) => t.domains.includes(r.domain) && r.rating >= t.countAt);
  const therapeutic = behavioral.some((r) => r.rating >= t.anyAt) || behavioral.length >= t.count ? behavioral : [];
  const m = rules.medicallyComplexNeed.value;
  return {
    ...(latest ? { cansDate: latest.date } : {}),
    therapeutic,
    medicallyComplex: items.filter((r) => m.items.includes(r.item) && r.rating >= m.atLeast),
    actionable: (latest?.ratings ?? []).filter(isActionableNeed).map((r) => ({ domain: r.domain, item: r.item, rating: r.rating as number })),
  };
}

/** The levels of care beyond basic that the child needs. */
export function levelsNeeded(needs: ChildNeeds): CareLevel[] {
  return [...(needs.therapeutic.length ? ['therapeutic' as const] : []), ...(needs.medicallyComplex.length ? ['medically_complex' as const] : [])];
}
