/**
 * Calendar helpers for the generator, on ISO `YYYY-MM-DD` strings (the
 * project's calendar arithmetic from core, plus random picks between dates).
 */
import { addDays, addMonths, ageOn, daysBetween, formatLongDate, parseDate } from '../../src/core/calendar-date.js';
import type { Random } from './random.js';

export { addDays, addMonths, ageOn, daysBetween, formatLongDate };

/** 0 = Sunday … 6 = Saturday (1970-01-04 was a Sunday). */
export function weekday(date: string): number {
  return (((daysBetween('1970-01-04', date) % 7) + 7) % 7);
}

/** The date itself when it is a weekday, else the following Monday. */
export function onWeekday(date: string): string {
  const day = weekday(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/** The latest weekday on or before the date. */
export function weekdayOnOrBefore(date: string): string {
  const day = weekday(date);
  return day === 6 ? addDays(date, -1) : day === 0 ? addDays(date, -2) : date;
}

/** A date from `from` to `to`, both included. */
export function dateBetween(rng: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

/** The earlier of two dates. */
export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function yearOf(date: string): number {
  return parseDate(date)!.year;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03-14" → "March 2026". */
export function monthYear(date: string): string {
  const { year, month } = parseDate(date)!;
  return `${MONTH_NAMES[month - 1]} ${year}`;
}

/** A date of birth for someone who is `age` on `on`. */
export function dobForAge(rng: Random, age: number, on: string): string {
  return addDays(addMonths(on, -12 * (age + 1)), rng.int(1, 364));
}
