/**
 * The figures for the agency's data person (issue 14): CSV, one row per
 * measure per unit and period, and JSON with the same rows and the appendix.
 * Pure and deterministic: the same stats give the same bytes.
 */
import type { CaseloadStats } from './stats.js';
import type { StatsRow } from './facts.js';

export const CSV_COLUMNS = [
  'unit', 'unit_id', 'period', 'measure', 'key', 'numerator', 'denominator', 'rate', 'per', 'small', 'numerator_hidden', 'denominator_hidden',
] as const satisfies readonly (keyof StatsRow)[];

/** RFC 4180: a field with a comma, quote or line break is quoted; a leading = + - @ is quoted and prefixed so a spreadsheet does not run it. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n']/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function statsCsv(stats: Pick<CaseloadStats, 'table'>): string {
  const lines = [CSV_COLUMNS.join(','), ...stats.table.map((row) => CSV_COLUMNS.map((column) => field(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

export function statsJson({ facts, table }: CaseloadStats): string {
  const { audience, as_of, period, worker, caseload_standard, appendix } = facts;
  return `${JSON.stringify({ audience, as_of, period, worker, caseload_standard, rows: table, appendix }, null, 2)}\n`;
}
