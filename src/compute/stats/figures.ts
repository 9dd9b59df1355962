/**
 * The figures of rules.md "Caseload statistics" for a group of children (the
 * agency's, a supervisor's, a caseworker's) in one period, from each child's
 * part (child-period.ts). Codes and numbers only: the words are the template's.
 */
import { CANCELLED_BY } from '../../model/notes.js';
import { DISCHARGE_REASONS, HEARING_TYPES, PARENT_ROLES } from '../../model/case.js';
import type { ChildPeriod } from './child-period.js';

export const MEASURES = [
  'children_in_care_first', 'children_in_care_last', 'entries', 'exits', 'exits_by_reason', 'caseload', 'visits', 'visits_in_residence',
  'moves', 'moves_per_1000_days', 'hearings_held', 'hearings_held_by_type', 'permanency_overdue', 'review_overdue', 'overdue_items', 'fifteen_of_22',
  'family_time', 'family_time_by_parent', 'cancellations_by', 'plans_current', 'transition_plans_14', 'transition_plans_due',
  'homes_licensed', 'beds', 'beds_filled', 'beds_vacant', 'licenses_expiring', 'homes_overdue',
] as const;
export type Measure = (typeof MEASURES)[number];

/** A rate whose denominator is under this is flagged "small number" (rules.md). */
export const SMALL_DENOMINATOR = 10;

/** One figure: a count (no denominator) or a rate, numerator over denominator (× `per`). */
export interface Figure {
  readonly measure: Measure;
  /** The part of a breakdown (an exit reason, a hearing type, a parent's role, who cancelled); null for the whole. */
  readonly key: string | null;
  readonly numerator: number;
  readonly denominator: number | null;
  /** 100 for a percentage, 1,000 for moves per 1,000 days, 1 for a ratio (caseload). */
  readonly per: number;
}

export const count = (measure: Measure, numerator: number, key: string | null = null): Figure => ({ measure, key, numerator, denominator: null, per: 1 });
export const rate = (measure: Measure, numerator: number, denominator: number, per = 100, key: string | null = null): Figure => ({ measure, key, numerator, denominator, per });

/** The figure's value, to one decimal place; null for a count or a zero denominator. */
export function figureRate(figure: Pick<Figure, 'numerator' | 'denominator' | 'per'>): number | null {
  if (figure.denominator === null || figure.denominator === 0) return null;
  return Math.round((figure.numerator * figure.per * 10) / figure.denominator) / 10;
}

export function isSmall(figure: Pick<Figure, 'denominator'>): boolean {
  return figure.denominator !== null && figure.denominator < SMALL_DENOMINATOR;
}

/** Counts by key; `breakdown` gives them in a key order, leaving out keys never counted. */
class Tally {
  readonly #counts = new Map<string, number>();
  add(key: string, n = 1): void {
    if (n > 0) this.#counts.set(key, (this.#counts.get(key) ?? 0) + n);
  }
  breakdown(measure: Measure, order: readonly string[]): Figure[] {
    return order.flatMap((k) => (this.#counts.has(k) ? [count(measure, this.#counts.get(k)!, k)] : []));
  }
}

/**
 * The children's figures for one period; `caseworkers` is how many caseworkers
 * the caseload is shared by. One pass over the children: the agency's figures
 * add up 2,000 children in each of 5 periods, and every supervisor's and
 * caseworker's theirs.
 */
export function childFigures(children: readonly ChildPeriod[], caseworkers: number): Figure[] {
  let first = 0, inCare = 0, entries = 0, exits = 0, months = 0, met = 0, inPerson = 0, inResidence = 0, moves = 0, days = 0, held = 0;
  let permanencyOverdue = 0, reviewOverdue = 0, overdueItems = 0, fifteenOf22 = 0, offered = 0, attended = 0, plansCurrent = 0;
  let transition14 = 0, transition14Met = 0, transitionDue = 0, transitionDueMet = 0;
  const byReason = new Tally();
  const byHearing = new Tally();
  const byCanceller = new Tally();
  const byParent = new Map<string, { offered: number; attended: number }>();
  for (const c of children) {
    if (c.inCareFirst) first += 1;
    entries += c.entries;
    exits += c.exits.length;
    for (const exit of c.exits) byReason.add(exit.reason);
    for (const month of c.childMonths) {
      months += 1;
      if (month.met) met += 1;
    }
    inPerson += c.visitsInPerson;
    inResidence += c.visitsInResidence;
    moves += c.moves.length;
    days += c.daysInCare;
    held += c.hearingsHeld.length;
    for (const type of c.hearingsHeld) byHearing.add(type);
    for (const time of c.familyTime) {
      offered += time.offered;
      attended += time.attended;
      const parent = byParent.get(time.role) ?? { offered: 0, attended: 0 };
      byParent.set(time.role, { offered: parent.offered + time.offered, attended: parent.attended + time.attended });
    }
    for (const [who, n] of Object.entries(c.cancellations)) byCanceller.add(who, n);
    if (c.transition14 !== null) {
      transition14 += 1;
      if (c.transition14) transition14Met += 1;
    }
    if (c.transitionDue !== null) {
      transitionDue += 1;
      if (c.transitionDue) transitionDueMet += 1;
    }
    if (!c.inCareLast) continue;
    inCare += 1;
    if (c.overdue.some((i) => i.kind === 'permanency_hearing')) permanencyOverdue += 1;
    if (c.overdue.some((i) => i.kind === 'periodic_review')) reviewOverdue += 1;
    overdueItems += c.overdue.length;
    if (c.fifteenOf22 !== null) fifteenOf22 += 1;
    if (c.planCurrent === true) plansCurrent += 1;
  }
  return [
    count('children_in_care_first', first),
    count('children_in_care_last', inCare),
    count('entries', entries),
    count('exits', exits),
    ...byReason.breakdown('exits_by_reason', DISCHARGE_REASONS),
    rate('caseload', inCare, caseworkers, 1),
    rate('visits', met, months),
    rate('visits_in_residence', inResidence, inPerson),
    count('moves', moves),
    rate('moves_per_1000_days', moves, days, 1000),
    count('hearings_held', held),
    ...byHearing.breakdown('hearings_held_by_type', HEARING_TYPES),
    count('permanency_overdue', permanencyOverdue),
    count('review_overdue', reviewOverdue),
    count('overdue_items', overdueItems),
    count('fifteen_of_22', fifteenOf22),
    rate('family_time', attended, offered),
    ...PARENT_ROLES.flatMap((role) => {
      const theirs = byParent.get(role);
      return theirs ? [rate('family_time_by_parent', theirs.attended, theirs.offered, 100, role)] : [];
    }),
    ...byCanceller.breakdown('cancellations_by', [...CANCELLED_BY, 'unknown']),
    rate('plans_current', plansCurrent, inCare),
    rate('transition_plans_14', transition14Met, transition14),
    rate('transition_plans_due', transitionDueMet, transitionDue),
  ];
}
