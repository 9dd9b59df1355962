/**
 * The example agency (cases/, Kentucky) as of 2026-11-23, worked by hand from
 * cases/homes/*\/home.yaml and cases/children/*\/case.yaml.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRoot, REPO } from '../../../test/helpers/fixture-root.js';
import type { LoadResult } from '../../load/load-root.js';
import type { DueItem } from '../due-item.js';
import { ruleSetFor, type RuleSet } from '../rule-sets.js';
import { caseRecords, compliance, homeDueItems, homeFacts, itemOf } from './index.js';

const AS_OF = '2026-11-23';
let result: LoadResult;
let rules: RuleSet;
beforeAll(async () => {
  result = await loadRoot(join(REPO, 'cases'));
  rules = ruleSetFor(result.root.agency!.data);
});
const folder = (id: string) => result.root.homes.find((h) => h.id === id)!;
const items = (id: string) => homeDueItems(folder(id), result.root.children, AS_OF, rules);
const summary = (id: string) => compliance(folder(id), result.root.children, AS_OF, rules);
const facts = (id: string) => homeFacts(folder(id).home!.data, caseRecords(result.root.children), AS_OF, rules);
const brief = (i: DueItem) => [i.kind, i.person ?? '', i.item ?? '', i.due, i.status];
/** The items `casepress due` shows with its default 60-day window: due on or before 2027-01-22. */
const inWindow = (list: DueItem[]) => list.filter((i) => i.due <= '2027-01-22');

describe('H-0042 (therapeutic foster, license 2026-01-01 to 2026-12-31)', () => {
  it('Marcus is 8.5 hours short of 22; Dana has 25', () => {
    // license year 2026-01-01 to 2026-12-31; the 2025-11-08 sessions fall before it
    // Dana:   6 (01-24) + 2 (03-14) + 6 (04-18) + 3 (06-06) + 6 (08-22) + 2 (10-03) = 25
    // Marcus: 6 (01-24) + 6 (04-18) + 1.5 (09-12)                             = 13.5; 22 − 13.5 = 8.5
    expect(facts('H-0042').training.map((t) => [t.person, t.counted, t.required, t.shortfall])).toEqual([
      ['Dana Whitfield', 25, 22, 0],
      ['Marcus Whitfield', 13.5, 22, 8.5],
    ]);
  });

  it('lists its items within the 60-day window by hand', () => {
    expect(inWindow(items('H-0042')).map(brief)).toEqual([
      ['license_renewal', '', '', '2026-12-31', 'due_soon'],
      ['annual_training', 'Marcus Whitfield', '', '2026-12-31', 'due_soon'], // due on license expires
      ['certification', 'Marcus Whitfield', 'cpr', '2027-01-15', 'due_soon'],
      ['certification', 'Marcus Whitfield', 'first_aid', '2027-01-15', 'due_soon'],
      // fingerprint check of 2026-11-12 is pending: no completed check, due on the as-of date, overdue
      ['background_check', 'Marcus Whitfield', 'fbi_fingerprint', AS_OF, 'overdue'],
      // 2025-12-10 pass + 12 months; the 2026-11-16 corrections are unresolved and do not count
      ['inspection', '', '', '2026-12-10', 'due_soon'],
    ]);
    const inspection = items('H-0042').find((i) => i.kind === 'inspection')!;
    expect(inspection.detail).toEqual({ kind: 'inspection', months: 12, last: { date: '2025-12-10', resolved: null }, open: [{ date: '2026-11-16', failed: false }] });
    // Kaylee turned 12 on 2026-06-14 and her registry check is dated 2026-07-02: nothing due before 18
    expect(items('H-0042').filter((i) => i.person === 'Kaylee Whitfield').map((i) => i.due)).toEqual(['2032-06-14', '2032-06-14', '2032-06-14']);
    // Dana's and Marcus's other checks of 2026-11-10 / 2026-11-12 + 12 months
    expect(items('H-0042').find((i) => i.person === 'Dana Whitfield' && i.item === 'fbi_fingerprint')?.due).toBe('2027-11-12');
  });

  it('is not compliant: Marcus fingerprint check and the inspection; Marcus training is behind pace, not failed', () => {
    const c = summary('H-0042');
    expect(c.compliant).toBe(false);
    expect(c.lines.filter((l) => l.status !== 'met').map((l) => [l.kind, itemOf(l) ?? '', l.person ?? '', l.status])).toEqual([
      // 2026-01-01 to 2026-11-23 is 327 of 365 days: 22 × 327/365 = 19.7 hours due by now > 13.5 counted;
      // 2026-11-23 + 1 month = 2026-12-23 ≤ 2027-01-01 (the renewal) < 2027-01-23: 1 month left
      ['training', '', 'Marcus Whitfield', 'behind_pace'],
      ['background_check', 'fbi_fingerprint', 'Marcus Whitfield', 'not_met'],
      ['inspection', '', '', 'not_met'],
    ]);
    expect(c.lines.find((l) => l.person === 'Marcus Whitfield' && l.kind === 'training')).toMatchObject({ counted: 13.5, required: 22, shortfall: 8.5, monthsLeft: 1 });
    // the pending fingerprint check of 2026-11-12 is no completed check: due on the as-of date
    expect(c.lines.find((l) => l.person === 'Marcus Whitfield' && itemOf(l) === 'fbi_fingerprint')).toMatchObject({ basis: 'missing', pending: '2026-11-12', nextDue: AS_OF, months: 12, findings: false });
    // the 2025-12-10 inspection counts; the corrections of 2026-11-16 are open
    expect(c.lines.find((l) => l.kind === 'inspection')).toMatchObject({ last: { date: '2025-12-10', result: 'pass' }, open: [{ date: '2026-11-16' }], nextDue: '2026-12-10' });
    // Marcus's CPR and first aid expire 2027-01-15, after the license (2026-12-31): met through the term
    expect(c.lines.filter((l) => l.person === 'Marcus Whitfield' && l.kind === 'certificate').map((l) => l.status)).toEqual(['met', 'met']);
    expect(c.lines.find((l) => l.person === 'Kaylee Whitfield')).toMatchObject({ item: 'state_registry', status: 'met' });
    // 2 placed (Zoë since 2026-07-22, José since 2025-06-30) of a capacity of 2
    expect(c.lines.find((l) => l.kind === 'capacity_license')).toMatchObject({ status: 'met', licensed: 2, placed: ["Zoë O'Brien", 'José Luis Núñez-García'] });
  });

  it("the training due item keeps its kind and date, and says the hours are behind pace as the packet does", () => {
    const training = items('H-0042').find((i) => i.kind === 'annual_training')!;
    expect(brief(training)).toEqual(['annual_training', 'Marcus Whitfield', '', '2026-12-31', 'due_soon']);
    expect(training.detail).toEqual({
      kind: 'annual_training', counted: 13.5, required: 22, shortfall: 8.5, uncounted: 0, year_start: '2026-01-01', year_end: '2026-12-31', pace: 'behind_pace', months_left: 1, expires: '2026-12-31',
    });
  });

  it('its license year holds two stays (the runaway bridged) and one incident', () => {
    const f = facts('H-0042');
    expect(f.placements.map((p) => [p.childId, p.start, p.end ?? null, p.interruptions.map((i) => `${i.setting} ${i.start}–${i.end}`)])).toEqual([
      ['C-2024-0087', '2025-01-10', null, ['runaway 2026-07-18–2026-07-22']],
      ['C-2025-0142', '2025-06-30', null, []],
    ]);
    // 2025-09-03 is before the license year
    expect(f.incidents.map((i) => i.date)).toEqual(['2026-07-18']);
  });
});

describe('H-0017 (foster, license 2026-04-01 to 2027-03-31)', () => {
  it("Daniel's checks of October 2025 are overdue under Kentucky's 12 months", () => {
    // 2025-10-14 + 12 months = 2026-10-14; 2025-10-20 + 12 months = 2026-10-20; both before 2026-11-23
    expect(items('H-0017').filter((i) => i.status === 'overdue').map(brief)).toEqual([
      ['background_check', 'Daniel Okafor', 'state_registry', '2026-10-14', 'overdue'],
      ['background_check', 'Daniel Okafor', 'fbi_fingerprint', '2026-10-20', 'overdue'],
      ['background_check', 'Daniel Okafor', 'sex_offender_registry', '2026-10-14', 'overdue'],
    ]);
    expect(inWindow(items('H-0017')).filter((i) => i.status !== 'overdue')).toEqual([]);
  });

  it('training meets 10 hours (Daniel exactly); the rest is compliant', () => {
    // Grace: 3 + 3 + 2 + 1 + 3 = 12; Daniel: 3 + 2 + 3 + 2 = 10 (exactly the requirement)
    expect(facts('H-0017').training.map((t) => [t.person, t.counted, t.shortfall])).toEqual([['Grace Okafor', 12, 0], ['Daniel Okafor', 10, 0]]);
    const c = summary('H-0017');
    expect(c.lines.filter((l) => l.status === 'not_met').map((l) => `${l.person} ${itemOf(l)}`)).toEqual([
      'Daniel Okafor state_registry', 'Daniel Okafor fbi_fingerprint', 'Daniel Okafor sex_offender_registry',
    ]);
    // Current today, lapsing before the license expires on 2027-03-31: due before renewal, with the date.
    // Grace's and Emeka's checks of 2026-03-05 / 2026-03-09 + 12 months; the inspection corrected 2026-03-18 + 12 months.
    expect(c.lines.filter((l) => l.status === 'due_before_renewal').map((l) => `${l.person ?? ''} ${itemOf(l) ?? l.kind} ${l.due}`)).toEqual([
      'Grace Okafor state_registry 2027-03-05', 'Grace Okafor fbi_fingerprint 2027-03-09', 'Grace Okafor sex_offender_registry 2027-03-05',
      'Emeka Okafor state_registry 2027-03-05', 'Emeka Okafor fbi_fingerprint 2027-03-09', 'Emeka Okafor sex_offender_registry 2027-03-05',
      ' inspection 2027-03-18',
    ]);
    // a Kentucky foster home needs no CPR / first aid; corrections of 2026-03-18 resolved 2026-03-27 count: due 2027-03-18
    expect(facts('H-0017').certifications).toEqual([]);
    expect(facts('H-0017').inspection).toMatchObject({ due: '2027-03-18', met: true });
  });

  it('holds Ana and Kaden now; Trần left on 2026-09-15 for a trial home visit', () => {
    const f = facts('H-0017');
    expect(f.capacity.placed.map((p) => p.childId)).toEqual(['C-2025-0143', 'C-2026-0058']);
    // José left 2025-06-30, before the license year
    expect(f.placements.map((p) => [p.childId, p.end ?? null])).toEqual([['C-2025-0143', null], ['C-2025-0219', '2026-09-15'], ['C-2026-0058', null]]);
    expect(f.incidents.map((i) => i.date)).toEqual(['2026-04-25']);
  });
});

describe('H-0063 (kinship, license 2026-03-01 to 2027-02-28)', () => {
  it('is compliant and has nothing overdue', () => {
    // Gloria: 3 + 3 + 2 + 2 = 10 of 10; checks 2026-02-10/16 + 12 months = 2027-02-10/16;
    // inspection 2026-02-12 + 12 months = 2027-02-12; Aaliyah placed: 1 of 2
    const c = summary('H-0063');
    expect(c.lines.filter((l) => l.status === 'not_met')).toEqual([]);
    expect(c.compliant).toBe(true);
    // ... but every check and the inspection lapse before the license expires on 2027-02-28
    expect(c.lines.filter((l) => l.status === 'due_before_renewal').map((l) => l.due)).toEqual([
      '2027-02-10', '2027-02-16', '2027-02-10', '2027-02-10', '2027-02-16', '2027-02-10', '2027-02-12',
    ]);
    expect(c.year).toEqual({ start: '2026-03-01', end: '2027-02-28', multiYear: false });
    expect(items('H-0063').filter((i) => i.status === 'overdue')).toEqual([]);
    expect(inWindow(items('H-0063'))).toEqual([]);
    expect(items('H-0063').find((i) => i.kind === 'inspection')?.due).toBe('2027-02-12');
  });
});
