/**
 * Bulleted, numbered and check lists: each item's blocks are set in an
 * indented frame and its marker drawn on the first baseline of the item.
 */
import type { Block, Checklist, List } from '../../document/ast.js';
import { inside, tag, type Frame, type PdfContext } from './context.js';
import { append, emptyFlow, slice, type Flow } from './flow.js';
import { breakLines, drawLine, lineMetrics, lineSlices, piecesOf, type Line, type Piece } from './inlines.js';
import type { StructElement } from './structure.js';

export type LayoutBlocks = (ctx: PdfContext, blocks: readonly Block[], frame: Frame) => Flow;

/** Space between list items. */
const ITEM_SPACING = 3;
/** Gap between a marker and the item's text. */
const MARKER_GAP = 5;

const BULLETS = ['•', '◦', '▪'];

export function layoutList(ctx: PdfContext, list: List, frame: Frame, layoutBlocks: LayoutBlocks): Flow {
  const depth = ctx.listDepth;
  const indent = ctx.style.listIndent;
  const itemFrame: Frame = { x: frame.x + indent, width: frame.width - indent };
  const flow = emptyFlow();
  const l = tag(ctx, 'L');
  ctx.listDepth++;
  try {
    list.items.forEach((item, index) => {
      const marker = list.ordered ? orderedMarker((list.start ?? 1) + index, depth) : BULLETS[depth % BULLETS.length]!;
      const { label, body: itemBody } = listItem(ctx, l);
      const body = inside(ctx, itemBody, () => layoutBlocks(ctx, item.children, itemFrame));
      const markerLine = markerOf(ctx, marker);
      const spaceBefore = index === 0 ? (depth === 0 ? ctx.style.paragraphSpacing : ITEM_SPACING) : ITEM_SPACING;
      append(flow, withMarker(ctx, body, label, markerLine, frame.x + indent - MARKER_GAP, spaceBefore));
    });
  } finally {
    ctx.listDepth--;
  }
  return flow;
}

export function layoutChecklist(ctx: PdfContext, checklist: Checklist, frame: Frame): Flow {
  const indent = ctx.style.listIndent;
  const itemFrame: Frame = { x: frame.x + indent, width: frame.width - indent };
  const size = ctx.style.font.size;
  const color = ctx.style.textColor;
  const flow = emptyFlow();
  const l = tag(ctx, 'L');
  checklist.items.forEach((item, index) => {
    const pieces: Piece[] = piecesOf(item.children, { size, color }, ctx.style);
    if (item.note && item.note.length > 0) {
      pieces.push({ text: ' — ', style: { font: 'regular', size, color } });
      pieces.push(...piecesOf(item.note, { size, color: '#333333', italic: true }, ctx.style));
    }
    const lines = breakLines(ctx.faces, pieces, itemFrame.width);
    const { label, body: itemBody } = listItem(ctx, l);
    const body = { slices: lineSlices(ctx, itemBody, lines, itemFrame, size, ctx.style.font.lineGap), keeps: [] };
    const box = breakLines(ctx.faces, [{ text: item.checked ? '☒' : '☐', style: { font: 'symbols', size: size * 1.1, color } }], indent)[0]!;
    const spaceBefore = index === 0 ? ctx.style.paragraphSpacing : ITEM_SPACING + 1;
    append(flow, withMarker(ctx, body, label, box, frame.x, spaceBefore, 'left'));
  });
  return flow;
}

/** An item of list `l` in the structure: its label (the marker) and its body. */
function listItem(ctx: PdfContext, l: StructElement): { label: StructElement; body: StructElement } {
  const item = ctx.tags.add(l, 'LI');
  return { label: ctx.tags.add(item, 'Lbl'), body: ctx.tags.add(item, 'LBody') };
}

function markerOf(ctx: PdfContext, marker: string): Line {
  const pieces: Piece[] = [{ text: marker, style: { font: 'regular', size: ctx.style.font.size, color: ctx.style.textColor } }];
  return breakLines(ctx.faces, pieces, Number.POSITIVE_INFINITY)[0]!;
}

/**
 * The item's flow with its marker drawn beside the first line: right-aligned
 * to `markerX` (numbers line up on their dots), or left-aligned from it.
 */
function withMarker(ctx: PdfContext, body: Flow, label: StructElement, marker: Line, markerX: number, spaceBefore: number, align: 'left' | 'right' = 'right'): Flow {
  const metrics = lineMetrics(ctx.faces, ctx.style.font.size, ctx.style.font.lineGap);
  const drawMarker = (y: number, baseline: number): void => {
    const x = align === 'right' ? markerX - marker.width : markerX;
    ctx.tags.text(label, () => drawLine(ctx, marker, x, y + baseline, marker.width));
  };
  if (body.slices.length === 0) {
    return { slices: [slice(metrics.height, (y) => drawMarker(y, metrics.ascent), { spaceBefore })], keeps: [] };
  }
  const first = body.slices[0]!;
  const baseline = first.baseline ?? metrics.ascent;
  const slices = [...body.slices];
  slices[0] = { ...first, spaceBefore, draw: (y) => (drawMarker(y, baseline), first.draw(y)) };
  return { slices, keeps: body.keeps };
}

function orderedMarker(n: number, depth: number): string {
  switch (depth % 3) {
    case 1:
      return `${alpha(n)}.`;
    case 2:
      return `${roman(n)}.`;
    default:
      return `${n}.`;
  }
}

function alpha(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out || String(n);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  let rest = n;
  for (const [value, digits] of table) while (rest >= value) (out += digits), (rest -= value);
  return out;
}
