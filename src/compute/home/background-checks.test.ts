import { describe, expect, it } from 'vitest';
import { home as homeSchema, type Home } from '../../model/home.js';
import { RULE_SETS, type RuleSet } from '../rule-sets.js';
import { backgroundCheckFacts, type CheckFact } from './background-checks.js';
import { compliance, itemOf } from './compliance.js';
import { homeDueItems } from './due-items.js';

const AS_OF = '2026-11-23';
const all = (date: string, result = 'clear') => ({
  state_registry: { date, result }, fbi_fingerprint: { date, result }, sex_offender_registry: { date, result },
});
const applicant = { name: 'Pat Doe', role: 'applicant', dob: '1980-05-05', checks: all('2026-06-01') };
const makeHome = (...members: unknown[]): Home =>
  homeSchema.parse({
    id: 'H-B', type: 'foster', licensing_worker: 'w',
    address: { street: '1 Main St', city: 'Town', state: 'KY', zip: '40001' },
    license: { number: 'L-1', issued: '2026-01-01', expires: '2026-12-31', status: 'active', capacity: 2 },
    household: [applicant, ...members],
  });
const factsFor = (person: string, home: Home, rules: RuleSet, asOf = AS_OF): CheckFact[] =>
  backgroundCheckFacts(home, asOf, rules).filter((f) => f.person === person);
const brief = (f: CheckFact) => [f.item, f.basis, f.due, f.status, f.met];

describe('adult checks (rules.md, Background checks: last check + cadence)', () => {
  it('a check dated exactly 12 months ago (Kentucky) is due today: due_soon and met; one day more is overdue', () => {
    const home = makeHome({
      name: 'Sam Doe', role: 'co_applicant', dob: '1979-01-01',
      checks: {
        state_registry: { date: '2025-11-23', result: 'clear' }, // + 12 months = 2026-11-23 = as-of
        fbi_fingerprint: { date: '2025-11-22', result: 'clear' }, // + 12 months = 2026-11-22 < as-of
        sex_offender_registry: { date: '2026-02-28', result: 'clear' },
      },
    });
    expect(factsFor('Sam Doe', home, RULE_SETS.KY).map(brief)).toEqual([
      ['state_registry', 'cadence', '2026-11-23', 'due_soon', true],
      ['fbi_fingerprint', 'cadence', '2026-11-22', 'overdue', false],
      ['sex_offender_registry', 'cadence', '2027-02-28', 'due_soon', true],
    ]);
    // Pennsylvania's 60 months: 2025-11-22 + 60 months = 2030-11-22
    expect(factsFor('Sam Doe', home, RULE_SETS.PA)[1]).toMatchObject({ due: '2030-11-22', status: 'due_soon' });
  });

  it('a pending check is not a completed check: missing, due on the as-of date and overdue', () => {
    const home = makeHome({ name: 'Sam Doe', role: 'co_applicant', dob: '1979-01-01', checks: { ...all('2026-11-10'), fbi_fingerprint: { date: '2026-11-12', result: 'pending' } } });
    const fbi = factsFor('Sam Doe', home, RULE_SETS.KY)[1]!;
    expect(brief(fbi)).toEqual(['fbi_fingerprint', 'missing', AS_OF, 'overdue', false]);
    expect(fbi.pending).toBe('2026-11-12');
    expect(homeDueItems({ id: 'H-B', home: { data: home } }, [], AS_OF, RULE_SETS.KY).find((i) => i.person === 'Sam Doe' && i.item === 'fbi_fingerprint')?.detail).toEqual({
      kind: 'background_check', basis: 'missing', item: 'fbi_fingerprint', months: 12, birthday: '1997-01-01', age: 18, in_force: true, last: null, pending: '2026-11-12', predates: null,
    });
  });

  it('a check with findings runs the clock but fails the compliance line', () => {
    const home = makeHome({ name: 'Sam Doe', role: 'other_adult', dob: '1979-01-01', checks: { ...all('2026-05-01'), state_registry: { date: '2026-05-01', result: 'findings' } } });
    expect(brief(factsFor('Sam Doe', home, RULE_SETS.KY)[0]!)).toEqual(['state_registry', 'cadence', '2027-05-01', 'due_soon', true]);
    const line = compliance({ id: 'H-B', home: { data: home } }, [], AS_OF, RULE_SETS.KY).lines.find((l) => l.person === 'Sam Doe' && itemOf(l) === 'state_registry');
    expect(line?.status).toBe('not_met');
  });

  it('an adult with no check whose 18th birthday is long past: missing, due on the as-of date', () => {
    const home = makeHome({ name: 'Lou Doe', role: 'other_adult', dob: '1950-01-01' });
    expect(factsFor('Lou Doe', home, RULE_SETS.KY).map(brief)).toEqual([
      ['state_registry', 'missing', AS_OF, 'overdue', false],
      ['fbi_fingerprint', 'missing', AS_OF, 'overdue', false],
      ['sex_offender_registry', 'missing', AS_OF, 'overdue', false],
    ]);
  });
});

describe('household children (rules.md, Background checks: from the birthday that brings them to the age)', () => {
  const kid = (dob: string, checks?: unknown) => ({ name: 'Kid Doe', role: 'child', dob, ...(checks ? { checks } : {}) });

  it('Kentucky: the registry check at 12 (turned 12 on 2026-06-14)', () => {
    const satisfied = factsFor('Kid Doe', makeHome(kid('2014-06-14', { state_registry: { date: '2026-07-02', result: 'clear' } })), RULE_SETS.KY);
    expect(brief(satisfied[0]!)).toEqual(['state_registry', 'child_age', '2026-06-14', 'ok', true]);
    // without a check, or with one dated the day before the birthday: due on the birthday, overdue
    for (const checks of [undefined, { state_registry: { date: '2026-06-13', result: 'clear' } }]) {
      expect(brief(factsFor('Kid Doe', makeHome(kid('2014-06-14', checks)), RULE_SETS.KY)[0]!)).toEqual(['state_registry', 'child_age', '2026-06-14', 'overdue', false]);
    }
    // a check on the birthday itself counts
    expect(factsFor('Kid Doe', makeHome(kid('2014-06-14', { state_registry: { date: '2026-06-14', result: 'clear' } })), RULE_SETS.KY)[0]!.met).toBe(true);
    // turning 12 on 2026-12-01, after the as-of date: due_soon, not yet in force
    expect(factsFor('Kid Doe', makeHome(kid('2014-12-01')), RULE_SETS.KY)[0]).toMatchObject({ due: '2026-12-01', status: 'due_soon', inForce: false });
    // every child also has the adult checks from 18 (2032-06-14), not yet in force
    expect(factsFor('Kid Doe', makeHome(kid('2014-06-14')), RULE_SETS.KY).slice(1).map(brief)).toEqual([
      ['state_registry', 'turned_18', '2032-06-14', 'due_soon', false],
      ['fbi_fingerprint', 'turned_18', '2032-06-14', 'due_soon', false],
      ['sex_offender_registry', 'turned_18', '2032-06-14', 'due_soon', false],
    ]);
  });

  it("Kentucky due items leave out a child's check already done; an undone one is overdue", () => {
    const items = (checks?: unknown) =>
      homeDueItems({ id: 'H-B', home: { data: makeHome(kid('2014-06-14', checks)) } }, [], AS_OF, RULE_SETS.KY)
        .filter((i) => i.person === 'Kid Doe' && i.due <= AS_OF);
    expect(items({ state_registry: { date: '2026-07-02', result: 'clear' } })).toEqual([]);
    expect(items()).toEqual([expect.objectContaining({ kind: 'background_check', item: 'state_registry', due: '2026-06-14', status: 'overdue', rule: 'DCBS SOP 12.16' })]);
  });

  it('Pennsylvania: every check at 14 (turned 14 on 2026-08-10)', () => {
    const done = factsFor('Kid Doe', makeHome(kid('2012-08-10', all('2026-09-01'))), RULE_SETS.PA).filter((f) => f.basis === 'child_age');
    expect(done.map(brief)).toEqual([
      ['state_registry', 'child_age', '2026-08-10', 'ok', true],
      ['fbi_fingerprint', 'child_age', '2026-08-10', 'ok', true],
      ['sex_offender_registry', 'child_age', '2026-08-10', 'ok', true],
    ]);
    const none = factsFor('Kid Doe', makeHome(kid('2012-08-10')), RULE_SETS.PA).filter((f) => f.basis === 'child_age');
    expect(none.map((f) => [f.item, f.due, f.status])).toEqual([
      ['state_registry', '2026-08-10', 'overdue'], ['fbi_fingerprint', '2026-08-10', 'overdue'], ['sex_offender_registry', '2026-08-10', 'overdue'],
    ]);
    // Kentucky asks nothing at 14 beyond the registry check at 12
    expect(factsFor('Kid Doe', makeHome(kid('2012-08-10')), RULE_SETS.KY).filter((f) => f.basis === 'child_age')).toHaveLength(1);
  });

  it('Pennsylvania, born 29 February 2012: turns 14 on 2026-03-01; a check of 2026-02-28 is too early', () => {
    const early = factsFor('Kid Doe', makeHome(kid('2012-02-29', all('2026-02-28'))), RULE_SETS.PA)[0]!;
    expect(brief(early)).toEqual(['state_registry', 'child_age', '2026-03-01', 'overdue', false]);
    expect(factsFor('Kid Doe', makeHome(kid('2012-02-29', all('2026-03-01'))), RULE_SETS.PA)[0]!.met).toBe(true);
  });

  it('Indiana names no checks before 18: a 17-year-old has only the adult checks due on the 18th birthday', () => {
    expect(factsFor('Kid Doe', makeHome(kid('2009-01-10')), RULE_SETS.IN).map(brief)).toEqual([
      ['state_registry', 'turned_18', '2027-01-10', 'due_soon', false],
      ['fbi_fingerprint', 'turned_18', '2027-01-10', 'due_soon', false],
      ['sex_offender_registry', 'turned_18', '2027-01-10', 'due_soon', false],
    ]);
  });

  it('turning 18 (every state): every adult check due on the birthday unless dated on or after it', () => {
    for (const state of ['KY', 'PA', 'IN', 'generic'] as const) {
      // born 2008-09-01: 18 on 2026-09-01, before the as-of date
      expect(factsFor('Kid Doe', makeHome(kid('2008-09-01')), RULE_SETS[state]).map(brief), state).toEqual([
        ['state_registry', 'turned_18', '2026-09-01', 'overdue', false],
        ['fbi_fingerprint', 'turned_18', '2026-09-01', 'overdue', false],
        ['sex_offender_registry', 'turned_18', '2026-09-01', 'overdue', false],
      ]);
    }
    // checks of 2026-09-15, after the birthday: the cadence runs (Kentucky 12 months → 2027-09-15)
    expect(factsFor('Kid Doe', makeHome(kid('2008-09-01', all('2026-09-15'))), RULE_SETS.KY)[0]).toMatchObject({ basis: 'cadence', due: '2027-09-15', status: 'due_soon', met: true });
    // a Pennsylvania check at 14 (2022-09-10) predates the 18th birthday and does not count
    const old = factsFor('Kid Doe', makeHome(kid('2008-09-01', all('2022-09-10'))), RULE_SETS.PA)[0]!;
    expect(brief(old)).toEqual(['state_registry', 'turned_18', '2026-09-01', 'overdue', false]);
    expect(old.predates).toBe('2022-09-10');
    // turning 18 on the as-of date: due today
    expect(factsFor('Kid Doe', makeHome(kid('2008-11-23')), RULE_SETS.KY)[0]).toMatchObject({ due: AS_OF, status: 'due_soon' });
  });
});
