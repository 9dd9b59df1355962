import { describe, expect, it } from 'vitest';
import { append, emptyFlow, paginate, slice, type Flow, type Pager, type Slice } from './flow.js';

/** A pager over pages 100 points tall, recording where each named slice lands. */
function run(flow: Flow, firstTop = 0): Array<[string, number, number]> {
  const placed: Array<[string, number, number]> = [];
  let page = 1;
  const pager: Pager = {
    y: firstTop,
    empty: true,
    pageTop: firstTop,
    top: 0,
    bottom: 100,
    newPage() {
      page++;
      this.y = 0;
      this.pageTop = 0;
      this.empty = true;
    },
  };
  for (const s of flow.slices) {
    const draw = s.draw;
    (s as { draw: Slice['draw'] }).draw = (y) => {
      draw(y);
      placed.push([names.get(s) ?? '?', page, y]);
    };
  }
  paginate(flow, pager);
  return placed;
}

const names = new Map<Slice, string>();
function named(name: string, height: number, options: Parameters<typeof slice>[2] = {}): Slice {
  const s = slice(height, () => undefined, options);
  names.set(s, name);
  return s;
}

describe('paginate', () => {
  it('fills a page, then starts the next, dropping space at the top of a page', () => {
    const flow: Flow = { slices: [named('a', 40), named('b', 40, { spaceBefore: 10 }), named('c', 40, { spaceBefore: 10 })], keeps: [] };
    expect(run(flow)).toEqual([['a', 1, 0], ['b', 1, 50], ['c', 2, 0]]);
  });

  it('moves a keep range whole to the next page when it does not fit', () => {
    const flow: Flow = { slices: [named('a', 50), named('k1', 20), named('k2', 20), named('k3', 20)], keeps: [{ start: 1, end: 4 }] };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'k1@2', 'k2@2', 'k3@2']);
  });

  it('breaks a keep range rather than leave a page less than a quarter full', () => {
    const flow: Flow = { slices: [named('a', 20), ...['k1', 'k2', 'k3', 'k4'].map((k) => named(k, 25))], keeps: [{ start: 1, end: 5 }] };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'k1@1', 'k2@1', 'k3@1', 'k4@2']);
  });

  it('breaks a chain of glued slices rather than leave a page less than a quarter full', () => {
    const flow: Flow = { slices: [named('a', 20), named('h', 30, { keepWithNext: true }), named('p', 60)], keeps: [] };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'h@1', 'p@2']);
  });

  it('keeps a heading with its title line when the box after them is too tall to join them', () => {
    // h + t + box is taller than a page: the chain is cut before the box, not after the heading.
    const flow: Flow = {
      slices: [named('a', 50), named('h', 10, { keepWithNext: true }), named('t', 10, { keepWithNext: true }), named('k1', 45), named('k2', 45)],
      keeps: [{ start: 3, end: 5 }],
    };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'h@1', 't@1', 'k1@2', 'k2@2']);
  });

  it('on a page kept from ending nearly empty, breaks the kept block after the heading and its statement, not between them', () => {
    const flow: Flow = {
      slices: [named('a', 20), named('h', 10, { keepWithNext: true }), named('s', 10, { keepWithNext: true }), ...['k1', 'k2', 'k3', 'k4'].map((k) => named(k, 20))],
      keeps: [{ start: 3, end: 7 }],
    };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'h@1', 's@1', 'k1@1', 'k2@1', 'k3@1', 'k4@2']);
  });

  it('lets a keep range taller than a page flow across pages', () => {
    const flow: Flow = { slices: [named('a', 50), named('k1', 40), named('k2', 40), named('k3', 40)], keeps: [{ start: 1, end: 4 }] };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'k1@1', 'k2@2', 'k3@2']);
  });

  it('keeps a heading with what follows it', () => {
    const flow: Flow = { slices: [named('a', 70), named('h', 15, { keepWithNext: true }), named('p', 20)], keeps: [] };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'h@2', 'p@2']);
  });

  it('keeps a heading with a whole keep range after it when the range fits a page', () => {
    const flow: Flow = { slices: [named('a', 40), named('h', 10, { keepWithNext: true }), named('k1', 20), named('k2', 20), named('k3', 20)], keeps: [{ start: 2, end: 5 }] };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'h@2', 'k1@2', 'k2@2', 'k3@2']);
  });

  it('gives up a chain taller than a page rather than looping', () => {
    const slices = Array.from({ length: 12 }, (_, i) => named(`s${i}`, 20, { keepWithNext: true }));
    const placed = run({ slices, keeps: [] });
    expect(placed).toHaveLength(12);
    expect(Math.max(...placed.map(([, page]) => page))).toBe(3);
  });

  it('draws the repeated slice (a table header) at the top of each new page', () => {
    const header = named('header', 10, { keepWithNext: true });
    const rows = Array.from({ length: 10 }, (_, i) => named(`r${i}`, 20, { repeat: header }));
    const placed = run({ slices: [header, ...rows], keeps: [] });
    expect(placed.map(([n, page]) => `${n}@${page}`)).toEqual([
      'header@1', 'r0@1', 'r1@1', 'r2@1', 'r3@1',
      'header@2', 'r4@2', 'r5@2', 'r6@2', 'r7@2',
      'header@3', 'r8@3', 'r9@3',
    ]);
    expect(placed.filter(([n]) => n === 'header').map(([, , y]) => y)).toEqual([0, 0, 0]);
  });

  it('breaks the page at a page break, unless the page is still empty', () => {
    const brk = (): Slice => named('break', 0, { pageBreak: true });
    const flow: Flow = { slices: [brk(), named('a', 10), brk(), brk(), named('b', 10)], keeps: [] };
    expect(run(flow).map(([n, page]) => `${n}@${page}`)).toEqual(['a@1', 'b@2']);
  });

  it('moves content that does not fit below the letterhead to the next page', () => {
    const flow: Flow = { slices: [named('k1', 40), named('k2', 40)], keeps: [{ start: 0, end: 2 }] };
    expect(run(flow, 30).map(([n, page]) => `${n}@${page}`)).toEqual(['k1@2', 'k2@2']);
  });
});

describe('append', () => {
  it('takes a part of 200,000 slices (a court note of 200,000 paragraphs overflowed the stack, issue 13)', () => {
    const flow = emptyFlow();
    append(flow, { slices: Array.from({ length: 200_000 }, () => slice(1, () => {})), keeps: [{ start: 0, end: 2 }] });
    expect(flow.slices).toHaveLength(200_000);
    expect(flow.keeps).toEqual([{ start: 0, end: 2 }]);
  });
});
