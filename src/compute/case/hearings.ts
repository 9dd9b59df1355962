/**
 * Hearings held and scheduled, and the court clocks that hang on them: the
 * permanency hearing and the periodic review (rules.md; domain.md §1.1, §1.11).
 */
import { addMonths, compareDates } from '../../core/calendar-date.js';
import type { CaseRecord, Hearing } from '../../model/case.js';
import type { RuleSet } from '../rule-sets.js';
import { dateEnteredFosterCare } from './entered-care.js';

export type HearingType = Hearing['type'];

/**
 * One court date on the as-of date: `held` (on or before the as-of date, not
 * continued), `continued` (did not go ahead), `scheduled` (after the as-of date:
 * an entry of its own, or a continued hearing's `next_date`), or `unrecorded`
 * (a `next_date` that has passed with no entry saying whether it was held).
 */
export interface CourtDate {
  readonly date: string;
  readonly type: HearingType;
  readonly status: 'held' | 'continued' | 'scheduled' | 'unrecorded';
  /** The entry in case.yaml; absent for a date known only as a `next_date`. */
  readonly hearing?: Hearing;
  /** For a `next_date`: the date of the hearing it was continued from. */
  readonly continuedFrom?: string;
  /** What a hearing of type `other` is (its `title`, or the continued hearing's). */
  readonly title?: string;
}

export interface CourtCalendar {
  /** Every court date, in date order. */
  readonly dates: readonly CourtDate[];
  readonly held: readonly CourtDate[];
  readonly scheduled: readonly CourtDate[];
}

/**
 * rules.md "Hearings held and scheduled": a hearing dated on or before the
 * as-of date and not continued was held; a continued one was not, and its
 * `next_date` is a hearing of the same type on that date, unless the record
 * already lists that hearing (the same date and type), which then counts once.
 */
export function courtCalendar(hearings: readonly Hearing[], asOf: string): CourtCalendar {
  const dates: CourtDate[] = hearings.map((hearing) => ({
    date: hearing.date,
    type: hearing.type,
    status: hearing.continued === true ? 'continued' : hearing.date <= asOf ? 'held' : 'scheduled',
    hearing,
    ...(hearing.title ? { title: hearing.title } : {}),
  }));
  const listed = (date: string, type: HearingType) => dates.some((d) => d.date === date && d.type === type);
  for (const hearing of hearings) {
    if (hearing.continued !== true || hearing.next_date == null || listed(hearing.next_date, hearing.type)) continue;
    dates.push({
      date: hearing.next_date,
      type: hearing.type,
      status: hearing.next_date > asOf ? 'scheduled' : 'unrecorded',
      continuedFrom: hearing.date,
      ...(hearing.title ? { title: hearing.title } : {}),
    });
  }
  dates.sort((a, b) => compareDates(a.date, b.date));
  return { dates, held: dates.filter((d) => d.status === 'held'), scheduled: dates.filter((d) => d.status === 'scheduled') };
}

/** The latest hearing of one of `types` held on or after `since`. */
export function lastHeld(calendar: CourtCalendar, types: readonly HearingType[], since = ''): CourtDate | undefined {
  return calendar.held.filter((d) => types.includes(d.type) && d.date >= since).at(-1);
}

/** The earliest scheduled hearing of one of `types`. */
export function nextScheduled(calendar: CourtCalendar, types: readonly HearingType[]): CourtDate | undefined {
  return calendar.scheduled.find((d) => types.includes(d.type));
}

/** What a court clock counts from. */
export type DueBasis =
  | { readonly from: 'defc'; readonly date: string }
  | { readonly from: 'removal'; readonly date: string }
  | { readonly from: 'hearing'; readonly date: string; readonly type: HearingType };

export interface HearingDue {
  readonly due: string;
  readonly months: number;
  readonly basis: DueBasis;
  /** The earliest hearing of a satisfying type scheduled on or before `due`. */
  readonly satisfiedBy?: CourtDate;
  /** The earliest hearing of a satisfying type scheduled at all (may be after `due`). */
  readonly nextScheduled?: CourtDate;
}

type CourtData = Pick<CaseRecord, 'removal' | 'court'>;

function clock(calendar: CourtCalendar, types: readonly HearingType[], months: number, basis: DueBasis): HearingDue {
  const due = addMonths(basis.date, months);
  const next = nextScheduled(calendar, types);
  return { due, months, basis, ...(next && { nextScheduled: next }), ...(next && next.date <= due && { satisfiedBy: next }) };
}

const PERMANENCY: readonly HearingType[] = ['permanency'];
const REVIEW: readonly HearingType[] = ['review', 'permanency'];

/**
 * 42 U.S.C. 675(5)(C): the next permanency hearing is due 12 months after DEFC,
 * then 12 months after each permanency hearing held; Pennsylvania (42 Pa.C.S.
 * 6351(e)(3); Pa.R.J.C.P. 1608) 6 months and Indiana (IC 31-34-21-7(a)(2)) 12
 * months after `removal.date`, then after each held: the rule set's cadence. Hearings before the current removal (a prior
 * episode's) do not reset it. A permanency hearing scheduled on or before the
 * due date satisfies it.
 */
export function permanencyHearingDue(data: CourtData, asOf: string, rules: RuleSet): HearingDue {
  const calendar = courtCalendar(data.court.hearings, asOf);
  const { months, from } = rules.permanencyHearing.value;
  const held = lastHeld(calendar, PERMANENCY, data.removal.date);
  const basis: DueBasis = held
    ? { from: 'hearing', date: held.date, type: held.type }
    : from === 'removal'
      ? { from: 'removal', date: data.removal.date }
      : { from: 'defc', date: dateEnteredFosterCare(data.removal) };
  return clock(calendar, PERMANENCY, months, basis);
}

/**
 * 42 U.S.C. 675(5)(B): a periodic review is due 6 months (the rule set's
 * figure) after the latest review or permanency hearing held, or with none
 * held after `removal.date`; a review or permanency hearing scheduled on or
 * before that date satisfies it.
 */
export function periodicReviewDue(data: CourtData, asOf: string, rules: RuleSet): HearingDue {
  const calendar = courtCalendar(data.court.hearings, asOf);
  const held = lastHeld(calendar, REVIEW, data.removal.date);
  const basis: DueBasis = held ? { from: 'hearing', date: held.date, type: held.type } : { from: 'removal', date: data.removal.date };
  return clock(calendar, REVIEW, rules.periodicReviewMonths.value, basis);
}
