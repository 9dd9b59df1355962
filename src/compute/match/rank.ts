/**
 * The order of the candidates (issue 15, point 3): the ICWA placement
 * preferences first when they apply, then kin, then points (High 2, Medium 1)
 * of the other factors. A tie is broken deterministically: fewer children in the
 * home first (more of the family's attention), then by id.
 */
import { CLOSABLE_FACTORS, type Factor, type FactorLevel } from './facts.js';

const POINTS: Readonly<Record<FactorLevel, number>> = { high: 2, medium: 1, low: 0, not_applicable: 0 };

type Closable = (typeof CLOSABLE_FACTORS)[number];
const isClosable = (factor: Factor['factor']): factor is Closable => (CLOSABLE_FACTORS as readonly string[]).includes(factor);

export interface Ranked<T> {
  readonly item: T;
  readonly rank: number;
  readonly points: number;
  readonly tie_break: 'children_in_home' | 'id' | null;
  readonly factors: readonly Factor[];
  readonly gaps: readonly { readonly factor: Closable; readonly level: FactorLevel }[];
}

export interface Candidate<T> {
  readonly item: T;
  readonly id: string;
  /** Children in the home (placed and the family's own): the first tie-break. */
  readonly childrenInHome: number;
  readonly factors: readonly Factor[];
}

const levelOf = (factors: readonly Factor[], name: Factor['factor']) => POINTS[factors.find((f) => f.factor === name)?.level ?? 'not_applicable'];

/** The points of the factors ranked after ICWA and kin. */
export function points(factors: readonly Factor[]): number {
  return factors.filter((f) => f.factor !== 'icwa' && f.factor !== 'kin').reduce((sum, f) => sum + POINTS[f.level], 0);
}

export function rank<T>(candidates: readonly Candidate<T>[]): Ranked<T>[] {
  const keyed = candidates.map((c) => ({ c, icwa: levelOf(c.factors, 'icwa'), kin: levelOf(c.factors, 'kin'), points: points(c.factors) }));
  const tied = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => a.icwa === b.icwa && a.kin === b.kin && a.points === b.points;
  keyed.sort((a, b) => b.icwa - a.icwa || b.kin - a.kin || b.points - a.points || a.c.childrenInHome - b.c.childrenInHome || (a.c.id < b.c.id ? -1 : a.c.id > b.c.id ? 1 : 0));
  return keyed.map((k, i) => {
    const above = keyed[i - 1];
    const tieBreak = above && tied(above, k) ? (above.c.childrenInHome !== k.c.childrenInHome ? 'children_in_home' : 'id') : null;
    return {
      item: k.c.item,
      rank: i + 1,
      points: k.points,
      tie_break: tieBreak,
      factors: k.c.factors,
      gaps: k.c.factors.flatMap((f) => (isClosable(f.factor) && (f.level === 'medium' || f.level === 'low') ? [{ factor: f.factor, level: f.level }] : [])),
    };
  });
}
