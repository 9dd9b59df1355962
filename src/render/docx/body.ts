/**
 * The document tree's blocks as the body of document.xml. Each block becomes
 * pieces (paragraphs as options, tables as functions of their keep) with an
 * estimate of their height, so the keep rules can be settled before anything
 * is written: a keep block or a signature block stays on one page when it
 * fits on one, and no chain of paragraphs kept with the next grows longer than
 * a page (Word would then push the whole chain on, leaving a page near empty).
 */
import { formatLongDate } from '../../core/calendar-date.js';
import type { Block, Checklist, Inline, List, Notice, Signature, Signer, Table as TableNode, TableCell as CellNode } from '../../document/ast.js';
import { keepWithNext } from '../../document/keep-with-next.js';
import { SIGN_SPACE } from '../images/uses.js';
import type { StyleSheet } from '../style/style.js';
import type { Charts } from './chart.js';
import type { Media } from './media.js';
import { BULLETS, listIndent, type Numbering } from './numbering.js';
import type { StyleIds } from './reference.js';
import { runs, textRun, TAB_RUN, type Format, type RunContext } from './runs.js';
import { eighths, halfPoints, hex, twips } from './units.js';
import { borders, cell, line, margins, NO_LINE, paragraph, row, shading, spacing, table, type ParagraphOptions } from './xml.js';

export interface BodyContext extends RunContext {
  readonly style: StyleSheet;
  readonly styleIds: StyleIds;
  readonly media: Media;
  readonly charts: Charts;
  readonly numbering: Numbering;
}

/** Width of the text column in points. */
export const textWidth = (style: StyleSheet): number => style.page.width - 2 * style.page.margin;

/** How a piece is kept: not at all, on one page itself, or on the page of the next piece. */
type Keep = 'none' | 'together' | 'withNext';

type Piece =
  | { readonly kind: 'paragraph'; readonly options: ParagraphOptions; keep: Keep; readonly height: number; readonly spacer?: boolean }
  /** `lead`: what must come onto a page with what precedes the table, when its rows flow (the header row and the first). */
  | { readonly kind: 'table'; readonly make: (keep: Keep) => string; keep: Keep; readonly height: number; readonly lead: number }
  | { readonly kind: 'pageBreak'; keep: Keep; readonly height: number };

// ---- heights ---------------------------------------------------------------

/** Noto Serif's line (ascender + descender + gap) per em, and its average advance per em in running text. */
const LINE_PER_EM = 1.362;
const ADVANCE_PER_EM = 0.5;

/** The height of `chars` characters of `size` point type set `width` points wide, `lead` points added to each line. */
function textHeight(chars: number, size: number, width: number, lead = 0): number {
  const perLine = Math.max(1, Math.floor(width / (size * ADVANCE_PER_EM)));
  return Math.max(1, Math.ceil(chars / perLine)) * (size * LINE_PER_EM + lead);
}

function length(inlines: readonly Inline[]): number {
  let n = 0;
  for (const node of inlines) n += node.type === 'text' ? node.value.length : node.type === 'break' ? 40 : length(node.children);
  return n;
}

/** A page's text height: what a chain of kept pieces may take, less a margin for the estimates' error. */
const chainLimit = (style: StyleSheet): number => (style.page.height - 2 * style.page.margin) * 0.85;

// ---- pieces ----------------------------------------------------------------

const para = (options: ParagraphOptions, height: number, keep: Keep = 'none'): Piece => ({ kind: 'paragraph', options, keep, height });

/** A body paragraph's height: its lines and the space after it. */
function bodyHeight(ctx: BodyContext, inlines: readonly Inline[], indent = 0): number {
  const { font, paragraphSpacing } = ctx.style;
  return textHeight(length(inlines), font.size, textWidth(ctx.style) - indent, font.lineGap) + paragraphSpacing;
}

/** The title, printed once at the top of page 1 and kept with what follows. */
function titlePiece(title: string, ctx: BodyContext, bookmark?: string): Piece {
  const { style } = ctx;
  const children = (bookmark ?? '') + textRun(title, { styleBold: true }, ctx);
  return para({ style: ctx.styleIds.title, children }, textHeight(title.length, style.title.size, textWidth(style)) + style.title.spaceAfter, 'withNext');
}

function pieces(blocks: readonly Block[], ctx: BodyContext): Piece[] {
  const out: Piece[] = [];
  blocks.forEach((block, i) => {
    const made = blockPieces(block, ctx);
    const last = made.at(-1);
    // A paragraph is one piece: Word keeps its lines together and with the next.
    if (keepWithNext(block, blocks[i + 1]) && last?.kind === 'paragraph' && last.keep === 'none') last.keep = 'withNext';
    out.push(...made);
  });
  return out;
}

function blockPieces(block: Block, ctx: BodyContext): Piece[] {
  const { style, styleIds } = ctx;
  switch (block.type) {
    case 'heading': {
      const h = style.heading[block.level];
      const height = textHeight(length(block.children), h.size, textWidth(style)) + h.spaceBefore + h.spaceAfter;
      return [para({ style: styleIds[`heading${block.level}`], children: runs(block.children, { styleBold: true }, ctx) }, height, 'withNext')];
    }
    case 'paragraph':
      return [para({ children: runs(block.children, {}, ctx), ...(block.align ? { align: block.align } : {}) }, bodyHeight(ctx, block.children))];
    case 'list':
      return listPieces(block, 0, ctx);
    case 'table':
      return tablePieces(block, ctx);
    case 'pageBreak':
      return [{ kind: 'pageBreak', keep: 'none', height: 0 }];
    case 'keep':
      return keepTogether(pieces(block.children, ctx), chainLimit(style));
    case 'notice':
      return [noticePiece(block, ctx), spacer(style)];
    case 'checklist':
      return checklistPieces(block, ctx);
    case 'signature':
      return [signaturePiece(block, ctx), spacer(style)];
    case 'image': {
      const image = ctx.media.run(block.src, block.alt, { ...(block.width !== undefined ? { widthPt: block.width } : {}), maxWidthPt: textWidth(style) });
      return [para({ children: image.xml }, image.height + style.paragraphSpacing)];
    }
    case 'chart': {
      // Kept with its data table, as in the PDF.
      const chart = ctx.charts.run(block, textWidth(style), chainLimit(style));
      return [para({ children: chart.xml }, chart.height + style.paragraphSpacing, 'withNext')];
    }
  }
}

/**
 * Keeps pieces on one page: each kept with the next, the last kept whole (a
 * trailing spacer is not kept). Pieces that do not fit on a page are left to
 * flow: Word would move them whole and still break them, after a blank page.
 */
function keepTogether(list: Piece[], limit: number): Piece[] {
  if (list.reduce((sum, piece) => sum + piece.height, 0) > limit) return list;
  let last = list.length - 1;
  while (last > 0 && list[last]!.kind === 'paragraph' && (list[last] as { spacer?: boolean }).spacer) last -= 1;
  list.forEach((piece, i) => {
    if (i < last) piece.keep = 'withNext';
    else if (i === last && piece.keep !== 'withNext') piece.keep = 'together';
  });
  return list;
}

// ---- lists -----------------------------------------------------------------

function listPieces(list: List, depth: number, ctx: BodyContext): Piece[] {
  const level = Math.min(depth, 8);
  const start = Math.max(0, Math.floor(list.start ?? 1));
  const numbering = { level, numId: ctx.numbering.add(list.ordered, level, start) };
  // The markers' characters, for the embedded fonts.
  const bullet = BULLETS[level % BULLETS.length]!;
  if (list.ordered) ctx.glyphs.add('regular', '0123456789.abcdefghijklmnopqrstuvwxyz');
  else ctx.glyphs.add(ctx.glyphs.covered(bullet.charCodeAt(0)) ? 'regular' : 'symbols', bullet);
  const indent = listIndent(ctx.style, level);
  const item = (children: string, inlines: readonly Inline[], extra: Partial<ParagraphOptions>): Piece =>
    para({ style: ctx.styleIds.listParagraph, children, ...extra }, bodyHeight(ctx, inlines, indent.left / 20) - ctx.style.paragraphSpacing / 2);
  const out: Piece[] = [];
  for (const entry of list.items) {
    let numbered = false;
    for (const child of entry.children) {
      if (child.type === 'list') {
        out.push(...listPieces(child, depth + 1, ctx));
      } else if (child.type === 'paragraph') {
        const align = child.align ? { align: child.align } : {};
        out.push(item(runs(child.children, {}, ctx), child.children, { ...align, ...(numbered ? { indent: `w:left="${indent.left}"` } : { numbering }) }));
        numbered = true;
      } else {
        if (!numbered) out.push(item('', [], { numbering }));
        numbered = true;
        out.push(...blockPieces(child, ctx));
      }
    }
    if (!numbered && entry.children.length === 0) out.push(item('', [], { numbering }));
  }
  return out;
}

// ---- tables ----------------------------------------------------------------

/** Column widths in twips, from the columns' shares of the text width; equal shares when they are missing or odd. */
export function columnWidths(shares: readonly number[], count: number, total: number): number[] {
  const valid = shares.length === count && shares.every((w) => Number.isFinite(w) && w > 0);
  const sum = valid ? shares.reduce((a, b) => a + b, 0) : count;
  const widths = Array.from({ length: count }, (_, i) => Math.round(((valid ? shares[i]! : 1) / sum) * total));
  if (count > 0) widths[count - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** A spacer after a table, so the next block does not touch it (and two tables never merge into one). */
function spacer(style: StyleSheet): Piece {
  return {
    kind: 'paragraph',
    keep: 'none',
    spacer: true,
    height: style.paragraphSpacing,
    options: { children: '', spacing: spacing({ before: 0, after: 0, line: twips(style.paragraphSpacing), lineRule: 'exact' }) },
  };
}

/** A cell's paragraphs, kept with the next row's when its row is. */
const keptCell = (paragraphs: readonly ParagraphOptions[], keepNext: boolean): string => {
  let s = '';
  for (const p of paragraphs) s += paragraph(keepNext ? { ...p, keepNext: true } : p);
  return s;
};

function tablePieces(node: TableNode, ctx: BodyContext): Piece[] {
  const { style } = ctx;
  const t = style.table;
  const count = Math.max(node.columns.length, node.header.length, ...node.rows.map((r) => r.length), 1);
  const total = twips(textWidth(style));
  const widths = columnWidths(node.columns.map((c) => c.width), count, total);
  const aligns = widths.map((_, i) => {
    const align = node.columns[i]?.align ?? 'left';
    return align === 'left' ? {} : { align };
  });
  const rule = line(hex(t.borderColor), eighths(t.borderWidth));
  const pad = twips(t.cellPadding);
  const hasHeader = node.header.some((c) => c.children.length > 0);

  // Built once: links count their relationships as they are written.
  const cells = (cellsOfRow: readonly CellNode[], format: Format, fill?: string) => {
    const made = widths.map((width, i) => ({
      width,
      properties: fill ? shading(fill) : '',
      paragraph: { style: ctx.styleIds.tableText, ...aligns[i], children: runs(cellsOfRow[i]?.children ?? [], format, ctx) } as ParagraphOptions,
    }));
    const height = Math.max(...widths.map((width, i) => textHeight(length(cellsOfRow[i]?.children ?? []), t.fontSize, width / 20 - 2 * t.cellPadding))) + 2 * t.cellPadding;
    return { made, height };
  };
  const header = hasHeader ? cells(node.header, { bold: true }, t.headerFill) : undefined;
  const body = node.rows.map((r) => cells(r, {}));
  const rowXml = (c: ReturnType<typeof cells>, keepNext: boolean, isHeader = false) => {
    let s = '';
    for (const x of c.made) s += cell(x.width, x.properties, paragraph(keepNext ? { ...x.paragraph, keepNext: true } : x.paragraph));
    return row(s, isHeader);
  };
  const height = (header?.height ?? 0) + body.reduce((sum, r) => sum + r.height, 0);
  const lead = (header?.height ?? 0) + (body[0]?.height ?? 0);

  const make = (keep: Keep): string => {
    // The header row stays with the first row, so it is never left alone at the foot of a page.
    let rows = header ? rowXml(header, body.length > 0 || keep === 'withNext', true) : '';
    body.forEach((c, i) => {
      rows += rowXml(c, keep === 'withNext' || (keep === 'together' && i < body.length - 1));
    });
    return table({ style: ctx.styleIds.table, width: total, borders: borders('w:tblBorders', rule, rule), cellMargins: margins('w:tblCellMar', { top: pad, left: pad, bottom: pad, right: pad }), columns: widths, rows });
  };

  const out: Piece[] = [];
  if (node.caption && node.caption.length > 0) {
    const captionHeight = textHeight(length(node.caption), t.fontSize, textWidth(style)) + style.paragraphSpacing + t.cellPadding;
    out.push(para({ style: ctx.styleIds.caption, children: runs(node.caption, { styleItalics: true }, ctx) }, captionHeight, 'withNext'));
  }
  out.push({ kind: 'table', make, keep: 'none', height, lead }, spacer(style));
  return out;
}

// ---- notices ---------------------------------------------------------------

/** A notice: a one-cell table, shaded and bordered in the notice's colours, its title in bold. */
function noticePiece(node: Notice, ctx: BodyContext): Piece {
  const { style } = ctx;
  const colours = style.notice[node.kind];
  const side = line(hex(colours.border), eighths(1));
  const pad = twips(style.table.cellPadding * 1.5);
  const inner = [
    ...(node.title && node.title.length > 0 ? [para({ children: runs(node.title, { bold: true }, ctx), keepNext: true }, bodyHeight(ctx, node.title))] : []),
    ...pieces(node.children, ctx),
  ];
  const items = settle(inner, Number.POSITIVE_INFINITY);
  const width = twips(textWidth(style));
  const make = (keep: Keep): string =>
    table({
      width,
      borders: borders('w:tblBorders', side, side, line(hex(colours.border), eighths(3))),
      columns: [width],
      rows: row(
        cell(
          width,
          `${shading(colours.fill)}${margins('w:tcMar', { top: pad, left: pad, bottom: 0, right: pad })}`,
          items.length > 0 ? itemsXml(items, keep === 'withNext') : '<w:p/>',
        ),
      ),
    });
  const height = inner.reduce((sum, p) => sum + p.height, 0) + 3 * style.table.cellPadding;
  return { kind: 'table', make, keep: 'none', height, lead: height };
}

// ---- checklists ------------------------------------------------------------

/** ☐ / ☒ items: the box, the text on a hanging indent, the note after it in italics. */
function checklistPieces(node: Checklist, ctx: BodyContext): Piece[] {
  const { style } = ctx;
  const indent = twips(style.listIndent);
  return node.items.map((item, i) =>
    para(
      {
        indent: `w:left="${indent}" w:hanging="${indent}"`,
        spacing: spacing({ after: twips(i === node.items.length - 1 ? style.paragraphSpacing : style.paragraphSpacing / 2) }),
        children:
          textRun(item.checked ? '☒' : '☐', { font: ctx.symbolFont }, ctx) +
          TAB_RUN +
          runs(item.children, {}, ctx) +
          (item.note && item.note.length > 0 ? textRun(' — ', {}, ctx) + runs(item.note, { italics: true }, ctx) : ''),
      },
      bodyHeight(ctx, [...item.children, ...(item.note ?? [])], style.listIndent),
    ),
  );
}

// ---- signatures ------------------------------------------------------------

/** As the PDF: room to sign above the line, the gap between the two columns, and between rows. */
const COLUMN_GAP = 36;
const ROW_GAP = 22;
const BLANK_DATE = '____________________';

/**
 * Signers two to a row, as in the PDF: a borderless table whose cells hold
 * the room to sign (or the signature image) over a line, the name, the role
 * and the date or a blank for it. Rows never split, and the rows stay together.
 */
function signaturePiece(node: Signature, ctx: BodyContext): Piece {
  const { style } = ctx;
  const full = textWidth(style);
  const columns = full >= 360 ? 2 : 1;
  const width = twips((full - COLUMN_GAP * (columns - 1)) / columns);
  const gap = twips(full) - width * columns;
  const small = halfPoints(style.font.size - 1);
  const tight = spacing({ before: 0, after: 0, line: 240, lineRule: 'auto' });
  const rule = `<w:bottom ${line(hex(style.textColor), eighths(0.75), 1)}/>`;

  const signerParagraphs = (signer: Signer, first: boolean): ParagraphOptions[] => [
    {
      border: rule,
      spacing: spacing({ before: twips(first ? style.paragraphSpacing + 12 : ROW_GAP), after: twips(4), line: twips(SIGN_SPACE), lineRule: 'atLeast' }),
      children: signer.image ? ctx.media.run(signer.image, `Signature of ${signer.name}`, { maxWidthPt: full, widthPt: 144, maxHeightPt: SIGN_SPACE - 4 }).xml : '',
    },
    { spacing: tight, children: textRun(signer.name, { bold: true }, ctx) },
    { spacing: tight, children: textRun(signer.role, { size: small }, ctx) },
    { spacing: tight, children: textRun(`Date: ${signer.date ? formatLongDate(signer.date) : BLANK_DATE}`, { size: small }, ctx) },
  ];
  const rows: { cells: ParagraphOptions[][]; height: number }[] = [];
  for (let at = 0; at < node.signers.length; at += columns) {
    const signers = node.signers.slice(at, at + columns);
    const cells = signers.map((signer) => signerParagraphs(signer, at === 0));
    const lines = Math.max(...signers.map((s) => Math.ceil(s.name.length / ((width / 20) / (style.font.size * ADVANCE_PER_EM))) + 2));
    rows.push({ cells, height: (at === 0 ? style.paragraphSpacing + 12 : ROW_GAP) + SIGN_SPACE + 4 + lines * style.font.size * LINE_PER_EM });
  }
  const grid = columns === 2 ? [width, gap, width] : [width];
  const empty = (w: number) => cell(w, '', '<w:p/>');
  const make = (keep: Keep): string =>
    table({
      width: twips(full),
      borders: borders('w:tblBorders', NO_LINE, NO_LINE),
      cellMargins: margins('w:tblCellMar', { top: 0, left: 0, bottom: 0, right: 0 }),
      columns: grid,
      rows: rows
        .map((r, i) => {
          const keepNext = keep === 'withNext' || (keep === 'together' && i < rows.length - 1);
          const signerCell = (k: number) => (r.cells[k] ? cell(width, '', keptCell(r.cells[k]!, keepNext)) : empty(width));
          return row(columns === 2 ? signerCell(0) + empty(gap) + signerCell(1) : signerCell(0));
        })
        .join(''),
    });
  const height = rows.reduce((sum, r) => sum + r.height, 0);
  return { kind: 'table', make, keep: height <= chainLimit(style) ? 'together' : 'none', height, lead: rows[0]?.height ?? 0 };
}

// ---- the body --------------------------------------------------------------

/** What settle gives: paragraphs still as options, tables as XML. */
type Item = ParagraphOptions | string;

const PAGE_BREAK: ParagraphOptions = { spacing: 'w:before="0" w:after="0"', children: '<w:r><w:br w:type="page"/></w:r>' };

/**
 * The pieces with their keeps settled: no chain of pieces kept with the next
 * longer than `limit` points (the chain is cut before the piece that would
 * pass it), and page breaks folded into the next paragraph. A page break with
 * nothing after it would only add a blank last page: it is left out.
 */
function settle(list: readonly Piece[], limit: number): Item[] {
  let chain = 0;
  list.forEach((piece, i) => {
    if (piece.kind === 'table' && piece.height > limit) piece.keep = 'none';
    if (piece.keep !== 'withNext') {
      chain = 0;
      return;
    }
    chain += piece.height;
    const next = list[i + 1];
    // A table whose rows flow needs only its first rows on this page.
    const nextLead = next?.kind === 'table' && next.keep === 'none' ? next.lead : next?.height ?? 0;
    if (!next || next.kind === 'pageBreak' || chain + nextLead > limit) {
      piece.keep = 'together';
      chain = 0;
    }
  });
  const out: Item[] = [];
  let breakBefore = false;
  for (const piece of list) {
    if (piece.kind === 'pageBreak') {
      if (breakBefore) out.push({ ...PAGE_BREAK });
      breakBefore = true;
      continue;
    }
    if (piece.kind === 'table') {
      if (breakBefore) out.push({ ...PAGE_BREAK });
      out.push(piece.make(piece.keep));
    } else {
      // Pieces are made for this one document: their options are set in place.
      const options = piece.options;
      if (piece.keep === 'withNext') {
        options.keepNext = true;
        options.keepLines = true;
      } else if (piece.keep === 'together') {
        options.keepLines = true;
      }
      if (breakBefore) options.pageBreakBefore = true;
      out.push(options);
    }
    breakBefore = false;
  }
  return out;
}

/** The items as XML; `keepNext` adds keep-with-next to every paragraph (a notice kept with what follows). */
function itemsXml(items: readonly Item[], keepNext = false): string {
  let s = '';
  for (const item of items) s += typeof item === 'string' ? item : paragraph(keepNext ? { ...item, keepNext: true } : item);
  return s;
}

/** The body of document.xml: the title (with `bookmark`'s markup, when given, so a field can name its page), then every block. */
export function bodyXml(title: string, blocks: readonly Block[], ctx: BodyContext, bookmark?: string): string {
  return itemsXml(settle([titlePiece(title, ctx, bookmark), ...pieces(blocks, ctx)], chainLimit(ctx.style)));
}
