/**
 * `{{date x}}`: a YYYY-MM-DD date as "November 15, 2026"; `format="short"` gives
 * "11/15/2026", `format="iso"` "2026-11-15". Not a calendar date: CP2006.
 */
import { parseDate, type YearMonthDay } from '../../core/calendar-date.js';
import { escapeText, isBlank } from '../escape.js';
import type { HelperCall } from './call.js';
import type { HelperSpec } from './spec.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function formatLongDate({ year, month, day }: YearMonthDay): string {
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

export function formatShortDate({ year, month, day }: YearMonthDay): string {
  return `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year}`;
}

/** The i-th value as a calendar date, or undefined after reporting CP2006. */
export function dateValue(call: HelperCall, i: number, value: unknown): YearMonthDay | undefined {
  const parsed = typeof value === 'string' ? parseDate(value) : undefined;
  if (!parsed) call.wrongKind(i, value, 'a calendar date written YYYY-MM-DD', 'dates in the data are written like 2026-11-15');
  return parsed;
}

export const date: HelperSpec = {
  name: 'date',
  role: 'inline',
  params: [1, 1],
  usage: '{{date value}}',
  hash: { format: ['long', 'short', 'iso'], optional: 'boolean' },
  run(call, [value]) {
    if (isBlank(value)) return call.empty(0, value);
    const parsed = dateValue(call, 0, value);
    if (!parsed) return '';
    const format = call.hash['format'] ?? 'long';
    if (format === 'short') return escapeText(formatShortDate(parsed));
    if (format === 'iso') return escapeText(value as string);
    return escapeText(formatLongDate(parsed));
  },
};
