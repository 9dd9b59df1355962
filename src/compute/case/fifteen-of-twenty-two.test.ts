import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, dateOfDay, dayNumber } from '../../core/calendar-date.js';
import { fifteenOfTwentyTwo, firstDayReached, tprClock, windowCount } from './fifteen-of-twenty-two.js';
import { caseRecord, placement } from './fixtures.js';
import type { Span } from './spans.js';
import { careTimeline, daysInCare } from './time-in-care.js';

const reachedOn = (record: ReturnType<typeof caseRecord>, asOf = '2030-01-01') => fifteenOfTwentyTwo(record, asOf).date;

describe('15 of the most recent 22 months (42 U.S.C. 675(5)(E))', () => {
  it('is DEFC + 15 months for one unbroken stay whose DEFC is on or before the 28th', () => {
    for (const defc of ['2025-03-20', '2024-01-01', '2023-02-28', '2024-01-28']) {
      expect(reachedOn(caseRecord({ removal: { date: defc, adjudication_date: defc } })), defc).toBe(addMonths(defc, 15));
    }
  });

  it('reaches DEFC 2024-03-31 (removal 2024-01-31) on 2025-07-01, not on DEFC + 15 months (2025-06-30)', () => {
    // D = 2025-06-30: in care 2024-03-31 → 2025-06-30 = 365 + 91 = 456 days;
    //   required 2025-06-30 − 15 months = 2024-03-30 → 2025-06-30 = 365 + 92 = 457. 456 < 457: not yet.
    // D = 2025-07-01: in care 457; required 2024-04-01 → 2025-07-01 = 365 + 91 = 456. 457 ≥ 456: reached.
    const record = caseRecord({ removal: { date: '2024-01-31' } });
    expect(fifteenOfTwentyTwo(record, '2026-01-01').enteredCare).toBe('2024-03-31');
    const { counted } = careTimeline(record, Infinity);
    expect(windowCount(counted, '2025-06-30')).toEqual({ inCare: 456, required: 457 });
    expect(windowCount(counted, '2025-07-01')).toEqual({ inCare: 457, required: 456 });
    expect(reachedOn(record)).toBe('2025-07-01');
  });

  it('reaches DEFC 2023-11-30 on 2025-03-01, past DEFC + 15 months (2025-02-28, clamped)', () => {
    // D = 2025-02-28: in care 2023-11-30 → 2025-02-28 = 366 (holds 2024-02-29) + 90 = 456;
    //   required 2023-11-28 → 2025-02-28 = 366 + 92 = 458: not yet.
    // D = 2025-03-01: in care 457; required 2023-12-01 → 2025-03-01 = 366 + 90 = 456: reached.
    const record = caseRecord({ removal: { date: '2023-11-01', adjudication_date: '2023-11-30' } });
    expect(reachedOn(record)).toBe('2025-03-01');
    expect(addMonths('2023-11-30', 15)).toBe('2025-02-28');
  });

  it('reaches DEFC 2024-02-29 (removal 2023-12-31) on 2025-05-29: the 29th exists in May', () => {
    // D = 2025-05-28: in care 2024-02-29 → 2025-05-28 = 365 + 89 = 454; required 2024-02-28 → 2025-05-28 = 366 + 89 = 455.
    // D = 2025-05-29: in care 455; required 2024-02-29 → 2025-05-29 = 455: reached.
    expect(reachedOn(caseRecord({ removal: { date: '2023-12-31' } }))).toBe('2025-05-29');
  });

  it('shifts by exactly the trial home visit and runaway days inside the window', () => {
    // DEFC 2024-01-10; without exclusions D = 2025-04-10. Trial home visit 2024-06-01 → 06-15 (14 days),
    // runaway 2024-09-03 → 09-06 (3 days): 17 days → D = 2025-04-27.
    // D = 2025-04-27: in care 2024-01-10 → 2025-04-27 = 366 + 107 = 473, − 17 = 456;
    //   required 2024-01-27 → 2025-04-27 = 366 + 90 = 456: reached. On 04-26: 455 against 456.
    const record = caseRecord({
      removal: { date: '2023-12-01', adjudication_date: '2024-01-10' },
      placements: [
        placement('2023-12-01', '2024-06-01', 'foster_family_nonrelative', { home: 'H-1' }),
        placement('2024-06-01', '2024-06-15', 'trial_home_visit'),
        placement('2024-06-15', '2024-09-03', 'foster_family_nonrelative', { home: 'H-1' }),
        placement('2024-09-03', '2024-09-06', 'runaway'),
        placement('2024-09-06', undefined, 'foster_family_nonrelative', { home: 'H-1' }),
      ],
    });
    const result = fifteenOfTwentyTwo(record, '2025-06-01');
    expect(result.reached).toBe('2025-04-27');
    expect(result.excluded).toEqual({ trial_home_visit: 14, runaway: 3 });
    const { counted } = careTimeline(record, Infinity);
    expect(windowCount(counted, '2025-04-26')).toEqual({ inCare: 455, required: 456 });
  });

  it('counts a prior episode inside the window (re-entry)', () => {
    // Prior episode: removal 2023-01-10, entered care 2023-03-11 (removal + 60), discharged 2023-09-11: 184 days
    //   (month by month from 03-11: 31 + 30 + 31 + 30 + 31 + 31).
    // Re-entry: removal 2024-01-05, adjudicated 2024-01-20 → DEFC 2024-01-20.
    // D = 2024-10-20: current 2024-01-20 → 10-20 = 31 + 29 + 31 + 30 + 31 + 30 + 31 + 31 + 30 = 274, + 184 = 458 (window from 2022-12-20 holds the whole prior stay);
    //   required 2023-07-20 → 2024-10-20 = 366 + 92 = 458: reached. On 10-19: 457 against 458.
    const record = caseRecord({
      removal: {
        date: '2024-01-05',
        adjudication_date: '2024-01-20',
        prior_episodes: [{ removal_date: '2023-01-10', discharge_date: '2023-09-11', discharge_reason: 'reunification' }],
      },
    });
    const { counted } = careTimeline(record, Infinity);
    expect(windowCount(counted, '2024-10-19')).toEqual({ inCare: 457, required: 458 });
    const result = fifteenOfTwentyTwo(record, '2025-01-01');
    expect(result.reached).toBe('2024-10-20');
    expect(result.priorEpisodesCounted).toBe(1);
    // Without the prior episode it would be DEFC + 15 months.
    expect(reachedOn(caseRecord({ removal: { date: '2024-01-05', adjudication_date: '2024-01-20' } }))).toBe('2025-04-20');
  });

  it('clips a prior episode to the window: days before D − 22 months do not count', () => {
    // Prior stay 2020-01-01 → 2022-03-01 (790 days); re-entry DEFC 2023-06-01.
    // On 2023-12-01 the window starts 2022-02-01: 28 prior days + 183 current = 211, against 456 required.
    // The prior days slide out as fast as current days come in, so D is the current stay's DEFC + 15 months.
    const record = caseRecord({
      removal: {
        date: '2023-06-01',
        adjudication_date: '2023-06-01',
        prior_episodes: [{ removal_date: '2019-11-01', entered_care: '2020-01-01', discharge_date: '2022-03-01', discharge_reason: 'reunification' }],
      },
    });
    const { counted } = careTimeline(record, Infinity);
    expect(windowCount(counted, '2023-12-01')).toEqual({ inCare: 211, required: 456 });
    const result = fifteenOfTwentyTwo(record, '2025-01-01');
    expect(result.reached).toBe('2024-09-01');
    expect(result.priorEpisodesCounted).toBe(0);
  });

  it('projects the date while not yet reached, and finds none while an open trial home visit lasts', () => {
    const record = caseRecord({ removal: { date: '2026-03-12', adjudication_date: '2026-04-23' } });
    const result = fifteenOfTwentyTwo(record, '2026-11-23');
    expect(result).toMatchObject({ projected: '2027-07-23', date: '2027-07-23', satisfied: false });
    expect(result.reached).toBeUndefined();
    // 2026-04-23 → 2026-11-23 = 214 days; 2025-08-23 → 2026-11-23 = 457.
    expect(result.asOfCount).toEqual({ inCare: 214, required: 457 });

    const onVisit = caseRecord({
      removal: { date: '2025-06-02', adjudication_date: '2025-07-10' },
      placements: [placement('2025-06-02', '2026-09-15'), placement('2026-09-15', undefined, 'trial_home_visit')],
    });
    const paused = fifteenOfTwentyTwo(onVisit, '2026-11-23');
    expect(paused.date).toBeUndefined();
    // 2025-07-10 → 2026-09-15 = 432 days counted; 69 trial home visit days to 2026-11-23.
    expect(paused.asOfCount.inCare).toBe(432);
    expect(paused.excluded.trial_home_visit).toBe(69);
  });

  it('is satisfied by a petition or an exception recorded by the as-of date', () => {
    const base = { removal: { date: '2025-02-03', adjudication_date: '2025-03-20' } };
    expect(fifteenOfTwentyTwo(caseRecord(base), '2026-11-23')).toMatchObject({ reached: '2026-06-20', satisfied: false });
    const excepted = caseRecord({ ...base, permanency: { tpr_exception: { type: 'compelling_reason', documented: '2026-06-12', reason: 'Reunification expected.' } } });
    expect(fifteenOfTwentyTwo(excepted, '2026-11-23').satisfied).toBe(true);
    expect(fifteenOfTwentyTwo(excepted, '2026-06-11').satisfied).toBe(false);
    const petitioned = caseRecord({ ...base, parents: [{ name: 'Pat Parent', role: 'father', rights: 'intact', tpr: { petition_filed: '2026-07-01' } }] });
    expect(fifteenOfTwentyTwo(petitioned, '2026-11-23')).toMatchObject({ satisfied: true, petitions: [{ parent: 'Pat Parent', role: 'father', date: '2026-07-01' }] });
  });

  it('searches day by day and stops at the end of the range', () => {
    const { counted } = careTimeline(caseRecord({ removal: { date: '2025-03-20', adjudication_date: '2025-03-20' } }), Infinity);
    expect(firstDayReached(counted, '2025-03-20', '2026-06-19')).toBeUndefined();
    expect(firstDayReached(counted, '2025-03-20', '2026-06-20')).toBe('2026-06-20');
  });
});

describe('the count on the as-of date', () => {
  it('is what the timeline up to that date holds: trial home visit and runaway days after it are not counted', () => {
    const record = caseRecord({
      removal: { date: '2025-06-02', adjudication_date: '2025-07-10' },
      placements: [placement('2025-06-02', '2026-09-15'), placement('2026-09-15', '2026-09-20', 'runaway'), placement('2026-09-20', '2026-12-01'), placement('2026-12-01', '2026-12-10', 'runaway'), placement('2026-12-10')],
    });
    // On 2026-12-05: 5 runaway days in September and 4 of December's (1-4); 2025-07-10 → 2026-12-05 = 513 days, less 9.
    const result = fifteenOfTwentyTwo(record, '2026-12-05');
    expect(result.excluded).toEqual({ trial_home_visit: 0, runaway: 9 });
    expect(result.asOfCount.inCare).toBe(504);
  });

  const day = (offset: number) => dateOfDay(dayNumber('2022-01-01') + offset);
  const SETTINGS = ['foster_family_nonrelative', 'trial_home_visit', 'runaway'] as const;
  const segments = fc.array(fc.record({ length: fc.integer({ min: 1, max: 300 }), setting: fc.constantFrom(...SETTINGS) }), { minLength: 1, maxLength: 6 });

  /** A record of the segments from day 500, open or closed, with or without a prior episode. */
  function recordOf(list: readonly { length: number; setting: (typeof SETTINGS)[number] }[], open: boolean, prior: number | null) {
    const start = 500;
    let at = start;
    const placements = list.map(({ length, setting }, i) => {
      const end = at + length;
      const segment = placement(day(at), open && i === list.length - 1 ? undefined : day(end), setting);
      at = end;
      return segment;
    });
    return caseRecord({
      removal: {
        date: day(start),
        ...(prior !== null && { prior_episodes: [{ removal_date: day(start - prior - 100), discharge_date: day(start - 100), discharge_reason: 'reunification' as const }] }),
        ...(!open && { discharge: { date: day(at), reason: 'reunification' as const } }),
      },
      placements,
    });
  }

  it('equals the count and the exclusions of the timeline cut at the as-of date, for arbitrary episodes and segments', () => {
    fc.assert(
      fc.property(segments, fc.boolean(), fc.option(fc.integer({ min: 30, max: 400 })), fc.integer({ min: 0, max: 2000 }), (list, open, prior, asOffset) => {
        const record = recordOf(list, open, prior);
        const asOf = day(asOffset);
        const result = fifteenOfTwentyTwo(record, asOf);
        expect(result.asOfCount).toEqual(windowCount(careTimeline(record, dayNumber(asOf)).counted, asOf));
        expect(result.excluded).toEqual(daysInCare(record, asOf).excluded);
      }),
      { numRuns: 300 },
    );
  });

  it('is the same from one clock asked on many dates, in any order, as from a fresh count on each', () => {
    fc.assert(
      fc.property(segments, fc.boolean(), fc.option(fc.integer({ min: 30, max: 400 })), fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6 }), (list, open, prior, offsets) => {
        const record = recordOf(list, open, prior);
        const clock = tprClock(record);
        for (const offset of offsets) expect(clock(day(offset))).toEqual(fifteenOfTwentyTwo(record, day(offset)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the jumping search', () => {
  /** The definition read literally: every day from `from` to `to`. */
  function dayByDay(counted: readonly Span[], from: string, to: string): string | undefined {
    for (let day = dayNumber(from); day <= dayNumber(to); day++) {
      const { inCare, required } = windowCount(counted, dateOfDay(day));
      if (inCare >= required) return dateOfDay(day);
    }
    return undefined;
  }

  it('finds the same day as a day-by-day search, for arbitrary stays and gaps (month ends, leap days)', () => {
    const base = dayNumber('2019-12-15');
    const stays = fc.array(fc.record({ gap: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 1, max: 700 }) }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(stays, fc.integer({ min: 0, max: 120 }), (list, offset) => {
        const counted: Span[] = [];
        let at = base + offset;
        for (const { gap, length } of list) {
          at += gap;
          counted.push({ start: at, end: at + length });
          at += length;
        }
        const from = dateOfDay(counted[0]!.start);
        const to = dateOfDay(at + 800);
        expect(firstDayReached(counted, from, to)).toBe(dayByDay(counted, from, to));
      }),
      { numRuns: 300 },
    );
  });
});
