/**
 * Days and months in foster care (rules.md, "Days in care", "Months in care").
 */
import { addMonths, dayNumber, daysBetween } from '../../core/calendar-date.js';
import type { CaseRecord, Placement } from '../../model/case.js';
import { dateEnteredFosterCare, episodes } from './entered-care.js';
import { clip, intersect, spanOf, subtract, totalDays, type Span } from './spans.js';

type CareData = Pick<CaseRecord, 'removal' | 'placements'>;

/**
 * Settings that are placements for the record but not foster care time
 * (45 CFR 1356.21(i)(1)(i); 42 U.S.C. 675(5)(E)).
 */
export const NOT_CARE_SETTINGS = ['trial_home_visit', 'runaway'] as const satisfies readonly Placement['setting'][];
export type NotCareSetting = (typeof NOT_CARE_SETTINGS)[number];

export function isNotCareSetting(setting: Placement['setting']): setting is NotCareSetting {
  return (NOT_CARE_SETTINGS as readonly string[]).includes(setting);
}

/** The child's time in care as day spans, up to day number `until` (exclusive; may be Infinity). */
export interface CareTimeline {
  /** Each episode from its DEFC to its discharge (the current one to `until`), merged. */
  readonly stays: Span[];
  /** Trial home visit and runaway days within the stays, by setting. */
  readonly excluded: Readonly<Record<NotCareSetting, Span[]>>;
  /** Stays minus excluded days: what counts as foster care. */
  readonly counted: Span[];
}

/**
 * Days in care, 45 CFR 1356.21(i)(1)(i): each episode from its DEFC to its
 * discharge (the current one open until `until`), without trial home visit and
 * runaway days. An open placement segment runs until `until` too.
 */
export function careTimeline(data: CareData, until: number): CareTimeline {
  const stays = clip(
    episodes(data.removal).map((e) => spanOf(e.enteredCare, e.discharge ? e.discharge.date : until)),
    -Infinity,
    until,
  );
  const segments = (setting: NotCareSetting) =>
    intersect(
      data.placements.filter((p) => p.setting === setting).map((p) => spanOf(p.start, p.end ?? until)),
      stays,
    );
  const excluded = { trial_home_visit: segments('trial_home_visit'), runaway: segments('runaway') };
  return { stays, excluded, counted: subtract(stays, [...excluded.trial_home_visit, ...excluded.runaway]) };
}

export interface DaysInCare {
  /** Counted days: current + prior − excluded. */
  readonly total: number;
  /** Current episode, DEFC to the as-of date (0 before DEFC). */
  readonly currentEpisode: number;
  /** Prior episodes, each from its entered care to its discharge. */
  readonly priorEpisodes: number;
  /** Trial home visit and runaway days within those stays. */
  readonly excluded: Readonly<Record<NotCareSetting, number>>;
}

/** rules.md "Days in care"; 45 CFR 1356.21(i)(1)(i): what the court report shows as time in care. */
export function daysInCare(data: CareData, asOf: string): DaysInCare {
  const until = dayNumber(asOf);
  const timeline = careTimeline(data, until);
  const defc = dateEnteredFosterCare(data.removal);
  const currentEpisode = Math.max(0, daysBetween(defc, asOf));
  const priorEpisodes = episodes(data.removal)
    .filter((e) => !e.current && e.enteredCare <= asOf)
    .reduce((sum, e) => sum + Math.max(0, daysBetween(e.enteredCare, e.discharge!.date < asOf ? e.discharge!.date : asOf)), 0);
  const excluded = {
    trial_home_visit: totalDays(timeline.excluded.trial_home_visit),
    runaway: totalDays(timeline.excluded.runaway),
  };
  return { total: totalDays(timeline.counted), currentEpisode, priorEpisodes, excluded };
}

export interface MonthsAndDays {
  readonly months: number;
  readonly days: number;
}

/**
 * Whole calendar months from `from` to `to` (the day of the month reached
 * counts the month; month ends clamp as in "+N months"), and the days left.
 * Zero when `to` is before `from`.
 */
export function monthsAndDays(from: string, to: string): MonthsAndDays {
  if (to < from) return { months: 0, days: 0 };
  let months = Math.max(0, (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) - 1);
  while (addMonths(from, months + 1) <= to) months += 1;
  return { months, days: daysBetween(addMonths(from, months), to) };
}

/** rules.md "Months in care": whole months and days from the current DEFC to the as-of date. */
export function monthsInCare(removal: CaseRecord['removal'], asOf: string): MonthsAndDays {
  return monthsAndDays(dateEnteredFosterCare(removal), asOf);
}
