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

const sum = <T>(items: readonly T[], of: (item: T) => number) => items.reduce((total, item) => total + of(item), 0);

/** Counts by key in the given key order, leaving out keys never seen. */
function breakdown(measure: Measure, order: readonly string[], keys: readonly string[]): Figure[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return order.filter((k) => counts.has(k)).map((k) => count(measure, counts.get(k)!, k));
}

/** The children's figures for one period; `caseworkers` is how many caseworkers the caseload is shared by. */
export function childFigures(children: readonly ChildPeriod[], caseworkers: number): Figure[] {
  const inCare = children.filter((c) => c.inCareLast);
  const exits = children.flatMap((c) => c.exits);
  const months = children.flatMap((c) => c.childMonths);
  const moves = sum(children, (c) => c.moves.length);
  const held = children.flatMap((c) => c.hearingsHeld);
  const overdue = (kind: string) => inCare.filter((c) => c.overdue.some((i) => i.kind === kind)).length;
  const times = children.flatMap((c) => c.familyTime);
  const cancelled = children.flatMap((c) => Object.entries(c.cancellations).flatMap(([who, n]) => Array<string>(n ?? 0).fill(who)));
  const known = <T>(values: readonly (T | null)[]) => values.filter((v): v is T => v !== null);
  const transition14 = known(children.map((c) => c.transition14));
  const transitionDue = known(children.map((c) => c.transitionDue));
  return [
    count('children_in_care_first', children.filter((c) => c.inCareFirst).length),
    count('children_in_care_last', inCare.length),
    count('entries', sum(children, (c) => c.entries)),
    count('exits', exits.length),
    ...breakdown('exits_by_reason', DISCHARGE_REASONS, exits.map((e) => e.reason)),
    rate('caseload', inCare.length, caseworkers, 1),
    rate('visits', months.filter((m) => m.met).length, months.length),
    rate('visits_in_residence', sum(children, (c) => c.visitsInResidence), sum(children, (c) => c.visitsInPerson)),
    count('moves', moves),
    rate('moves_per_1000_days', moves, sum(children, (c) => c.daysInCare), 1000),
    count('hearings_held', held.length),
    ...breakdown('hearings_held_by_type', HEARING_TYPES, held),
    count('permanency_overdue', overdue('permanency_hearing')),
    count('review_overdue', overdue('periodic_review')),
    count('overdue_items', sum(inCare, (c) => c.overdue.length)),
    count('fifteen_of_22', inCare.filter((c) => c.fifteenOf22 !== null).length),
    rate('family_time', sum(times, (t) => t.attended), sum(times, (t) => t.offered)),
    ...PARENT_ROLES.filter((role) => times.some((t) => t.role === role)).map((role) => {
      const theirs = times.filter((t) => t.role === role);
      return rate('family_time_by_parent', sum(theirs, (t) => t.attended), sum(theirs, (t) => t.offered), 100, role);
    }),
    ...breakdown('cancellations_by', [...CANCELLED_BY, 'unknown'], cancelled),
    rate('plans_current', inCare.filter((c) => c.planCurrent === true).length, inCare.length),
    rate('transition_plans_14', transition14.filter(Boolean).length, transition14.length),
    rate('transition_plans_due', transitionDue.filter(Boolean).length, transitionDue.length),
  ];
}
