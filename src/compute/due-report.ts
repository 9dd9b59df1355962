/**
 * `casepress due`: which items to show and in what order (cli.md): every item
 * due on or before the as-of date + the window, whatever its status; overdue
 * first, then due soon, then ok; each by due date, then subject.
 */
import { addDays } from '../core/calendar-date.js';
import type { DueItem, DueStatus } from './due-item.js';

const STATUS_ORDER: Record<DueStatus, number> = { overdue: 0, due_soon: 1, ok: 2 };

export function dueReport(items: readonly DueItem[], asOf: string, withinDays: number): DueItem[] {
  const limit = addDays(asOf, withinDays);
  return items
    .filter((item) => item.due <= limit)
    .sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        compare(a.due, b.due) ||
        compare(a.subject, b.subject) ||
        compare(a.kind, b.kind) ||
        compare(a.person ?? '', b.person ?? '') ||
        compare(a.item ?? '', b.item ?? ''),
    );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
