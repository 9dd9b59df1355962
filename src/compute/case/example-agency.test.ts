/**
 * The case clocks over the bundled example agency (cases/), as of 2026-11-23,
 * against figures worked by hand from the files.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRoot, REPO } from '../../../test/helpers/fixture-root.js';
import type { ChildFolder } from '../../model/case-root.js';
import { cansSummary } from './cans.js';
import { familyTime } from './family-time.js';
import { planProgress } from './plan-progress.js';
import { placementMoves } from './placements.js';
import { daysInCare, monthsInCare } from './time-in-care.js';
import { visitCompliance } from './visits.js';

const AS_OF = '2026-11-23';
const PERIOD = { from: '2026-06-01', to: AS_OF };
let children: ChildFolder[];
beforeAll(async () => {
  children = (await loadRoot(join(REPO, 'cases'))).root.children;
});
const folder = (id: string) => children.find((c) => c.id === id)!;

describe('the example agency, as of 2026-11-23', () => {
  it('C-2025-0142: time in care, moves, visits, family time, CANS, plan', () => {
    const child = folder('C-2025-0142');
    const record = child.case!.data;
    // DEFC 2025-03-20 → 2026-03-20 = 365; → 2026-11-20 = 31+30+31+30+31+31+30+31 = 245; + 3 = 613 days; 20 months 3 days.
    expect(daysInCare(record, AS_OF)).toMatchObject({ total: 613, priorEpisodes: 0 });
    expect(monthsInCare(record.removal, AS_OF)).toEqual({ months: 20, days: 3 });
    // H-0017 → H-0042: two settings, one move, nothing else.
    expect(placementMoves(record, AS_OF)).toMatchObject({ settings: 2, moves: 1, segments: [] });
    // Full months June-October: 06-09 home, 07-14 home, 08-19 school, 09-10 home, 10-08 home + 10-13 school (07-24 phone and
    // 09-03 collateral do not count): 5 of 5; in residence 4 of 6; seen privately all but 10-13: 5. November is not over.
    expect(visitCompliance(child.contacts.map((c) => c.data), PERIOD, record.removal.date, AS_OF)).toMatchObject({
      fullMonths: 5, monthsMet: 5, inPersonVisits: 6, inResidence: 4, seenPrivately: 5,
    });
    // 8 visits: yes ×6, late (08-14), cancelled by the agency (09-04, not offered) → 7 of 7.
    expect(familyTime(child.visits.map((v) => v.data), PERIOD)).toMatchObject({ offered: 7, attended: 7, late: 1, cancellations: { agency: 1 } });
    // CANS 2026-09-10: needs at 2 — family_functioning, school_behavior, school_achievement, adjustment_to_trauma, anger_control;
    // strengths 0-1: all but educational_setting (2) → 8. Against 2025-03-03 nothing worsened.
    const cans = cansSummary(child.assessments.map((a) => a.data));
    expect(cans.needs.map((r) => r.item)).toEqual(['family_functioning', 'school_behavior', 'school_achievement', 'adjustment_to_trauma', 'anger_control']);
    expect(cans.strengths).toHaveLength(8);
    expect(cans.changes.filter((c) => c.change !== 'improved')).toEqual([]);
    expect(cans.changes.find((c) => c.item === 'talents_interests')).toMatchObject({ previous: 1, latest: 0, change: 'improved' });
    // Objectives: G1 2 in progress, G2 1, G3 2, G4 1, G5 met + in progress, G6 partially met, G7 not started → 7 / 1 / 1 / 1 of 10.
    expect(planProgress(child.plan!.data).objectives).toMatchObject({ in_progress: 7, met: 1, partially_met: 1, not_started: 1, total: 10 });
  });

  it('C-2026-0058: a prior episode in the days in care, family time with a cancellation by another', () => {
    const child = folder('C-2026-0058');
    const record = child.case!.data;
    // Current: DEFC 2026-04-23 → 2026-11-23 = 30+31+30+31+31+30+31 = 214; prior 2022-09-15 → 2023-09-28 = 365 + 13 = 378.
    expect(daysInCare(record, AS_OF)).toEqual({ total: 592, currentEpisode: 214, priorEpisodes: 378, excluded: { trial_home_visit: 0, runaway: 0 } });
    expect(monthsInCare(record.removal, AS_OF)).toEqual({ months: 7, days: 0 });
    // 10 visits: yes ×7, late 11-14, no 08-01, cancelled by "other" 11-21 (not the parent: not offered) → 8 of 9.
    expect(familyTime(child.visits.map((v) => v.data), PERIOD)).toMatchObject({ offered: 9, attended: 8, missed: 1, cancellations: { other: 1 } });
    // CANS 2026-10-08 against 2026-04-09: 13 items improved, none worse.
    const cans = cansSummary(child.assessments.map((a) => a.data));
    expect(cans.changes.map((c) => c.change)).toEqual(Array(13).fill('improved'));
    expect(cans.needs.map((r) => r.item)).toEqual(['family_functioning', 'school_achievement', 'adjustment_to_trauma']);
  });

  it('placement settings, moves and the other segments of every example child, worked from the files', () => {
    const history = (id: string) => {
      const { settings, moves, segments } = placementMoves(folder(id).case!.data, AS_OF);
      return { settings, moves, segments };
    };
    // Emergency home → hospital → QRTP group home → H-0042 → runaway → H-0042: the emergency home, the QRTP and H-0042
    // are three settings with two moves; the return to H-0042 after the runaway is not a move.
    expect(history('C-2024-0087')).toEqual({ settings: 3, moves: 2, segments: [{ setting: 'runaway', count: 1 }, { setting: 'hospital', count: 1 }] });
    // Emergency home → H-0063 (the grandmother).
    expect(history('C-2024-0211')).toEqual({ settings: 2, moves: 1, segments: [] });
    // H-0017 since the removal.
    expect(history('C-2025-0143')).toEqual({ settings: 1, moves: 0, segments: [] });
    expect(history('C-2026-0058')).toEqual({ settings: 1, moves: 0, segments: [] });
    // H-0017, then a trial home visit with the mother since 2026-09-15: one setting, no move.
    expect(history('C-2025-0219')).toEqual({ settings: 1, moves: 0, segments: [{ setting: 'trial_home_visit', count: 1 }] });
  });
});
