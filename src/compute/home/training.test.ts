import { describe, expect, it } from 'vitest';
import { home as homeSchema, type Home } from '../../model/home.js';
import { RULE_SETS } from '../rule-sets.js';
import { homeDueItems } from './due-items.js';
import { licenseYear } from './license-year.js';
import { compliance } from './compliance.js';
import { trainingPace, trainingSummaries } from './training.js';

const AS_OF = '2026-06-01';
const t = (date: string, hours: number, topic: string, attendee: string) => ({ date, title: topic, hours, topic, attendee, format: 'classroom' });

// License 2025-07-01 to 2026-06-30: the license year is 2025-07-01 to 2026-06-30.
const home: Home = homeSchema.parse({
  id: 'H-T', type: 'foster', licensing_worker: 'w',
  address: { street: '1 Main St', city: 'Town', state: 'IN', zip: '46001' },
  license: { number: 'L-1', issued: '2025-07-01', expires: '2026-06-30', status: 'active', capacity: 2 },
  household: [
    { name: 'Ann Lee', role: 'applicant', dob: '1980-01-01' },
    { name: 'Bob Lee', role: 'co_applicant', dob: '1981-01-01' },
  ],
  training: [
    t('2025-06-30', 5, 'trauma_informed', 'Ann Lee'), // the day before the license year: not counted anywhere
    t('2025-07-01', 6, 'trauma_informed', 'Ann Lee'), // first day of the year
    t('2025-09-10', 4, 'cpr', 'Ann Lee'),
    t('2025-09-10', 3, 'first_aid', 'Ann Lee'),
    t('2026-01-15', 8, 'behavior_management', 'Ann Lee'),
    t('2026-03-02', 1.5, 'universal_precautions', 'Ann Lee'),
    t('2026-05-30', 6, 'other', 'Ann Lee'),
    t('2025-08-01', 4, 'cpr', 'Bob Lee'),
    t('2025-08-01', 4, 'first_aid', 'Bob Lee'),
    t('2026-02-01', 10, 'trauma_informed', 'Bob Lee'),
    t('2026-06-15', 3, 'other', 'Bob Lee'), // in the year but after the as-of date: not attended yet
  ],
});
const year = licenseYear(home.license, AS_OF);

describe('trainingSummaries (rules.md, Annual training)', () => {
  it("Indiana: CPR, first aid and universal precautions do not count; Ann is exactly at 20", () => {
    const [ann, bob] = trainingSummaries(home, year, AS_OF, RULE_SETS.IN);
    // Ann counted 6 + 8 + 6 = 20 of 20; uncounted 4 + 3 + 1.5 = 8.5
    expect(ann).toMatchObject({ person: 'Ann Lee', role: 'applicant', required: 20, counted: 20, uncounted: 8.5, shortfall: 0 });
    expect(ann!.sessions.map((s) => [s.date, s.counts])).toEqual([
      ['2025-07-01', true], ['2025-09-10', false], ['2025-09-10', false], ['2026-01-15', true], ['2026-03-02', false], ['2026-05-30', true],
    ]);
    // Bob counted 10 of 20; uncounted 4 + 4 = 8; the 2026-06-15 session is after the as-of date
    expect(bob).toMatchObject({ person: 'Bob Lee', role: 'co_applicant', required: 20, counted: 10, uncounted: 8, shortfall: 10 });
  });

  it('Kentucky counts every topic: Ann 6 + 4 + 3 + 8 + 1.5 + 6 = 28.5, Bob 4 + 4 + 10 = 18, both of 10', () => {
    const [ann, bob] = trainingSummaries(home, year, AS_OF, RULE_SETS.KY);
    expect(ann).toMatchObject({ required: 10, counted: 28.5, uncounted: 0, shortfall: 0 });
    expect(bob).toMatchObject({ required: 10, counted: 18, uncounted: 0, shortfall: 0 });
  });

  it('one annual_training item per person short of hours, due on expires', () => {
    const training = (state: 'IN' | 'KY') =>
      homeDueItems({ id: 'H-T', home: { data: home } }, [], AS_OF, RULE_SETS[state]).filter((i) => i.kind === 'annual_training');
    expect(training('IN')).toEqual([
      expect.objectContaining({ person: 'Bob Lee', due: '2026-06-30', status: 'due_soon', rule: '465 IAC 2-1.5' }),
    ]);
    expect(training('IN')[0]!.detail).toEqual({
      kind: 'annual_training', counted: 10, required: 20, shortfall: 10, uncounted: 8, year_start: '2025-07-01', year_end: '2026-06-30', pace: 'behind_pace', months_left: 1, expires: '2026-06-30',
    });
    expect(training('KY')).toEqual([]);
    // after expiry, still short: overdue
    expect(homeDueItems({ id: 'H-T', home: { data: home } }, [], '2026-07-01', RULE_SETS.IN).find((i) => i.kind === 'annual_training')?.status).toBe('overdue');
  });
});

describe('trainingPace (issue 11: behind pace early in the year, NOT MET only once it can no longer be met)', () => {
  // A Kentucky foster home needs 10 hours; license 2026-09-01 to 2027-08-31, one year.
  const license = { number: 'L-2', issued: '2026-09-01', expires: '2027-08-31', status: 'active', capacity: 2 };
  const kyHome = (hours: number) => homeSchema.parse({
    id: 'H-P', type: 'foster', licensing_worker: 'w',
    address: { street: '1 Main St', city: 'Town', state: 'KY', zip: '40001' },
    license,
    household: [{ name: 'Ann Lee', role: 'applicant', dob: '1980-01-01' }],
    training: [t('2026-10-03', hours, 'other', 'Ann Lee')],
  });
  const line = (hours: number, asOf: string) =>
    compliance({ id: 'H-P', home: { data: kyHome(hours) } }, [], asOf, RULE_SETS.KY).lines.find((l) => l.kind === 'training')!;

  it('as of 2026-11-15, 2 of 10 hours is behind pace with 9 months left; 2.5 is on pace', () => {
    // 2026-09-01 to 2026-11-15 is 76 of the year's 365 days: 10 × 76/365 = 2.08 hours due by now.
    // 2026-11-15 + 9 months = 2027-08-15 ≤ 2027-09-01 (the renewal) < 2027-09-15: 9 whole months left.
    expect(line(2, '2026-11-15')).toMatchObject({ status: 'behind_pace', counted: 2, required: 10, monthsLeft: 9 });
    expect(line(2.5, '2026-11-15')).toMatchObject({ status: 'on_pace', counted: 2.5, required: 10, monthsLeft: 9 });
    expect(line(10, '2026-11-15').status).toBe('met');
  });

  it('the same home as of 2027-09-01, the license year over: NOT MET; on its last day (2027-08-31) already NOT MET', () => {
    expect(line(2, '2027-09-01')).toMatchObject({ status: 'not_met', counted: 2, required: 10, monthsLeft: 0 });
    // Sessions dated on the as-of date count; on the year's last day no later day is left.
    expect(line(9.5, '2027-08-31').status).toBe('not_met');
    // The day before, with 9.5 of 10 hours: 364 of 365 days elapsed, 9.97 due: behind, less than a month left.
    expect(line(9.5, '2027-08-30')).toMatchObject({ status: 'behind_pace', monthsLeft: 0 });
  });

  it('counts whole months to the renewal: December 1 to a year ending December 31 is one month', () => {
    const year = { start: '2026-01-01', end: '2026-12-31', multiYear: false };
    expect(trainingPace(13.5, 22, year, '2026-12-01')).toEqual({ status: 'behind_pace', monthsLeft: 1 });
    expect(trainingPace(13.5, 22, year, '2026-12-02')).toEqual({ status: 'behind_pace', monthsLeft: 0 });
    // On the first day nothing is due yet but that day's share: 22 × 1/365 = 0.06 hours.
    expect(trainingPace(0.1, 22, year, '2026-01-01')).toEqual({ status: 'on_pace', monthsLeft: 12 });
  });

  it("the due item keeps its kind and date (the license's expiry) and words the pace", () => {
    const item = homeDueItems({ id: 'H-P', home: { data: kyHome(2) } }, [], '2026-11-15', RULE_SETS.KY).find((i) => i.kind === 'annual_training')!;
    expect([item.kind, item.due, item.status]).toEqual(['annual_training', '2027-08-31', 'due_soon']);
    expect(item.detail).toEqual({
      kind: 'annual_training', counted: 2, required: 10, shortfall: 8, uncounted: 0, year_start: '2026-09-01', year_end: '2027-08-31', pace: 'behind_pace', months_left: 9, expires: '2027-08-31',
    });
    const late = homeDueItems({ id: 'H-P', home: { data: kyHome(2) } }, [], '2027-09-01', RULE_SETS.KY).find((i) => i.kind === 'annual_training')!;
    expect([late.due, late.status]).toEqual(['2027-08-31', 'overdue']);
    expect(late.detail).toMatchObject({ shortfall: 8, pace: 'not_met', months_left: 0 });
  });
});
