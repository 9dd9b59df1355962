/**
 * The PDF writer: a document tree to the bytes of a PDF. US Letter, the house
 * style, embedded Noto Serif, letterhead, running header and footer with
 * "Page X of Y", bookmarks, metadata, optional DRAFT watermark and PDF/A-2a,
 * tagged: a structure tree made from the document tree (structure.ts).
 * Pure: fonts and images come in as bytes, the date comes from the tree, and
 * the same input gives the same bytes.
 *
 * Layout is measured before it is drawn: the tree becomes a flow of measured
 * slices (blocks.ts, lists.ts, table.ts, signature.ts), the paginator places
 * them page by page (flow.ts), and the page furniture is stamped on every
 * page once the page count is known (page-furniture.ts).
 */
import PDFDocument from 'pdfkit';
import type { DocumentTree, ImageSet } from '../../document/ast.js';
import { STYLE, type StyleSheet } from '../style/style.js';
import { layoutBlocks, layoutTitle } from './blocks.js';
import { bodyFrame, pageBox, type PdfContext } from './context.js';
import { append, emptyFlow, paginate, type Pager } from './flow.js';
import { facesOf, registerFaces, type FontSet } from './fonts.js';
import { openImages } from './images.js';
import { documentDate, documentInfo, mendXmp } from './metadata.js';
import { collectBytes } from './output.js';
import { structureOf } from './structure.js';
import { textPen } from './text-stream.js';
import { drawHeaderFooter, drawLetterhead, drawWatermark, layoutFooter } from './page-furniture.js';

export { addShapedRuns, seedShapedRuns, takeShapedRuns, type FontSet, type ShapedRuns } from './fonts.js';

export interface PdfOptions {
  readonly fonts: FontSet;
  readonly images: ImageSet;
  /** Write PDF/A-2a (archival and accessible: tagged, fonts embedded, Unicode text). */
  readonly pdfa?: boolean;
  readonly style?: StyleSheet;
}

export async function toPdf(tree: DocumentTree, options: PdfOptions): Promise<Uint8Array> {
  const style = options.style ?? STYLE;
  const faces = facesOf(options.fonts);
  const date = documentDate(tree.meta.date);
  const margins = pageBox(style);
  const footer = layoutFooter(faces, style, margins, tree.meta);
  // The body ends at the bottom margin, or higher where a long confidentiality notice raises the footer's rule.
  const page = { ...margins, bottom: Math.min(margins.bottom, footer.bodyLimit) };

  const doc = new PDFDocument({
    size: [style.page.width, style.page.height],
    margins: { top: page.top, bottom: page.height - page.bottom, left: page.left, right: page.width - page.right },
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: tree.meta.language ?? 'en-US',
    displayTitle: true,
    info: documentInfo(tree.meta, date),
    // No default font: pdfkit would parse Helvetica's metrics for every document; the faces are registered below.
    font: null as unknown as string,
    ...(options.pdfa ? { subset: 'PDF/A-2a' as const } : {}),
  });
  const bytes = collectBytes(doc);
  mendXmp(doc);
  const embedded = registerFaces(doc, faces);
  const images = await openImages(doc, tree, options.images, style);

  const tags = structureOf(doc);
  const ctx: PdfContext = { doc, style, faces, text: textPen(doc, embedded), images, page, listDepth: 0, outline: [], tags, parent: tags.root };
  const startPage = (): void => {
    doc.addPage();
    if (tree.meta.draft) tags.artifact('Pagination', () => drawWatermark(ctx));
  };
  // The letterhead is drawn before the body is laid out: it comes first in the structure tree too.
  startPage();
  const firstTop = tree.letterhead ? drawLetterhead(ctx, tree.letterhead) : page.top;

  const frame = bodyFrame(page);
  const title = layoutTitle(ctx, tree.meta.title, frame);
  const flow = emptyFlow();
  append(flow, title.flow);
  const content = layoutBlocks(ctx, tree.blocks, frame);
  if (content.slices[0]) content.slices[0].spaceBefore = title.spaceAfter;
  append(flow, content);

  const pager: Pager = {
    y: firstTop,
    empty: true,
    pageTop: firstTop,
    top: page.top,
    bottom: page.bottom,
    newPage() {
      startPage();
      this.y = page.top;
      this.pageTop = page.top;
      this.empty = true;
    },
  };
  paginate(flow, pager);

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    tags.artifact('Pagination', () => drawHeaderFooter(ctx, tree.meta, footer, i - start + 1, count));
  }
  tags.finish();
  doc.end();
  return bytes;
}
