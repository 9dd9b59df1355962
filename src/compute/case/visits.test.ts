import { describe, expect, it } from 'vitest';
import { contact } from './fixtures.js';
import { currentMonthVisit, visitCompliance } from './visits.js';

describe('monthly caseworker visits (42 U.S.C. 622(b)(17), 624(e))', () => {
  // Removed 2026-03-12 (March is a partial month). As of 2026-08-15: full months April, May, June, July.
  const contacts = [
    contact('2026-03-20', 'home_visit', { seen_privately: true }), // partial month: shown, not counted
    contact('2026-04-05', 'home_visit', { seen_privately: true }), // April met, in residence, private
    contact('2026-05-10', 'phone', { location: 'other' }), // May: a phone call is not in person
    contact('2026-05-20', 'collateral', { with: ['teacher'], location: 'other', child_seen: false }),
    contact('2026-06-10', 'school_visit', { location: 'school', seen_privately: false }), // June met, not in residence
    contact('2026-06-20', 'home_visit', { child_seen: false }), // child not seen: does not count
    // July: no contact at all
    contact('2026-08-03', 'home_visit', { seen_privately: true }), // August is not over on the as-of date
  ];

  it('counts only full calendar months in care: 2 of 4 met', () => {
    const result = visitCompliance(contacts, { from: '2026-01-01', to: '2026-12-31' }, '2026-03-12', '2026-08-15');
    expect(result.months.map((m) => `${m.month} ${m.full ? 'full' : 'partial'} ${m.met ? 'met' : 'missed'}`)).toEqual([
      '2026-03 partial met',
      '2026-04 full met',
      '2026-05 full missed',
      '2026-06 full met',
      '2026-07 full missed',
      '2026-08 partial met',
    ]);
    expect(result).toMatchObject({ fullMonths: 4, monthsMet: 2, rate: 0.5, inPersonVisits: 2, inResidence: 1, residenceShare: 0.5, seenPrivately: 1 });
  });

  it('takes the period from the caller and a month ending on the as-of date as full', () => {
    const result = visitCompliance(contacts, { from: '2026-04-01', to: '2026-06-30' }, '2026-03-12', '2026-07-31');
    expect(result.months.map((m) => m.month)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(result).toMatchObject({ fullMonths: 3, monthsMet: 2 });
    expect(visitCompliance(contacts, { from: '2026-07-01', to: '2026-07-31' }, '2026-03-12', '2026-07-31')).toMatchObject({ fullMonths: 1, monthsMet: 0, inPersonVisits: 0 });
    expect(visitCompliance(contacts, { from: '2026-07-01', to: '2026-07-31' }, '2026-03-12', '2026-07-31').residenceShare).toBeUndefined();
  });

  it('has no rate without a full month', () => {
    const result = visitCompliance(contacts, { from: '2026-03-01', to: '2026-03-31' }, '2026-03-12', '2026-08-15');
    expect(result.fullMonths).toBe(0);
    expect(result.rate).toBeUndefined();
  });

  it("reports this month's visit: due on the month's last day, met by a face-to-face contact", () => {
    expect(currentMonthVisit(contacts, '2026-08-15')).toMatchObject({ month: '2026-08', due: '2026-08-31', visit: { date: '2026-08-03' } });
    expect(currentMonthVisit(contacts, '2026-07-31').visit).toBeUndefined();
    expect(currentMonthVisit(contacts, '2026-02-10').due).toBe('2026-02-28');
    // A court contact in which the child was seen counts (C-2026-0058, 2026-11-05).
    expect(currentMonthVisit([contact('2026-11-05', 'court', { location: 'other' })], '2026-11-23').visit?.type).toBe('court');
    // A visit dated after the as-of date has not happened yet.
    expect(currentMonthVisit([contact('2026-11-25', 'home_visit')], '2026-11-23').visit).toBeUndefined();
  });
});
