/**
 * Statistics periods (rules.md, "Caseload statistics"): a calendar month
 * (`2026-10`) or quarter (`2026-Q3`), from P1 (its first day) to P2 (its last).
 */
import { addMonths, daysInMonth } from '../../core/calendar-date.js';

export type PeriodKind = 'month' | 'quarter';

export interface Period {
  /** `2026-10` or `2026-Q3`: how it is named on the command line and in file names. */
  readonly id: string;
  readonly kind: PeriodKind;
  /** P1. */
  readonly first: string;
  /** P2. */
  readonly last: string;
}

/** How many earlier periods a report shows beside the period: the last 4 quarters or 12 months (issue 14). */
export const TREND_PERIODS: Readonly<Record<PeriodKind, number>> = { month: 12, quarter: 4 };

const pad = (n: number) => String(n).padStart(2, '0');

function monthPeriod(year: number, month: number): Period {
  return { id: `${year}-${pad(month)}`, kind: 'month', first: `${year}-${pad(month)}-01`, last: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}` };
}

function quarterPeriod(year: number, quarter: number): Period {
  const end = quarter * 3;
  return { id: `${year}-Q${quarter}`, kind: 'quarter', first: `${year}-${pad(end - 2)}-01`, last: `${year}-${pad(end)}-${pad(daysInMonth(year, end))}` };
}

/** `2026-10` or `2026-Q3`; undefined for anything else. */
export function parsePeriod(text: string): Period | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return monthPeriod(Number(month[1]), Number(month[2]));
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text);
  return quarter ? quarterPeriod(Number(quarter[1]), Number(quarter[2])) : undefined;
}

/** cli.md: without --month or --quarter, the last full month before the as-of date. */
export function defaultPeriod(asOf: string): Period {
  const previous = addMonths(`${asOf.slice(0, 7)}-01`, -1);
  return monthPeriod(Number(previous.slice(0, 4)), Number(previous.slice(5, 7)));
}

/** The period `count` periods before (negative) or after this one. */
export function shiftPeriod(period: Period, count: number): Period {
  const start = addMonths(period.first, period.kind === 'quarter' ? count * 3 : count);
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  return period.kind === 'quarter' ? quarterPeriod(year, Math.ceil(month / 3)) : monthPeriod(year, month);
}

/** The period and the ones before it that a report compares it with, oldest first, the period last. */
export function trendPeriods(period: Period): Period[] {
  const count = TREND_PERIODS[period.kind];
  return Array.from({ length: count + 1 }, (_, i) => shiftPeriod(period, i - count));
}

/** The calendar months of a period, `YYYY-MM`, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let first = period.first; first <= period.last; first = addMonths(first, 1)) months.push(first.slice(0, 7));
  return months;
}
