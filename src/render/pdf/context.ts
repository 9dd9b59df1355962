/**
 * What every part of the PDF writer shares while one document is set: the
 * pdfkit pen, the house style, the parsed fonts, the document's images, the
 * page geometry and the outline being built. One per document; no module state.
 */
import type { StyleSheet } from '../style/style.js';
import type { Faces } from './fonts.js';
import type { ImageBook } from './images.js';
import type { StructElement, StructOptions, StructType, Tags } from './structure.js';
import type { TextPen } from './text-stream.js';

/** A column of the page that blocks are set into (a list item's body, a notice's inside). */
export interface Frame {
  readonly x: number;
  readonly width: number;
}

export interface PageBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  /** Where content starts and must end on a page. */
  readonly top: number;
  readonly bottom: number;
}

interface OutlineEntry {
  readonly level: number;
  readonly item: PDFKit.PDFOutline;
}

export interface PdfContext {
  readonly doc: PDFKit.PDFDocument;
  readonly style: StyleSheet;
  readonly faces: Faces;
  /** Writes shaped text into the page. */
  readonly text: TextPen;
  readonly images: ImageBook;
  readonly page: PageBox;
  /** Nesting depth of the list being laid out (0 outside lists). */
  listDepth: number;
  /** The structure tree: what each thing drawn is (a heading, a cell, an artifact). */
  readonly tags: Tags;
  /** The structure element the blocks being laid out go in. */
  parent: StructElement;
  /** Open outline entries, outermost first. */
  readonly outline: OutlineEntry[];
}

export function pageBox(style: StyleSheet): PageBox {
  const { width, height, margin } = style.page;
  return { width, height, left: margin, right: width - margin, top: margin, bottom: height - margin };
}

/** The frame of the whole text column. */
export function bodyFrame(page: PageBox): Frame {
  return { x: page.left, width: page.right - page.left };
}

/** Height of a page's text column: the most any one unit of content can take. */
export function columnHeight(page: PageBox): number {
  return page.bottom - page.top;
}

/** Adds a bookmark for a heading on the current page, nested under the last heading of a higher level. */
export function addOutline(ctx: PdfContext, level: number, title: string): void {
  while (ctx.outline.length > 0 && ctx.outline[ctx.outline.length - 1]!.level >= level) ctx.outline.pop();
  const parent = ctx.outline.length > 0 ? ctx.outline[ctx.outline.length - 1]!.item : ctx.doc.outline;
  const item = parent.addItem(title.trim() || 'Untitled', { expanded: level < 3 });
  ctx.outline.push({ level, item });
}

/** A new structure element under the one being laid out into. */
export function tag(ctx: PdfContext, type: StructType, options?: StructOptions): StructElement {
  return ctx.tags.add(ctx.parent, type, options);
}

/** Lays out `layout` with its structure elements inside `element`. */
export function inside<T>(ctx: PdfContext, element: StructElement, layout: () => T): T {
  const outer = ctx.parent;
  ctx.parent = element;
  try {
    return layout();
  } finally {
    ctx.parent = outer;
  }
}
