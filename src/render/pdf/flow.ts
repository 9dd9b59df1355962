/**
 * Pagination. Blocks are first laid out into a flow: a list of measured
 * slices (a line, a table row, a signature row) that know how to draw
 * themselves at a given y, plus the rules that say where a page may not break:
 *
 * - `keepWithNext` glues a slice to the next unit (a heading to the first lines
 *   after it, a table's caption to its header row, a paragraph's first line to
 *   its second so that no line is left alone);
 * - a keep range (keep blocks, notices, signatures) moves to the next page
 *   whole when it does not fit, unless it is taller than a page;
 * - neither rule may leave a page less than a quarter full: on such a page a
 *   unit that does not fit breaks where it must, slice by slice, instead of
 *   moving whole (a page of two lines and a blank is worse than a split);
 * - `repeat` is drawn first when a page break falls just before the slice (a
 *   table's header row above a continued table);
 * - `pageBreak` starts a new page unless the page is still empty.
 *
 * The paginator then walks the flow once, measuring before it draws.
 */

export interface Slice {
  readonly height: number;
  /** Space above the slice; dropped at the top of a page. */
  spaceBefore: number;
  keepWithNext: boolean;
  /** From the slice's top to its first baseline (list markers sit on it). */
  readonly baseline?: number;
  readonly repeat?: Slice;
  readonly pageBreak?: boolean;
  readonly draw: (y: number) => void;
}

export interface KeepRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface Flow {
  readonly slices: Slice[];
  readonly keeps: KeepRange[];
}

export function emptyFlow(): Flow {
  return { slices: [], keeps: [] };
}

export function slice(height: number, draw: (y: number) => void, options: Partial<Omit<Slice, 'height' | 'draw'>> = {}): Slice {
  return { height, draw, spaceBefore: options.spaceBefore ?? 0, keepWithNext: options.keepWithNext ?? false, ...pick(options) };
}

function pick(options: Partial<Slice>): Partial<Slice> {
  const out: { -readonly [K in keyof Slice]?: Slice[K] } = {};
  if (options.baseline !== undefined) out.baseline = options.baseline;
  if (options.repeat !== undefined) out.repeat = options.repeat;
  if (options.pageBreak !== undefined) out.pageBreak = options.pageBreak;
  return out;
}

/** Appends `part` to `flow` (its keep ranges shifted along). */
export function append(flow: Flow, part: Flow): void {
  const offset = flow.slices.length;
  // One push per slice: a document of 200,000 paragraphs spread into push() would overflow the stack.
  for (const slice of part.slices) flow.slices.push(slice);
  for (const keep of part.keeps) flow.keeps.push({ start: keep.start + offset, end: keep.end + offset });
}

/** Marks the whole flow as one unit to keep on a page. */
export function keepWhole(flow: Flow): Flow {
  if (flow.slices.length > 1) flow.keeps.push({ start: 0, end: flow.slices.length });
  return flow;
}

/** Total height of the flow set on one page (its first slice's space not counted). */
export function flowHeight(flow: Flow): number {
  return flow.slices.reduce((sum, s, i) => sum + s.height + (i > 0 ? s.spaceBefore : 0), 0);
}

/** The pen's position on the page, and how to start a new page. */
export interface Pager {
  y: number;
  /** Nothing has been placed on this page yet. */
  empty: boolean;
  /** Where content starts on this page (lower on the letterhead page). */
  pageTop: number;
  readonly top: number;
  readonly bottom: number;
  newPage(): void;
}

const EPSILON = 0.01;
/** A page filled less than this share of its column is never ended to keep a unit whole. */
const LEAST_FILL = 0.25;

/** Places the flow page by page; with `draw` false it only moves the pager (to count the pages a flow takes). */
export function paginate(flow: Flow, pager: Pager, draw = true): void {
  const { slices } = flow;
  const n = slices.length;
  const pageHeight = pager.bottom - pager.top;

  // cumulative[i] = height of slices before i, spaces included.
  const cumulative = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cumulative[i + 1] = cumulative[i]! + slices[i]!.spaceBefore + slices[i]!.height;
  const heightOf = (start: number, end: number): number => cumulative[end]! - cumulative[start]! - slices[start]!.spaceBefore;

  const keepsAt = new Map<number, number[]>();
  for (const keep of flow.keeps) {
    if (keep.end - keep.start < 2) continue;
    const ends = keepsAt.get(keep.start) ?? [];
    ends.push(keep.end);
    keepsAt.set(keep.start, ends);
  }
  for (const ends of keepsAt.values()) ends.sort((a, b) => b - a);

  /** End of the unit starting at i: the widest keep range from i that fits on a page, else the slice alone. */
  const unitEnd = (i: number): number => {
    const room = pageHeight - (slices[i]!.repeat?.height ?? 0);
    for (const end of keepsAt.get(i) ?? []) if (heightOf(i, end) <= room + EPSILON) return end;
    return i + 1;
  };

  /**
   * A chain of glued units that would outgrow a page is cut before the unit
   * that passes it; what comes before the cut still goes together (a heading
   * stays with its title line even when the box after them moves on).
   */
  let cut = -1;
  /** Height the unit at i needs together with the units glued after it. */
  const chainHeight = (i: number, end: number): number => {
    let total = heightOf(i, end);
    let last = end - 1;
    while (slices[last]!.keepWithNext && last + 1 < n && last + 1 !== cut && !slices[last + 1]!.pageBreak) {
      const next = last + 1;
      const nextEnd = unitEnd(next);
      const more = slices[next]!.spaceBefore + heightOf(next, nextEnd);
      if (total + more > pageHeight) {
        cut = next;
        break;
      }
      total += more;
      last = nextEnd - 1;
    }
    return total;
  };

  const place = (s: Slice): void => {
    if (!pager.empty) pager.y += s.spaceBefore;
    if (draw) s.draw(pager.y);
    pager.y += s.height;
    pager.empty = false;
  };

  /** Set on a page that keep rules would end nearly empty: it is filled slice by slice instead. */
  let filling = false;
  let i = 0;
  while (i < n) {
    const s = slices[i]!;
    if (s.pageBreak) {
      if (!pager.empty) pager.newPage();
      filling = false;
      i++;
      continue;
    }
    const space = pager.empty ? 0 : s.spaceBefore;
    const room = pager.bottom + EPSILON - pager.y - space;
    let end = unitEnd(i);
    let need = chainHeight(i, end);
    // Ending this page now would leave it nearly empty: what follows breaks
    // where the page ends instead (a heading and the start of a kept block
    // stay here together rather than the heading alone).
    const underfull = !pager.empty && pager.y - pager.top < LEAST_FILL * pageHeight;
    if (need > room && underfull) filling = true;
    if (filling) {
      // Once the page holds a quarter, no slice glued to the next ends it without it.
      const next = s.keepWithNext && !underfull ? slices[i + 1] : undefined;
      end = i + 1;
      need = s.height + (next && !next.pageBreak ? next.spaceBefore + next.height : 0);
    }
    const fits = need <= room;
    if (!fits && (!pager.empty || pager.pageTop > pager.top)) {
      pager.newPage();
      filling = false;
      if (s.repeat) place(s.repeat);
    }
    for (let j = i; j < end; j++) if (!slices[j]!.pageBreak) place(slices[j]!);
    i = end;
  }
}
