/**
 * Fonts for the PDF writer. They come in as bytes (the render layer reads no
 * files); each font is parsed once per process and its shaped words are cached
 * across documents, because shaping (fontkit's `layout`) is most of the cost of
 * setting text.
 */
import PDFDocument from 'pdfkit';

/** The TrueType files the PDF writer embeds. */
export interface FontSet {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly italic: Uint8Array;
  readonly boldItalic: Uint8Array;
  /** Glyphs the text face lacks (☐ ☒ ◦ ▪, arrows): DejaVu Sans. */
  readonly symbols: Uint8Array;
}

export type FontKey = keyof FontSet;

export const FONT_KEYS: readonly FontKey[] = ['regular', 'bold', 'italic', 'boldItalic', 'symbols'];

/** The members of a fontkit font this writer reads. */
export interface FontkitFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  layout(text: string): { readonly advanceWidth: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** One parsed face with its measuring caches (shared by every document of the process). */
export interface Face {
  readonly font: FontkitFont;
  /** Ascent and descent as fractions of the font size (descent is negative). */
  readonly ascent: number;
  readonly descent: number;
  /** pdfkit's per-word shaping cache, handed to every document's embedded font. */
  layoutCache: Record<string, unknown>;
  /** Advance widths of strings at size 1. */
  widths: Map<string, number>;
  readonly coverage: Map<number, boolean>;
}

export type Faces = Readonly<Record<FontKey, Face>>;

/** Past this many cached strings a face's caches start over, so a long batch cannot grow them without bound. */
const CACHE_LIMIT = 40_000;

const parsed = new WeakMap<Uint8Array, Face>();

/** The faces of a font set, parsed on first use and kept while the bytes are alive. */
export function facesOf(fonts: FontSet): Faces {
  const faces = {} as Record<FontKey, Face>;
  for (const key of FONT_KEYS) {
    const bytes = fonts[key];
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) throw new Error(`font "${key}" is missing from the font set`);
    let face = parsed.get(bytes);
    if (!face) {
      face = parseFace(key, bytes);
      parsed.set(bytes, face);
    }
    if (face.widths.size > CACHE_LIMIT) {
      face.widths = new Map();
      face.layoutCache = Object.create(null) as Record<string, unknown>;
    }
    faces[key] = face;
  }
  return faces;
}

/**
 * pdfkit parses fonts with fontkit, which it does not re-export; a throwaway
 * document opens the bytes once and gives back the parsed font, which every
 * later document registers directly (pdfkit accepts any object with `layout`).
 */
function parseFace(key: FontKey, bytes: Uint8Array): Face {
  let font: unknown;
  try {
    const probe = new PDFDocument({ autoFirstPage: false });
    probe.font(bytes as Buffer);
    font = (probe as unknown as { _font?: { font?: unknown } })._font?.font;
  } catch (error) {
    throw new Error(`font "${key}" could not be read: ${(error as Error).message}`);
  }
  if (!isFontkitFont(font)) throw new Error(`font "${key}" could not be read`);
  return {
    font,
    ascent: font.ascent / font.unitsPerEm,
    descent: font.descent / font.unitsPerEm,
    layoutCache: Object.create(null) as Record<string, unknown>,
    widths: new Map(),
    coverage: new Map(),
  };
}

function isFontkitFont(value: unknown): value is FontkitFont {
  const font = value as Partial<FontkitFont> | undefined;
  return typeof font?.layout === 'function' && typeof font.hasGlyphForCodePoint === 'function' && typeof font.unitsPerEm === 'number';
}

/** Width of `text` set in `face` at `size` points (pdfkit measures the same way: fontkit's shaped advance). */
export function widthOf(face: Face, text: string, size: number): number {
  let width = face.widths.get(text);
  if (width === undefined) {
    width = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    face.widths.set(text, width);
  }
  return width * size;
}

export function covers(face: Face, codePoint: number): boolean {
  let known = face.coverage.get(codePoint);
  if (known === undefined) {
    known = face.font.hasGlyphForCodePoint(codePoint);
    face.coverage.set(codePoint, known);
  }
  return known;
}

/** Registers the faces with a document under their keys and shares the word caches with it. */
export function registerFaces(doc: PDFKit.PDFDocument, faces: Faces): void {
  for (const key of FONT_KEYS) {
    const face = faces[key];
    doc.registerFont(key, face.font as unknown as Buffer);
    doc.font(key);
    const embedded = (doc as unknown as { _font?: { layoutCache?: unknown } })._font;
    if (embedded && embedded.layoutCache !== undefined) embedded.layoutCache = face.layoutCache;
  }
  doc.font('regular');
}
