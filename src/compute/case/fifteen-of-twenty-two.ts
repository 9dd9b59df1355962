/**
 * 15 of the most recent 22 months in foster care: when the agency must file
 * (or join) a petition to terminate parental rights unless an exception is
 * documented (rules.md; domain.md §1.3).
 */
import { addMonths, addMonthsToDay, compareDates, dateOfDay, dayNumber } from '../../core/calendar-date.js';
import type { CaseRecord, ParentRole } from '../../model/case.js';
import { dateEnteredFosterCare, episodes } from './entered-care.js';
import { daysWithin, type Span } from './spans.js';
import { careTimeline, type NotCareSetting } from './time-in-care.js';

export const WINDOW_MONTHS = 22;
export const REQUIRED_MONTHS = 15;
export const TPR_CITATION = '42 U.S.C. 675(5)(E)';

type TprData = Pick<CaseRecord, 'removal' | 'placements' | 'parents' | 'permanency'>;

/** Counted days within the window [D − 22 months, D) and the days from D − 15 months to D. */
export interface WindowCount {
  readonly inCare: number;
  readonly required: number;
}

/**
 * 42 U.S.C. 675(5)(E); 45 CFR 1356.21(i)(1)(i): on day D, the days in care within
 * D − 22 months to D, each stay clipped to that window (trial home visits and
 * runaway days not counted), against the days from D − 15 months to D.
 */
export function windowCount(counted: readonly Span[], date: string): WindowCount {
  return windowCountOn(counted, dayNumber(date));
}

/** windowCount on day numbers: the search below asks for it day after day. */
function windowCountOn(counted: readonly Span[], day: number): WindowCount {
  return {
    inCare: daysWithin(counted, addMonthsToDay(day, -WINDOW_MONTHS), day),
    required: day - addMonthsToDay(day, -REQUIRED_MONTHS),
  };
}

/**
 * The first day D in [from, to] on which the counted days reach 15 of the most
 * recent 22 months (42 U.S.C. 675(5)(E)); undefined if none.
 *
 * From one day to the next the window's end gains at most one counted day,
 * and the day 15 months back moves forward by one day, or by up to four where
 * a month end is skipped (D = 1 March → 1 December, D − 1 = 28 February →
 * 28 November): the days required fall by at most three. So the shortfall
 * drops by at most four a day, and a day short by k lets the search jump
 * ⌈k/4⌉ days without passing the first day reached: the same answer as a
 * day-by-day search, in a few dozen steps instead of a thousand.
 */
export function firstDayReached(counted: readonly Span[], from: string, to: string): string | undefined {
  for (let day = dayNumber(from), last = dayNumber(to); day <= last; ) {
    const { inCare, required } = windowCountOn(counted, day);
    if (inCare >= required) return dateOfDay(day);
    day += Math.ceil((required - inCare) / 4);
  }
  return undefined;
}

export interface TprPetition {
  readonly parent: string;
  readonly role: ParentRole;
  readonly date: string;
}

export interface FifteenOfTwentyTwo {
  /** DEFC of the current episode: where the count starts (45 CFR 1356.21(i)(1)(i)(A)(1)). */
  readonly enteredCare: string;
  /** The day 15 of 22 was reached, when on or before the as-of date. */
  readonly reached?: string;
  /** Not yet reached: the day it will be if the child's situation continues (undefined while it never would, e.g. during an open trial home visit). */
  readonly projected?: string;
  /** `reached ?? projected`. */
  readonly date?: string;
  /** The count on the as-of date. */
  readonly asOfCount: WindowCount;
  /** Trial home visit and runaway days not counted, up to the as-of date. */
  readonly excluded: Readonly<Record<NotCareSetting, number>>;
  /** Prior episodes whose days fall in the window on `date` (re-entries count cumulatively). */
  readonly priorEpisodesCounted: number;
  /** Petitions filed (by the as-of date), earliest first. */
  readonly petitions: readonly TprPetition[];
  /** The exception documented by the as-of date. */
  readonly exception?: NonNullable<CaseRecord['permanency']['tpr_exception']>;
  /** A petition filed or an exception documented: the requirement is met. */
  readonly satisfied: boolean;
}

/**
 * 42 U.S.C. 675(5)(E): the first day D, from the current episode's DEFC on, on
 * which the child has been in care 15 of the most recent 22 months; the
 * current stay (and an open trial home visit or runaway) continues past the
 * as-of date for the projection. Met once any parent's `tpr.petition_filed` or
 * `permanency.tpr_exception.documented` is on or before the as-of date.
 */
export function fifteenOfTwentyTwo(data: TprData, asOf: string): FifteenOfTwentyTwo {
  return tprClock(data)(asOf);
}

/**
 * fifteenOfTwentyTwo for one record on any as-of date: the timeline, the
 * episodes and the search for the first day reached (whose answer within a
 * shorter range is the same day or none) are worked out once, for the
 * statistics' five period ends.
 */
export function tprClock(data: TprData): (asOf: string) => FifteenOfTwentyTwo {
  const enteredCare = dateEnteredFosterCare(data.removal);
  // The timeline with no end holds every day's: its days before the as-of date give the count and the exclusions on that date.
  const { counted, excluded } = careTimeline(data, Infinity);
  const priorEpisodes = episodes(data.removal).filter((e) => !e.current);
  let searched: { readonly to: string; readonly date: string | undefined } | undefined;
  const firstDay = (to: string) => {
    if (!searched || (searched.date === undefined && to > searched.to)) searched = { to, date: firstDayReached(counted, enteredCare, to) };
    return searched.date !== undefined && searched.date <= to ? searched.date : undefined;
  };
  return (asOf) => {
    const until = dayNumber(asOf);
    const start = compareDates(enteredCare, asOf) > 0 ? enteredCare : asOf;
    // After 22 more months of the same situation the window holds nothing new: searching further finds nothing.
    const date = firstDay(addMonths(start, WINDOW_MONTHS + 1));
    const reached = date !== undefined && date <= asOf ? date : undefined;
    const projected = date !== undefined && date > asOf ? date : undefined;

    const windowStart = date ? addMonths(date, -WINDOW_MONTHS) : undefined;
    const priorEpisodesCounted = date && windowStart ? priorEpisodes.filter((e) => e.discharge!.date > windowStart && e.enteredCare < date).length : 0;

    const petitions = data.parents
      .flatMap((p) => (p.tpr?.petition_filed != null && p.tpr.petition_filed <= asOf ? [{ parent: p.name, role: p.role, date: p.tpr.petition_filed }] : []))
      .sort((a, b) => compareDates(a.date, b.date));
    const documented = data.permanency.tpr_exception;
    const exception = documented != null && documented.documented <= asOf ? documented : undefined;

    return {
      enteredCare,
      ...(reached && { reached }),
      ...(projected && { projected }),
      ...(date && { date }),
      asOfCount: windowCount(counted, asOf),
      excluded: { trial_home_visit: daysWithin(excluded.trial_home_visit, -Infinity, until), runaway: daysWithin(excluded.runaway, -Infinity, until) },
      priorEpisodesCounted,
      petitions,
      ...(exception && { exception }),
      satisfied: petitions.length > 0 || exception !== undefined,
    };
  };
}
