/**
 * Placement moves and the current placement (rules.md, "Placement moves";
 * domain.md §2.3 item 5, §11.2-3, §11.13).
 */
import { compareDates } from '../../core/calendar-date.js';
import type { CaseRecord, Placement } from '../../model/case.js';

/** Segments that are placements for the record but not placement moves. */
export const NOT_A_MOVE_SETTINGS = ['trial_home_visit', 'runaway', 'hospital', 'detention'] as const satisfies readonly Placement['setting'][];

function isInterruption(p: Placement): boolean {
  return (NOT_A_MOVE_SETTINGS as readonly string[]).includes(p.setting);
}

/** The same home: the same agency home id, or (without ids) the same provider and setting. */
function sameHome(a: Placement, b: Placement): boolean {
  if (a.home != null || b.home != null) return a.home === b.home;
  return a.provider != null && a.provider === b.provider && a.setting === b.setting;
}

/** The current episode's placements (from `removal.date`) that started by the as-of date, in date order. */
export function episodePlacements(data: Pick<CaseRecord, 'removal' | 'placements'>, asOf: string): Placement[] {
  return data.placements
    .filter((p) => p.start >= data.removal.date && p.start <= asOf)
    .sort((a, b) => compareDates(a.start, b.start));
}

export interface PlacementMoves {
  /** Counted placements minus one (never below 0). */
  readonly moves: number;
  /** The placements that count, in date order. */
  readonly counted: readonly Placement[];
}

/**
 * rules.md "Placement moves" (AFCARS placement settings, 45 CFR 1355 App. A):
 * the current episode's placements minus one, not counting trial home visit,
 * runaway, hospital and detention segments, nor the return to the same home
 * after one of them.
 */
export function placementMoves(data: Pick<CaseRecord, 'removal' | 'placements'>, asOf: string): PlacementMoves {
  const counted: Placement[] = [];
  let interrupted = false;
  for (const placement of episodePlacements(data, asOf)) {
    if (isInterruption(placement)) {
      interrupted = true;
      continue;
    }
    const previous = counted.at(-1);
    const returned = interrupted && previous !== undefined && sameHome(previous, placement);
    interrupted = false;
    if (!returned) counted.push(placement);
  }
  return { moves: Math.max(0, counted.length - 1), counted };
}

/** The placement the child is in on the as-of date: started on or before it and not ended by it. */
export function currentPlacement(placements: readonly Placement[], asOf: string): Placement | undefined {
  return placements.filter((p) => p.start <= asOf && (p.end == null || p.end > asOf)).at(-1);
}
