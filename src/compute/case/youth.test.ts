import { describe, expect, it } from 'vitest';
import { ageOn, birthday, transitionPlanStatus, youthParticipation } from './youth.js';

describe('older youth', () => {
  it('turns a year older on 1 March in years without 29 February', () => {
    expect(birthday('2008-02-29', 18)).toBe('2026-03-01');
    // 16 in the leap year 2024: on the day itself. (No one born on 29 February turns 18 in a leap year: 18 is not a multiple of 4.)
    expect(birthday('2008-02-29', 16)).toBe('2024-02-29');
    expect(birthday('2009-01-20', 18)).toBe('2027-01-20');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('owes the transition plan 90 days before the 18th birthday (42 U.S.C. 675(5)(H))', () => {
    // Born 2008-02-29: 18 on 2026-03-01. 90 days back: 1 to 02-28, 28 to 01-31 (29), 31 to 12-31 (60), 30 to 12-01 (90).
    // (The clamped "+216 months", 2026-02-28, would give 2025-11-30: one day early.)
    const status = transitionPlanStatus('2008-02-29', undefined, '2025-10-01');
    expect(status).toMatchObject({ age: 17, eighteenthBirthday: '2026-03-01', due: '2025-12-01', met: false });
    expect(transitionPlanStatus('2008-02-29', { plan_date: '2025-11-30' }, '2026-01-01').met).toBe(false);
    expect(transitionPlanStatus('2008-02-29', { plan_date: '2025-12-01' }, '2026-01-01').met).toBe(true);
    // C-2024-0087, born 2009-01-20: due 2026-10-22, as the court ordered.
    expect(transitionPlanStatus('2009-01-20', { plan_date: '2026-11-05' }, '2026-11-23')).toMatchObject({ due: '2026-10-22', met: true });
  });

  it('does not count a plan dated after the as-of date', () => {
    expect(transitionPlanStatus('2009-01-20', { plan_date: '2026-12-01' }, '2026-11-23').met).toBe(false);
  });

  it('notes youth 14 and older who did not take part in the plan (42 U.S.C. 675(1)(B))', () => {
    expect(youthParticipation('2012-04-19', { plan_date: '2026-04-18', youth_participated: null })).toMatchObject({ age: 13, required: false, needsNote: false });
    expect(youthParticipation('2012-04-19', { plan_date: '2026-04-19', youth_participated: null })).toMatchObject({ age: 14, required: true, needsNote: true });
    expect(youthParticipation('2012-04-19', { plan_date: '2026-09-24', youth_participated: true })).toMatchObject({ participated: true, needsNote: false });
  });
});
