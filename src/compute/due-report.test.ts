import { describe, expect, it } from 'vitest';
import type { DueItem } from './due-item.js';
import { dueReport } from './due-report.js';

const item = (subject: string, due: string, status: DueItem['status'], kind: DueItem['kind'] = 'monthly_visit'): DueItem => ({
  subject, kind, due, status, detail: { kind: 'case_plan_review', plan_date: due }, rule: '',
});

describe('dueReport (cli.md, What `due` reports)', () => {
  it('keeps items due on or before as-of + window, whatever their status', () => {
    const items = [item('C-1', '2026-11-01', 'overdue'), item('C-2', '2027-01-22', 'due_soon'), item('C-3', '2027-01-23', 'due_soon'), item('C-4', '2026-12-01', 'ok')];
    expect(dueReport(items, '2026-11-23', 60).map((i) => i.subject)).toEqual(['C-1', 'C-2', 'C-4']);
  });

  it('sorts overdue first, then due soon, then ok; each by due date, then subject', () => {
    const items = [
      item('C-9', '2026-11-30', 'ok'),
      item('C-2', '2026-12-05', 'due_soon'),
      item('C-1', '2026-12-05', 'due_soon'),
      item('C-5', '2026-10-01', 'overdue'),
      item('C-3', '2026-11-30', 'due_soon'),
      item('C-4', '2026-09-01', 'overdue'),
    ];
    expect(dueReport(items, '2026-11-23', 60).map((i) => `${i.status} ${i.due} ${i.subject}`)).toEqual([
      'overdue 2026-09-01 C-4',
      'overdue 2026-10-01 C-5',
      'due_soon 2026-11-30 C-3',
      'due_soon 2026-12-05 C-1',
      'due_soon 2026-12-05 C-2',
      'ok 2026-11-30 C-9',
    ]);
  });
});
