/** The license year (rules.md, The foster home, "License year"). */
import { addDays, addMonths, parseDate, daysInMonth, formatDate } from '../../core/calendar-date.js';
import type { Home } from '../../model/home.js';

export interface LicenseYear {
  /** First day of the 12 months. */
  readonly start: string;
  /** Last day: `license.expires`, or for a longer license the anniversary of it that governs. */
  readonly end: string;
  /** The license runs longer than a year (issued before `expires` − 12 months + 1 day). */
  readonly multiYear: boolean;
}

/**
 * rules.md, "License year": the 12 months ending on `license.expires` (from
 * expires − 12 months + 1 day through expires; 2028-02-29 → 2027-03-01). For a
 * license longer than a year, the 12 months ending on the first anniversary of
 * `expires`, counted back in whole years, that falls on or after the as-of date.
 * Anniversaries are `expires` − 12k months (month-end clamp), never before
 * `issued` (an as-of date before the license was issued takes its first year);
 * after `expires` the last year of the license governs.
 */
export function licenseYear(license: Pick<Home['license'], 'issued' | 'expires'>, asOf: string): LicenseYear {
  return yearContaining(license, asOf < license.issued ? license.issued : asOf);
}

/**
 * The 12 months, counted back from `license.expires` in whole years, that
 * contain `date` (the last year when `date` is after `expires`). Unlike
 * `licenseYear` it does not stop at `issued`: for a date before the license was
 * issued it gives a year of the license term before it, which home.yaml does not
 * keep (`start` before `issued` says so). A signed home study speaks from it.
 */
export function yearContaining(license: Pick<Home['license'], 'issued' | 'expires'>, date: string): LicenseYear {
  const { issued, expires } = license;
  const firstDay = (end: string) => addDays(addMonths(end, -12), 1);
  let end = expires;
  for (let years = 1; firstDay(end) > date; years += 1) end = addMonths(expires, -12 * years);
  return { start: firstDay(end), end, multiYear: issued < firstDay(expires) };
}

/** Whether `date` falls within the license year (both ends included). */
export function inYear(year: LicenseYear, date: string): boolean {
  return date >= year.start && date <= year.end;
}

/**
 * The birthday on which someone born on `dob` turns `years` (rules.md, Calendar
 * arithmetic): a child born on 29 February turns a year older on 1 March in
 * years without that day, as `ageOn` counts it.
 */
export function birthdayAt(dob: string, years: number): string {
  const birth = parseDate(dob);
  if (!birth) throw new RangeError(`not a calendar date: ${dob}`);
  const year = birth.year + years;
  if (birth.month === 2 && birth.day === 29 && daysInMonth(year, 2) === 28) return formatDate({ year, month: 3, day: 1 });
  return formatDate({ year, month: birth.month, day: birth.day });
}
