/**
 * Family time (parent-child and sibling visits): attendance and cancellations
 * (rules.md, "Family time attendance"; domain.md §2.3 item 8).
 */
import { compareDates } from '../../core/calendar-date.js';
import type { Visit } from '../../model/notes.js';

export type CancelledBy = NonNullable<Visit['cancelled_by']> | 'unknown';

/**
 * Cancellations that do not count against the family (issue 11: a visit
 * cancelled by anyone but the parent is not the parent's absence): only a
 * parent's own cancellation leaves the visit offered and missed. One whose
 * canceller was not recorded is not held against the parent either.
 */
export const NOT_OFFERED_BY = ['agency', 'foster_parent', 'child', 'other', 'unknown'] as const satisfies readonly CancelledBy[];

export interface FamilyTime {
  /** The visits in the period, in date order. */
  readonly visits: readonly Visit[];
  /** Scheduled and not cancelled by the agency or the foster parent: the denominator. */
  readonly offered: number;
  /** `attended: yes` or `late`. */
  readonly attended: number;
  readonly late: number;
  /** `attended: no`. */
  readonly missed: number;
  /** attended / offered; undefined when nothing was offered. */
  readonly rate?: number;
  /** Cancelled visits by who cancelled (`unknown` when not recorded). */
  readonly cancellations: Readonly<Partial<Record<CancelledBy, number>>>;
}

/**
 * rules.md "Family time attendance": visits attended (yes or late) over visits
 * scheduled and not cancelled by anyone but the parent (NOT_OFFERED_BY), for the
 * visits dated within [from, to]; `participant` keeps only visits that include
 * that role or name (e.g. `sibling`).
 */
export function familyTime(
  visits: readonly Visit[],
  period: { readonly from: string; readonly to: string },
  participant?: string,
): FamilyTime {
  const inPeriod = visits
    .filter((v) => v.date >= period.from && v.date <= period.to && (participant === undefined || v.participants.includes(participant)))
    .sort((a, b) => compareDates(a.date, b.date));
  const cancellations: Partial<Record<CancelledBy, number>> = {};
  let offered = 0;
  for (const visit of inPeriod) {
    const by: CancelledBy | undefined = visit.attended === 'cancelled' ? (visit.cancelled_by ?? 'unknown') : undefined;
    if (by !== undefined) cancellations[by] = (cancellations[by] ?? 0) + 1;
    if (by === undefined || !(NOT_OFFERED_BY as readonly string[]).includes(by)) offered += 1;
  }
  const attended = inPeriod.filter((v) => v.attended === 'yes' || v.attended === 'late').length;
  return {
    visits: inPeriod,
    offered,
    attended,
    late: inPeriod.filter((v) => v.attended === 'late').length,
    missed: inPeriod.filter((v) => v.attended === 'no').length,
    ...(offered > 0 && { rate: attended / offered }),
    cancellations,
  };
}
