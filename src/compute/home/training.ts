/** Annual training per applicant and co-applicant (rules.md, The foster home, "Annual training"). */
import { addDays, addMonths, daysBetween } from '../../core/calendar-date.js';
import type { Home } from '../../model/home.js';
import type { RuleSet, TrainingTopic } from '../rule-sets.js';
import { inYear, type LicenseYear } from './license-year.js';
import { caregivers, sameName } from './sources.js';

export type TrainingSession = NonNullable<Home['training']>[number];

export interface TrainingLine extends TrainingSession {
  /** The rule set counts the topic toward the annual hours. */
  readonly counts: boolean;
}

/**
 * Where a caregiver's hours stand on the as-of date: `met` (the hours are in);
 * `on_pace` or `behind_pace` while the license year still has days after the
 * as-of date; `not_met` once it has none (see trainingPace).
 */
export type TrainingStatus = 'met' | 'on_pace' | 'behind_pace' | 'not_met';

export interface TrainingPace {
  readonly status: TrainingStatus;
  /** Whole months from the as-of date to the day after the license year ends (the renewal). */
  readonly monthsLeft: number;
}

/**
 * Issue 11, point 2: hours short early in the license year are not a failure.
 * Hours at or above the requirement are `met`. Short hours are `not_met` once
 * the year can no longer be met: the as-of date is on or after the year's last
 * day (sessions dated on the as-of date already count; no later day is left). Before that
 * they are `on_pace` when the hours reach the pro-rata share of the year
 * elapsed — required × (days from the year's first day through the as-of date)
 * ÷ (days in the year) — and `behind_pace` otherwise. Months left count whole
 * months from the as-of date to the renewal (the day after the year ends):
 * as of 2026-11-15 in a year ending 2027-08-31, 9 (2027-08-15 ≤ 2027-09-01 < 2027-09-15).
 */
export function trainingPace(counted: number, required: number, year: LicenseYear, asOf: string): TrainingPace {
  const renewal = addDays(year.end, 1);
  let monthsLeft = 0;
  while (addMonths(asOf, monthsLeft + 1) <= renewal) monthsLeft += 1;
  if (counted >= required) return { status: 'met', monthsLeft };
  if (asOf >= year.end) return { status: 'not_met', monthsLeft: 0 };
  const elapsed = Math.max(0, daysBetween(year.start, asOf) + 1) / (daysBetween(year.start, year.end) + 1);
  return { status: counted >= required * elapsed ? 'on_pace' : 'behind_pace', monthsLeft };
}

export interface TrainingSummary extends TrainingPace {
  readonly person: string;
  readonly role: 'applicant' | 'co_applicant';
  /** Hours the rule requires for the home's type. */
  readonly required: number;
  /** Hours attended in the license year whose topic counts. */
  readonly counted: number;
  /** Hours attended in the license year whose topic the rule set does not count. */
  readonly uncounted: number;
  /** required − counted, never below 0. */
  readonly shortfall: number;
  /** The person's sessions in the license year, in date order. */
  readonly sessions: readonly TrainingLine[];
}

/** Half-hours and tenths add without binary-fraction noise (13.5, not 13.499999). */
const round = (hours: number) => Math.round(hours * 100) / 100;

/**
 * rules.md, "Annual training": each `applicant` and `co_applicant` needs the
 * rule's hours (rules.annualTrainingHours for the home type) within the license
 * year, counting only trainings they attended (`attendee`) whose topic the rule
 * set counts (not in rules.uncountedTopics, e.g. Indiana's CPR, first aid and
 * universal precautions). A session dated after the as-of date has not been
 * attended yet and is left out.
 */
export function trainingSummaries(home: Home, year: LicenseYear, asOf: string, rules: RuleSet): TrainingSummary[] {
  const required = rules.annualTrainingHours.value[home.type];
  const uncountedTopics: readonly TrainingTopic[] = rules.uncountedTopics.value;
  return caregivers(home).map((member) => {
    const sessions = (home.training ?? [])
      .filter((t) => sameName(t.attendee, member.name) && inYear(year, t.date) && t.date <= asOf)
      .map((t) => ({ ...t, counts: !uncountedTopics.includes(t.topic) }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const counted = round(sessions.filter((s) => s.counts).reduce((sum, s) => sum + s.hours, 0));
    const uncounted = round(sessions.filter((s) => !s.counts).reduce((sum, s) => sum + s.hours, 0));
    return {
      ...trainingPace(counted, required, year, asOf),
      person: member.name,
      role: member.role as 'applicant' | 'co_applicant',
      required,
      counted,
      uncounted,
      shortfall: round(Math.max(0, required - counted)),
      sessions,
    };
  });
}
