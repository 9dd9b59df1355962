/** Exams, CANS and standing orders in `due` (cli.md), on hand-worked dates. */
import { describe, expect, it } from 'vitest';
import { RULE_SETS } from '../rule-sets.js';
import { periodOf, standingOrderItems, wellbeingItems } from './care-cadence-items.js';
import type { CaseFiles } from './due-items.js';
import { caseRecord, cans, contact, visit } from './fixtures.js';

const KY = RULE_SETS.KY;
const files = (record = caseRecord(), extra: Partial<CaseFiles> = {}): CaseFiles => ({ id: record.id, case: { data: record }, contacts: [], visits: [], assessments: [], ...extra });

describe('physical and dental exams, CANS reassessment', () => {
  it('are due at the rule set\'s cadence after the last one, and now when none is on file', () => {
    const record = { ...caseRecord(), health: { last_physical: '2026-01-31', last_dental: '2026-05-31', immunizations_current: true } };
    const items = wellbeingItems(files(record, { assessments: [{ data: cans('2026-04-10', [['behavior', 'anger_control', 2]]) }] }), '2026-12-05', KY);
    expect(items.map((i) => [i.kind, i.due, i.status, i.detail])).toEqual([
      ['health_exam', '2027-01-31', 'due_soon', { kind: 'cadence', what: 'health_exam', months: 12, last: '2026-01-31' }],
      ['dental_exam', '2026-11-30', 'overdue', { kind: 'cadence', what: 'dental_exam', months: 6, last: '2026-05-31' }],
      ['cans', '2026-10-10', 'overdue', { kind: 'cadence', what: 'cans', months: 6, last: '2026-04-10' }],
    ]);
    expect(wellbeingItems(files(), '2026-12-05', KY)[0]).toMatchObject({ due: '2026-12-05', status: 'overdue', detail: { kind: 'cadence', what: 'health_exam', months: 12, last: null } });
  });
});

describe('standing orders', () => {
  it('weeks run Monday to Sunday; months are calendar months', () => {
    expect(periodOf('week', '2026-12-05')).toEqual({ first: '2026-11-30', last: '2026-12-06' }); // a Saturday
    expect(periodOf('week', '2026-11-30')).toEqual({ first: '2026-11-30', last: '2026-12-06' });
    expect(periodOf('month', '2026-02-14')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
  });

  it('a court that ordered caseworker visits twice monthly gets "1 of 2 in November: not met"', () => {
    const record = caseRecord({ removal: { date: '2026-01-05' } });
    const ordered = { ...record, court: { ...record.court, standing_orders: [{ kind: 'caseworker_visits' as const, at_least: 2, per: 'month' as const, from: '2026-03-19' }] } };
    const items = standingOrderItems(files(ordered, { contacts: [{ data: contact('2026-11-10', 'home_visit') }, { data: contact('2026-12-02', 'home_visit') }, { data: contact('2026-11-20', 'phone') }] }), '2026-12-05');
    expect(items.map((i) => [i.due, i.status, i.detail])).toEqual([
      ['2026-11-30', 'overdue', { kind: 'standing_order', held: 1, at_least: 2, order: 'caseworker_visits', per: 'month', period: '2026-11-01', verdict: 'not_met' }],
      ['2026-12-31', 'due_soon', { kind: 'standing_order', held: 1, at_least: 2, order: 'caseworker_visits', per: 'month', period: '2026-12-01', verdict: 'not_met_yet' }],
    ]);
  });

  it('family time counts sessions the parent attended; an order not yet in force is not judged', () => {
    const record = caseRecord({ removal: { date: '2026-01-05' } });
    const ordered = { ...record, court: { ...record.court, standing_orders: [{ kind: 'family_time' as const, parent: 'mother' as const, at_least: 1, per: 'week' as const, from: '2026-11-30' }] } };
    const items = standingOrderItems(files(ordered, { visits: [{ data: visit('2026-11-25', 'yes') }, { data: visit('2026-12-01', 'cancelled', 'foster_parent') }, { data: visit('2026-12-03', 'late') }] }), '2026-12-05');
    expect(items.map((i) => [i.due, i.status, i.detail])).toEqual([
      ['2026-12-06', 'ok', { kind: 'standing_order', held: 1, at_least: 1, order: 'family_time', per: 'week', period: '2026-11-30', verdict: 'met' }],
    ]);
    expect(items[0]!.rule).toEqual({ kind: 'court_order', from: '2026-11-30', parent: 'mother' });
  });
});
