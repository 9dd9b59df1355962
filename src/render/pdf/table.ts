/**
 * Tables: column widths as shares of the text column, wrapped cell text,
 * a filled header row repeated at the top of every page the table continues
 * on, rows that never split across pages (unless one row is taller than a
 * page, when it continues in pieces).
 */
import type { Align, Table, TableCell } from '../../document/ast.js';
import { columnHeight, tag, type Frame, type PdfContext } from './context.js';
import { slice, type Flow, type Slice } from './flow.js';
import { breakLines, drawLine, lineMetrics, lineSlices, piecesOf, type Line } from './inlines.js';
import type { StructElement } from './structure.js';

const CELL_LINE_GAP = 1;

interface Row {
  /** Lines of each cell. */
  readonly cells: readonly (readonly Line[])[];
  readonly height: number;
}

export function layoutTable(ctx: PdfContext, table: Table, frame: Frame): Flow {
  const at = table.position ? ` (line ${table.position.line})` : '';
  const n = table.columns.length;
  const allRows = [table.header, ...table.rows];
  if (n === 0) {
    if (allRows.some((row) => row.length > 0)) throw new Error(`table${at} has cells but no columns`);
    return { slices: [], keeps: [] };
  }
  allRows.forEach((row, index) => {
    if (row.length > n) {
      const which = index === 0 ? 'its header row' : `row ${index}`;
      throw new Error(`table${at}: ${which} has ${row.length} cells but the table has ${n} columns`);
    }
  });

  const { style } = ctx;
  const { fontSize: size, cellPadding: pad } = style.table;
  const metrics = lineMetrics(ctx.faces, size, CELL_LINE_GAP);
  const widths = columnWidths(table, frame.width);
  const aligns: Align[] = table.columns.map((c) => c.align ?? 'left');
  const lefts: number[] = [];
  widths.reduce((x, w) => (lefts.push(x), x + w), frame.x);

  const measure = (row: readonly TableCell[], bold: boolean): Row => {
    const cells = widths.map((w, i) => {
      const cell = row[i];
      if (!cell) return [];
      return breakLines(ctx.faces, piecesOf(cell.children, { size, color: style.textColor, bold }, style), Math.max(1, w - 2 * pad));
    });
    const most = Math.max(1, ...cells.map((c) => c.length));
    return { cells, height: most * metrics.height + 2 * pad };
  };

  /** Draws a row, each cell's text as content of its element, or all of it as an artifact (a repeated header row). */
  const drawRow = (row: Row, y: number, cellTags: readonly StructElement[] | undefined, fill?: string): void => {
    const { doc, tags } = ctx;
    const width = widths.reduce((a, b) => a + b, 0);
    // The fill, then the rules (they never touch the text, which is drawn after them).
    const grid = (): void => {
      if (fill) doc.rect(frame.x, y, width, row.height).fill(fill);
      doc.save().lineWidth(style.table.borderWidth).strokeColor(style.table.borderColor);
      doc.moveTo(frame.x, y).lineTo(frame.x + width, y);
      doc.moveTo(frame.x, y + row.height).lineTo(frame.x + width, y + row.height);
      for (const x of [...lefts, frame.x + width]) doc.moveTo(x, y).lineTo(x, y + row.height);
      doc.stroke().restore();
    };
    const cell = (i: number): void => {
      const x = lefts[i]! + pad;
      const w = widths[i]! - 2 * pad;
      row.cells[i]!.forEach((line, k) => drawLine(ctx, line, x, y + pad + k * metrics.height + metrics.ascent, w, aligns[i]));
    };
    if (!cellTags) {
      tags.artifact('Pagination', () => (grid(), row.cells.forEach((_, i) => cell(i))));
      return;
    }
    tags.artifact('Layout', grid);
    row.cells.forEach((lines, i) => {
      if (lines.length > 0) tags.text(cellTags[i]!, () => cell(i));
    });
  };

  const slices: Slice[] = [];
  const firstSpace = style.paragraphSpacing + 4;
  const element = tag(ctx, 'Table');
  if (table.caption && table.caption.length > 0) {
    const lines = breakLines(ctx.faces, piecesOf(table.caption, { size: style.font.size - 1, color: style.textColor, italic: true }, style), frame.width);
    const caption = lines.length > 0 ? lineSlices(ctx, ctx.tags.add(element, 'Caption'), lines, frame, style.font.size - 1, CELL_LINE_GAP) : [];
    for (const s of caption) s.keepWithNext = true;
    if (caption[0]) caption[0].spaceBefore = firstSpace;
    slices.push(...caption);
  }

  const captionLines = slices.length;
  let header: Slice | undefined;
  if (table.header.length > 0) {
    const headerRow = measure(table.header, true);
    const cells = rowTags(ctx, ctx.tags.add(element, 'THead'), 'TH', n);
    // Drawn once as the table's header row; repeated above a continued table, it is an artifact.
    let drawn = false;
    header = slice(headerRow.height, (y) => (drawRow(headerRow, y, drawn ? undefined : cells, style.table.headerFill), (drawn = true)), {
      keepWithNext: table.rows.length > 0,
    });
    slices.push(header);
  }

  const room = columnHeight(ctx.page) - (header?.height ?? 0);
  const body = table.rows.length > 0 ? ctx.tags.add(element, 'TBody') : undefined;
  for (const cells of table.rows) {
    const row = measure(cells, false);
    const tags = rowTags(ctx, body!, 'TD', n);
    for (const piece of row.height <= room ? [row] : splitRow(row, room, metrics.height, pad)) {
      slices.push(slice(piece.height, (y) => drawRow(piece, y, tags), header ? { repeat: header } : {}));
    }
  }
  // The table's first row (after a caption) sits a little below it.
  const top = slices[captionLines];
  if (top) top.spaceBefore = captionLines > 0 ? 4 : firstSpace;
  return { slices, keeps: [] };
}

/** A row of the structure (TR) in `group`, and its `n` cells: header cells head their column. */
function rowTags(ctx: PdfContext, group: StructElement, type: 'TH' | 'TD', n: number): StructElement[] {
  const row = ctx.tags.add(group, 'TR');
  return Array.from({ length: n }, () => ctx.tags.add(row, type, type === 'TH' ? { scope: 'Column' } : {}));
}

/** Column widths in points from the columns' shares (equal shares when they make no sense). */
function columnWidths(table: Table, total: number): number[] {
  const shares = table.columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 0));
  const sum = shares.reduce((a, b) => a + b, 0);
  if (sum <= 0) return shares.map(() => total / shares.length);
  return shares.map((share) => (share / sum) * total);
}

/** A row taller than a page, cut between lines into pieces that each fit. */
function splitRow(row: Row, room: number, lineHeight: number, pad: number): Row[] {
  const perPiece = Math.max(1, Math.floor((room - 2 * pad) / lineHeight));
  const count = Math.max(...row.cells.map((c) => Math.ceil(c.length / perPiece)));
  const pieces: Row[] = [];
  for (let k = 0; k < count; k++) {
    const cells = row.cells.map((c) => c.slice(k * perPiece, (k + 1) * perPiece));
    const most = Math.max(1, ...cells.map((c) => c.length));
    pieces.push({ cells, height: most * lineHeight + 2 * pad });
  }
  return pieces;
}
