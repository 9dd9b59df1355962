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

export type NotAMoveSetting = (typeof NOT_A_MOVE_SETTINGS)[number];

export interface PlacementMoves {
  /** Moves: stays in a setting after the first (never below 0). */
  readonly moves: number;
  /** The stays in a setting, in date order: the first placement and each move's new setting. */
  readonly counted: readonly Placement[];
  /** The distinct settings (homes, facilities) the child was placed in: a home gone back to counts once. */
  readonly settings: number;
  /** The other segments (trial home visit, runaway, hospital, detention) by kind, in NOT_A_MOVE_SETTINGS order: none is a setting or a move. */
  readonly segments: readonly { readonly setting: NotAMoveSetting; readonly count: number }[];
}

/**
 * rules.md "Placement moves" (AFCARS placement settings, 45 CFR 1355 App. A),
 * over the current episode's placements begun by the as-of date. A placement
 * setting is a home or facility the child was placed in; trial home visit,
 * runaway, hospital and detention segments are not settings and are counted
 * apart, by kind. A move is a change from one setting to another: going back
 * to the setting the child was in before (after a runaway, a hospital stay or
 * a trial home visit, or a second record of the same stay) is not a move;
 * leaving home A for B and later going back to A is two moves between two
 * settings.
 */
export function placementMoves(data: Pick<CaseRecord, 'removal' | 'placements'>, asOf: string): PlacementMoves {
  const counted: Placement[] = [];
  const settings: Placement[] = [];
  const segments = new Map<NotAMoveSetting, number>();
  for (const placement of episodePlacements(data, asOf)) {
    if (isInterruption(placement)) {
      const kind = placement.setting as NotAMoveSetting;
      segments.set(kind, (segments.get(kind) ?? 0) + 1);
      continue;
    }
    const previous = counted.at(-1);
    if (previous !== undefined && sameHome(previous, placement)) continue;
    counted.push(placement);
    if (!settings.some((s) => sameHome(s, placement))) settings.push(placement);
  }
  return {
    moves: Math.max(0, counted.length - 1),
    counted,
    settings: settings.length,
    segments: NOT_A_MOVE_SETTINGS.filter((s) => segments.has(s)).map((setting) => ({ setting, count: segments.get(setting)! })),
  };
}

/** The placement the child is in on the as-of date: started on or before it and not ended by it. */
export function currentPlacement(placements: readonly Placement[], asOf: string): Placement | undefined {
  return placements.filter((p) => p.start <= asOf && (p.end == null || p.end > asOf)).at(-1);
}
