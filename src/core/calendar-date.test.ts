import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addMonthsToDay, ageOn, dateOfDay, dayNumber, daysBetween, formatDate, isRealDate, parseDate } from './calendar-date.js';

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

  const dates = fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('numbers days as the UTC calendar does, and gives each number its date back', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const [year, month, day] = date.split('-').map(Number) as [number, number, number];
        const utc = new Date(0);
        utc.setUTCFullYear(year, month - 1, day);
        expect(dayNumber(date)).toBe(utc.getTime() / 86_400_000);
        expect(dateOfDay(dayNumber(date))).toBe(date);
        utc.setUTCDate(utc.getUTCDate() + days);
        if (utc.getUTCFullYear() >= 100 && utc.getUTCFullYear() <= 9999) expect(addDays(date, days)).toBe(utc.toISOString().slice(0, 10));
      }),
    );
  });

  it('adds months to day numbers as to dates', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -300, max: 300 }), (date, months) => {
      expect(dateOfDay(addMonthsToDay(dayNumber(date), months))).toBe(addMonths(date, months));
    }));
    expect(dateOfDay(addMonthsToDay(dayNumber('2025-03-31'), -1))).toBe('2025-02-28');
  });

  it('reads only YYYY-MM-DD, and years before 100 as written', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (text) => {
      expect(parseDate(text) !== undefined).toBe(/^\d{4}-\d{2}-\d{2}$/.test(text) && isRealDate(text));
    }));
    for (const text of ['2025-01-1', ' 2025-01-01', '2025-01-01\n', '2025/01/01', '２025-01-01', '2025-00-10', '2025-01-0:', '2025-1:-01']) expect(parseDate(text)).toBeUndefined();
    expect(formatDate(parseDate('0050-02-28')!)).toBe('0050-02-28');
    expect(addDays('0050-02-28', 1)).toBe('0050-03-01');
    expect(daysBetween('0050-01-01', '0051-01-01')).toBe(365);
  });
});

