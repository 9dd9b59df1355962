/**
 * Placements and incidents in a home (case-format.md: "Placements in a home are
 * derived from the children's placements that link to it"; domain.md §5.1 item 8).
 */
import { daysBetween } from '../../core/calendar-date.js';
import type { CaseRecord, Placement } from '../../model/case.js';
import type { Home } from '../../model/home.js';
import type { LicenseYear } from './license-year.js';
import { inYear } from './license-year.js';

/** Segments that interrupt a stay without ending it when the child comes back to the same home. */
const INTERRUPTIONS: ReadonlySet<Placement['setting']> = new Set(['trial_home_visit', 'runaway', 'hospital', 'detention']);

export interface Interruption {
  readonly setting: Placement['setting'];
  readonly start: string;
  readonly end?: string;
}

/** One child's stay in the home: contiguous segments linking to it, bridged by interruptions it returned from. */
export interface HomeStay {
  readonly childId: string;
  readonly name: string;
  readonly start: string;
  /** The day the child left; absent while the stay goes on. */
  readonly end?: string;
  /** The setting of the stay's latest segment in the home. */
  readonly setting: Placement['setting'];
  /** Why the child left (the last segment's `reason_for_change`). */
  readonly reasonForLeaving?: string;
  /** Runaway, trial home visit, hospital or detention segments from which the child came back to the home. */
  readonly interruptions: readonly Interruption[];
}

interface Building {
  start: string;
  end: string | undefined;
  setting: Placement['setting'];
  reason: string | undefined;
  interruptions: Interruption[];
}

/**
 * A child's stays in one home, in date order. A segment linking to the home
 * continues the current stay when it starts the day the previous one ended,
 * directly or after runaway / trial home visit / hospital / detention segments
 * (which become the stay's interruptions); any other segment ends it. A stay
 * that ends with a trial home visit or runaway from which the child did not
 * return ends on that segment's start.
 */
export function staysInHome(homeId: string, record: CaseRecord): HomeStay[] {
  const segments = [...record.placements].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const stays: Building[] = [];
  let current: Building | undefined;
  let bridge: Interruption[] = [];
  let chainEnd: string | undefined;
  for (const seg of segments) {
    const contiguous = chainEnd !== undefined && seg.start === chainEnd;
    if (seg.home === homeId) {
      if (current && contiguous) {
        current.interruptions.push(...bridge);
        current.end = seg.end ?? undefined;
        current.setting = seg.setting;
        current.reason = seg.reason_for_change ?? undefined;
      } else {
        current = { start: seg.start, end: seg.end ?? undefined, setting: seg.setting, reason: seg.reason_for_change ?? undefined, interruptions: [] };
        stays.push(current);
      }
      bridge = [];
    } else if (current && contiguous && !seg.home && INTERRUPTIONS.has(seg.setting)) {
      bridge.push({ setting: seg.setting, start: seg.start, ...(seg.end ? { end: seg.end } : {}) });
    } else {
      current = undefined;
      bridge = [];
    }
    chainEnd = seg.end ?? undefined;
  }
  return stays.map((s) => ({
    childId: record.id,
    name: record.child.name,
    start: s.start,
    ...(s.end ? { end: s.end } : {}),
    setting: s.setting,
    ...(s.reason ? { reasonForLeaving: s.reason } : {}),
    interruptions: s.interruptions,
  }));
}

/**
 * Stays in the home during the license year: started on or before its last day
 * and not ended before its first (a child who left on the first day, `end` being
 * the day they left, was not there during it). Ordered by start, then child id.
 */
export function placementsDuring(homeId: string, records: readonly CaseRecord[], year: LicenseYear): HomeStay[] {
  return records
    .flatMap((r) => staysInHome(homeId, r))
    .filter((s) => s.start <= year.end && (s.end === undefined || s.end > year.start))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.childId < b.childId ? -1 : 1));
}

export interface CurrentPlacement {
  readonly childId: string;
  readonly name: string;
  readonly dob: string;
  readonly since: string;
  readonly setting: Placement['setting'];
}

/**
 * Children whose placement open on the as-of date links to the home: a segment
 * with start ≤ as-of and no `end` or an `end` after it (on the day a child
 * leaves they are no longer there). A child away on a runaway or trial home visit
 * segment is not counted.
 */
export function currentPlacements(homeId: string, records: readonly CaseRecord[], asOf: string): CurrentPlacement[] {
  return records.flatMap((r) => {
    const seg = r.placements.find((p) => p.home === homeId && p.start <= asOf && (!p.end || p.end > asOf));
    return seg ? [{ childId: r.id, name: r.child.name, dob: r.child.dob, since: seg.start, setting: seg.setting }] : [];
  });
}

export type Incident = NonNullable<Home['incidents']>[number];

/** Incidents dated within the license year, in date order. */
export function incidentsDuring(home: Home, year: LicenseYear): Incident[] {
  return (home.incidents ?? []).filter((i) => inYear(year, i.date)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A child's runaway from the home during the license year that no recorded incident covers (issue 11: it is an incident of the home). */
export interface RunawayIncident {
  readonly childId: string;
  readonly name: string;
  readonly date: string;
  /** The day the child came back to the home; absent while the child is away. */
  readonly returned?: string;
}

/** Words staff use for a runaway in an incident's free-text `type`. */
const RUNAWAY_TYPE = /run\s*away|ran\s*away|runaway|absconded|awol|missing/i;

/**
 * Each runaway segment of a stay in the home that starts in the license year,
 * unless an incident recorded within a day of it already says so.
 */
export function runawaysDuring(stays: readonly HomeStay[], recorded: readonly Incident[], year: LicenseYear): RunawayIncident[] {
  const covered = (date: string) => recorded.some((i) => RUNAWAY_TYPE.test(i.type) && Math.abs(daysBetween(i.date, date)) <= 1);
  return stays
    .flatMap((stay) =>
      stay.interruptions
        .filter((i) => i.setting === 'runaway' && inYear(year, i.start) && !covered(i.start))
        .map((i) => ({ childId: stay.childId, name: stay.name, date: i.start, ...(i.end ? { returned: i.end } : {}) })),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
