/**
 * `casepress due` on the example agency, as of a pinned day, against dates
 * worked by hand from rules.md (cli.md, "What `due` reports").
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture-root.js';

const BIN = join(REPO, 'bin/casepress');
function due(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, 'due', join(REPO, 'cases'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
interface Item { subject: string; kind: string; due: string; status: string; detail: string; rule: string; person?: string; item?: string }

describe('casepress due', () => {
  const { code, stdout } = due(['--as-of', '2026-11-23', '--json']);
  const items = JSON.parse(stdout) as Item[];
  const find = (subject: string, kind: string, extra: Partial<Item> = {}) =>
    items.find((i) => i.subject === subject && i.kind === kind && Object.entries(extra).every(([k, v]) => i[k as keyof Item] === v));

  it('prints one JSON array with the fields of cli.md and exits 0 even with overdue items', () => {
    expect(code).toBe(0);
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(expect.arrayContaining(['detail', 'due', 'kind', 'rule', 'status', 'subject']));
      expect(item.due <= '2027-01-22', `${item.subject} ${item.kind} ${item.due}`).toBe(true);
    }
  });

  it('sorts overdue first, then due soon, then ok, each by date', () => {
    const order = { overdue: 0, due_soon: 1, ok: 2 } as Record<string, number>;
    const keys = items.map((i) => `${order[i.status]} ${i.due} ${i.subject}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('finds the hand-worked items', () => {
    // H-0017: Daniel's checks of 2025-10-14 + 12 months (KY, SOP 12.16) = 2026-10-14, before the as-of date.
    expect(find('H-0017', 'background_check', { item: 'state_registry' })).toMatchObject({ due: '2026-10-14', status: 'overdue', rule: 'DCBS SOP 12.16' });
    // H-0042: license expires 2026-12-31; Marcus has 13.5 of 22 therapeutic hours.
    expect(find('H-0042', 'license_renewal')).toMatchObject({ due: '2026-12-31', status: 'due_soon' });
    expect(find('H-0042', 'annual_training')).toMatchObject({ due: '2026-12-31', status: 'due_soon', person: 'Marcus Whitfield' });
    expect(find('H-0042', 'annual_training')!.detail).toContain('13.5 of 22');
    // C-2025-0142: removed 2025-02-03, adjudicated 2025-03-20 → entered care 2025-03-20 (earlier than
    // removal + 60 days = 2025-04-04); one unbroken stay → 15 of 22 reached 2026-06-20; exception on file.
    expect(find('C-2025-0142', 'tpr_15_of_22')).toMatchObject({ due: '2026-06-20', status: 'ok' });
    // C-2024-0087 (Zoë): 18 on 2027-01-20 → transition plan due 90 days before, 2026-10-22; met by the plan of 2026-11-05.
    expect(find('C-2024-0087', 'transition_plan')).toMatchObject({ due: '2026-10-22', status: 'ok' });
    // Monthly visits: end of November, met by a visit this month.
    expect(find('C-2025-0142', 'monthly_visit')).toMatchObject({ due: '2026-11-30', status: 'ok' });
    // C-2025-0142 (Joey): 14 on 2026-04-19, no credit report on file → overdue since that day.
    expect(find('C-2025-0142', 'credit_report')).toMatchObject({ due: '2026-04-19', status: 'overdue', rule: '42 U.S.C. 675(5)(I)' });
    // C-2024-0087 (Zoë): 17 on 2026-01-20, in FY2026, a NYTD cohort year → baseline due 45 days later, 2026-03-06;
    // taken 2026-02-11. Her next credit report, 12 months after 2026-02-09, is past the 60 days.
    expect(find('C-2024-0087', 'nytd_survey')).toMatchObject({ due: '2026-03-06', status: 'ok', rule: '45 CFR 1356.82' });
    expect(find('C-2024-0087', 'credit_report')).toBeUndefined();
  });

  it('narrows with --within and prints a table for people', () => {
    const narrow = JSON.parse(due(['--as-of', '2026-11-23', '--json', '--within', '0']).stdout) as Item[];
    expect(narrow.every((i) => i.due <= '2026-11-23')).toBe(true);
    expect(narrow.length).toBeLessThan(items.length);
    const table = due(['--as-of', '2026-11-23']).stdout;
    expect(table).toMatch(/as of November 23, 2026: \d+ overdue/);
    expect(table).toMatch(/OVERDUE\s+2026-10-14\s+H-0017\s+background_check/);
  });

  it('exits 1 with --check when anything is overdue, and 2 for a bad date', () => {
    expect(due(['--as-of', '2026-11-23', '--check']).code).toBe(1);
    const bad = due(['--as-of', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('2026-02-30 is not a real day: February 2026 has 28 days');
  });
});
