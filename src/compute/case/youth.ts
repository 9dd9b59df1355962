/**
 * Older youth: age, the 18th birthday, the 90-day transition plan and the
 * youth's part in case planning (rules.md, "Transition plan"; domain.md §6.1, §11.6).
 */
import { addDays, ageOn, daysInMonth, formatDate, parseDate } from '../../core/calendar-date.js';
import type { Transition } from '../../model/transition.js';

export { ageOn };

export const YOUTH_PLANNING_AGE = 14;
export const AGE_OF_MAJORITY = 18;
export const TRANSITION_PLAN_DAYS_BEFORE = 90;
export const TRANSITION_CITATION = '42 U.S.C. 675(5)(H)';

/**
 * The day someone turns `age`: the birthday's month and day in that year; one
 * born on 29 February turns a year older on 1 March in years without that day
 * (rules.md, "Calendar arithmetic"), as `ageOn` counts.
 */
export function birthday(dob: string, age: number): string {
  const birth = parseDate(dob);
  if (!birth) throw new RangeError(`not a calendar date: ${dob}`);
  const year = birth.year + age;
  if (birth.day > daysInMonth(year, birth.month)) return addDays(formatDate({ year, month: birth.month, day: daysInMonth(year, birth.month) }), 1);
  return formatDate({ year, month: birth.month, day: birth.day });
}

export interface TransitionPlanStatus {
  readonly age: number;
  readonly eighteenthBirthday: string;
  /** 90 days before the 18th birthday. */
  readonly due: string;
  /** The transition plan on file, if any. */
  readonly planDate?: string;
  /** A transition plan dated on or after `due` exists. */
  readonly met: boolean;
}

/**
 * 42 U.S.C. 675(5)(H): the transition plan is due 90 days before the 18th
 * birthday and met by a `transition.yaml` whose `plan_date` is on or after that day.
 */
export function transitionPlanStatus(dob: string, transition: Pick<Transition, 'plan_date'> | undefined, asOf: string): TransitionPlanStatus {
  const eighteenthBirthday = birthday(dob, AGE_OF_MAJORITY);
  const due = addDays(eighteenthBirthday, -TRANSITION_PLAN_DAYS_BEFORE);
  const planDate = transition?.plan_date;
  return {
    age: ageOn(dob, asOf),
    eighteenthBirthday,
    due,
    ...(planDate != null && { planDate }),
    met: planDate != null && planDate >= due && planDate <= asOf,
  };
}

export interface YouthParticipation {
  /** Age on the plan date. */
  readonly age: number;
  /** 14 or older on the plan date: the youth takes part (42 U.S.C. 675(1)(B)). */
  readonly required: boolean;
  readonly participated: boolean;
  /** Required and `youth_participated` not true: the plan must say so. */
  readonly needsNote: boolean;
}

/** 42 U.S.C. 675(1)(B): youth 14 and older take part in case planning; noted when `youth_participated` is not true. */
export function youthParticipation(dob: string, plan: { readonly plan_date: string; readonly youth_participated?: boolean | null | undefined }): YouthParticipation {
  const age = ageOn(dob, plan.plan_date);
  const required = age >= YOUTH_PLANNING_AGE;
  const participated = plan.youth_participated === true;
  return { age, required, participated, needsNote: required && !participated };
}
