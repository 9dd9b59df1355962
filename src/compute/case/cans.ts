/**
 * CANS summaries: needs to act on, strengths to build on, and what changed
 * since the previous CANS (case-format.md, assessments; domain.md §7.1).
 */
import { compareDates } from '../../core/calendar-date.js';
import type { Assessment } from '../../model/assessment.js';

export type Rating = Assessment['ratings'][number];

/** The domain whose items read the other way: 0 centerpiece strength … 3 none identified. */
export const STRENGTHS_DOMAIN = 'strengths';

export function isStrength(rating: Pick<Rating, 'domain'>): boolean {
  return rating.domain === STRENGTHS_DOMAIN;
}

/** Needs rated 2 or 3 call for action (domain.md §7.1, Praed action levels). */
export function isActionableNeed(rating: Rating): boolean {
  return !isStrength(rating) && (rating.rating === 2 || rating.rating === 3);
}

/** Strengths rated 0 (centerpiece) or 1 (useful) are what the plan can build on. */
export function isUsefulStrength(rating: Rating): boolean {
  return isStrength(rating) && (rating.rating === 0 || rating.rating === 1);
}

/**
 * One item that differs between the previous and the latest CANS. On both
 * needs and strengths a lower rating is better (needs: 0 no evidence; strengths:
 * 0 centerpiece), so a lower number is `improved`. `new`: rated now, not
 * before; `dropped`: rated before, not now; `changed`: a yes/no/na rating moved.
 */
export interface CansChange {
  readonly domain: string;
  readonly item: string;
  readonly previous?: Rating['rating'];
  readonly latest?: Rating['rating'];
  readonly change: 'improved' | 'worsened' | 'new' | 'dropped' | 'changed';
}

export interface CansSummary {
  readonly latest?: Assessment;
  readonly previous?: Assessment;
  /** Latest CANS: needs rated 2-3. */
  readonly needs: readonly Rating[];
  /** Latest CANS: strengths rated 0-1. */
  readonly strengths: readonly Rating[];
  /** Item by item, in the latest CANS's order, then the dropped items. */
  readonly changes: readonly CansChange[];
}

const key = (r: Pick<Rating, 'domain' | 'item'>) => `${r.domain}\u0000${r.item}`;

/** The CANS assessments, latest first (by date; the later-listed first on a tie). */
export function cansByDate(assessments: readonly Assessment[]): Assessment[] {
  return assessments
    .map((a, i) => ({ a, i }))
    .filter(({ a }) => a.tool === 'CANS')
    .sort((x, y) => compareDates(y.a.date, x.a.date) || y.i - x.i)
    .map(({ a }) => a);
}

/** Item by item from `previous` to `latest`. */
export function cansChanges(previous: Assessment, latest: Assessment): CansChange[] {
  const before = new Map(previous.ratings.map((r) => [key(r), r]));
  const now = new Set(latest.ratings.map(key));
  const changes: CansChange[] = [];
  for (const r of latest.ratings) {
    const p = before.get(key(r));
    if (!p) {
      changes.push({ domain: r.domain, item: r.item, latest: r.rating, change: 'new' });
    } else if (p.rating !== r.rating) {
      const change = typeof p.rating === 'number' && typeof r.rating === 'number' ? (r.rating < p.rating ? 'improved' : 'worsened') : 'changed';
      changes.push({ domain: r.domain, item: r.item, previous: p.rating, latest: r.rating, change });
    }
  }
  for (const p of previous.ratings) {
    if (!now.has(key(p))) changes.push({ domain: p.domain, item: p.item, previous: p.rating, change: 'dropped' });
  }
  return changes;
}

/** domain.md §7.1: items rated 2-3 become plan needs; strengths 0-1 are used in the plan. */
export function cansSummary(assessments: readonly Assessment[]): CansSummary {
  const [latest, previous] = cansByDate(assessments);
  if (!latest) return { needs: [], strengths: [], changes: [] };
  return {
    latest,
    ...(previous && { previous }),
    needs: latest.ratings.filter(isActionableNeed),
    strengths: latest.ratings.filter(isUsefulStrength),
    changes: previous ? cansChanges(previous, latest) : [],
  };
}
