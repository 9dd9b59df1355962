import { describe, expect, it } from 'vitest';
import type { Agency } from '../../model/agency.js';
import type { CaseRecord } from '../../model/case.js';
import type { Contact, Visit } from '../../model/notes.js';
import type { Home } from '../../model/home.js';
import { ruleSetFor } from '../rule-sets.js';
import { caseRecord, contact, hearing, placement, visit } from '../case/fixtures.js';
import type { CaseFiles } from '../case/due-items.js';
import { cellsFor } from './cells.js';
import { count, rate } from './figures.js';
import { defaultPeriod, parsePeriod, trendPeriods } from './period.js';
import { caseloadStats, type StatsSource } from './stats.js';

const agency: Agency = {
  name: 'Test Agency',
  address: { street: '1 Main St', city: 'Lexington', state: 'KY', zip: '40507' },
  state: 'KY',
  caseload_standard: 12,
  staff: [
    { id: 'jdoe', name: 'Jordan Doe', title: 'Case Manager' },
    { id: 'asmith', name: 'Alex Smith', title: 'Case Manager' },
    { id: 'kpatel', name: 'Kim Patel', title: 'Supervisor' },
  ],
};
const rules = ruleSetFor(agency);
const Q2 = parsePeriod('2026-Q2')!;

function child(record: CaseRecord, contacts: Contact[] = [], visits: Visit[] = []): CaseFiles {
  return { id: record.id, case: { data: record }, contacts: contacts.map((data) => ({ data })), visits: visits.map((data) => ({ data })), assessments: [] };
}

function stats(children: CaseFiles[], extra: Partial<StatsSource> = {}) {
  return caseloadStats({ agency, rules, children, homes: [], period: Q2, asOf: '2026-07-01', audience: 'internal', ...extra });
}

/** The agency's figure for a measure in the period (a breakdown's part by key). */
function agencyCell(result: ReturnType<typeof stats>, measure: string, key: string | null = null) {
  return result.facts.agency.find((r) => r.measure === measure && r.key === key)?.cell;
}

describe('periods', () => {
  it('reads months and quarters, and defaults to the last full month before the as-of date', () => {
    expect(parsePeriod('2026-Q3')).toEqual({ id: '2026-Q3', kind: 'quarter', first: '2026-07-01', last: '2026-09-30' });
    expect(parsePeriod('2024-02')).toEqual({ id: '2024-02', kind: 'month', first: '2024-02-01', last: '2024-02-29' });
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(defaultPeriod('2026-12-01').id).toBe('2026-11');
    expect(defaultPeriod('2026-01-15').id).toBe('2025-12');
    expect(trendPeriods(parsePeriod('2026-Q1')!).map((p) => p.id)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(trendPeriods(parsePeriod('2026-03')!)).toHaveLength(13);
  });
});

describe('caseworker visits (rules.md worked example)', () => {
  // Five children in care every day of April–June, one turning 18 on May 20; contacts only from May, one in each month.
  const seen = [contact('2026-05-12', 'home_visit'), contact('2026-06-09', 'school_visit', { location: 'school' })];
  const children = ['C-1', 'C-2', 'C-3', 'C-4'].map((id) => child(caseRecord({ id }), seen));
  children.push(child(caseRecord({ id: 'C-5', dob: '2008-05-20' }), seen));

  it('counts 14 child-months, 9 met: 64.3%, with the missed ones listed by child and caseworker', () => {
    const result = stats(children);
    expect(agencyCell(result, 'visits')).toMatchObject({ numerator: 9, denominator: 14, rate: 64.3, small: false });
    expect(result.facts.appendix!.missed_visits.map((m) => `${m.case_id} ${m.month} ${m.caseworker}`)).toEqual(['C-1 2026-04 Jordan Doe', 'C-2 2026-04 Jordan Doe', 'C-3 2026-04 Jordan Doe', 'C-4 2026-04 Jordan Doe', 'C-5 2026-04 Jordan Doe']);
    // In the residence: 5 of the 10 visits with the child seen (the school visits are not).
    expect(agencyCell(result, 'visits_in_residence')).toMatchObject({ numerator: 5, denominator: 10, rate: 50 });
  });
});

describe('children coming, going, moving and away (2026-Q2)', () => {
  const children = [
    // Enters on May 15: one entry; in care on P2 only; June is its one child-month; DEFC (July 14) is after P2: no days in care.
    child(caseRecord({ id: 'C-IN', removal: { date: '2026-05-15' } })),
    // Goes home on May 10: one exit (reunification); April is its one child-month; 39 days in care.
    child(caseRecord({ id: 'C-OUT', removal: { date: '2025-01-06', discharge: { date: '2026-05-10', reason: 'reunification' } } })),
    // Moves on P1 and on P2, runs away May 1–5 and comes back to the same home: 2 moves, 91 − 4 = 87 days.
    child(
      caseRecord({
        id: 'C-MOVE',
        placements: [
          placement('2025-01-06', '2026-04-01', 'foster_family_nonrelative', { home: 'H-1' }),
          placement('2026-04-01', '2026-05-01', 'foster_family_nonrelative', { home: 'H-2' }),
          placement('2026-05-01', '2026-05-05', 'runaway'),
          placement('2026-05-05', '2026-06-30', 'foster_family_nonrelative', { home: 'H-2' }),
          placement('2026-06-30', undefined, 'foster_family_nonrelative', { home: 'H-3' }),
        ],
      }),
    ),
    // A trial home visit from June 1, still going on P2: not a move, June not in care: 61 days.
    child(caseRecord({ id: 'C-THV', placements: [placement('2025-01-06', '2026-06-01'), placement('2026-06-01', undefined, 'trial_home_visit')] })),
  ];
  const result = stats(children);

  it('counts children in care on P1 and P2, entries and exits by reason', () => {
    expect(agencyCell(result, 'children_in_care_first')?.numerator).toBe(3);
    expect(agencyCell(result, 'children_in_care_last')?.numerator).toBe(3);
    expect(agencyCell(result, 'entries')?.numerator).toBe(1);
    expect(agencyCell(result, 'exits')?.numerator).toBe(1);
    expect(agencyCell(result, 'exits_by_reason', 'reunification')?.numerator).toBe(1);
  });

  it('counts the moves on the first and the last day, and moves per 1,000 days without runaway and trial home visit days', () => {
    expect(agencyCell(result, 'moves')?.numerator).toBe(2);
    expect(result.facts.appendix!.moves.map((m) => `${m.case_id} ${m.date} ${m.home}`)).toEqual(['C-MOVE 2026-04-01 H-2', 'C-MOVE 2026-06-30 H-3']);
    // Days: 0 + 39 + 87 + 61 = 187; 2 × 1,000 / 187 = 10.7.
    expect(agencyCell(result, 'moves_per_1000_days')).toMatchObject({ numerator: 2, denominator: 187, rate: 10.7 });
  });

  it('counts child-months only for full months in care', () => {
    // C-IN: June; C-OUT: April; C-MOVE and C-THV: three each (a trial home visit is still care for the visits).
    expect(agencyCell(result, 'visits')).toMatchObject({ numerator: 0, denominator: 8, small: true });
  });
});

describe('courts, family time, plans', () => {
  const record = caseRecord({
    id: 'C-CT',
    removal: { date: '2024-01-08', adjudication_date: '2024-02-01' },
    hearings: [hearing('2024-12-10', 'permanency'), hearing('2026-04-20', 'review'), hearing('2026-05-05', 'review', { continued: true })],
  });
  const visits = [visit('2026-04-03', 'yes'), visit('2026-04-10', 'late'), visit('2026-04-17', 'no'), visit('2026-04-24', 'cancelled', 'agency'), visit('2026-05-01', 'cancelled', 'parent')];
  const result = stats([child(record, [], visits)]);

  it('counts hearings held by type and the clocks overdue on P2', () => {
    expect(agencyCell(result, 'hearings_held')?.numerator).toBe(1);
    expect(agencyCell(result, 'hearings_held_by_type', 'review')?.numerator).toBe(1);
    // The permanency hearing was due 2025-12-10; in care since January 2024, 15 of 22 reached with no petition.
    expect(agencyCell(result, 'permanency_overdue')?.numerator).toBe(1);
    expect(agencyCell(result, 'review_overdue')?.numerator).toBe(0);
    expect(agencyCell(result, 'fifteen_of_22')?.numerator).toBe(1);
    expect(result.facts.appendix!.overdue.map((i) => i.kind)).toEqual(expect.arrayContaining(['permanency_hearing', 'tpr_15_of_22']));
  });

  it('counts family time held over offered, per parent, and cancellations by who cancelled', () => {
    // Offered: yes, late, no, and the parent's own cancellation (the agency's is not offered): 2 of 4.
    expect(agencyCell(result, 'family_time')).toMatchObject({ numerator: 2, denominator: 4, rate: 50, small: true });
    expect(agencyCell(result, 'family_time_by_parent', 'mother')).toMatchObject({ numerator: 2, denominator: 4 });
    expect(agencyCell(result, 'cancellations_by', 'agency')?.numerator).toBe(1);
    expect(agencyCell(result, 'cancellations_by', 'parent')?.numerator).toBe(1);
    expect(agencyCell(result, 'plans_current')).toMatchObject({ numerator: 0, denominator: 1 });
  });

  it('gives the previous four quarters for the trend, and a row per unit, period and measure in the table', () => {
    expect(result.facts.trend.map((t) => t.period.id)).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    const units = new Set(result.table.map((r) => `${r.unit} ${r.unit_id}`));
    expect([...units]).toEqual(['agency null', 'supervisor kpatel', 'caseworker jdoe']);
    expect(result.facts.caseworkers[0]).toMatchObject({ id: 'jdoe', name: 'Jordan Doe' });
  });
});

describe('the public copy', () => {
  it('shows counts from 1 to 4 as fewer than 5, and hides what would give them back', () => {
    const figures = [count('children_in_care_first', 40), count('children_in_care_last', 41), count('entries', 8), count('exits', 7), count('exits_by_reason', 3, 'adoption'), count('exits_by_reason', 4, 'reunification'), rate('visits', 12, 14)];
    const cells = cellsFor(figures, 'public').map((c) => `${c.figure.measure}${c.figure.key ? `.${c.figure.key}` : ''} ${c.cell.numerator ?? c.cell.numerator_hidden}`);
    expect(cells).toEqual([
      'children_in_care_first 40',
      'children_in_care_last 41',
      'entries 8',
      'exits 7',
      'exits_by_reason.adoption fewer_than_5',
      'exits_by_reason.reunification fewer_than_5',
      // 14 − 12 = 2 missed: the numerator would give it back.
      'visits complementary',
    ]);
    const single = cellsFor([count('entries', 6), count('exits', 3), count('exits_by_reason', 3, 'adoption')], 'public');
    // Exits hidden: entries are too (P2 − P1 would give it back).
    expect(single.map((c) => c.cell.numerator_hidden)).toEqual(['complementary', 'fewer_than_5', 'fewer_than_5']);
    const parts = cellsFor([count('exits', 12), count('exits_by_reason', 2, 'adoption'), count('exits_by_reason', 10, 'reunification')], 'public');
    expect(parts.map((c) => c.cell.numerator_hidden)).toEqual([null, 'fewer_than_5', 'complementary']);
  });

  it('prints the agency only, without names, case ids or the appendix', () => {
    const record = caseRecord({ id: 'C-PUB' });
    const result = stats([child(record)], { audience: 'public' });
    expect(result.facts.appendix).toBeNull();
    expect(result.facts.caseworkers).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('C-PUB');
    expect(JSON.stringify(result)).not.toContain('Test Child');
    expect(agencyCell(result, 'children_in_care_last')).toMatchObject({ numerator: null, numerator_hidden: 'fewer_than_5' });
  });
});

describe('homes', () => {
  const home = (id: string, capacity: number, expires: string): { id: string; home: { data: Home } } => ({
    id,
    home: {
      data: {
        id, type: 'foster', licensing_worker: 'jdoe', address: { street: '2 Elm St', city: 'Lexington', state: 'KY', zip: '40507' },
        license: { number: `L-${id}`, issued: '2025-09-01', expires, status: 'active', capacity },
        household: [{ name: 'Dana Foster', role: 'applicant', dob: '1980-01-01' }],
        inspections: [{ type: 'home_safety', date: '2026-01-10', result: 'pass' }],
      },
    },
  });
  it('counts licensed homes, beds filled and vacant, and licenses expiring within 90 days of P2', () => {
    const placed = child(caseRecord({ id: 'C-H', placements: [placement('2025-01-06', undefined, 'foster_family_nonrelative', { home: 'H-1' })] }));
    const result = stats([placed], { homes: [home('H-1', 3, '2026-08-31'), home('H-2', 2, '2027-08-31')] });
    expect(agencyCell(result, 'homes_licensed')?.numerator).toBe(2);
    expect(agencyCell(result, 'beds')?.numerator).toBe(5);
    expect(agencyCell(result, 'beds_filled')?.numerator).toBe(1);
    expect(agencyCell(result, 'beds_vacant')?.numerator).toBe(4);
    expect(agencyCell(result, 'licenses_expiring')?.numerator).toBe(1);
    // Neither home's household has its background checks: both have an item overdue on P2.
    expect(agencyCell(result, 'homes_overdue')?.numerator).toBe(2);
  });
});

describe('CSV and JSON', () => {
  it('write one row per measure, unit and period, with numerator, denominator and rate', async () => {
    const { statsCsv, statsJson } = await import('./export.js');
    const result = stats([child(caseRecord({ id: 'C-1' }), [contact('2026-04-02', 'home_visit'), contact('2026-05-02', 'home_visit'), contact('2026-06-02', 'home_visit')])]);
    const csv = statsCsv(result).split('\r\n');
    expect(csv[0]).toBe('unit,unit_id,period,measure,key,numerator,denominator,rate,per,small,numerator_hidden,denominator_hidden');
    expect(csv).toContain('agency,,2026-Q2,visits,,3,3,100,100,true,,');
    expect(csv).toContain('caseworker,jdoe,2026-Q2,children_in_care_last,,1,,,1,false,,');
    expect(csv.filter((l) => l.startsWith('agency,,2025-Q2,visits,'))).toHaveLength(1);
    const json = JSON.parse(statsJson(result)) as { rows: unknown[]; period: { id: string } };
    expect(json.period.id).toBe('2026-Q2');
    expect(json.rows).toHaveLength(csv.length - 2);
    expect(statsCsv(stats([]))).toBe(statsCsv(stats([])));
  });
});

describe('the public copy, small denominators', () => {
  it('hides a numerator with its small denominator, as "fewer than 5" only when it is one', () => {
    const [ratio, share] = cellsFor([rate('caseload', 6, 3, 1), rate('visits', 2, 3)], 'public').map((c) => c.cell);
    expect(ratio).toMatchObject({ numerator: null, numerator_hidden: 'complementary', denominator: null, denominator_hidden: 'fewer_than_5', rate: null });
    expect(share).toMatchObject({ numerator_hidden: 'fewer_than_5', denominator_hidden: 'fewer_than_5' });
  });
});
