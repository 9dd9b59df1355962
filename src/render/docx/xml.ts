/**
 * The DOCX writer's parts written as strings straight from the tree: the same
 * elements, attributes and text the docx package writes for the objects
 * legacy.ts builds (blocks.ts, inline.ts, furniture.ts), in a fraction of the
 * time. The pieces and their keep rules mirror blocks.ts one for one;
 * differential.test.ts checks every part against the docx package's.
 *
 * Counted in the order legacy.ts counts them: link and drawing ids as the
 * pieces are made (a table's caption after its cells), list numbers (numId) in
 * the order the lists first appear in document.xml, relationships as docx
 * numbers them.
 */
import { createHash } from 'node:crypto';
import { formatLongDate } from '../../core/calendar-date.js';
import type { Align, Block, Checklist, DocumentTree, Inline, List, Notice, Signature, Table as TableNode, TableCell as CellNode } from '../../document/ast.js';
import { STYLE, type StyleSheet } from '../style/style.js';
import { columnWidths, textWidth } from './blocks.js';
import { DocxRenderError } from './errors.js';
import { imageInfo } from './image-size.js';
import type { DocxOptions } from './index.js';
import { corePropertiesXml, parseDate, type PackageFiles } from './package.js';
import { staticParts, type StaticParts } from './static-parts.js';
import {
  BULLET_LIST,
  CAPTION_STYLE,
  FOOTER_STYLE,
  HEADER_STYLE,
  HYPERLINK_STYLE,
  SYMBOL_FONT,
  TABLE_STYLE,
  TABLE_TEXT_STYLE,
  TITLE_STYLE,
  listIndent,
  orderedList,
} from './styles.js';
import { cleanText } from './text.js';
import { eighths, halfPoints, hex, pixels, twips } from './units.js';
import { keepTogether, type Keep } from './keep.js';

// ---- escaping ------------------------------------------------------------

const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text and attribute values as docx escapes them: & " ' < > as entities, control characters dropped. */
export function esc(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, (c) => ENTITY[c] ?? '') : value;
}

// ---- runs ----------------------------------------------------------------

interface Format {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly style?: string;
  readonly font?: string;
  readonly color?: string;
  readonly size?: number;
}

function runProperties(f: Format): string {
  let s = '';
  if (f.style !== undefined) s += `<w:rStyle w:val="${esc(f.style)}"/>`;
  if (f.font !== undefined) {
    const font = esc(f.font);
    s += `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`;
  }
  if (f.bold) s += '<w:b/><w:bCs/>';
  if (f.italics) s += '<w:i/><w:iCs/>';
  if (f.color !== undefined) s += `<w:color w:val="${f.color}"/>`;
  if (f.size !== undefined) s += `<w:sz w:val="${f.size}"/><w:szCs w:val="${f.size}"/>`;
  return s === '' ? '' : `<w:rPr>${s}</w:rPr>`;
}

/** A run of text (escaped here; clean it first where docx's callers do). */
const textRun = (text: string, f: Format = {}): string => `<w:r>${runProperties(f)}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const TAB_RUN = '<w:r><w:tab/></w:r>';

/** Ids counted per document, in the order legacy.ts counts them. */
interface Counters {
  link: number;
  drawing: number;
  list: number;
}

interface Ctx {
  readonly style: StyleSheet;
  readonly images: DocxOptions['images'];
  readonly ids: Counters;
  readonly orderedStarts: Set<number>;
  /** Link id → address. */
  readonly links: Map<number, string>;
  /** List instance → its numbering reference. */
  readonly lists: Map<number, string>;
  /** Image file by the media key docx gives it (sha1 of the bytes and the type). */
  readonly media: Media;
}

function runs(inlines: readonly Inline[], format: Format, ctx: Ctx): string {
  const walk = (nodes: readonly Inline[], f: Format, inLink: boolean): string => {
    let s = '';
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const text = cleanText(node.value);
          if (text) s += textRun(text, f);
          break;
        }
        case 'strong':
          s += walk(node.children, { ...f, bold: true }, inLink);
          break;
        case 'emphasis':
          s += walk(node.children, { ...f, italics: true }, inLink);
          break;
        case 'break':
          s += `<w:r>${runProperties(f)}<w:br/></w:r>`;
          break;
        case 'link': {
          if (inLink || !/^(https?:|mailto:)/i.test(node.url)) {
            s += walk(node.children, f, inLink);
            break;
          }
          const linked: Format = { ...f, style: HYPERLINK_STYLE };
          let children = walk(node.children, linked, true);
          if (children === '') children = textRun(cleanText(node.url), linked);
          const id = (ctx.ids.link += 1);
          ctx.links.set(id, cleanText(node.url).trim());
          s += `<w:hyperlink w:history="1" r:id="rIdLink${id}">${children}</w:hyperlink>`;
          break;
        }
      }
    }
    return s;
  };
  return walk(inlines, format, false);
}

// ---- paragraphs ----------------------------------------------------------

interface ParagraphOptions {
  style?: string;
  /** A list paragraph: its level and list instance (numId is filled in at the end). */
  numbering?: { readonly level: number; readonly instance: number };
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** `w:pBdr`'s content. */
  border?: string;
  /** `w:tabs`'s content. */
  tabs?: string;
  /** `w:spacing`'s attributes. */
  spacing?: string;
  /** `w:ind`'s attributes. */
  indent?: string;
  align?: Align;
  children: string;
}

const onOff = (name: string, value: boolean | undefined): string => (value === undefined ? '' : value ? `<${name}/>` : `<${name} w:val="false"/>`);

/** A list's numId placeholder: \x01instance\x01 (control characters never reach the XML otherwise). */
const NUM_PLACEHOLDER = /\x01(\d+)\x01/g;

function paragraph(o: ParagraphOptions): string {
  let p = '';
  const style = o.style ?? (o.numbering ? 'ListParagraph' : undefined);
  if (style !== undefined) p += `<w:pStyle w:val="${esc(style)}"/>`;
  p += onOff('w:keepNext', o.keepNext);
  p += onOff('w:keepLines', o.keepLines);
  if (o.pageBreakBefore) p += '<w:pageBreakBefore/>';
  if (o.numbering) p += `<w:numPr><w:ilvl w:val="${o.numbering.level}"/><w:numId w:val="\x01${o.numbering.instance}\x01"/></w:numPr>`;
  if (o.border !== undefined) p += `<w:pBdr>${o.border}</w:pBdr>`;
  if (o.tabs !== undefined) p += `<w:tabs>${o.tabs}</w:tabs>`;
  if (o.spacing !== undefined) p += `<w:spacing ${o.spacing}/>`;
  if (o.indent !== undefined) p += `<w:ind ${o.indent}/>`;
  if (o.align !== undefined) p += `<w:jc w:val="${o.align}"/>`;
  if (p === '') return o.children === '' ? '<w:p/>' : `<w:p>${o.children}</w:p>`;
  return `<w:p><w:pPr>${p}</w:pPr>${o.children}</w:p>`;
}

const spacing = (s: { before?: number; after?: number; line?: number; lineRule?: string }): string =>
  [
    s.after !== undefined ? `w:after="${s.after}"` : '',
    s.before !== undefined ? `w:before="${s.before}"` : '',
    s.line !== undefined ? `w:line="${s.line}"` : '',
    s.lineRule !== undefined ? `w:lineRule="${s.lineRule}"` : '',
  ]
    .filter(Boolean)
    .join(' ');

const borderAttributes = (color: string, size: number, space?: number): string =>
  `w:val="single" w:color="${color}" w:sz="${size}"${space === undefined ? '' : ` w:space="${space}"`}`;

// ---- pieces (as blocks.ts) -----------------------------------------------


type Piece =
  | { readonly kind: 'paragraph'; options: ParagraphOptions; keep: Keep; readonly spacer?: boolean }
  | { readonly kind: 'table'; make: (keep: Keep) => string; keep: Keep }
  | { readonly kind: 'pageBreak'; keep: Keep };

/** What build gives: paragraphs still as options (a table row may add keepNext to them), tables as XML. */
type Item = ParagraphOptions | string;

const PAGE_BREAK: ParagraphOptions = { spacing: 'w:after="0" w:before="0"', children: '<w:r><w:br w:type="page"/></w:r>' };

function build(list: readonly Piece[]): Item[] {
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
      const options = { ...piece.options };
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

/** The items as XML; `rowKeepNext` is a table row's keepNext, which docx adds to the paragraphs of its cells that have none. */
function itemsXml(items: readonly Item[], rowKeepNext?: boolean): string {
  let s = '';
  for (const item of items) {
    if (typeof item === 'string') s += item;
    else s += paragraph(rowKeepNext === undefined || item.keepNext !== undefined ? item : { ...item, keepNext: rowKeepNext });
  }
  return s;
}

const para = (options: ParagraphOptions, keep: Keep = 'none'): Piece => ({ kind: 'paragraph', options, keep });

function pieces(blocks: readonly Block[], ctx: Ctx): Piece[] {
  return blocks.flatMap((block) => blockPieces(block, ctx));
}

function blockPieces(block: Block, ctx: Ctx): Piece[] {
  switch (block.type) {
    case 'heading':
      return [para({ style: `Heading${block.level}`, children: runs(block.children, {}, ctx), keepNext: true, keepLines: true }, 'withNext')];
    case 'paragraph':
      return [para({ children: runs(block.children, {}, ctx), ...(block.align ? { align: block.align } : {}) })];
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
      return [para({ children: imageRun(block.src, block.alt, block.width, ctx) })];
  }
}

function listPieces(list: List, depth: number, ctx: Ctx): Piece[] {
  const level = Math.min(depth, 8);
  const start = Math.max(0, Math.floor(list.start ?? 1));
  if (list.ordered) ctx.orderedStarts.add(start);
  const instance = (ctx.ids.list += 1);
  ctx.lists.set(instance, list.ordered ? orderedList(start) : BULLET_LIST);
  const numbering = { level, instance };
  const indent = listIndent(ctx.style, level);
  const out: Piece[] = [];
  for (const item of list.items) {
    let numbered = false;
    for (const child of item.children) {
      if (child.type === 'list') {
        out.push(...listPieces(child, depth + 1, ctx));
      } else if (child.type === 'paragraph') {
        out.push(
          para({
            children: runs(child.children, {}, ctx),
            ...(child.align ? { align: child.align } : {}),
            ...(numbered ? { indent: `w:left="${indent.left}"` } : { numbering }),
          }),
        );
        numbered = true;
      } else {
        if (!numbered) out.push(para({ children: '', numbering }));
        numbered = true;
        out.push(...blockPieces(child, ctx));
      }
    }
    if (!numbered && item.children.length === 0) out.push(para({ children: '', numbering }));
  }
  return out;
}

function spacer(style: StyleSheet): Piece {
  return { kind: 'paragraph', keep: 'none', spacer: true, options: { children: '', spacing: spacing({ before: 0, after: 0, line: twips(style.paragraphSpacing), lineRule: 'exact' }) } };
}

const SIDES = ['top', 'left', 'bottom', 'right'] as const;

/** `w:tblBorders`: top, left, bottom, right, insideH, insideV. */
function tableBorders(b: { top: string; left: string; bottom: string; right: string; insideH: string; insideV: string }): string {
  return `<w:tblBorders><w:top ${b.top}/><w:left ${b.left}/><w:bottom ${b.bottom}/><w:right ${b.right}/><w:insideH ${b.insideH}/><w:insideV ${b.insideV}/></w:tblBorders>`;
}

function margins(tag: string, m: { top: number; left: number; bottom: number; right: number }): string {
  return `<${tag}>${SIDES.map((side) => `<w:${side} w:type="dxa" w:w="${m[side]}"/>`).join('')}</${tag}>`;
}

function table(o: { style?: string; width: number; borders: string; cellMargins?: string; columns: readonly number[]; rows: string }): string {
  return (
    `<w:tbl><w:tblPr>${o.style ? `<w:tblStyle w:val="${o.style}"/>` : ''}<w:tblW w:type="dxa" w:w="${o.width}"/>${o.borders}<w:tblLayout w:type="fixed"/>${o.cellMargins ?? ''}</w:tblPr>` +
    `<w:tblGrid>${o.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${o.rows}</w:tbl>`
  );
}

const row = (cells: string, header = false): string => `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;

const cell = (properties: string, content: string): string => `<w:tc><w:tcPr>${properties}</w:tcPr>${content}</w:tc>`;

const shading = (fill: string): string => `<w:shd w:fill="${hex(fill)}" w:color="auto" w:val="clear"/>`;

function tablePieces(node: TableNode, ctx: Ctx): Piece[] {
  const { style } = ctx;
  const count = Math.max(node.columns.length, node.header.length, ...node.rows.map((r) => r.length), 1);
  const total = twips(textWidth(style));
  const widths = columnWidths(node.columns.map((c) => c.width), count, total);
  const aligns = widths.map((_, i) => {
    const align = node.columns[i]?.align ?? 'left';
    return align === 'left' ? undefined : align;
  });
  const line = borderAttributes(hex(style.table.borderColor), eighths(style.table.borderWidth), 0);
  const pad = twips(style.table.cellPadding);
  const hasHeader = node.header.some((c) => c.children.length > 0);

  // Each cell: its properties and its paragraph's options, written when the row's keepNext is known.
  const cells = (cellsOfRow: readonly CellNode[], format: Format, fill?: string) =>
    widths.map((width, i) => {
      const align = aligns[i];
      return {
        properties: `<w:tcW w:type="dxa" w:w="${width}"/>${fill ? shading(fill) : ''}`,
        paragraph: { style: TABLE_TEXT_STYLE, ...(align ? { align } : {}), children: runs(cellsOfRow[i]?.children ?? [], format, ctx) } as ParagraphOptions,
      };
    });
  const header = hasHeader ? cells(node.header, { bold: true }, style.table.headerFill) : undefined;
  const body = node.rows.map((r) => cells(r, {}));
  const rowXml = (c: ReturnType<typeof cells>, keepNext: boolean | undefined, isHeader = false) =>
    row(c.map((x) => cell(x.properties, itemsXml([x.paragraph], keepNext))).join(''), isHeader);

  const make = (keep: Keep): string => {
    let rows = header ? rowXml(header, body.length > 0 || keep === 'withNext', true) : '';
    body.forEach((c, i) => {
      rows += rowXml(c, keep === 'withNext' || (keep === 'together' && i < body.length - 1) ? true : undefined);
    });
    return table({
      style: TABLE_STYLE,
      width: total,
      borders: tableBorders({ top: line, left: line, bottom: line, right: line, insideH: line, insideV: line }),
      cellMargins: margins('w:tblCellMar', { top: pad, left: pad, bottom: pad, right: pad }),
      columns: widths,
      rows,
    });
  };

  const out: Piece[] = [];
  if (node.caption && node.caption.length > 0) {
    out.push(para({ style: CAPTION_STYLE, children: runs(node.caption, {}, ctx), keepNext: true }, 'withNext'));
  }
  out.push({ kind: 'table', make, keep: 'none' }, spacer(style));
  return out;
}

function noticePiece(node: Notice, ctx: Ctx): Piece {
  const { style } = ctx;
  const colours = style.notice[node.kind];
  const side = borderAttributes(hex(colours.border), eighths(1), 0);
  const pad = twips(style.table.cellPadding * 1.5);
  const inner = build([
    ...(node.title && node.title.length > 0 ? [para({ children: runs(node.title, { bold: true }, ctx), keepNext: true })] : []),
    ...pieces(node.children, ctx),
  ]);
  const children: Item[] = inner.length > 0 ? inner : [{ children: '' }];
  const width = twips(textWidth(style));
  const make = (keep: Keep): string =>
    table({
      width,
      borders: tableBorders({ top: side, left: borderAttributes(hex(colours.border), eighths(3), 0), bottom: side, right: side, insideH: side, insideV: side }),
      columns: [width],
      rows: row(
        cell(
          `<w:tcW w:type="dxa" w:w="${width}"/>${shading(colours.fill)}${margins('w:tcMar', { top: pad, left: pad, bottom: 0, right: pad })}`,
          itemsXml(children, keep === 'withNext' ? true : undefined),
        ),
      ),
    });
  return { kind: 'table', make, keep: 'none' };
}

function checklistPieces(node: Checklist, ctx: Ctx): Piece[] {
  const { style } = ctx;
  const indent = twips(style.listIndent);
  return node.items.map((item, i) =>
    para({
      indent: `w:left="${indent}" w:hanging="${indent}"`,
      spacing: spacing({ after: twips(i === node.items.length - 1 ? style.paragraphSpacing : style.paragraphSpacing / 2) }),
      children:
        textRun(item.checked ? '☒' : '☐', { font: SYMBOL_FONT }) +
        TAB_RUN +
        runs(item.children, {}, ctx) +
        (item.note && item.note.length > 0 ? textRun(' — ') + runs(item.note, { italics: true }, ctx) : ''),
    }),
  );
}

const SIGNATURE_LINE = 252;
const DATE_LINE = 160;

function signaturePieces(node: Signature, ctx: Ctx): Piece[] {
  const { style } = ctx;
  const rightIndent = twips(Math.max(0, textWidth(style) - SIGNATURE_LINE));
  const rule = borderAttributes(hex(style.textColor), eighths(0.75), 1);
  const tight = spacing({ before: 0, after: 0 });
  const out: Piece[] = [];
  node.signers.forEach((signer, i) => {
    const first = i === 0;
    const signature = signer.image ? imageRun(signer.image, `Signature of ${signer.name}`, 144, ctx, 40) : '';
    out.push(
      para({ children: signature, indent: `w:right="${rightIndent}"`, spacing: spacing({ before: twips(first ? 24 : 30), after: twips(2) }), border: `<w:bottom ${rule}/>` }),
      para({ children: textRun(signer.name, { bold: true }), spacing: tight }),
      para({ children: textRun(signer.role), spacing: tight }),
      para({
        children: signer.date ? textRun(`Date: ${formatLongDate(signer.date)}`) : textRun('Date: ') + TAB_RUN,
        ...(signer.date ? {} : { tabs: `<w:tab w:val="left" w:pos="${twips(DATE_LINE)}" w:leader="underscore"/>` }),
        spacing: spacing({ before: twips(style.paragraphSpacing), after: twips(style.paragraphSpacing) }),
      }),
    );
  });
  return keepTogether(out);
}

// ---- images --------------------------------------------------------------

interface MediaFile {
  readonly fileName: string;
  readonly data: Uint8Array;
}

/** The document's images as docx names them: one file per distinct content, image1.png, image2.png, image1.jpg… */
class Media {
  readonly files = new Map<string, MediaFile>();
  private readonly counts = new Map<string, number>();
  private readonly keys = new Map<Uint8Array, string>();
  /** The bytes and type of each key an image run used. */
  readonly used = new Map<string, { data: Uint8Array; type: string }>();

  key(data: Uint8Array, type: string): string {
    let key = this.keys.get(data);
    if (key === undefined) {
      key = `${createHash('sha1').update(data).digest('hex')}.${type}`;
      this.keys.set(data, key);
    }
    if (!this.used.has(key)) this.used.set(key, { data, type });
    return key;
  }

  /** Adds the image the first time a part uses it, as docx does when it writes the part. */
  use(key: string, data: Uint8Array, type: string): MediaFile {
    let file = this.files.get(key);
    if (!file) {
      const n = (this.counts.get(type) ?? 0) + 1;
      this.counts.set(type, n);
      file = { fileName: `image${n}.${type}`, data };
      this.files.set(key, file);
    }
    return file;
  }
}

/** Image placeholder in a part's XML until its relationship id is known: \x02key\x02. */
const IMAGE_PLACEHOLDER = /\x02([^\x02]+)\x02/g;

const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';

function imageRun(key: string, alt: string, widthPt: number | undefined, ctx: Ctx, maxHeightPt?: number): string {
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
  const id = (ctx.ids.drawing += 1);
  const cx = Math.max(1, pixels(width)) * 9525;
  const cy = Math.max(1, pixels(height)) * 9525;
  const mediaKey = ctx.media.key(data, info.type);
  const text = esc(alt);
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent t="0" r="0" b="0" l="0"/>` +
    `<wp:docPr id="${id}" name="Picture ${id}" descr="${text}" title="${text}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}"><pic:nvPicPr><pic:cNvPr id="0" name="" descr=""/>` +
    `<pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="\x02${mediaKey}\x02" cstate="none"/><a:srcRect/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    `</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/**
 * A part's images in the order they were added to the media (docx's order),
 * each given `rId(offset + i)`, with the placeholders replaced.
 */
function placeImages(xml: string, ctx: Ctx, offset: number): { xml: string; images: MediaFile[] } {
  if (!xml.includes('\x02')) return { xml, images: [] };
  const keys = new Set<string>();
  for (const m of xml.matchAll(IMAGE_PLACEHOLDER)) keys.add(m[1]!);
  // docx adds an image to the media when it writes it: the parts are written document first, then the headers.
  for (const key of keys) {
    const { data, type } = ctx.media.used.get(key)!;
    ctx.media.use(key, data, type);
  }
  const ordered = [...ctx.media.files.keys()].filter((key) => keys.has(key));
  const ids = new Map(ordered.map((key, i) => [key, `rId${offset + i}`]));
  return { xml: xml.replace(IMAGE_PLACEHOLDER, (_, key: string) => ids.get(key)!), images: ordered.map((key) => ctx.media.files.get(key)!) };
}

// ---- headers and footers (as furniture.ts) -------------------------------

function watermarkRun(parts: StaticParts, n: number): string {
  return `${parts.watermark[0]}PowerPlusWaterMarkObject${n}${parts.watermark[1]}`;
}

const rightTab = (style: StyleSheet) => `<w:tab w:val="right" w:pos="${twips(textWidth(style))}"/>`;

function runningHeader(tree: DocumentTree, ctx: Ctx, parts: StaticParts): string {
  const { style } = ctx;
  const { meta } = tree;
  let children = textRun(cleanText(meta.runningHeader ?? meta.title));
  if (meta.draft) children += TAB_RUN + textRun(style.watermark.text, { bold: true }) + watermarkRun(parts, 1);
  return paragraph({
    style: HEADER_STYLE,
    border: `<w:bottom ${borderAttributes(hex(style.table.borderColor), eighths(style.table.borderWidth), 4)}/>`,
    tabs: rightTab(style),
    children,
  });
}

function letterheadHeader(tree: DocumentTree, ctx: Ctx, parts: StaticParts): string {
  const { style } = ctx;
  const letterhead = tree.letterhead!;
  const lh = style.letterhead;
  const color = hex(lh.color);
  const tight = spacing({ before: 0, after: 0, line: 240, lineRule: 'auto' });
  const lines =
    paragraph({ spacing: tight, children: textRun(cleanText(letterhead.name), { bold: true, size: halfPoints(lh.nameSize), color }) }) +
    [...letterhead.addressLines, ...(letterhead.phone ? [`Phone ${letterhead.phone}`] : [])]
      .map((line) => paragraph({ style: HEADER_STYLE, spacing: tight, children: textRun(cleanText(line)) }))
      .join('');
  const none = 'w:val="none" w:color="auto" w:sz="0"';
  const full = twips(textWidth(style));
  let top = lines;
  if (letterhead.logo) {
    const info = ctx.images[letterhead.logo] ? imageInfo(ctx.images[letterhead.logo]!) : undefined;
    const logoPt = info ? Math.min((lh.logoHeight * info.width) / info.height, lh.logoMaxWidth) : lh.logoHeight;
    const logo = imageRun(letterhead.logo, `${letterhead.name} logo`, logoPt, ctx, lh.logoHeight);
    const logoWidth = twips(logoPt + 10);
    const center = '<w:vAlign w:val="center"/>';
    top = table({
      width: full,
      borders: tableBorders({ top: none, left: none, bottom: none, right: none, insideH: none, insideV: none }),
      cellMargins: margins('w:tblCellMar', { top: 0, left: 0, bottom: 0, right: twips(6) }),
      columns: [logoWidth, full - logoWidth],
      rows: row(
        cell(`<w:tcW w:type="dxa" w:w="${logoWidth}"/>${center}`, paragraph({ spacing: tight, children: logo })) +
          cell(`<w:tcW w:type="dxa" w:w="${full - logoWidth}"/>${center}`, lines),
      ),
    });
  }
  return (
    top +
    paragraph({
      style: HEADER_STYLE,
      border: `<w:bottom ${borderAttributes(color, eighths(style.table.borderWidth * 2), 4)}/>`,
      spacing: spacing({ before: 0, after: twips(style.heading[1].spaceBefore), line: 240, lineRule: 'auto' }),
      align: 'left',
      children: tree.meta.draft ? watermarkRun(parts, 2) : '',
    })
  );
}

const FIELD = (instruction: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

function footer(tree: DocumentTree, style: StyleSheet): string {
  const { meta } = tree;
  const mark = meta.internal ? TAB_RUN + textRun(cleanText(style.internalMark.text), { bold: true, color: hex(style.internalMark.color) }) : '';
  return (
    paragraph({
      style: FOOTER_STYLE,
      border: `<w:top ${borderAttributes(hex(style.table.borderColor), eighths(style.table.borderWidth), 4)}/>`,
      children: textRun(cleanText(meta.confidentiality)),
    }) +
    paragraph({
      style: FOOTER_STYLE,
      tabs: (meta.internal ? `<w:tab w:val="center" w:pos="${twips(textWidth(style) / 2)}"/>` : '') + rightTab(style),
      children:
        textRun(cleanText(meta.reference)) +
        mark +
        '<w:r><w:tab/><w:t xml:space="preserve">Page </w:t></w:r>' +
        FIELD('PAGE') +
        textRun(' of ') +
        FIELD('NUMPAGES'),
    })
  );
}

// ---- numbering -----------------------------------------------------------

const BULLETS = ['•', '◦', '▪'];
const ORDERED_FORMATS = ['decimal', 'lowerLetter', 'lowerRoman'];

/** A list definition: bullets when `start` is undefined, else numbers (1. a. i. …) from `start`. */
function abstractNum(id: number, style: StyleSheet, start: number | undefined): string {
  let s = `<w:abstractNum w:abstractNumId="${id}" w15:restartNumberingAfterBreak="0"><w:multiLevelType w:val="hybridMultilevel"/>`;
  for (let level = 0; level < 9; level += 1) {
    const indent = listIndent(style, level);
    const format = start === undefined ? 'bullet' : ORDERED_FORMATS[level % ORDERED_FORMATS.length]!;
    const text = start === undefined ? BULLETS[level % BULLETS.length]! : `%${level + 1}.`;
    const first = start !== undefined && level === 0 ? start : 1;
    s +=
      `<w:lvl w:ilvl="${level}" w:tentative="1"><w:start w:val="${first}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${esc(text)}"/>` +
      `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${indent.left}" w:hanging="${indent.hanging}"/></w:pPr></w:lvl>`;
  }
  return `${s}</w:abstractNum>`;
}

const abstractCache = new WeakMap<StyleSheet, Map<string, string>>();

function cachedAbstract(id: number, style: StyleSheet, reference: string, start: number | undefined): string {
  let byKey = abstractCache.get(style);
  if (!byKey) abstractCache.set(style, (byKey = new Map()));
  const key = `${id}:${reference}`;
  let xml = byKey.get(key);
  if (xml === undefined) byKey.set(key, (xml = abstractNum(id, style, start)));
  return xml;
}

function numberingXml(style: StyleSheet, parts: StaticParts, starts: ReadonlySet<number>, used: readonly string[]): string {
  const sorted = [...starts].sort((a, b) => a - b);
  const abstractIds = new Map<string, number>([[BULLET_LIST, 2]]);
  let s = parts.numberingOpen + cachedAbstract(2, style, BULLET_LIST, undefined);
  sorted.forEach((start, i) => {
    abstractIds.set(orderedList(start), 3 + i);
    s += cachedAbstract(3 + i, style, orderedList(start), start);
  });
  s += parts.defaultNum;
  used.forEach((reference, i) => {
    s += `<w:num w:numId="${i + 2}"><w:abstractNumId w:val="${abstractIds.get(reference)}"/>`;
    const start = reference === BULLET_LIST ? 1 : Number(reference.slice(reference.lastIndexOf('-') + 1));
    for (let level = 0; level < 9; level += 1) s += `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${level === 0 ? start : 1}"/></w:lvlOverride>`;
    s += '</w:num>';
  });
  return `${s}</w:numbering>`;
}

// ---- the package ---------------------------------------------------------

const RELS_OPEN = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
const RELS_EMPTY = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const relationship = (id: string, type: string, target: string, external = false) =>
  `<Relationship Id="${id}" Type="${REL}${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`;
const relationships = (list: string): string => (list === '' ? RELS_EMPTY : `${RELS_OPEN}${list}</Relationships>`);
const imageRelationships = (images: readonly MediaFile[], offset: number) =>
  images.map((image, i) => relationship(`rId${offset + i}`, 'image', `media/${image.fileName}`)).join('');

const CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';

/** The package's files, in the order docx's compiler gives them. */
export function packageFiles(tree: DocumentTree, options: DocxOptions): PackageFiles {
  const style = options.style ?? STYLE;
  const { meta } = tree;
  parseDate(meta.date);
  const parts = staticParts(style);
  const ctx: Ctx = {
    style,
    images: options.images,
    ids: { link: 0, drawing: 0, list: 0 },
    orderedStarts: new Set(),
    links: new Map(),
    lists: new Map(),
    media: new Media(),
  };

  // Built in legacy.ts's order: title, body, letterhead, running header, footer.
  const title = paragraph({ style: TITLE_STYLE, keepNext: true, keepLines: true, children: textRun(cleanText(meta.title)) });
  let body = title + itemsXml(build(pieces(tree.blocks, ctx)));
  const letterhead = tree.letterhead ? letterheadHeader(tree, ctx, parts) : undefined;
  const header = runningHeader(tree, ctx, parts);
  const foot = footer(tree, style);

  // Lists are numbered in the order they first appear (docx numbers them as it writes the document).
  const used: string[] = [];
  if (ctx.lists.size > 0) {
    const numIds = new Map<string, number>();
    body = body.replace(NUM_PLACEHOLDER, (_, instance: string) => {
      let numId = numIds.get(instance);
      if (numId === undefined) {
        used.push(ctx.lists.get(Number(instance))!);
        numIds.set(instance, (numId = used.length + 1));
      }
      return String(numId);
    });
  }

  // The document's relationships: docx's fixed five, the headers, the footers, the theme, the links as written, the images, the font table.
  const headers = letterhead === undefined ? [header] : [header, letterhead];
  const footers = letterhead === undefined ? [foot] : [foot, foot];
  let rels =
    relationship('rId1', 'styles', 'styles.xml') +
    relationship('rId2', 'numbering', 'numbering.xml') +
    relationship('rId3', 'footnotes', 'footnotes.xml') +
    relationship('rId4', 'endnotes', 'endnotes.xml') +
    relationship('rId5', 'settings', 'settings.xml');
  let count = 5;
  const headerIds = headers.map(() => `rId${(count += 1)}`);
  const footerIds = footers.map(() => `rId${(count += 1)}`);
  rels += headerIds.map((id, i) => relationship(id, 'header', `header${i + 1}.xml`)).join('');
  rels += footerIds.map((id, i) => relationship(id, 'footer', `footer${i + 1}.xml`)).join('');
  rels += relationship(`rId${(count += 1)}`, 'theme', 'theme/theme1.xml');
  if (ctx.links.size > 0) {
    const written = new Set<string>();
    for (const m of body.matchAll(/r:id="rIdLink(\d+)"/g)) {
      if (written.has(m[1]!)) continue;
      written.add(m[1]!);
      rels += relationship(`rIdLink${m[1]}`, 'hyperlink', ctx.links.get(Number(m[1]))!, true);
      count += 1;
    }
  }
  const placed = placeImages(body, ctx, count + 1);
  body = placed.xml;
  rels += imageRelationships(placed.images, count + 1);
  count += placed.images.length;
  rels += relationship(`rId${count + 1}`, 'fontTable', 'fontTable.xml');

  const margin = twips(style.page.margin);
  const half = Math.round(margin / 2);
  const section =
    `<w:sectPr>${headerIds.map((id, i) => `<w:headerReference w:type="${i === 0 ? 'default' : 'first'}" r:id="${id}"/>`).join('')}` +
    `${footerIds.map((id, i) => `<w:footerReference w:type="${i === 0 ? 'default' : 'first'}" r:id="${id}"/>`).join('')}` +
    `<w:pgSz w:w="${twips(style.page.width)}" w:h="${twips(style.page.height)}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${margin}" w:right="${margin}" w:bottom="${margin}" w:left="${margin}" w:header="${half}" w:footer="${half}" w:gutter="0"/>` +
    `<w:pgNumType/>${letterhead === undefined ? '<w:titlePg w:val="false"/>' : '<w:titlePg/>'}<w:docGrid w:linePitch="360"/></w:sectPr>`;
  const document = `${parts.documentOpen}${body}${section}</w:body></w:document>`;

  const headerParts = headers.map((xml) => placeImages(xml, ctx, 0));
  const files = new Map<string, string | Uint8Array>();
  files.set('word/_rels/document.xml.rels', relationships(rels));
  files.set('word/document.xml', document);
  files.set('word/styles.xml', parts.fixed.get('word/styles.xml')!);
  files.set('docProps/core.xml', corePropertiesXml(meta));
  files.set('_rels/.rels', parts.fixed.get('_rels/.rels')!);
  headerParts.forEach((h, i) => files.set(`word/_rels/header${i + 1}.xml.rels`, relationships(imageRelationships(h.images, 0))));
  footers.forEach((_, i) => files.set(`word/_rels/footer${i + 1}.xml.rels`, RELS_EMPTY));
  headerParts.forEach((h, i) => files.set(`word/header${i + 1}.xml`, `${parts.headerOpen}${h.xml}</w:hdr>`));
  footers.forEach((xml, i) => files.set(`word/footer${i + 1}.xml`, `${parts.footerOpen}${xml}</w:ftr>`));
  for (const path of ['docProps/custom.xml', 'docProps/app.xml', 'word/footnotes.xml', 'word/_rels/footnotes.xml.rels', 'word/endnotes.xml', 'word/_rels/endnotes.xml.rels', 'word/settings.xml', 'word/fontTable.xml', 'word/_rels/fontTable.xml.rels', 'word/theme/theme1.xml']) {
    files.set(path, parts.fixed.get(path)!);
  }
  files.set('word/numbering.xml', numberingXml(style, parts, ctx.orderedStarts, used));
  files.set(
    '[Content_Types].xml',
    parts.contentTypesOpen +
      headers.map((_, i) => `<Override ContentType="${CONTENT_TYPE}header+xml" PartName="/word/header${i + 1}.xml"/>`).join('') +
      footers.map((_, i) => `<Override ContentType="${CONTENT_TYPE}footer+xml" PartName="/word/footer${i + 1}.xml"/>`).join('') +
      '</Types>',
  );
  for (const file of ctx.media.files.values()) files.set(`word/media/${file.fileName}`, file.data);
  return files;
}
