/** The court calendar's `due` items (cli.md), on hand-worked dates. */
import { describe, expect, it } from 'vitest';
import { RULE_SETS } from '../rule-sets.js';
import { courtDateItems, courtDueItems, placementClockItems, reasonableEffortsItem } from './court-calendar-items.js';
import { caseRecord, hearing, placement } from './fixtures.js';

const KY = RULE_SETS.KY;
const IN = RULE_SETS.IN;
const removal = { date: '2025-09-22', adjudication_date: '2025-11-19' };

describe('hearings, court reports and caregiver notices', () => {
  const record = caseRecord({
    removal,
    hearings: [
      hearing('2025-12-10', 'disposition'),
      hearing('2026-12-10', 'review'),
      hearing('2027-01-07', 'other', { title: 'Petition for permanent custody' }),
      hearing('2026-11-20', 'review', { continued: true, next_date: '2026-12-18' }),
    ],
  });

  const custody = { type: 'other', title: 'Petition for permanent custody', date: '2027-01-07', continued_from: null };

  it('lists every upcoming hearing, by its title when of type other, with its court report 10 days before (agency.yaml may change it)', () => {
    const items = courtDateItems(record, '2026-12-01', {}, KY);
    expect(items.map((i) => [i.kind, i.due, i.status])).toEqual([
      ['hearing', '2026-12-10', 'due_soon'],
      ['court_report', '2026-11-30', 'overdue'],
      ['hearing', '2026-12-18', 'due_soon'],
      ['court_report', '2026-12-08', 'due_soon'],
      ['hearing', '2027-01-07', 'due_soon'],
      ['court_report', '2026-12-28', 'due_soon'],
    ]);
    expect(items[2]!.detail).toEqual({ kind: 'hearing', hearing: { type: 'review', title: null, date: '2026-12-18', continued_from: '2026-11-20' }, court: 'Test Family Court' });
    expect(items[4]!.detail).toEqual({ kind: 'hearing', hearing: custody, court: 'Test Family Court' });
    expect(items[5]!.detail).toEqual({ kind: 'court_report', hearing: custody, days_before: 10, ready: false });
    expect(items[0]!.rule).toEqual({ kind: 'set_by_court' });
    expect(items[1]!.rule).toEqual({ kind: 'agency_setting', setting: 'court_report_days_before', default: 10 });
    expect(courtDateItems(record, '2026-12-01', { court_report_days_before: 14 }, KY)[1]).toMatchObject({
      due: '2026-11-26', rule: { kind: 'agency_setting', setting: 'court_report_days_before', default: null },
    });
  });

  it('a court report with every part required before filing written is ok, before or after its date', () => {
    const ready = (hearing: string) => hearing === '2026-12-10' || hearing === '2027-01-07';
    const reports = courtDateItems(record, '2026-12-01', {}, KY, ready).filter((i) => i.kind === 'court_report');
    expect(reports.map((i) => [i.due, i.status])).toEqual([
      ['2026-11-30', 'ok'],
      ['2026-12-08', 'due_soon'],
      ['2026-12-28', 'ok'],
    ]);
    expect(reports[0]!.detail).toEqual({ kind: 'court_report', hearing: { type: 'review', title: null, date: '2026-12-10', continued_from: null }, days_before: 10, ready: true });
  });

  it('in Indiana adds the notice to the caregivers 7 days before each hearing (IC 31-34-21-4)', () => {
    const notices = courtDateItems(record, '2026-12-01', {}, IN).filter((i) => i.kind === 'caregiver_notice');
    expect(notices.map((i) => i.due)).toEqual(['2026-12-03', '2026-12-11', '2026-12-31']);
    expect(notices[0]).toMatchObject({ rule: 'IC 31-34-21-4', detail: { kind: 'caregiver_notice', hearing: { type: 'review', date: '2026-12-10' }, days_before: 7 } });
    expect(courtDateItems(record, '2026-12-01', {}, KY).some((i) => i.kind === 'caregiver_notice')).toBe(false);
  });
});

describe('QRTP and trial home visit clocks (42 U.S.C. 675a(c); 45 CFR 1356.21(e))', () => {
  it('a QRTP placement needs the assessment within 30 days and court approval within 60', () => {
    const record = caseRecord({ removal, placements: [placement('2025-09-22', '2026-10-01'), placement('2026-10-01', undefined, 'group_home', { qrtp: { assessment: '2026-10-20', court_approval: null } })] });
    const [assessment, approval] = placementClockItems(record, '2026-12-05');
    expect(assessment).toMatchObject({ kind: 'qrtp_assessment', due: '2026-10-31', status: 'ok', detail: { kind: 'qrtp', step: 'assessment', days: 30, placed: '2026-10-01', done: '2026-10-20', late: false } });
    expect(approval).toMatchObject({ kind: 'qrtp_approval', due: '2026-11-30', status: 'overdue', detail: { kind: 'qrtp', step: 'approval', days: 60, placed: '2026-10-01', done: null, late: false } });
    // A hearing's finding of QRTP approval satisfies it.
    const approved = caseRecord({ ...{ removal }, placements: record.placements, hearings: [hearing('2026-11-25', 'review', { findings: [{ type: 'qrtp_approval', made: true }] })] });
    expect(placementClockItems(approved, '2026-12-05')[1]).toMatchObject({ status: 'ok', detail: { done: '2026-11-25', late: false } });
  });

  it('a trial home visit is due for a court order 6 months after it starts', () => {
    const record = caseRecord({ removal, placements: [placement('2025-09-22', '2026-08-31'), placement('2026-08-31', undefined, 'trial_home_visit')] });
    expect(placementClockItems(record, '2026-12-05')).toEqual([expect.objectContaining({ kind: 'trial_home_visit', due: '2027-02-28', status: 'due_soon', detail: { kind: 'trial_home_visit', since: '2026-08-31' } })]);
  });
});

describe('reasonable efforts to finalize the permanency plan (45 CFR 1356.21(b)(2))', () => {
  it('is due 12 months after DEFC, then 12 months after each finding made', () => {
    expect(reasonableEffortsItem(caseRecord({ removal }), '2026-06-01')).toMatchObject({
      due: '2026-11-19', status: 'due_soon', detail: { kind: 'reasonable_efforts', months: 12, finding: null, entered_care: '2025-11-19', next: null },
    });
    const found = caseRecord({ removal, hearings: [hearing('2026-10-15', 'permanency', { findings: [{ type: 'reasonable_efforts_finalize_plan', made: true }] })] });
    expect(reasonableEffortsItem(found, '2026-12-01')).toMatchObject({
      due: '2027-10-15', status: 'due_soon', detail: { finding: { hearing: { type: 'permanency', title: null, date: '2026-10-15', continued_from: null }, date: '2026-10-15' } },
    });
    const refused = caseRecord({ removal, hearings: [hearing('2026-10-15', 'permanency', { findings: [{ type: 'reasonable_efforts_finalize_plan', made: false }] })] });
    expect(reasonableEffortsItem(refused, '2026-12-01')).toMatchObject({ due: '2026-11-19', status: 'overdue' });
  });

  it('courtDueItems gathers all of them', () => {
    expect(courtDueItems(caseRecord({ removal }), '2026-06-01', {}, KY).map((i) => i.kind)).toEqual(['reasonable_efforts_finding']);
  });
});

describe('a continued hearing of type other', () => {
  it('keeps its title on the new date', () => {
    const record = caseRecord({ removal, hearings: [hearing('2026-11-20', 'other', { title: 'Petition for permanent custody', continued: true, next_date: '2026-12-18' })] });
    expect(courtDateItems(record, '2026-12-01', {}, KY)[0]).toMatchObject({ kind: 'hearing', due: '2026-12-18', detail: { kind: 'hearing', hearing: { type: 'other', title: 'Petition for permanent custody', date: '2026-12-18', continued_from: '2026-11-20' }, court: 'Test Family Court' } });
  });
});
