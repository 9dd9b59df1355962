/**
 * Blocks of the document tree as Word paragraphs and tables. Each block
 * becomes one or more pieces: plain options until the end, so a keep block,
 * a signature or a page break can still set keep-with-next or page-break-before
 * on the paragraphs it holds before they are built.
 */
import { formatLongDate } from '../../core/calendar-date.js';
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  LeaderType,
  LineRuleType,
  PageBreak,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type {
  Align,
  Block,
  Checklist,
  ImageSet,
  List,
  Notice,
  Signature,
  Table as TableNode,
  TableCell as CellNode,
} from '../../document/ast.js';
import type { StyleSheet } from '../style/style.js';
import { DocxRenderError } from './errors.js';
import { imageInfo } from './image-size.js';
import { runs, type IdCounter, type RunFormat } from './inline.js';
import { BULLET_LIST, CAPTION_STYLE, SYMBOL_FONT, TABLE_STYLE, TABLE_TEXT_STYLE, listIndent, orderedList } from './styles.js';
import { eighths, hex, pixels, twips } from './units.js';
import { keepTogether, type Keep } from './keep.js';

/** What one document's rendering shares: the style, the images, the id counters, the lists it used. */
export interface RenderContext {
  readonly style: StyleSheet;
  readonly images: ImageSet;
  readonly ids: IdCounter;
  /** Start numbers of the ordered lists used, each a numbering definition. */
  readonly orderedStarts: Set<number>;
}

/**
 * How a piece is kept with what follows: not at all, on one page itself
 * (keepLines, rows kept with the next but the last), or with the next piece.
 */

type Piece =
  | { readonly kind: 'paragraph'; options: IParagraphOptions; keep: Keep; readonly spacer?: boolean }
  | { readonly kind: 'table'; make: (keep: Keep) => Table; keep: Keep }
  | { readonly kind: 'pageBreak'; keep: Keep };

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Width of the text column in points. */
export const textWidth = (style: StyleSheet): number => style.page.width - 2 * style.page.margin;

/** The body: every block as paragraphs and tables, page breaks folded into the next paragraph where they can be. */
export function renderBlocks(blocks: readonly Block[], ctx: RenderContext): (Paragraph | Table)[] {
  return build(pieces(blocks, ctx));
}

function build(list: readonly Piece[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let breakBefore = false;
  for (const piece of list) {
    if (piece.kind === 'pageBreak') {
      if (breakBefore) out.push(new Paragraph({ children: [new PageBreak()], spacing: { before: 0, after: 0 } }));
      breakBefore = true;
      continue;
    }
    if (piece.kind === 'table') {
      if (breakBefore) out.push(new Paragraph({ children: [new PageBreak()], spacing: { before: 0, after: 0 } }));
      out.push(piece.make(piece.keep));
    } else {
      out.push(new Paragraph({ ...piece.options, ...keepOptions(piece.keep), ...(breakBefore ? { pageBreakBefore: true } : {}) }));
    }
    breakBefore = false;
  }
  // A page break with nothing after it would only add a blank last page: it is left out.
  return out;
}

function keepOptions(keep: Keep): Pick<IParagraphOptions, 'keepNext' | 'keepLines'> {
  if (keep === 'withNext') return { keepNext: true, keepLines: true };
  if (keep === 'together') return { keepLines: true };
  return {};
}

const paragraph = (options: IParagraphOptions, keep: Keep = 'none'): Piece => ({ kind: 'paragraph', options, keep });

function pieces(blocks: readonly Block[], ctx: RenderContext): Piece[] {
  return blocks.flatMap((block) => blockPieces(block, ctx));
}

function blockPieces(block: Block, ctx: RenderContext): Piece[] {
  switch (block.type) {
    case 'heading':
      return [paragraph({ heading: HEADING[block.level], children: runs(block.children, {}, ctx.ids), keepNext: true, keepLines: true }, 'withNext')];
    case 'paragraph':
      return [paragraph({ children: runs(block.children, {}, ctx.ids), ...(block.align ? { alignment: ALIGN[block.align] } : {}) })];
    case 'list':
      return listPieces(block, 0, ctx);
    case 'table':
      return tablePieces(block, ctx);
    case 'pageBreak':
      return [{ kind: 'pageBreak', keep: 'none' }];
    case 'keep':
      return keepTogether(pieces(block.children, ctx));
    case 'notice':
      return [noticePiece(block, ctx), spacer(ctx.style)];
    case 'checklist':
      return checklistPieces(block, ctx);
    case 'signature':
      return signaturePieces(block, ctx);
    case 'image':
      return [paragraph({ children: [imageRun(block.src, block.alt, block.width, ctx)] })];
  }
}

// ---- lists ---------------------------------------------------------------

/**
 * A list through a numbering definition: bullets share one, each ordered
 * list's start has its own, and every list is a new instance of it, so each
 * ordered list counts from its own start. Nested lists go one level deeper.
 */
function listPieces(list: List, depth: number, ctx: RenderContext): Piece[] {
  const level = Math.min(depth, 8);
  const start = Math.max(0, Math.floor(list.start ?? 1));
  if (list.ordered) ctx.orderedStarts.add(start);
  const numbering = { reference: list.ordered ? orderedList(start) : BULLET_LIST, level, instance: ctx.ids.next('list') };
  const indent = listIndent(ctx.style, level);
  const out: Piece[] = [];
  for (const item of list.items) {
    let numbered = false;
    for (const child of item.children) {
      if (child.type === 'list') {
        out.push(...listPieces(child, depth + 1, ctx));
      } else if (child.type === 'paragraph') {
        const options: IParagraphOptions = {
          children: runs(child.children, {}, ctx.ids),
          ...(child.align ? { alignment: ALIGN[child.align] } : {}),
          ...(numbered ? { indent: { left: indent.left } } : { numbering }),
        };
        out.push(paragraph(options));
        numbered = true;
      } else {
        if (!numbered) out.push(paragraph({ children: [], numbering }));
        numbered = true;
        out.push(...blockPieces(child, ctx));
      }
    }
    if (!numbered && item.children.length === 0) out.push(paragraph({ children: [], numbering }));
  }
  return out;
}

// ---- tables --------------------------------------------------------------

function border(color: string, widthPt: number): IBorderOptions {
  return { style: BorderStyle.SINGLE, size: eighths(widthPt), color: hex(color), space: 0 };
}

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
    options: { children: [], spacing: { before: 0, after: 0, line: twips(style.paragraphSpacing), lineRule: LineRuleType.EXACT } },
  };
}

function tablePieces(node: TableNode, ctx: RenderContext): Piece[] {
  const { style } = ctx;
  const count = Math.max(node.columns.length, node.header.length, ...node.rows.map((r) => r.length), 1);
  const total = twips(textWidth(style));
  const widths = columnWidths(node.columns.map((c) => c.width), count, total);
  // Left is what a paragraph is anyway; leaving it out keeps the 120-row table's XML smaller.
  const align = (i: number) => (node.columns[i]?.align ?? 'left') === 'left' ? {} : { alignment: ALIGN[node.columns[i]!.align] };
  const line = border(style.table.borderColor, style.table.borderWidth);
  const pad = twips(style.table.cellPadding);
  const hasHeader = node.header.some((c) => c.children.length > 0);

  const cells = (row: readonly CellNode[], format: RunFormat, fill?: string) =>
    widths.map(
      (width, i) =>
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          ...(fill ? { shading: { fill: hex(fill), type: ShadingType.CLEAR, color: 'auto' } } : {}),
          children: [
            new Paragraph({ style: TABLE_TEXT_STYLE, ...align(i), children: runs(row[i]?.children ?? [], format, ctx.ids) }),
          ],
        }),
    );

  // Built once: the runs carry link ids, which must not be counted twice.
  const header = hasHeader ? cells(node.header, { bold: true }, style.table.headerFill) : undefined;
  const body = node.rows.map((row) => cells(row, {}));

  const make = (keep: Keep): Table => {
    const rows = [
      // The header row is kept with the first row, so it is never left alone at the foot of a page.
      ...(header ? [new TableRow({ tableHeader: true, cantSplit: true, keepNext: body.length > 0 || keep === 'withNext', children: header })] : []),
      ...body.map(
        (children, i) =>
          new TableRow({
            cantSplit: true,
            children,
            ...(keep === 'withNext' || (keep === 'together' && i < body.length - 1) ? { keepNext: true } : {}),
          }),
      ),
    ];
    return new Table({
      style: TABLE_STYLE,
      rows,
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: { top: pad, bottom: pad, left: pad, right: pad },
      borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    });
  };

  const out: Piece[] = [];
  if (node.caption && node.caption.length > 0) {
    out.push(paragraph({ style: CAPTION_STYLE, children: runs(node.caption, {}, ctx.ids), keepNext: true }, 'withNext'));
  }
  out.push({ kind: 'table', make, keep: 'none' }, spacer(style));
  return out;
}

// ---- notices -------------------------------------------------------------

/** A notice: a one-cell table, shaded and bordered in the notice's colours, its title in bold. */
function noticePiece(node: Notice, ctx: RenderContext): Piece {
  const { style } = ctx;
  const colours = style.notice[node.kind];
  const side = border(colours.border, 1);
  const pad = twips(style.table.cellPadding * 1.5);
  const inner = build([
    ...(node.title && node.title.length > 0 ? [paragraph({ children: runs(node.title, { bold: true }, ctx.ids), keepNext: true })] : []),
    ...pieces(node.children, ctx),
  ]);
  const children = inner.length > 0 ? inner : [new Paragraph({ children: [] })];
  const make = (keep: Keep): Table =>
    new Table({
      rows: [
        new TableRow({
          cantSplit: true,
          ...(keep === 'withNext' ? { keepNext: true } : {}),
          children: [
            new TableCell({
              width: { size: twips(textWidth(style)), type: WidthType.DXA },
              shading: { fill: hex(colours.fill), type: ShadingType.CLEAR, color: 'auto' },
              margins: { top: pad, bottom: 0, left: pad, right: pad },
              children,
            }),
          ],
        }),
      ],
      width: { size: twips(textWidth(style)), type: WidthType.DXA },
      columnWidths: [twips(textWidth(style))],
      layout: TableLayoutType.FIXED,
      borders: { top: side, bottom: side, right: side, left: border(colours.border, 3), insideHorizontal: side, insideVertical: side },
    });
  return { kind: 'table', make, keep: 'none' };
}

// ---- checklists ----------------------------------------------------------

const CHECKED = '☒';
const UNCHECKED = '☐';

/** ☐ / ☒ items: the box in a symbol font, the text on a hanging indent, the note after it in italics. */
function checklistPieces(node: Checklist, ctx: RenderContext): Piece[] {
  const { style } = ctx;
  const indent = twips(style.listIndent);
  const symbol = { ascii: SYMBOL_FONT, hAnsi: SYMBOL_FONT, cs: SYMBOL_FONT, eastAsia: SYMBOL_FONT };
  return node.items.map((item, i) =>
    paragraph({
      indent: { left: indent, hanging: indent },
      spacing: { after: twips(i === node.items.length - 1 ? style.paragraphSpacing : style.paragraphSpacing / 2) },
      children: [
        new TextRun({ text: item.checked ? CHECKED : UNCHECKED, font: symbol }),
        new TextRun({ children: [new Tab()] }),
        ...runs(item.children, {}, ctx.ids),
        ...(item.note && item.note.length > 0 ? [new TextRun({ text: ' — ' }), ...runs(item.note, { italics: true }, ctx.ids)] : []),
      ],
    }),
  );
}

// ---- signatures ----------------------------------------------------------

/** The length of the line to sign on, and where the line for a date ends. */
const SIGNATURE_LINE = 252;
const DATE_LINE = 160;

/**
 * For each signer: room to sign (or the signature image), a line, the name,
 * the role, and the date or a line for it. The whole block stays on one page.
 */
function signaturePieces(node: Signature, ctx: RenderContext): Piece[] {
  const { style } = ctx;
  const rightIndent = twips(Math.max(0, textWidth(style) - SIGNATURE_LINE));
  const rule = border(style.textColor, 0.75);
  const tight = { before: 0, after: 0 };
  const out: Piece[] = [];
  node.signers.forEach((signer, i) => {
    const first = i === 0;
    const signatureRun: ParagraphChild[] = signer.image ? [imageRun(signer.image, `Signature of ${signer.name}`, 144, ctx, 40)] : [];
    out.push(
      paragraph({
        children: signatureRun,
        indent: { right: rightIndent },
        spacing: { before: twips(first ? 24 : 30), after: twips(2) },
        border: { bottom: { ...rule, space: 1 } },
      }),
      paragraph({ children: [new TextRun({ text: signer.name, bold: true })], spacing: tight }),
      paragraph({ children: [new TextRun({ text: signer.role })], spacing: tight }),
      paragraph({
        // A blank date is a tab with an underscore leader: Word does not underline trailing spaces.
        children: signer.date
          ? [new TextRun({ text: `Date: ${formatLongDate(signer.date)}` })]
          : [new TextRun({ text: 'Date: ' }), new TextRun({ children: [new Tab()] })],
        ...(signer.date ? {} : { tabStops: [{ type: TabStopType.LEFT, position: twips(DATE_LINE), leader: LeaderType.UNDERSCORE }] }),
        spacing: { before: twips(style.paragraphSpacing), after: twips(style.paragraphSpacing) },
      }),
    );
  });
  return keepTogether(out);
}

// ---- images --------------------------------------------------------------

/**
 * An image at `widthPt` points wide (its own size at 96 dpi when not given,
 * never wider than the text), its height in proportion, at most `maxHeightPt`.
 */
export function imageRun(key: string, alt: string, widthPt: number | undefined, ctx: RenderContext, maxHeightPt?: number): ImageRun {
  const data = ctx.images[key];
  if (!data) throw new DocxRenderError(`image "${key}" is not among the document's images`);
  const info = imageInfo(data);
  if (!info) throw new DocxRenderError(`image "${key}" is not a PNG or JPEG file`);
  let width = Math.min(widthPt ?? (info.width * 72) / 96, textWidth(ctx.style));
  let height = (width * info.height) / info.width;
  if (maxHeightPt !== undefined && height > maxHeightPt) {
    width = (width * maxHeightPt) / height;
    height = maxHeightPt;
  }
  const id = ctx.ids.next('drawing');
  return new ImageRun({
    type: info.type,
    data,
    transformation: { width: Math.max(1, pixels(width)), height: Math.max(1, pixels(height)) },
    altText: { id: String(id), name: `Picture ${id}`, description: alt, title: alt },
  });
}
