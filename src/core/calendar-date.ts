/**
 * Calendar dates as `YYYY-MM-DD` strings: days without a time or time zone
 * (rules.md, "Calendar arithmetic"). Pure; no npm imports.
 */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonthDay {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not a Date: the case clocks call it millions of times in a big agency's statistics. */
export function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12 || !Number.isInteger(month)) return new Date(Date.UTC(year, month, 0)).getUTCDate();
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/** Splits a `YYYY-MM-DD` string; undefined when it is not a real calendar day. */
export function parseDate(text: string): YearMonthDay | undefined {
  const match = DATE_SHAPE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isDateShaped(text: string): boolean {
  return DATE_SHAPE.test(text);
}

export function isRealDate(text: string): boolean {
  return parseDate(text) !== undefined;
}

function mustParse(text: string): YearMonthDay {
  const parsed = parseDate(text);
  if (!parsed) throw new RangeError(`not a calendar date: ${text}`);
  return parsed;
}

export function formatDate({ year, month, day }: YearMonthDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toEpochDay(date: string): number {
  const { year, month, day } = mustParse(date);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** "+N days" is plain day arithmetic. */
export function addDays(date: string, days: number): string {
  const d = new Date((toEpochDay(date) + days) * 86_400_000);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** "+N months" keeps the day of the month and clamps to the month's last day (2025-01-31 + 1 = 2025-02-28). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = mustParse(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return formatDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-15" → "November 15, 2026": how dates print in documents. */
export function formatLongDate(date: string): string {
  const { year, month, day } = mustParse(date);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** Days from A to B is B − A. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO strings of one shape compare correctly as text. */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Age in whole years on `on`. The age changes on the birthday; someone born on
 * 29 February turns a year older on 1 March in years without that day.
 */
export function ageOn(dob: string, on: string): number {
  const birth = mustParse(dob);
  const day = mustParse(on);
  let age = day.year - birth.year;
  const birthdayPassed =
    day.month > birth.month || (day.month === birth.month && day.day >= birth.day);
  if (!birthdayPassed) age -= 1;
  return age;
}
