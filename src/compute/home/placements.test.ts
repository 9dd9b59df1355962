import { describe, expect, it } from 'vitest';
import type { CaseRecord, Placement } from '../../model/case.js';
import { home as homeSchema } from '../../model/home.js';
import { currentPlacements, incidentsDuring, placementsDuring, runawaysDuring, staysInHome } from './placements.js';

type Seg = Partial<Placement> & Pick<Placement, 'start' | 'setting'>;
/** Only the fields the placement facts read. */
const child = (id: string, name: string, placements: Seg[]): CaseRecord =>
  ({ id, child: { name, dob: '2012-01-01' }, placements: placements.map((p) => ({ county: 'Fayette', ...p })) }) as unknown as CaseRecord;

const runaway = child('C-1', 'Zoe', [
  { start: '2024-06-12', end: '2025-01-10', setting: 'group_home', provider: 'QRTP' },
  { start: '2025-01-10', end: '2026-07-18', setting: 'therapeutic_foster', home: 'H-1', reason_for_change: 'ran away' },
  { start: '2026-07-18', end: '2026-07-22', setting: 'runaway' },
  { start: '2026-07-22', setting: 'therapeutic_foster', home: 'H-1' },
]);
const thv = child('C-2', 'Minh', [
  { start: '2025-06-02', end: '2026-09-15', setting: 'foster_family_nonrelative', home: 'H-1', reason_for_change: 'trial home visit' },
  { start: '2026-09-15', setting: 'trial_home_visit', provider: "Mother's home" },
]);
const twice = child('C-3', 'Jo', [
  { start: '2025-01-01', end: '2025-03-01', setting: 'foster_family_nonrelative', home: 'H-1', reason_for_change: 'moved' },
  { start: '2025-03-01', end: '2025-05-01', setting: 'foster_family_nonrelative', home: 'H-2' },
  { start: '2025-05-01', end: '2026-01-01', setting: 'foster_family_nonrelative', home: 'H-1', reason_for_change: 'reunified' },
]);
const year = { start: '2026-01-01', end: '2026-12-31', multiYear: false };

describe('staysInHome (case-format.md: placements in a home derive from the children)', () => {
  it('bridges a runaway the child came back from: one stay from 2025-01-10, still going', () => {
    expect(staysInHome('H-1', runaway)).toEqual([
      { childId: 'C-1', name: 'Zoe', start: '2025-01-10', setting: 'therapeutic_foster', interruptions: [{ setting: 'runaway', start: '2026-07-18', end: '2026-07-22' }] },
    ]);
  });

  it('ends a stay at a trial home visit the child did not come back from', () => {
    expect(staysInHome('H-1', thv)).toEqual([
      { childId: 'C-2', name: 'Minh', start: '2025-06-02', end: '2026-09-15', setting: 'foster_family_nonrelative', reasonForLeaving: 'trial home visit', interruptions: [] },
    ]);
  });

  it('a stay in another home in between makes two stays', () => {
    expect(staysInHome('H-1', twice).map((s) => [s.start, s.end])).toEqual([['2025-01-01', '2025-03-01'], ['2025-05-01', '2026-01-01']]);
  });
});

describe('placementsDuring and currentPlacements', () => {
  it('keeps stays overlapping the license year; leaving on its first day is not during it', () => {
    // Jo left 2026-01-01, the year's first day: not there during it
    expect(placementsDuring('H-1', [twice, thv, runaway], year).map((s) => s.childId)).toEqual(['C-1', 'C-2']);
    expect(placementsDuring('H-1', [twice], { ...year, start: '2025-12-31' }).map((s) => s.start)).toEqual(['2025-05-01']);
  });

  it('counts the children whose open segment links to the home on the as-of date', () => {
    expect(currentPlacements('H-1', [runaway, thv], '2026-11-23').map((p) => [p.childId, p.since])).toEqual([['C-1', '2026-07-22']]);
    // on the day Minh left (2026-09-15) he is not there; the day before he is; Zoe away on the runaway is not counted
    expect(currentPlacements('H-1', [runaway, thv], '2026-09-15').map((p) => p.childId)).toEqual(['C-1']);
    expect(currentPlacements('H-1', [runaway, thv], '2026-09-14').map((p) => p.childId)).toEqual(['C-1', 'C-2']);
    expect(currentPlacements('H-1', [runaway, thv], '2026-07-20').map((p) => p.childId)).toEqual(['C-2']);
  });

  it('lists the incidents dated in the license year', () => {
    const home = homeSchema.parse({
      id: 'H-1', type: 'foster', licensing_worker: 'w',
      address: { street: '1 Main St', city: 'Town', state: 'KY', zip: '40001' },
      license: { number: 'L-1', issued: '2026-01-01', expires: '2026-12-31', status: 'active', capacity: 2 },
      household: [{ name: 'Pat Doe', role: 'applicant', dob: '1980-05-05' }],
      incidents: [
        { date: '2026-07-18', type: 'runaway', summary: 'a' },
        { date: '2025-12-31', type: 'injury', summary: 'b' },
        { date: '2026-01-01', type: 'injury', summary: 'c' },
      ],
    });
    expect(incidentsDuring(home, year).map((i) => i.date)).toEqual(['2026-01-01', '2026-07-18']);
  });

  it('counts a runaway from the home as an incident of the home, unless an incident already records it', () => {
    const stays = placementsDuring('H-1', [runaway, thv], year);
    expect(runawaysDuring(stays, [], year)).toEqual([{ childId: 'C-1', name: 'Zoe', date: '2026-07-18', returned: '2026-07-22' }]);
    // Recorded the next morning as "Ran away": covered.
    expect(runawaysDuring(stays, [{ date: '2026-07-19', type: 'Ran away', summary: 'left at night' }], year)).toEqual([]);
    // An injury that day is another incident: the runaway still counts.
    expect(runawaysDuring(stays, [{ date: '2026-07-18', type: 'injury', summary: 'x' }], year)).toHaveLength(1);
    // Outside the license year: not this year's incident.
    expect(runawaysDuring(stays, [], { start: '2027-01-01', end: '2027-12-31', multiYear: false })).toEqual([]);
  });
});
