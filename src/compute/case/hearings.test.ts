import { describe, expect, it } from 'vitest';
import { RULE_SETS } from '../rule-sets.js';
import { caseRecord, hearing } from './fixtures.js';
import { courtCalendar, periodicReviewDue, permanencyHearingDue } from './hearings.js';

const KY = RULE_SETS.KY;
const PA = RULE_SETS.PA;
const IN = RULE_SETS.IN;

describe('hearings held and scheduled (rules.md)', () => {
  it('counts a continued hearing whose next_date is also listed once, as held', () => {
    // The example agency's C-2026-0058: review 2026-10-22 continued to 2026-11-05, which is listed too.
    const hearings = [
      hearing('2026-05-28', 'disposition'),
      hearing('2026-10-22', 'review', { continued: true, next_date: '2026-11-05' }),
      hearing('2026-11-05', 'review'),
      hearing('2027-04-15', 'permanency'),
    ];
    const calendar = courtCalendar(hearings, '2026-11-23');
    expect(calendar.dates.map((d) => `${d.date} ${d.type} ${d.status}`)).toEqual([
      '2026-05-28 disposition held',
      '2026-10-22 review continued',
      '2026-11-05 review held',
      '2027-04-15 permanency scheduled',
    ]);
  });

  it('makes a next_date without an entry of its own a scheduled hearing, or unrecorded once passed', () => {
    const hearings = [hearing('2026-10-22', 'review', { continued: true, next_date: '2026-11-05' })];
    expect(courtCalendar(hearings, '2026-10-30').scheduled).toEqual([{ date: '2026-11-05', type: 'review', status: 'scheduled', continuedFrom: '2026-10-22' }]);
    const later = courtCalendar(hearings, '2026-11-23');
    expect(later.held).toEqual([]);
    expect(later.dates.map((d) => d.status)).toEqual(['continued', 'unrecorded']);
  });

  it('holds a hearing dated on the as-of date', () => {
    expect(courtCalendar([hearing('2026-11-23', 'review')], '2026-11-23').held).toHaveLength(1);
    expect(courtCalendar([hearing('2026-11-23', 'review')], '2026-11-22').scheduled).toHaveLength(1);
  });
});

describe('permanency hearing (42 U.S.C. 675(5)(C); Pennsylvania 42 Pa.C.S. 6351(e)(3))', () => {
  const removal = { date: '2025-02-03', adjudication_date: '2025-03-20' }; // DEFC 2025-03-20

  it('is due 12 months after DEFC, then 12 months after each permanency hearing held', () => {
    expect(permanencyHearingDue(caseRecord({ removal }), '2025-12-01', KY)).toMatchObject({ due: '2026-03-20', basis: { from: 'defc', date: '2025-03-20' } });
    // Held a day early on 2026-03-19: the next one is due 2027-03-19, not 2027-03-20.
    const held = caseRecord({ removal, hearings: [hearing('2025-09-25', 'review'), hearing('2026-03-19', 'permanency')] });
    expect(permanencyHearingDue(held, '2026-11-23', KY)).toMatchObject({ due: '2027-03-19', basis: { from: 'hearing', date: '2026-03-19', type: 'permanency' } });
  });

  it('clamps at month ends and leap days', () => {
    // Removal 2023-12-31 → DEFC 2024-02-29 → due 2025-02-28.
    expect(permanencyHearingDue(caseRecord({ removal: { date: '2023-12-31' } }), '2024-06-01', KY).due).toBe('2025-02-28');
    // Removal 2024-01-31 → DEFC 2024-03-31 → due 2025-03-31.
    expect(permanencyHearingDue(caseRecord({ removal: { date: '2024-01-31' } }), '2024-06-01', KY).due).toBe('2025-03-31');
  });

  it('in Pennsylvania is due 6 months after removal, then 6 months after each one held', () => {
    expect(permanencyHearingDue(caseRecord({ removal }), '2025-05-01', PA)).toMatchObject({ due: '2025-08-03', months: 6, basis: { from: 'removal', date: '2025-02-03' } });
    const held = caseRecord({ removal, hearings: [hearing('2025-07-31', 'permanency')] });
    expect(permanencyHearingDue(held, '2025-12-01', PA).due).toBe('2026-01-31');
    const twice = caseRecord({ removal, hearings: [hearing('2025-07-31', 'permanency'), hearing('2026-01-29', 'permanency')] });
    expect(permanencyHearingDue(twice, '2026-03-01', PA).due).toBe('2026-07-29');
    // rules.md: 2025-08-31 + 6 months = 2026-02-28.
    expect(permanencyHearingDue(caseRecord({ removal: { date: '2025-08-31' } }), '2025-09-01', PA).due).toBe('2026-02-28');
  });

  it('in Indiana is due 12 months after removal (the dispositional decree follows it), earlier than DEFC + 12 months', () => {
    // Hand-worked (rules.md): removal 2025-09-22, adjudicated 2025-11-19 (DEFC), disposition 2025-12-10.
    // Removal + 12 = 2026-09-22; DEFC + 12 = 2026-11-19. A permanency hearing set for 2026-11-19 is late in Indiana.
    const late = caseRecord({ removal: { date: '2025-09-22', adjudication_date: '2025-11-19' }, hearings: [hearing('2025-12-10', 'disposition'), hearing('2026-11-19', 'permanency')] });
    const due = permanencyHearingDue(late, '2026-08-01', IN);
    expect(due).toMatchObject({ due: '2026-09-22', months: 12, basis: { from: 'removal', date: '2025-09-22' }, nextScheduled: { date: '2026-11-19' } });
    expect(due.satisfiedBy).toBeUndefined();
    // The same case under the federal rule (Kentucky): due 2026-11-19, and the hearing set that day meets it.
    expect(permanencyHearingDue(late, '2026-08-01', KY)).toMatchObject({ due: '2026-11-19', satisfiedBy: { date: '2026-11-19' } });
    // After one is held, 12 months after it.
    const held = caseRecord({ removal: { date: '2025-09-22', adjudication_date: '2025-11-19' }, hearings: [hearing('2026-09-15', 'permanency')] });
    expect(permanencyHearingDue(held, '2026-10-01', IN).due).toBe('2027-09-15');
  });

  it('is satisfied by a permanency hearing scheduled on or before the due date, not after it', () => {
    const on = caseRecord({ removal, hearings: [hearing('2026-03-20', 'permanency')] });
    expect(permanencyHearingDue(on, '2026-01-10', KY).satisfiedBy?.date).toBe('2026-03-20');
    const late = caseRecord({ removal, hearings: [hearing('2026-03-25', 'permanency')] });
    const clock = permanencyHearingDue(late, '2026-01-10', KY);
    expect(clock.satisfiedBy).toBeUndefined();
    expect(clock.nextScheduled?.date).toBe('2026-03-25');
    // A review hearing does not satisfy a permanency hearing.
    expect(permanencyHearingDue(caseRecord({ removal, hearings: [hearing('2026-03-01', 'review')] }), '2026-01-10', KY).satisfiedBy).toBeUndefined();
  });

  it('is not reset by a continued permanency hearing, nor by one from a prior episode', () => {
    const continued = caseRecord({ removal, hearings: [hearing('2026-03-12', 'permanency', { continued: true, next_date: '2026-04-09' })] });
    const clock = permanencyHearingDue(continued, '2026-03-15', KY);
    // Still due 2026-03-20; the rescheduled date 2026-04-09 is after it (domain.md §11.7: the deadline does not move).
    expect(clock).toMatchObject({ due: '2026-03-20', nextScheduled: { date: '2026-04-09', continuedFrom: '2026-03-12' } });
    expect(clock.satisfiedBy).toBeUndefined();
    const prior = caseRecord({ removal, hearings: [hearing('2024-06-01', 'permanency')] });
    expect(permanencyHearingDue(prior, '2025-12-01', KY).due).toBe('2026-03-20');
  });
});

describe('periodic review (42 U.S.C. 675(5)(B))', () => {
  it('is due 6 months after removal with none held, then after the latest review or permanency hearing', () => {
    // 2024-01-31 + 6 months = 2024-07-31; 2023-12-31 + 6 months = 2024-06-30 (clamped).
    expect(periodicReviewDue(caseRecord({ removal: { date: '2024-01-31' } }), '2024-03-01', KY).due).toBe('2024-07-31');
    expect(periodicReviewDue(caseRecord({ removal: { date: '2023-12-31' } }), '2024-03-01', KY).due).toBe('2024-06-30');
    const record = caseRecord({
      removal: { date: '2025-02-03' },
      hearings: [hearing('2025-04-24', 'disposition'), hearing('2025-09-25', 'review'), hearing('2026-03-19', 'permanency'), hearing('2026-09-17', 'review')],
    });
    expect(periodicReviewDue(record, '2026-11-23', KY)).toMatchObject({ due: '2027-03-17', basis: { from: 'hearing', date: '2026-09-17', type: 'review' } });
  });

  it('is satisfied by a review or a permanency hearing scheduled on or before it', () => {
    const record = (date: string, type: 'review' | 'permanency' | 'other') =>
      caseRecord({ removal: { date: '2026-03-12' }, hearings: [hearing('2026-05-05', 'review'), hearing(date, type)] });
    // Due 2026-11-05.
    expect(periodicReviewDue(record('2026-11-05', 'permanency'), '2026-06-01', KY).satisfiedBy?.type).toBe('permanency');
    expect(periodicReviewDue(record('2026-10-01', 'review'), '2026-06-01', KY).satisfiedBy?.date).toBe('2026-10-01');
    expect(periodicReviewDue(record('2026-11-06', 'review'), '2026-06-01', KY).satisfiedBy).toBeUndefined();
    expect(periodicReviewDue(record('2026-10-01', 'other'), '2026-06-01', KY).satisfiedBy).toBeUndefined();
  });

  it('counts a continued review as not held', () => {
    const record = caseRecord({
      removal: { date: '2026-03-12' },
      hearings: [hearing('2026-05-05', 'review'), hearing('2026-10-22', 'review', { continued: true, next_date: '2026-11-12' })],
    });
    // Due 2026-11-05 from the review of 05-05; the continuance to 11-12 comes too late.
    const clock = periodicReviewDue(record, '2026-10-30', KY);
    expect(clock).toMatchObject({ due: '2026-11-05', basis: { date: '2026-05-05' }, nextScheduled: { date: '2026-11-12' } });
    expect(clock.satisfiedBy).toBeUndefined();
  });
});
