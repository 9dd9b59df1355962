/**
 * What prints around the content: the running header (the document's title),
 * the letterhead on the first page, the footer (confidentiality notice,
 * reference, "Page X of Y" as PAGE and NUMPAGES fields Word fills in), and the
 * DRAFT watermark.
 */
import { imageInfo } from './image-size.js';
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  LineRuleType,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IContext,
  type IXmlableObject,
  type ParagraphChild,
} from 'docx';
import { TextWatermark, type ITextWatermarkOptions } from 'docx/watermarks';
import type { DocumentMeta, Letterhead } from '../../document/ast.js';
import { imageRun, textWidth, type RenderContext } from './blocks.js';
import { FOOTER_STYLE, HEADER_STYLE } from './styles.js';
import { cleanText } from './text.js';
import { eighths, halfPoints, hex, twips } from './units.js';

/** The prefix Word gives watermark shapes, by which it finds them again (Design > Watermark). */
const WATERMARK_PREFIX = 'PowerPlusWaterMarkObject';

/**
 * docx's text watermark with a shape id of our choosing: docx picks a random
 * one, which would make two builds of the same tree differ.
 */
class Watermark extends TextWatermark {
  constructor(
    options: ITextWatermarkOptions,
    private readonly shapeId: string,
  ) {
    super(options);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    renameShape(xml, this.shapeId);
    return xml;
  }
}

function renameShape(node: unknown, id: string): void {
  if (Array.isArray(node)) {
    for (const child of node) renameShape(child, id);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === '_attr' && value && typeof value === 'object') {
        const attributes = value as Record<string, unknown>;
        if (typeof attributes['id'] === 'string' && attributes['id'].startsWith(WATERMARK_PREFIX)) attributes['id'] = id;
      } else {
        renameShape(value, id);
      }
    }
  }
}

function watermark(ctx: RenderContext, n: number): ParagraphChild {
  const w = ctx.style.watermark;
  return new Watermark(
    { text: w.text, font: ctx.style.font.family, fontSize: w.size, bold: true, color: hex(w.color), opacity: w.opacity, layout: 'diagonal' },
    `${WATERMARK_PREFIX}${n}`,
  ) as unknown as ParagraphChild;
}

const rightTab = (ctx: RenderContext) => [{ type: TabStopType.RIGHT, position: twips(textWidth(ctx.style)) }];

/** The header of every page after the first (of every page without a letterhead): the title, DRAFT when a draft. */
export function runningHeader(meta: DocumentMeta, ctx: RenderContext): Header {
  const { style } = ctx;
  const children: ParagraphChild[] = [new TextRun({ text: cleanText(meta.runningHeader ?? meta.title) })];
  if (meta.draft) {
    children.push(new TextRun({ children: [new Tab()] }), new TextRun({ text: style.watermark.text, bold: true }), watermark(ctx, 1));
  }
  return new Header({
    children: [
      new Paragraph({
        style: HEADER_STYLE,
        tabStops: rightTab(ctx),
        border: { bottom: { style: BorderStyle.SINGLE, size: eighths(style.table.borderWidth), color: hex(style.table.borderColor), space: 4 } },
        children,
      }),
    ],
  });
}

/** The first page's header: the letterhead, logo beside the agency's name, address and phone. */
export function letterheadHeader(letterhead: Letterhead, meta: DocumentMeta, ctx: RenderContext): Header {
  const { style } = ctx;
  const lh = style.letterhead;
  const color = hex(lh.color);
  const tight = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };
  const lines = [
    new Paragraph({
      spacing: tight,
      children: [new TextRun({ text: cleanText(letterhead.name), bold: true, size: halfPoints(lh.nameSize), color })],
    }),
    ...[...letterhead.addressLines, ...(letterhead.phone ? [`Phone ${letterhead.phone}`] : [])].map(
      (line) => new Paragraph({ style: HEADER_STYLE, spacing: tight, children: [new TextRun({ text: cleanText(line) })] }),
    ),
  ];
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
  const full = twips(textWidth(style));
  let top: (Paragraph | Table)[] = lines;
  if (letterhead.logo) {
    const info = ctx.images[letterhead.logo] ? imageInfo(ctx.images[letterhead.logo]!) : undefined;
    // The logo keeps its shape: as tall as the style says, at most logoMaxWidth wide.
    const logoPt = info ? Math.min((lh.logoHeight * info.width) / info.height, lh.logoMaxWidth) : lh.logoHeight;
    const logo = imageRun(letterhead.logo, `${letterhead.name} logo`, logoPt, ctx, lh.logoHeight);
    const logoWidth = twips(logoPt + 10);
    top = [
      new Table({
        rows: [
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: logoWidth, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                children: [new Paragraph({ spacing: tight, children: [logo] })],
              }),
              new TableCell({
                width: { size: full - logoWidth, type: WidthType.DXA },
                verticalAlign: VerticalAlignTable.CENTER,
                children: lines,
              }),
            ],
          }),
        ],
        width: { size: full, type: WidthType.DXA },
        columnWidths: [logoWidth, full - logoWidth],
        layout: TableLayoutType.FIXED,
        margins: { top: 0, bottom: 0, left: 0, right: twips(6) },
        borders: noBorders,
      }),
    ];
  }
  const rule: ParagraphChild[] = meta.draft ? [watermark(ctx, 2)] : [];
  return new Header({
    children: [
      ...top,
      new Paragraph({
        style: HEADER_STYLE,
        alignment: AlignmentType.LEFT,
        spacing: { before: 0, after: twips(style.heading[1].spaceBefore), line: 240, lineRule: LineRuleType.AUTO },
        border: { bottom: { style: BorderStyle.SINGLE, size: eighths(style.table.borderWidth * 2), color, space: 4 } },
        children: rule,
      }),
    ],
  });
}

/** The footer of every page: the confidentiality notice, then the reference, INTERNAL — NOT FOR FILING on an internal copy, and "Page X of Y". */
export function footer(meta: DocumentMeta, ctx: RenderContext): Footer {
  const { style } = ctx;
  const mark = meta.internal
    ? [new TextRun({ children: [new Tab()] }), new TextRun({ text: cleanText(style.internalMark.text), bold: true, color: hex(style.internalMark.color) })]
    : [];
  return new Footer({
    children: [
      new Paragraph({
        style: FOOTER_STYLE,
        border: { top: { style: BorderStyle.SINGLE, size: eighths(style.table.borderWidth), color: hex(style.table.borderColor), space: 4 } },
        children: [new TextRun({ text: cleanText(meta.confidentiality) })],
      }),
      new Paragraph({
        style: FOOTER_STYLE,
        tabStops: meta.internal ? [{ type: TabStopType.CENTER, position: twips(textWidth(style) / 2) }, ...rightTab(ctx)] : rightTab(ctx),
        children: [
          new TextRun({ text: cleanText(meta.reference) }),
          ...mark,
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}
