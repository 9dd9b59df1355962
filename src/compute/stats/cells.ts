/**
 * A figure as a copy prints it. The internal copy prints every number; the
 * public copy (board, funders) shows a count from 1 to 4 as "fewer than 5"
 * (issue 14), and hides a second number wherever the shown ones would give the
 * hidden one back (complementary suppression):
 * - a rate whose numerator, denominator or their difference is 1 to 4 hides
 *   the numerator and the rate (and a small denominator too);
 * - entries and exits: when one is hidden the other is too, since the
 *   children in care on P1 and P2 give their difference;
 * - a breakdown (exits by reason, hearings by type, beds filled and vacant)
 *   that would have one hidden part beside its shown total hides the next
 *   smallest part as well (or the total when there is none), and a hidden
 *   total hides its smallest part, so the parts do not add up to it.
 */
import { figureRate, isSmall, type Figure, type Measure } from './figures.js';

/** Why a number is not printed: it is 1 to 4, or it would give such a number back. */
export type Hidden = 'fewer_than_5' | 'complementary';

export interface Cell {
  readonly numerator: number | null;
  readonly numerator_hidden: Hidden | null;
  /** Null for a count, and when hidden. */
  readonly denominator: number | null;
  readonly denominator_hidden: Hidden | null;
  /** Per `per` (a percentage, per 1,000 days), one decimal; null for a count, a zero denominator or a hidden numerator. */
  readonly rate: number | null;
  /** The denominator is under 10: "small number". */
  readonly small: boolean;
}

export type Audience = 'internal' | 'public';

const tiny = (n: number) => n >= 1 && n <= 4;

function shown(figure: Figure): Cell {
  return { numerator: figure.numerator, numerator_hidden: null, denominator: figure.denominator, denominator_hidden: null, rate: figureRate(figure), small: isSmall(figure) };
}

function hide(cell: Cell, why: Hidden): Cell {
  return { ...cell, numerator: null, numerator_hidden: cell.numerator_hidden ?? why, rate: null };
}

/** Breakdowns whose parts add up to a total the copy prints. */
const GROUPS: readonly { readonly total: Measure; readonly parts: readonly Measure[] }[] = [
  { total: 'exits', parts: ['exits_by_reason'] },
  { total: 'hearings_held', parts: ['hearings_held_by_type'] },
  { total: 'beds', parts: ['beds_filled', 'beds_vacant'] },
];

/** Breakdowns the public copy leaves out: their parts' numerators and denominators both add up to the total's. */
const PUBLIC_OMITS: ReadonlySet<Measure> = new Set(['family_time_by_parent']);

/** Each figure's cell for the copy, in the figures' order (the public copy leaves out PUBLIC_OMITS). */
export function cellsFor(figures: readonly Figure[], audience: Audience): { figure: Figure; cell: Cell }[] {
  const kept = audience === 'public' ? figures.filter((f) => !PUBLIC_OMITS.has(f.measure)) : figures;
  const cells = kept.map(shown);
  if (audience === 'internal') return kept.map((figure, i) => ({ figure, cell: cells[i]! }));
  kept.forEach((f, i) => {
    const cell = cells[i]!;
    if (f.denominator === null) {
      if (tiny(f.numerator)) cells[i] = hide(cell, 'fewer_than_5');
    } else if (tiny(f.denominator)) {
      // The numerator is at most the denominator (a rate), or would give it back (a ratio): hidden with it.
      cells[i] = { ...hide(cell, tiny(f.numerator) ? 'fewer_than_5' : 'complementary'), denominator: null, denominator_hidden: 'fewer_than_5' };
    } else if (tiny(f.numerator)) {
      cells[i] = hide(cell, 'fewer_than_5');
    } else if (tiny(f.denominator - f.numerator)) {
      cells[i] = hide(cell, 'complementary');
    }
  });
  const at = (measure: Measure) => kept.flatMap((f, i) => (f.measure === measure ? [i] : []));
  const [entries] = at('entries');
  const [exits] = at('exits');
  if (entries !== undefined && exits !== undefined && (cells[entries]!.numerator === null) !== (cells[exits]!.numerator === null)) {
    const open = cells[entries]!.numerator === null ? exits : entries;
    cells[open] = hide(cells[open]!, 'complementary');
  }
  for (const group of GROUPS) {
    const parts = group.parts.flatMap(at);
    const [total] = at(group.total);
    if (total === undefined) continue;
    const hiddenParts = parts.filter((i) => cells[i]!.numerator === null).length;
    // One hidden part is the shown total minus the others; all parts shown give a hidden total back.
    const totalShown = cells[total]!.numerator !== null;
    if (!(totalShown ? hiddenParts === 1 : hiddenParts === 0)) continue;
    const next = parts.filter((i) => cells[i]!.numerator !== null && kept[i]!.numerator > 0).sort((a, b) => kept[a]!.numerator - kept[b]!.numerator)[0];
    const target = next ?? (totalShown ? total : undefined);
    if (target !== undefined) cells[target] = hide(cells[target]!, 'complementary');
  }
  return kept.map((figure, i) => ({ figure, cell: cells[i]! }));
}
