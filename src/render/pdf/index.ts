/**
 * The PDF writer: a document tree to the bytes of a PDF. US Letter, the house
 * style, embedded Noto Serif, letterhead, running header and footer with
 * "Page X of Y", bookmarks, metadata, optional DRAFT watermark and PDF/A-2a,
 * tagged: a structure tree made from the document tree (structure.ts).
 * Pure: fonts and images come in as bytes, the date comes from the tree, and
 * the same input gives the same bytes.
 *
 * Layout is measured before it is drawn: the tree becomes a flow of measured
 * slices (blocks.ts, lists.ts, table.ts, signature.ts), the paginator counts
 * the pages without drawing, then places the slices page by page (flow.ts),
 * and each page gets its furniture as it ends (page-furniture.ts): pdfkit
 * writes a page out then, rather than holding every page to the end. A file
 * is written in sections (openPdf), so a packet (packet.ts) binds several
 * documents into one.
 */
import PDFDocument from 'pdfkit';
import type { DocumentMeta, DocumentTree, ImageSet, Letterhead } from '../../document/ast.js';
import { STYLE, type StyleSheet } from '../style/style.js';
import { layoutBlocks, layoutTitle } from './blocks.js';
import { bodyFrame, pageBox, type PdfContext } from './context.js';
import { append, emptyFlow, paginate, type Flow, type Pager } from './flow.js';
import { facesOf, registerFaces, type FontSet } from './fonts.js';
import { openImages } from './images.js';
import { documentDate, documentInfo, mendXmp } from './metadata.js';
import { collectBytes } from './output.js';
import { structureOf, type StructElement } from './structure.js';
import { textPen } from './text-stream.js';
import { drawHeaderFooter, drawLetterhead, drawWatermark, layoutFooter } from './page-furniture.js';

export { gatherShapedRuns, seedShapedRuns, takeShapedRuns, type FontSet, type ShapedRuns, type ShapedRunsGathered } from './fonts.js';

export interface PdfOptions {
  readonly fonts: FontSet;
  readonly images: ImageSet;
  /** Write PDF/A-2a (archival and accessible: tagged, fonts embedded, Unicode text). */
  readonly pdfa?: boolean;
  readonly style?: StyleSheet;
}

export async function toPdf(tree: DocumentTree, options: PdfOptions): Promise<Uint8Array> {
  const pdf = await openPdf(tree, options);
  // The letterhead is drawn before the body is laid out: it comes first in the structure tree too.
  const pager = pdf.section(tree.meta, tree.letterhead);
  // The title is an H1 as the document's top sections are: the first bookmark, beside theirs.
  pdf.ctx.doc.outline.addItem(tree.meta.title.trim() || 'Untitled');
  const flow = pdf.layout(tree);
  pdf.numberPages(pdf.pagesOf(flow, pager.y));
  paginate(flow, pager);
  return pdf.finish();
}

/**
 * A PDF being written, one section after another (a document, or a packet's
 * cover and parts): each section starts a page, prints its own running header
 * and watermark, and the pages are numbered through the whole file.
 */
export interface PdfFile {
  readonly ctx: PdfContext;
  /**
   * The tree's title and blocks as a flow, measured and not drawn; their
   * structure elements go under `parent` (default: the Document element).
   */
  layout(tree: DocumentTree, parent?: StructElement): Flow;
  /**
   * Starts a section on a new page (the letterhead at its top, its elements under
   * `parent`; a bookmark over its headings when given): paginate into the pager it returns.
   */
  section(meta: DocumentMeta, letterhead?: Letterhead, bookmark?: string, parent?: StructElement): Pager;
  /** A new element of the structure tree, after those made so far (a packet's parts: Part); `detached`, one never written (a layout made only to be measured). */
  element(detached?: boolean): StructElement;
  /** The pages `flow` takes from `top` of a fresh page, counted without drawing. */
  pagesOf(flow: Flow, top: number): number;
  /** The page now being written, 1-based. */
  readonly pageNumber: number;
  /**
   * The file's page count, measured before its first page ends: each page's
   * header and footer ("Page 3 of 12") are drawn as the page ends, and the
   * page is written out then rather than held to the end.
   */
  numberPages(count: number): void;
  /** Ends the last page and returns the file. */
  finish(): Promise<Uint8Array>;
}

/** Opens a PDF whose file metadata and footer are `file`'s, with the images of `file` and of `more` trees. */
export async function openPdf(file: DocumentTree, options: PdfOptions, more: readonly DocumentTree[] = []): Promise<PdfFile> {
  const style = options.style ?? STYLE;
  const faces = facesOf(options.fonts);
  const date = documentDate(file.meta.date);
  const margins = pageBox(style);
  const footer = layoutFooter(faces, style, margins, file.meta);
  // The body ends at the bottom margin, or higher where a long confidentiality notice raises the footer's rule.
  const page = { ...margins, bottom: Math.min(margins.bottom, footer.bodyLimit) };

  const doc = new PDFDocument({
    size: [style.page.width, style.page.height],
    margins: { top: page.top, bottom: page.height - page.bottom, left: page.left, right: page.width - page.right },
    autoFirstPage: false,
    pdfVersion: '1.7',
    tagged: true,
    lang: file.meta.language ?? 'en-US',
    displayTitle: true,
    info: documentInfo(file.meta, date),
    // No default font: pdfkit would parse Helvetica's metrics for every document; the faces are registered below.
    font: null as unknown as string,
    ...(options.pdfa ? { subset: 'PDF/A-2a' as const } : {}),
  });
  const bytes = collectBytes(doc);
  mendXmp(doc);
  const embedded = registerFaces(doc, faces);
  const all = more.length ? { ...file, blocks: [...file.blocks, ...more.flatMap((t) => t.blocks)] } : file;
  const images = await openImages(doc, all, options.images, style);

  const tags = structureOf(doc);
  const ctx: PdfContext = { doc, style, faces, text: textPen(doc, embedded), images, page, listDepth: 0, outline: [], tags, parent: tags.root };
  /** Runs `make` with new elements going under `parent`. */
  const under = <T>(parent: StructElement | undefined, make: () => T): T => {
    const outer = ctx.parent;
    ctx.parent = parent ?? tags.root;
    try {
      return make();
    } finally {
      ctx.parent = outer;
    }
  };
  const frame = bodyFrame(page);
  /** A pager whose first page's content starts at `top`; `turn` starts each further page. */
  const pagerFrom = (top: number, turn: () => void): Pager => ({
    y: top,
    empty: true,
    pageTop: top,
    top: page.top,
    bottom: page.bottom,
    newPage() {
      turn();
      this.y = page.top;
      this.pageTop = page.top;
      this.empty = true;
    },
  });
  /** The running header and watermark of each page, by the section it belongs to. */
  const pageMeta: DocumentMeta[] = [];
  let meta = file.meta;
  let pageCount: number | undefined;
  /** Stamps the page being written with its header and footer; pdfkit writes it out when the next page is added, or at the end. */
  const endPage = (): void => {
    const number = pageMeta.length;
    const count = pageCount;
    if (count === undefined || number > count) throw new Error(`page ${number} ended, but the file was measured at ${count ?? 'no'} pages`);
    tags.artifact('Pagination', () => drawHeaderFooter(ctx, pageMeta[number - 1]!, footer, number, count, file.meta));
  };
  const startPage = (): void => {
    if (pageMeta.length) endPage();
    doc.addPage();
    pageMeta.push(meta);
    if (meta.draft) tags.artifact('Pagination', () => drawWatermark(ctx));
  };
  return {
    ctx,
    layout(tree, parent) {
      return under(parent, () => {
        const title = layoutTitle(ctx, tree.meta.title, frame);
        const flow = emptyFlow();
        append(flow, title.flow);
        const content = layoutBlocks(ctx, tree.blocks, frame);
        if (content.slices[0]) content.slices[0].spaceBefore = title.spaceAfter;
        append(flow, content);
        return flow;
      });
    },
    section(sectionMeta, letterhead, bookmark, parent) {
      meta = sectionMeta;
      startPage();
      ctx.outline.length = 0;
      if (bookmark !== undefined) ctx.outline.push({ level: 0, item: doc.outline.addItem(bookmark, { expanded: true }) });
      return pagerFrom(letterhead ? under(parent, () => drawLetterhead(ctx, letterhead)) : page.top, startPage);
    },
    element(detached) {
      return detached ? { type: 'Part', options: {}, kids: [] } : tags.add(tags.root, 'Part');
    },
    pagesOf(flow, top) {
      let pages = 1;
      paginate(flow, pagerFrom(top, () => pages++), false);
      return pages;
    },
    get pageNumber() {
      return pageMeta.length;
    },
    numberPages(count) {
      pageCount = count;
    },
    async finish() {
      endPage();
      if (pageMeta.length !== pageCount) throw new Error(`the file took ${pageMeta.length} pages where ${pageCount} were measured`);
      tags.finish();
      doc.end();
      return bytes;
    },
  };
}
