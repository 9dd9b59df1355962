import { describe, expect, it } from 'vitest';
import { caseRecord, placement } from './fixtures.js';
import { daysInCare, monthsAndDays, monthsInCare } from './time-in-care.js';

describe('days in care (rules.md; 45 CFR 1356.21(i)(1)(i))', () => {
  // Removal 2025-01-06, adjudication 2025-01-20 → DEFC 2025-01-20.
  // Trial home visit 2025-06-01 → 2025-06-15 (14 days), runaway 2025-09-03 → 2025-09-06 (3 days).
  // Prior episode entered 2023-02-01, discharged 2023-05-01: 28 + 31 + 30 = 89 days.
  const record = caseRecord({
    removal: {
      date: '2025-01-06',
      adjudication_date: '2025-01-20',
      prior_episodes: [{ removal_date: '2023-01-15', entered_care: '2023-02-01', discharge_date: '2023-05-01', discharge_reason: 'reunification' }],
    },
    placements: [
      placement('2025-01-06', '2025-06-01', 'foster_family_nonrelative', { home: 'H-1' }),
      placement('2025-06-01', '2025-06-15', 'trial_home_visit'),
      placement('2025-06-15', '2025-09-03', 'foster_family_nonrelative', { home: 'H-1' }),
      placement('2025-09-03', '2025-09-06', 'runaway'),
      placement('2025-09-06', undefined, 'foster_family_nonrelative', { home: 'H-1' }),
    ],
  });

  it('adds the prior episodes and takes out trial home visit and runaway days', () => {
    // Current episode 2025-01-20 → 2025-12-01: 12 days to 02-01, then February to November
    // 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 = 303 → 315.
    expect(daysInCare(record, '2025-12-01')).toEqual({
      total: 315 + 89 - 14 - 3,
      currentEpisode: 315,
      priorEpisodes: 89,
      excluded: { trial_home_visit: 14, runaway: 3 },
    });
  });

  it('counts only the days up to the as-of date, and nothing of a stay not yet begun', () => {
    // On 2025-06-10 the trial home visit has run 9 days; the current episode 141 days (12 + 28 + 31 + 30 + 31 to 06-01, + 9).
    expect(daysInCare(record, '2025-06-10')).toMatchObject({ currentEpisode: 141, excluded: { trial_home_visit: 9, runaway: 0 }, total: 141 + 89 - 9 });
    // Before DEFC the current episode has not counted a day.
    expect(daysInCare(record, '2025-01-10')).toMatchObject({ currentEpisode: 0, total: 89 });
  });

  it('does not subtract a trial home visit between removal and DEFC (no care days to take out)', () => {
    const early = caseRecord({
      removal: { date: '2025-01-06' }, // DEFC 2025-03-07
      placements: [placement('2025-01-06', '2025-02-01'), placement('2025-02-01', '2025-02-11', 'trial_home_visit'), placement('2025-02-11')],
    });
    // 2025-03-07 → 2025-04-07: 31 days, nothing excluded.
    expect(daysInCare(early, '2025-04-07')).toMatchObject({ total: 31, excluded: { trial_home_visit: 0, runaway: 0 } });
  });
});

describe('months in care (rules.md: whole months, the day reached counts the month)', () => {
  it('gives months and days from DEFC', () => {
    // DEFC 2025-03-20 → 2026-11-20 is 20 months, then 3 days.
    expect(monthsInCare({ date: '2025-02-03', adjudication_date: '2025-03-20', manner: 'court_ordered', reasons: ['neglect'] }, '2026-11-23')).toEqual({ months: 20, days: 3 });
  });

  it('clamps at month ends like "+N months"', () => {
    // 2024-01-31 + 1 month = 2024-02-29: reached on the 29th, not on the 28th.
    expect(monthsAndDays('2024-01-31', '2024-02-28')).toEqual({ months: 0, days: 28 });
    expect(monthsAndDays('2024-01-31', '2024-02-29')).toEqual({ months: 1, days: 0 });
    // 2024-02-29 + 12 months = 2025-02-28.
    expect(monthsAndDays('2024-02-29', '2025-02-28')).toEqual({ months: 12, days: 0 });
    // 2024-03-31 + 2 months = 2024-05-31; 2024-06-29 is 29 days later (3 months would be 06-30).
    expect(monthsAndDays('2024-03-31', '2024-06-29')).toEqual({ months: 2, days: 29 });
    expect(monthsAndDays('2024-03-31', '2024-06-30')).toEqual({ months: 3, days: 0 });
  });

  it('is zero before DEFC', () => {
    expect(monthsAndDays('2025-03-20', '2025-03-01')).toEqual({ months: 0, days: 0 });
  });
});
