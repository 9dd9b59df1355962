import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, daysBetween, isRealDate } from './calendar-date.js';

describe('calendar dates (rules.md, Calendar arithmetic)', () => {
  it('knows real days from date-shaped text', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2025-02-29')).toBe(false);
    expect(isRealDate('2025-02-30')).toBe(false);
    expect(isRealDate('2025-13-01')).toBe(false);
    expect(isRealDate('2025-04-31')).toBe(false);
    expect(isRealDate('2025-4-3')).toBe(false);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
  });

  it('adds months keeping the day and clamping to the month end', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2025-02-14', 12)).toBe('2026-02-14');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 2)).toBe('2026-01-15');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-02-03', 60)).toBe('2025-04-04');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2025-02-03', '2025-04-04')).toBe(60);
  });

  it('ages change on the birthday; 29 February birthdays on 1 March in common years', () => {
    expect(ageOn('2012-04-19', '2026-04-18')).toBe(13);
    expect(ageOn('2012-04-19', '2026-04-19')).toBe(14);
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', '2026-03-01')).toBe(14);
    expect(ageOn('2012-02-29', '2028-02-29')).toBe(16);
  });
});
