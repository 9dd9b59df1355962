import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateOfDay, dayNumber } from '../../core/calendar-date.js';
import type { Placement } from '../../model/case.js';
import { ruleSetFor } from '../rule-sets.js';
import { caseRecord, contact, hearing, placement, visit } from '../case/fixtures.js';
import { daysWithin } from '../case/spans.js';
import { careTimeline } from '../case/time-in-care.js';
import { childPeriods } from './child-period.js';
import { parsePeriod, trendPeriods } from './period.js';

const rules = ruleSetFor({ state: 'KY' });
const periods = trendPeriods(parsePeriod('2026-Q2')!);
const day = (offset: number) => dateOfDay(dayNumber('2024-10-01') + offset);
const SETTINGS = ['foster_family_nonrelative', 'foster_family_relative', 'trial_home_visit', 'runaway', 'hospital'] as const satisfies readonly Placement['setting'][];

describe("a child's parts in the five periods", () => {
  it('are what each period alone gives, for arbitrary stays, moves, hearings, exits and notes', () => {
    const segment = fc.record({ length: fc.integer({ min: 1, max: 200 }), setting: fc.constantFrom(...SETTINGS), home: fc.constantFrom('H-1', 'H-2', undefined) });
    const dated = fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 8 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.array(segment, { minLength: 1, maxLength: 6 }), fc.boolean(), dated, dated, dated, (start, segments, open, hearings, contacts, visits) => {
        let at = start;
        const placements = segments.map(({ length, setting, home }, i) => {
          const end = at + length;
          const p = placement(day(at), open && i === segments.length - 1 ? undefined : day(end), setting, home ? { home } : {});
          at = end;
          return p;
        });
        const record = caseRecord({
          removal: { date: day(start), ...(!open && { discharge: { date: day(at), reason: 'reunification' as const } }) },
          placements,
          hearings: hearings.map((d, i) => hearing(day(d), i % 2 ? 'review' : 'permanency', i % 3 ? {} : { continued: true, next_date: day(d + 30) })),
        });
        const child = {
          id: record.id,
          case: { data: record },
          contacts: contacts.map((d, i) => ({ data: contact(day(d), i % 2 ? 'home_visit' : 'phone') })),
          visits: visits.map((d, i) => ({ data: visit(day(d), i % 2 ? 'yes' : 'cancelled', i % 3 ? 'parent' : null) })),
          assessments: [],
        };
        const all = childPeriods(child, periods, rules);
        periods.forEach((period, i) => {
          expect(all[i]).toEqual(childPeriods(child, [period], rules)[0]);
          // The days in care of the period, from the timeline cut at its end.
          const end = dayNumber(addDays(period.last, 1));
          expect(all[i]!.daysInCare).toBe(daysWithin(careTimeline(record, end).counted, dayNumber(period.first), end));
        });
      }),
      { numRuns: 200 },
    );
  });
});
