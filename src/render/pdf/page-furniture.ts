/**
 * What prints around the content: the letterhead on page 1, the running
 * header (the document, whom it is about and its number) and footer (confidentiality notice, reference,
 * INTERNAL — NOT FOR FILING on an internal copy, "Page X of Y") on every page,
 * and the DRAFT watermark. In the structure tree the letterhead's lines are
 * paragraphs (who sends the document); its logo and rule, the header, the
 * footer and the watermark are artifacts.
 */
import type { DocumentMeta, Letterhead } from '../../document/ast.js';
import type { StyleSheet } from '../style/style.js';
import { tag, type PageBox, type PdfContext } from './context.js';
import { runOf, sizedWidth, type Faces } from './fonts.js';
import { breakLines, drawLine, fragmentText, lineMetrics, type Line, type TextStyle } from './inlines.js';

const RULE_COLOR = '#B8BEC6';
/** The most lines the confidentiality notice may take in the footer. */
const FOOTER_NOTICE_LINES = 3;

/** Draws the letterhead at the top of the text column; returns where content starts below it. */
export function drawLetterhead(ctx: PdfContext, letterhead: Letterhead): number {
  const { doc, style, page, faces } = ctx;
  const top = page.top;
  const spec = style.letterhead;
  let textX = page.left;
  let logoHeight = 0;
  if (letterhead.logo !== undefined) {
    const logo = ctx.images.get(letterhead.logo, 'the letterhead logo');
    logoHeight = spec.logoHeight;
    let logoWidth = (logo.width * logoHeight) / logo.height;
    if (logoWidth > spec.logoMaxWidth) {
      logoHeight = (logoHeight * spec.logoMaxWidth) / logoWidth;
      logoWidth = spec.logoMaxWidth;
    }
    ctx.tags.artifact('Layout', () => doc.image(logo.pdfImage as never, page.left, top, { width: logoWidth, height: logoHeight }));
    textX = page.left + logoWidth + 14;
  }
  const width = page.right - textX;
  const nameStyle: TextStyle = { font: 'bold', size: spec.nameSize, color: spec.color };
  const detailStyle: TextStyle = { font: 'regular', size: style.font.size - 1.5, color: '#333333' };
  const details = [...letterhead.addressLines, ...(letterhead.phone ? [`Phone ${letterhead.phone}`] : [])];
  const blocks: Array<{ lines: Line[]; size: number }> = [
    { lines: breakLines(faces, [{ text: letterhead.name, style: nameStyle }], width), size: spec.nameSize },
    ...details.map((text) => ({ lines: breakLines(faces, [{ text, style: detailStyle }], width), size: detailStyle.size })),
  ];
  const textHeight = blocks.reduce((sum, b) => sum + b.lines.length * lineMetrics(faces, b.size, 0).height, 0) + 2;
  // Centre the text on the logo when the logo is the taller of the two.
  let y = top + Math.max(0, (logoHeight - textHeight) / 2);
  blocks.forEach((block, index) => {
    const metrics = lineMetrics(faces, block.size, 0);
    ctx.tags.text(tag(ctx, 'P'), () => {
      for (const line of block.lines) {
        drawLine(ctx, line, textX, y + metrics.ascent, width);
        y += metrics.height;
      }
    });
    if (index === 0) y += 2;
  });
  const ruleY = top + Math.max(logoHeight, textHeight) + 8;
  ctx.tags.artifact('Layout', () => doc.save().lineWidth(1.25).strokeColor(spec.color).moveTo(page.left, ruleY).lineTo(page.right, ruleY).stroke().restore());
  return ruleY + 14;
}

/** The footer every page of one document prints: its confidentiality notice, set once, under a rule. */
export interface Footer {
  readonly notice: readonly Line[];
  /** Where the rule across the top of the footer runs. */
  readonly rule: number;
  /**
   * The lowest the body may reach on a page: the footer's notice takes up to
   * FOOTER_NOTICE_LINES lines, so a long one raises the rule above the bottom
   * margin, and the body stops as far above the rule as the notice sits below it.
   */
  readonly bodyLimit: number;
}

/** Space between the footer's rule and the text on either side of it. */
const RULE_GAP = 5;

/** Lays out the footer of a document's pages (`page` gives the margins and the paper; its bottom is not read). */
export function layoutFooter(faces: Faces, style: StyleSheet, page: PageBox, meta: DocumentMeta): Footer {
  const width = page.right - page.left;
  const footerStyle = footerText(style);
  const metrics = lineMetrics(faces, footerStyle.size, 1);
  let notice = breakLines(faces, [{ text: meta.confidentiality, style: footerStyle }], width);
  if (notice.length > FOOTER_NOTICE_LINES) {
    notice = notice.slice(0, FOOTER_NOTICE_LINES);
    notice[FOOTER_NOTICE_LINES - 1] = oneLine(faces, `${plain(notice[FOOTER_NOTICE_LINES - 1]!)} …`, footerStyle, width);
  }
  const rule = lastBaseline(page) - notice.length * metrics.height - metrics.ascent - RULE_GAP;
  return { notice, rule, bodyLimit: rule - RULE_GAP };
}

/** The baseline of the footer's last line (reference and page number). */
function lastBaseline(page: PageBox): number {
  return page.height - 30;
}

function footerText(style: StyleSheet): TextStyle {
  return { font: 'regular', size: style.footer.fontSize, color: style.footer.color };
}

/** The running header of one page (its section's, `meta`) and the file's footer (`file`'s: internal or not). */
export function drawHeaderFooter(ctx: PdfContext, meta: DocumentMeta, footer: Footer, pageNumber: number, pageCount: number, file: DocumentMeta = meta): void {
  const { doc, style, page, faces } = ctx;
  const width = page.right - page.left;

  const headerStyle: TextStyle = { font: 'regular', size: style.header.fontSize, color: style.header.color };
  const headerMetrics = lineMetrics(faces, headerStyle.size, 0);
  const title = oneLine(faces, meta.runningHeader ?? meta.title, headerStyle, width);
  const headerRule = page.top - 16;
  drawLine(ctx, title, page.left, headerRule - 5 - headerMetrics.height + headerMetrics.ascent, width);
  doc.save().lineWidth(0.5).strokeColor(RULE_COLOR).moveTo(page.left, headerRule).lineTo(page.right, headerRule).stroke().restore();

  const footerStyle = footerText(style);
  const footerMetrics = lineMetrics(faces, footerStyle.size, 1);
  const pageLine = breakLines(faces, [{ text: `Page ${pageNumber} of ${pageCount}`, style: { ...footerStyle, font: 'bold' } }], width)[0]!;
  // An internal copy says so in the middle of the last line, on every page.
  const mark = file.internal ? oneLine(faces, style.internalMark.text, { font: 'bold', size: footerStyle.size, color: style.internalMark.color }, width) : undefined;
  const reference = oneLine(faces, file.reference, footerStyle, mark ? (width - mark.width) / 2 - 12 : width - pageLine.width - 12);
  doc.save().lineWidth(0.5).strokeColor(RULE_COLOR).moveTo(page.left, footer.rule).lineTo(page.right, footer.rule).stroke().restore();
  let baseline = footer.rule + RULE_GAP + footerMetrics.ascent;
  for (const line of footer.notice) {
    drawLine(ctx, line, page.left, baseline, width);
    baseline += footerMetrics.height;
  }
  const last = lastBaseline(page);
  drawLine(ctx, reference, page.left, last, width);
  if (mark) drawLine(ctx, mark, page.left, last, width, 'center');
  drawLine(ctx, pageLine, page.left, last, width, 'right');
}

/** A large, light, diagonal mark across the page, drawn before the content so it sits behind it. */
export function drawWatermark(ctx: PdfContext): void {
  const { doc, style, page, faces } = ctx;
  const spec = style.watermark;
  const angle = (Math.atan2(page.height, page.width) * 180) / Math.PI;
  const diagonal = Math.hypot(page.width, page.height);
  const run = runOf(faces.bold, spec.text);
  const size = Math.min(spec.size, (diagonal * 0.7 * spec.size) / sizedWidth(faces.bold, run, spec.size));
  const textWidth = sizedWidth(faces.bold, run, size);
  const cx = page.width / 2;
  const cy = page.height / 2;
  doc.save();
  doc.rotate(-angle, { origin: [cx, cy] });
  doc.fillColor(spec.color, spec.opacity);
  // Text extraction reads the slanted letters as one word.
  doc.markContent('Span', { actual: spec.text });
  // Through the pen, from the run measured above: pdfkit's `text` would shape the words again (and set up the font's layout tables to do it).
  ctx.text.draw([run], 'bold', size, undefined, cx - textWidth / 2, cy + faces.bold.ascent * size * 0.35);
  doc.endMarkedContent();
  doc.restore();
}

/** Text on one line, shortened with an ellipsis when it is too wide. */
function oneLine(faces: Faces, text: string, textStyle: TextStyle, width: number): Line {
  const set = (value: string): Line | undefined => breakLines(faces, [{ text: value, style: textStyle }], Number.POSITIVE_INFINITY)[0];
  const whole = set(text);
  if (!whole || whole.width <= width) return whole ?? { fragments: [], width: 0 };
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = set(`${chars.slice(0, mid).join('').trimEnd()}…`);
    if (candidate && candidate.width <= width) low = mid;
    else high = mid - 1;
  }
  return set(`${chars.slice(0, low).join('').trimEnd()}…`) ?? { fragments: [], width: 0 };
}

function plain(line: Line): string {
  return line.fragments.map(fragmentText).join('');
}
