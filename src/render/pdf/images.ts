/**
 * The document's images: every key the tree uses is looked up, opened and
 * embedded once, in document order, before layout. A missing or unreadable
 * image is an Error naming its key; embedding one at a time (waiting for
 * pdfkit's asynchronous PNG decoding) keeps the output byte-identical. Each
 * is embedded with no more pixels than it is printed with (images/shrink.ts).
 */
import { inflateSync } from 'node:zlib';
import { pngRowsProblem } from '../../core/image-header.js';
import type { DocumentTree, ImageSet } from '../../document/ast.js';
import { printReady } from '../images/shrink.js';
import { imageUses } from '../images/uses.js';
import type { StyleSheet } from '../style/style.js';

export interface OpenedImage {
  /** Natural size in points (a pixel is a point, as pdfkit places images). */
  readonly width: number;
  readonly height: number;
  /** pdfkit's image object, passed back to `doc.image`. */
  readonly pdfImage: unknown;
}

export interface ImageBook {
  /** The image under `key`; `usedBy` says what wanted it, for the error message. */
  get(key: string, usedBy: string): OpenedImage;
}

interface PdfkitImage {
  readonly width: number;
  readonly height: number;
  embed(doc: PDFKit.PDFDocument): void;
  finalize?: () => void;
  readonly image?: PngInfo;
}

interface PngInfo {
  readonly width: number;
  readonly height: number;
  /** Bits per pixel, alpha included. */
  readonly pixelBitlength: number;
  readonly interlaceMethod: number;
  readonly imgData: Uint8Array;
  readonly hasAlphaChannel: boolean;
  readonly transparency: { readonly indexed?: unknown };
}

export async function openImages(doc: PDFKit.PDFDocument, tree: DocumentTree, images: ImageSet, style: StyleSheet): Promise<ImageBook> {
  const embedded = await printReady(tree, style, images);
  const opened = new Map<string, OpenedImage>();
  for (const { key, usedBy } of imageUses(tree, style)) {
    if (opened.has(key)) continue;
    opened.set(key, await openOne(doc, key, usedBy, embedded));
  }
  return {
    get(key, usedBy) {
      const image = opened.get(key);
      if (!image) throw missing(key, usedBy);
      return image;
    },
  };
}

function missing(key: string, usedBy: string): Error {
  return new Error(`image "${key}" (${usedBy}) is not among the document's images`);
}

async function openOne(doc: PDFKit.PDFDocument, key: string, usedBy: string, images: ImageSet): Promise<OpenedImage> {
  const bytes = Object.hasOwn(images, key) ? images[key] : undefined;
  if (!(bytes instanceof Uint8Array)) throw missing(key, usedBy);
  let image: PdfkitImage;
  try {
    image = (doc as unknown as { openImage(src: Uint8Array): PdfkitImage }).openImage(bytes);
    if (image.image) checkPng(image.image);
    if (!(image.width > 0 && image.height > 0)) throw new Error('it has no pixels');
  } catch (error) {
    throw new Error(`image "${key}" (${usedBy}) could not be read: ${(error as Error).message.replace(/\.$/, '')} (PNG or JPEG expected)`);
  }
  await embed(doc, image);
  return { width: image.width, height: image.height, pdfImage: image };
}

/** Embeds now, waiting for pdfkit's asynchronous PNG decoding (alpha channel, interlacing) to finish. */
function embed(doc: PDFKit.PDFDocument, image: PdfkitImage): Promise<void> {
  return new Promise((resolve) => {
    const finalize = image.finalize;
    if (typeof finalize !== 'function') {
      image.embed(doc);
      resolve();
      return;
    }
    image.finalize = () => {
      finalize.call(image);
      image.finalize = finalize;
      resolve();
    };
    image.embed(doc);
  });
}

/**
 * pdfkit decodes some PNGs in a callback that throws on bad data, which would
 * end the process; the same checks are made here first, where they can be caught.
 */
function checkPng(png: PngInfo): void {
  const decodes = png.hasAlphaChannel || png.interlaceMethod === 1 || png.transparency.indexed !== undefined;
  if (!decodes) return;
  const problem = pngRowsProblem(inflateSync(png.imgData), { width: png.width, height: png.height, bitsPerPixel: png.pixelBitlength, interlaced: png.interlaceMethod === 1 });
  if (problem) throw new Error(problem);
}
