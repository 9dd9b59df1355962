import { describe, expect, it } from 'vitest';
import { caseRecord as caseSchema } from '../../model/case.js';
import { dateEnteredFosterCare, episodes, priorEpisodeEnteredCare } from './entered-care.js';
import { caseRecord, placement } from './fixtures.js';

describe('date entered foster care (42 U.S.C. 675(5)(F); 45 CFR 1355.20)', () => {
  it('the fixtures are valid case.yaml records', () => {
    expect(caseSchema.safeParse(caseRecord({ placements: [placement('2025-01-06', '2025-02-01'), placement('2025-02-01', undefined, 'runaway')] })).success).toBe(true);
  });

  it('is the adjudication when it comes before removal + 60 days', () => {
    // 2025-02-03 + 60: 25 days to 02-28, 31 to 03-31 (56), 4 more → 2025-04-04; the finding on 03-20 is earlier.
    expect(dateEnteredFosterCare({ date: '2025-02-03', adjudication_date: '2025-03-20' })).toBe('2025-03-20');
  });

  it('is removal + 60 days when the adjudication comes later', () => {
    // 2025-01-10 + 60: 21 days to 01-31, 28 to 02-28 (49), 11 more → 2025-03-11, before the finding on 04-15.
    expect(dateEnteredFosterCare({ date: '2025-01-10', adjudication_date: '2025-04-15' })).toBe('2025-03-11');
  });

  it('is removal + 60 days without an adjudication, and either when they fall on the same day', () => {
    // 2025-06-02 + 60: 28 to 06-30, 31 to 07-31 (59), 1 more → 2025-08-01.
    expect(dateEnteredFosterCare({ date: '2025-06-02' })).toBe('2025-08-01');
    expect(dateEnteredFosterCare({ date: '2025-06-02', adjudication_date: null })).toBe('2025-08-01');
    expect(dateEnteredFosterCare({ date: '2025-06-02', adjudication_date: '2025-08-01' })).toBe('2025-08-01');
  });

  it('counts 60 plain days across month ends and leap days', () => {
    // 2024-01-31 + 60: 29 days of February 2024 reach 02-29, 31 more → 2024-03-31.
    expect(dateEnteredFosterCare({ date: '2024-01-31' })).toBe('2024-03-31');
    // 2023-12-31 + 60: 31 days reach 2024-01-31, 29 more → 2024-02-29 (leap day).
    expect(dateEnteredFosterCare({ date: '2023-12-31' })).toBe('2024-02-29');
    // 2025-12-31 + 60: 31 → 2026-01-31, 28 → 02-28 (59), 1 → 2026-03-01.
    expect(dateEnteredFosterCare({ date: '2025-12-31' })).toBe('2026-03-01');
  });
});

describe('prior episodes', () => {
  it('use entered_care, else removal + 60 days, else the discharge when earlier', () => {
    expect(priorEpisodeEnteredCare({ removal_date: '2022-08-10', entered_care: '2022-09-15', discharge_date: '2023-09-28', discharge_reason: 'reunification' })).toBe('2022-09-15');
    expect(priorEpisodeEnteredCare({ removal_date: '2022-08-10', discharge_date: '2023-09-28', discharge_reason: 'reunification' })).toBe('2022-10-09');
    expect(priorEpisodeEnteredCare({ removal_date: '2022-08-10', discharge_date: '2022-09-01', discharge_reason: 'reunification' })).toBe('2022-09-01');
  });

  it('lists the episodes oldest first with the current one last', () => {
    const record = caseRecord({
      removal: {
        date: '2026-03-12',
        adjudication_date: '2026-04-23',
        prior_episodes: [
          { removal_date: '2022-08-10', entered_care: '2022-09-15', discharge_date: '2023-09-28', discharge_reason: 'reunification' },
          { removal_date: '2020-01-02', discharge_date: '2020-06-30', discharge_reason: 'live_with_relative' },
        ],
      },
    });
    expect(episodes(record.removal).map((e) => [e.removalDate, e.enteredCare, e.discharge?.date, e.current])).toEqual([
      ['2020-01-02', '2020-03-02', '2020-06-30', false],
      ['2022-08-10', '2022-09-15', '2023-09-28', false],
      ['2026-03-12', '2026-04-23', undefined, true],
    ]);
  });
});

describe('a closed case (removal.discharge)', () => {
  it('ends the current episode on its discharge, so days in care stop there', async () => {
    const { daysInCare } = await import('./time-in-care.js');
    const record = caseRecord({ removal: { date: '2025-01-06', discharge: { date: '2025-06-05', reason: 'reunification' } } });
    expect(caseSchema.safeParse(record).success).toBe(true);
    expect(episodes(record.removal).at(-1)).toEqual({ removalDate: '2025-01-06', enteredCare: '2025-03-07', discharge: { date: '2025-06-05', reason: 'reunification' }, current: true });
    // From DEFC 2025-03-07 to the discharge on 2025-06-05: 90 days, however late the as-of date.
    expect(daysInCare(record, '2026-01-01').total).toBe(90);
  });

  it('never entered care when it closed within 60 days of removal', () => {
    const record = caseRecord({ removal: { date: '2025-01-06', discharge: { date: '2025-02-01', reason: 'reunification' } } });
    expect(episodes(record.removal).at(-1)!.enteredCare).toBe('2025-02-01');
  });
});
