import { describe, expect, it } from 'vitest';
import { ageOn } from '../../core/calendar-date.js';
import { birthdayAt, licenseYear, yearContaining } from './license-year.js';

describe('licenseYear (rules.md, License year)', () => {
  it('is the 12 months ending on expires for a one-year license', () => {
    // 2026-12-31 − 12 months = 2025-12-31; + 1 day = 2026-01-01
    expect(licenseYear({ issued: '2026-01-01', expires: '2026-12-31' }, '2026-11-23')).toEqual({ start: '2026-01-01', end: '2026-12-31', multiYear: false });
  });

  it('crosses a month end: expires 2027-03-31 starts 2026-04-01; 2026-04-30 starts 2025-05-01', () => {
    expect(licenseYear({ issued: '2026-04-01', expires: '2027-03-31' }, '2026-11-23').start).toBe('2026-04-01');
    expect(licenseYear({ issued: '2025-05-01', expires: '2026-04-30' }, '2026-01-01').start).toBe('2025-05-01');
  });

  it('handles a leap day: expires 2028-02-29 → 2027-02-28 + 1 day = 2027-03-01', () => {
    expect(licenseYear({ issued: '2027-03-01', expires: '2028-02-29' }, '2027-06-01')).toEqual({ start: '2027-03-01', end: '2028-02-29', multiYear: false });
  });

  it('ending on 2025-02-28 starts on the leap day 2024-02-29 (2024-02-28 + 1 day)', () => {
    expect(licenseYear({ issued: '2024-02-29', expires: '2025-02-28' }, '2024-06-01').start).toBe('2024-02-29');
  });

  it('for a longer license takes the first anniversary of expires, counted back, on or after the as-of date', () => {
    const license = { issued: '2024-03-01', expires: '2028-02-29' };
    // anniversaries 2028-02-29, 2027-02-28, 2026-02-28: 2026-02-28 < 2026-11-23, so 2027-02-28 governs
    expect(licenseYear(license, '2026-11-23')).toEqual({ start: '2026-03-01', end: '2027-02-28', multiYear: true });
    // the anniversary itself is on or after the as-of date
    expect(licenseYear(license, '2027-02-28').end).toBe('2027-02-28');
    expect(licenseYear(license, '2027-03-01')).toEqual({ start: '2027-03-01', end: '2028-02-29', multiYear: true });
    // after expiry the license's last year
    expect(licenseYear(license, '2028-06-01').end).toBe('2028-02-29');
    // the first year: 2025-02-28 anniversary, from 2024-02-29
    expect(licenseYear(license, '2024-03-01')).toEqual({ start: '2024-02-29', end: '2025-02-28', multiYear: true });
  });

  it('never takes an anniversary on or before the license was issued', () => {
    // 2026-05-31 is before issued 2026-06-01: 2027-05-31 governs even before the license starts
    expect(licenseYear({ issued: '2026-06-01', expires: '2028-05-31' }, '2026-03-01').end).toBe('2027-05-31');
  });
});

describe('yearContaining (a signed home study speaks of the year that contains its date)', () => {
  it('counts back from expires in whole years, past the day the license was issued', () => {
    const license = { issued: '2026-04-01', expires: '2027-03-31' };
    // 2026-03-20 is before 2026-04-01: one year back, 2025-04-01 to 2026-03-31, a year of the term before
    expect(yearContaining(license, '2026-03-20')).toEqual({ start: '2025-04-01', end: '2026-03-31', multiYear: false });
    // two years back: 2025-02-14 lies in 2024-04-01 to 2025-03-31
    expect(yearContaining(license, '2025-02-14')).toEqual({ start: '2024-04-01', end: '2025-03-31', multiYear: false });
    // within the license and after it, as licenseYear
    expect(yearContaining(license, '2026-04-01')).toEqual(licenseYear(license, '2026-04-01'));
    expect(yearContaining(license, '2027-06-01').end).toBe('2027-03-31');
    // licenseYear stops at the license's first year
    expect(licenseYear(license, '2026-03-20').start).toBe('2026-04-01');
  });

  it('keeps the month-end clamp: expires 2028-02-29, a date of 2024-02-29 is in 2024-02-29 to 2025-02-28', () => {
    expect(yearContaining({ issued: '2027-03-01', expires: '2028-02-29' }, '2024-02-29')).toEqual({ start: '2024-02-29', end: '2025-02-28', multiYear: false });
  });
});

describe('birthdayAt (rules.md, Calendar arithmetic)', () => {
  it('puts a 29 February birthday on 1 March in years without that day, as ageOn counts it', () => {
    expect(birthdayAt('2012-02-29', 12)).toBe('2024-02-29');
    expect(birthdayAt('2012-02-29', 14)).toBe('2026-03-01');
    expect(ageOn('2012-02-29', '2026-02-28')).toBe(13);
    expect(ageOn('2012-02-29', birthdayAt('2012-02-29', 14))).toBe(14);
    expect(birthdayAt('2014-06-14', 12)).toBe('2026-06-14');
  });
});
