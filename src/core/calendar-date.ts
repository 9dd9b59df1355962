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

const ZERO = 48;

/** The number written by the digits text[from, to), or -1 if one of them is not 0-9. */
function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Splits a `YYYY-MM-DD` string (DATE_SHAPE, read by hand: the clocks and the loader call it for every date); undefined when it is not a real calendar day. */
export function parseDate(text: string): YearMonthDay | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
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

/**
 * Day numbers: days since 1970-01-01 in the proleptic Gregorian calendar, by
 * arithmetic (H. Hinnant, "chrono-compatible low-level date algorithms"), not a
 * Date: the clocks' loops over days stay in numbers, and years 0-99 are not
 * read as 1900-1999 as Date.UTC reads them.
 */
function epochDayOf({ year, month, day }: YearMonthDay): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function dateOfEpochDay(epochDay: number): YearMonthDay {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m = Math.floor((5 * dayOfYear + 2) / 153);
  const month = m < 10 ? m + 3 : m - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * m + 2) / 5) + 1 };
}

/** The day number of a date: days since 1970-01-01. */
export function dayNumber(date: string): number {
  return epochDayOf(mustParse(date));
}

/** The date of a day number. */
export function dateOfDay(day: number): string {
  return formatDate(dateOfEpochDay(day));
}

/** "+N days" is plain day arithmetic. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** "+N months" on the parts: the one reading of the rule below. */
function shiftMonths({ year, month, day }: YearMonthDay, months: number): YearMonthDay {
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { year: y, month: m, day: Math.min(day, daysInMonth(y, m)) };
}

/** "+N months" keeps the day of the month and clamps to the month's last day (2025-01-31 + 1 = 2025-02-28). */
export function addMonths(date: string, months: number): string {
  return formatDate(shiftMonths(mustParse(date), months));
}

/** addMonths on day numbers, for the clocks' loops over days. */
export function addMonthsToDay(day: number, months: number): number {
  return epochDayOf(shiftMonths(dateOfEpochDay(day), months));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-15" → "November 15, 2026": how dates print in documents. */
export function formatLongDate(date: string): string {
  const { year, month, day } = mustParse(date);
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

/** Days from A to B is B − A. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
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
