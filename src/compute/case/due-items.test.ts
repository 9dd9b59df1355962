import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRoot, REPO } from '../../../test/helpers/fixture-root.js';
import type { CaseRoot } from '../../model/case-root.js';
import type { Plan } from '../../model/plan.js';
import type { DueDetail, DueDetailOf } from '../due-detail.js';
import type { DueItem } from '../due-item.js';
import { RULE_SETS, ruleSetFor } from '../rule-sets.js';
import { caseDueItems, type CaseFiles } from './due-items.js';
import { caseRecord, contact, hearing } from './fixtures.js';

const KY = RULE_SETS.KY;
const PA = RULE_SETS.PA;

function child(record: ReturnType<typeof caseRecord>, extra: Partial<CaseFiles> = {}): CaseFiles {
  return { id: record.id, case: { data: record }, contacts: [], visits: [], assessments: [], ...extra };
}
const byKind = (items: DueItem[]) => Object.fromEntries(items.map((i) => [i.kind, i]));
const scheduled = (type: 'review' | 'permanency', date: string) => ({ type, title: null, date, continued_from: null });
const clock = (d: Partial<DueDetailOf<'hearing_clock'>> & Pick<DueDetailOf<'hearing_clock'>, 'months' | 'from' | 'from_date'>): DueDetail => ({
  kind: 'hearing_clock', held_type: null, wanted: 'permanency', next: null, in_time: false, ...d,
});
const tpr = (d: Partial<DueDetailOf<'tpr'>> & Pick<DueDetailOf<'tpr'>, 'reached' | 'date' | 'entered_care'>): DueDetail => ({
  kind: 'tpr', prior_episodes: 0, trial_home_visit_days: 0, runaway_days: 0, petition: null, exception: null, ...d,
});
const transition = (eighteenth_birthday: string, d: Partial<DueDetailOf<'transition_plan'>> = {}): DueDetail => ({
  kind: 'transition_plan', eighteenth_birthday, plan_date: null, met: false, plan_after_as_of: false, ...d,
});

describe('caseDueItems on fixtures (cli.md, "What `due` reports")', () => {
  const removal = { date: '2025-02-03', adjudication_date: '2025-03-20' }; // DEFC 2025-03-20

  it('is overdue when the due date has passed and the scheduled hearing comes after it', () => {
    const record = caseRecord({ removal, hearings: [hearing('2025-09-25', 'review'), hearing('2026-04-02', 'permanency')] });
    const items = byKind(caseDueItems(child(record), '2026-03-25', KY));
    expect(items.permanency_hearing).toEqual({
      subject: 'C-TEST',
      kind: 'permanency_hearing',
      due: '2026-03-20',
      status: 'overdue',
      detail: clock({ months: 12, from: 'defc', from_date: '2025-03-20', next: scheduled('permanency', '2026-04-02'), in_time: false }),
      rule: 'KRS 610.125; 42 U.S.C. 675(5)(C)',
    });
    // Periodic review: 2025-09-25 + 6 months = 2026-03-25, due today: on time, and the permanency hearing of 04-02 is later.
    expect(items.periodic_review).toMatchObject({ due: '2026-03-25', status: 'due_soon' });
  });

  it("uses Pennsylvania's cadence and citation", () => {
    const items = byKind(caseDueItems(child(caseRecord({ removal })), '2025-05-01', PA));
    expect(items.permanency_hearing).toMatchObject({
      due: '2025-08-03',
      status: 'due_soon',
      detail: clock({ months: 6, from: 'removal', from_date: '2025-02-03' }),
      rule: '42 Pa.C.S. 6351(e)(3); Pa.R.J.C.P. 1608',
    });
    expect(items.periodic_review).toMatchObject({ due: '2025-08-03', rule: '42 Pa.C.S. 6351(e)' });
  });

  it('makes 15 of 22 overdue once reached without a petition or exception', () => {
    const items = byKind(caseDueItems(child(caseRecord({ removal })), '2026-06-21', KY));
    expect(items.tpr_15_of_22).toMatchObject({ due: '2026-06-20', status: 'overdue', rule: '42 U.S.C. 675(5)(E)' });
    expect(items.tpr_15_of_22!.detail).toEqual(tpr({ reached: true, date: '2026-06-20', entered_care: '2025-03-20' }));
    expect(byKind(caseDueItems(child(caseRecord({ removal })), '2026-06-20', KY)).tpr_15_of_22!.status).toBe('due_soon');
  });

  it('leaves out 15 of 22 while an open trial home visit keeps it from ever being reached', () => {
    const record = caseRecord({
      removal: { date: '2025-06-02', adjudication_date: '2025-07-10' },
      placements: [{ start: '2025-06-02', end: '2026-09-15', setting: 'foster_family_nonrelative', county: 'Fayette' }, { start: '2026-09-15', setting: 'trial_home_visit', county: 'Fayette' }],
    });
    expect(caseDueItems(child(record), '2026-11-23', KY).map((i) => i.kind)).not.toContain('tpr_15_of_22');
  });

  it('adds the case plan review with a plan, the monthly visit, and the transition plan from 14', () => {
    const plan: Plan = { plan_date: '2026-03-01', review_date: '2026-09-01', plan_type: 'initial', goals: [], participants: [] };
    const young = caseRecord({ removal, dob: '2012-11-24' }); // 13 on 2026-11-23, 14 the next day
    const items = caseDueItems(child(young, { plan: { data: plan } }), '2026-11-23', KY);
    expect(items.map((i) => i.kind)).toEqual(['permanency_hearing', 'periodic_review', 'tpr_15_of_22', 'case_plan_review', 'monthly_visit']);
    expect(byKind(items).case_plan_review).toMatchObject({ due: '2026-09-01', status: 'overdue', detail: { kind: 'case_plan_review', plan_date: '2026-03-01' } });
    expect(byKind(items).monthly_visit).toMatchObject({ due: '2026-11-30', status: 'due_soon' });

    const youth = byKind(caseDueItems(child(young, { contacts: [{ data: contact('2026-11-02', 'office', { location: 'office' }) }] }), '2026-11-24', KY));
    // 18 on 2030-11-24; 90 days before: 24 to 10-31, 31 to 09-30 (55), 30 to 08-31 (85), 5 to 08-26 (90).
    expect(youth.transition_plan).toMatchObject({ due: '2030-08-26', status: 'due_soon', detail: transition('2030-11-24'), rule: '42 U.S.C. 675(5)(H)' });
    expect(youth.monthly_visit).toMatchObject({ status: 'ok', detail: { kind: 'monthly_visit', month: '2026-11', seen: { date: '2026-11-02', type: 'office' } } });
  });

  it('has no items without case.yaml', () => {
    expect(caseDueItems({ id: 'C-X', contacts: [], visits: [], assessments: [] }, '2026-11-23', KY)).toEqual([]);
  });
});

describe('caseDueItems over the example agency, as of 2026-11-23 (worked by hand)', () => {
  const AS_OF = '2026-11-23';
  let root: CaseRoot;
  beforeAll(async () => {
    root = (await loadRoot(join(REPO, 'cases'))).root;
  });
  const itemsOf = (id: string) => {
    const folder = root.children.find((c) => c.id === id)!;
    return caseDueItems(folder, AS_OF, ruleSetFor(root.agency!.data));
  };

  it('C-2025-0142 (Joey)', () => {
    // DEFC: removal 2025-02-03 + 60 = 2025-04-04; adjudication 2025-03-20 is earlier → 2025-03-20.
    // Permanency: last held 2026-03-19 (permanency) → 2027-03-19; only a review (2026-12-10) is scheduled → due_soon.
    // Periodic review: last review/permanency held 2026-09-17 (review) → 2027-03-17; review scheduled 2026-12-10 ≤ → ok.
    // 15 of 22: one unbroken stay, DEFC on the 20th → 2025-03-20 + 15 months = 2026-06-20; exception documented 2026-06-12 → ok.
    // Case plan review: plan.yaml review_date 2027-03-24 → due_soon.
    // Monthly visit: home visit 2026-11-05, child seen → ok, due 2026-11-30.
    // Transition plan: born 2012-04-19, 14 → 18 on 2030-04-19; 90 days back: 19 to 03-31, 31 to 02-28 (50),
    //   28 to 01-31 (78), 12 to 01-19 (90) → 2030-01-19; no transition.yaml → due_soon.
    const kentucky = 'KRS 610.125; 42 U.S.C. 675(5)(C)';
    expect(itemsOf('C-2025-0142')).toEqual([
      { subject: 'C-2025-0142', kind: 'permanency_hearing', due: '2027-03-19', status: 'due_soon', detail: clock({ months: 12, from: 'hearing', from_date: '2026-03-19', held_type: 'permanency' }), rule: kentucky },
      { subject: 'C-2025-0142', kind: 'periodic_review', due: '2027-03-17', status: 'ok', detail: clock({ months: 6, from: 'hearing', from_date: '2026-09-17', held_type: 'review', wanted: 'review_or_permanency', next: scheduled('review', '2026-12-10'), in_time: true }), rule: 'KRS 620.240' },
      {
        subject: 'C-2025-0142',
        kind: 'tpr_15_of_22',
        due: '2026-06-20',
        status: 'ok',
        detail: tpr({ reached: true, date: '2026-06-20', entered_care: '2025-03-20', exception: { documented: '2026-06-12', type: 'compelling_reason' } }),
        rule: '42 U.S.C. 675(5)(E)',
      },
      { subject: 'C-2025-0142', kind: 'case_plan_review', due: '2027-03-24', status: 'due_soon', detail: { kind: 'case_plan_review', plan_date: '2026-09-24' }, rule: '42 U.S.C. 675(5)(B)' },
      { subject: 'C-2025-0142', kind: 'monthly_visit', due: '2026-11-30', status: 'ok', detail: { kind: 'monthly_visit', month: '2026-11', seen: { date: '2026-11-05', type: 'home_visit' } }, rule: '42 U.S.C. 622(b)(17), 624(e)' },
      { subject: 'C-2025-0142', kind: 'transition_plan', due: '2030-01-19', status: 'due_soon', detail: transition('2030-04-19'), rule: '42 U.S.C. 675(5)(H)' },
    ]);
  });

  it('C-2026-0058 (Kaden: re-entry, continued review)', () => {
    // DEFC: removal 2026-03-12 + 60 = 2026-05-11 (19 to 03-31, 30 to 04-30, 11 more); adjudication 2026-04-23 earlier → 2026-04-23.
    // Permanency: none held → 2026-04-23 + 12 months = 2027-04-23; permanency scheduled 2027-04-15 ≤ → ok.
    // Periodic review: 2026-10-22 was continued (not held); its next_date 2026-11-05 is listed and held once
    //   → 2026-11-05 + 6 months = 2027-05-05; permanency scheduled 2027-04-15 ≤ → ok.
    // 15 of 22: the prior episode (2022-09-15 → 2023-09-28) ends before any window from DEFC on starts
    //   (DEFC − 22 months = 2024-06-23), so D = DEFC + 15 months = 2027-07-23, not yet reached, no exception → due_soon.
    // Case plan review 2027-05-09 → due_soon. Monthly visit: court contact 2026-11-05, child seen → ok.
    // Born 2015-11-02: 11, no transition item.
    const items = itemsOf('C-2026-0058');
    expect(items.map((i) => [i.kind, i.due, i.status])).toEqual([
      ['permanency_hearing', '2027-04-23', 'ok'],
      ['periodic_review', '2027-05-05', 'ok'],
      ['tpr_15_of_22', '2027-07-23', 'due_soon'],
      ['case_plan_review', '2027-05-09', 'due_soon'],
      ['monthly_visit', '2026-11-30', 'ok'],
    ]);
    const detail = byKind(items);
    expect(detail.permanency_hearing!.detail).toEqual(clock({ months: 12, from: 'defc', from_date: '2026-04-23', next: scheduled('permanency', '2027-04-15'), in_time: true }));
    expect(detail.periodic_review!.detail).toEqual(
      clock({ months: 6, from: 'hearing', from_date: '2026-11-05', held_type: 'review', wanted: 'review_or_permanency', next: scheduled('permanency', '2027-04-15'), in_time: true }),
    );
    expect(detail.tpr_15_of_22!.detail).toEqual(tpr({ reached: false, date: '2027-07-23', entered_care: '2026-04-23' }));
    expect(detail.monthly_visit!.detail).toEqual({ kind: 'monthly_visit', month: '2026-11', seen: { date: '2026-11-05', type: 'court' } });
  });

  it('C-2024-0087 (Zoë: runaway, transition plan met)', () => {
    // DEFC: adjudication 2024-06-20 (removal 2024-05-14 + 60 = 2024-07-13) → 15 of 22 on 2025-09-20, before the
    //   runaway of 2026-07-18 → 07-22 (4 days, shown as not counted). Exception documented 2025-09-10 → ok.
    // Transition plan: 18 on 2027-01-20 − 90 days = 2026-10-22; transition.yaml dated 2026-11-05 → ok.
    const items = byKind(itemsOf('C-2024-0087'));
    expect(items.tpr_15_of_22).toMatchObject({ due: '2025-09-20', status: 'ok' });
    expect(items.tpr_15_of_22!.detail).toMatchObject({ runaway_days: 4, trial_home_visit_days: 0 });
    expect(items.transition_plan).toMatchObject({ due: '2026-10-22', status: 'ok', detail: transition('2027-01-20', { plan_date: '2026-11-05', met: true }) });
  });
});
