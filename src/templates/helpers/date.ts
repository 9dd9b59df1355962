/**
 * `{{date x}}`: a YYYY-MM-DD date as "November 15, 2026"; `format="short"` gives
 * "11/15/2026", `format="iso"` "2026-11-15". Not a calendar date: CP2006.
 * `proseDates`: the same long style for the dates staff and compute write into
 * text ("on 2026-09-15", "completed 2026-05"), which `{{text}}` and
 * `{{{markdown}}}` print: one date style in a document's prose (issue 11).
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

/** "2026-09-15" or "2026-05" standing alone: not part of an id (C-2025-0142), a docket (2026-12-0012) or a path. */
const ISO_IN_TEXT = /(?<![\w/-])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\w/-])/g;

/** Dates written YYYY-MM-DD as "September 15, 2026", months written YYYY-MM as "May 2026"; anything not a real date stays. */
export function proseDates(text: string): string {
  if (!/\d{4}-\d\d/.test(text)) return text;
  return text.replace(ISO_IN_TEXT, (written: string, year: string, month: string, day: string | undefined) => {
    if (day !== undefined) {
      const parsed = parseDate(written);
      return parsed ? formatLongDate(parsed) : written;
    }
    const m = Number(month);
    return m >= 1 && m <= 12 ? `${MONTHS[m - 1]} ${year}` : written;
  });
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
