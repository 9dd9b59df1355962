/** Background checks per household member (rules.md, The foster home, "Background checks"). */
import { addMonths, ageOn } from '../../core/calendar-date.js';
import type { Home } from '../../model/home.js';
import type { DueStatus } from '../due-item.js';
import { openStatus } from '../due-item.js';
import { ADULT_AGE, ADULT_CHECKS, type CheckType, type RuleSet } from '../rule-sets.js';
import { birthdayAt } from './license-year.js';
import type { HouseholdMember } from './sources.js';

type CheckRecord = { readonly date: string; readonly result: 'clear' | 'findings' | 'pending' };

/**
 * Why a check is needed:
 * - `cadence`: an adult's last completed check + rules.backgroundCheckMonths;
 * - `turned_18`: every adult check from the 18th birthday, none dated on or after it;
 * - `missing`: an adult with no completed check since 18 whose 18th birthday is more
 *   than one cadence ago: due on the as-of date and overdue, as a missing certificate;
 * - `child_age`: a check rules.householdChildChecks names from the birthday that
 *   brings a household child to its age.
 */
export type CheckBasis = 'cadence' | 'turned_18' | 'missing' | 'child_age';

export interface CheckFact {
  readonly person: string;
  readonly role: HouseholdMember['role'];
  readonly item: CheckType;
  readonly basis: CheckBasis;
  /** The birthday that brings the requirement (turned_18, child_age, missing), and the age it brings. */
  readonly birthday?: string;
  readonly age?: number;
  /** The completed check the due date counts from or that satisfies a birthday. */
  readonly last?: CheckRecord;
  /** A check on file whose result is `pending` (not a completed check). */
  readonly pending?: string;
  /** An adult's completed check on file dated before the 18th birthday, which does not count. */
  readonly predates?: string;
  readonly due: string;
  readonly status: DueStatus;
  /** In force on the as-of date (the birthday that brings it has come). */
  readonly inForce: boolean;
  /** On the as-of date: a completed check current under the cadence, or dated on or after the birthday. */
  readonly met: boolean;
  readonly citation: string;
}

function record(member: HouseholdMember, item: CheckType): CheckRecord | undefined {
  return member.checks?.[item] ?? undefined;
}

/**
 * A completed check counts from `since` on: a `pending` result is not a check
 * (no result is known, and home.yaml keeps one record per type, so the earlier
 * completed check is not on file); a check dated after the as-of date has not
 * been run yet. A check with `findings` is completed: the clock runs from it,
 * and the compliance summary flags the result.
 */
function completedSince(rec: CheckRecord | undefined, since: string, asOf: string): CheckRecord | undefined {
  return rec && rec.result !== 'pending' && rec.date >= since && rec.date <= asOf ? rec : undefined;
}

/**
 * rules.md, "Background checks", for one member aged 18 or more on the as-of
 * date: every check type (ADULT_CHECKS) dated within rules.backgroundCheckMonths,
 * due on the last check's date + cadence; with no completed check dated on or
 * after the 18th birthday, due on that birthday (when it is less than one
 * cadence ago), else missing: due on the as-of date and overdue.
 */
function adultCheck(member: HouseholdMember, item: CheckType, asOf: string, rules: RuleSet): CheckFact {
  const months = rules.backgroundCheckMonths.value;
  const citation = rules.backgroundCheckMonths.citation;
  const turned18 = birthdayAt(member.dob, ADULT_AGE);
  const rec = record(member, item);
  const base = { person: member.name, role: member.role, item, inForce: true, citation, ...(rec?.result === 'pending' ? { pending: rec.date } : {}) };
  const last = completedSince(rec, turned18, asOf);
  if (last) {
    const due = addMonths(last.date, months);
    return { ...base, basis: 'cadence', last, due, status: openStatus(due, asOf), met: due >= asOf };
  }
  const predates = rec && rec.result !== 'pending' && rec.date < turned18 ? rec.date : undefined;
  const early = { birthday: turned18, age: ADULT_AGE, ...(predates ? { predates } : {}) };
  if (turned18 > addMonths(asOf, -months)) {
    return { ...base, ...early, basis: 'turned_18', due: turned18, status: openStatus(turned18, asOf), met: false };
  }
  return { ...base, ...early, basis: 'missing', due: asOf, status: 'overdue', met: false };
}

/**
 * rules.md, "Background checks", for a household member under 18 on the as-of
 * date: the checks rules.householdChildChecks names, from the birthday that
 * brings them to its age (Kentucky's registry check at 12, Pennsylvania's
 * checks at 14), due on that birthday when no check is dated on or after it; and
 * every adult check from the 18th birthday (not yet in force). A child's check,
 * once dated on or after the birthday, stays met until 18: rules.md gives the
 * cadence for adults only.
 */
function childChecks(member: HouseholdMember, asOf: string, rules: RuleSet): CheckFact[] {
  const staged = rules.householdChildChecks.value
    .filter((rule) => rule.age < ADULT_AGE)
    .flatMap((rule) => {
      const birthday = birthdayAt(member.dob, rule.age);
      return rule.checks.map((item): CheckFact => {
        const rec = record(member, item);
        const last = completedSince(rec, birthday, asOf);
        const inForce = birthday <= asOf;
        const base = {
          person: member.name, role: member.role, item, basis: 'child_age' as const, birthday, age: rule.age, due: birthday, inForce,
          citation: rules.householdChildChecks.citation, ...(rec?.result === 'pending' ? { pending: rec.date } : {}),
        };
        if (last) return { ...base, last, status: 'ok', met: true };
        return { ...base, status: openStatus(birthday, asOf), met: false };
      });
    });
  const turned18 = birthdayAt(member.dob, ADULT_AGE);
  const atEighteen = ADULT_CHECKS.map((item): CheckFact => ({
    person: member.name, role: member.role, item, basis: 'turned_18', birthday: turned18, age: ADULT_AGE, due: turned18,
    status: openStatus(turned18, asOf), inForce: false, met: false, citation: rules.backgroundCheckMonths.citation,
  }));
  return [...staged, ...atEighteen];
}

/** Every background check fact for the household, member by member in file order. */
export function backgroundCheckFacts(home: Home, asOf: string, rules: RuleSet): CheckFact[] {
  return home.household.flatMap((member) =>
    ageOn(member.dob, asOf) >= ADULT_AGE
      ? ADULT_CHECKS.map((item) => adultCheck(member, item, asOf, rules))
      : childChecks(member, asOf, rules),
  );
}

export interface OutOfStateCheck {
  readonly person: string;
  readonly date: string;
  readonly result: CheckRecord['result'];
  readonly states: readonly string[];
}

/**
 * Out-of-state registry checks on file. rules.md names only state_registry,
 * fbi_fingerprint and sex_offender_registry for the cadence, and domain.md §4.4
 * places the other-states check (states lived in during the last 5 years) at the
 * initial study: it is listed as evidence, never due again by the clock.
 */
export function outOfStateChecks(home: Home): OutOfStateCheck[] {
  return home.household.flatMap((member) => {
    const rec = member.checks?.out_of_state_registry;
    return rec ? [{ person: member.name, date: rec.date, result: rec.result, states: rec.states ?? [] }] : [];
  });
}
