/**
 * Fonts for the PDF writer. They come in as bytes (the render layer reads no
 * files); each font is parsed once per process and its shaped words are cached
 * across documents, because shaping (fontkit's `layout`) is most of the cost of
 * setting text. Measuring and drawing (text-stream.ts) read the same runs.
 */
import PDFDocument from 'pdfkit';
import { encodeSubset, subsetSource, type GlyphSubset } from './subset.js';

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

/** The parts of a fontkit glyph run that pdfkit reads when it sets text. */
interface GlyphRun {
  readonly glyphs: ReadonlyArray<{ readonly id: number; readonly advanceWidth: number; readonly codePoints: readonly number[] }>;
  readonly positions: ReadonlyArray<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }>;
}

/** The members of a fontkit font this writer reads. */
export interface FontkitFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  layout(text: string, features?: unknown): GlyphRun;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * A shaped string as plain numbers, kept compact: a face caches tens of
 * thousands of them for the life of a worker thread, and one object with an
 * array per glyph field (and one per glyph's code points) was a third of the
 * thread's live heap, and that many more objects for every full GC to mark.
 */
export interface ShapedRun {
  /** The string shaped. */
  readonly text: string;
  /** Six numbers per glyph (GLYPH_FIELDS): glyph id, advance width, then its position: x and y advance, x and y offset (read with glyphId and glyphMetric). */
  readonly glyphs: PackedGlyphs;
  /** Each glyph's code points; undefined when they are simply the string's, one per glyph (most runs). */
  readonly codePoints: ReadonlyArray<readonly number[]> | undefined;
  /** Advance width in font units. */
  readonly width: number;
}

/** How many numbers a glyph takes in `ShapedRun.glyphs`. */
export const GLYPH_FIELDS = 6;

/**
 * A run's glyph numbers as a string of 16-bit code units, one a number (the
 * id unsigned, the rest signed), when each fits, as in the fonts casepress
 * ships (whole font units); else the numbers. A string of a word's glyphs
 * takes about a quarter of what an array of them does, and a rendering thread
 * keeps tens of thousands (CACHE_LIMIT a face).
 */
export type PackedGlyphs = string | readonly number[];

function packGlyphs(values: readonly number[]): PackedGlyphs {
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const fits = i % GLYPH_FIELDS === 0 ? value >= 0 && value <= 0xffff : value >= -0x8000 && value <= 0x7fff;
    if (!fits || !Number.isInteger(value)) return values;
  }
  let packed = '';
  for (const value of values) packed += String.fromCharCode(value & 0xffff);
  return packed;
}

/** The glyph id at `at` (a multiple of GLYPH_FIELDS). */
export function glyphId(glyphs: PackedGlyphs, at: number): number {
  return typeof glyphs === 'string' ? glyphs.charCodeAt(at) : glyphs[at]!;
}

/** An advance, a position or an offset at `at` (not a glyph id). */
export function glyphMetric(glyphs: PackedGlyphs, at: number): number {
  return typeof glyphs === 'string' ? (glyphs.charCodeAt(at) << 16) >> 16 : glyphs[at]!;
}

/** Every number of a run's glyphs. */
export function glyphNumbers(glyphs: PackedGlyphs): number[] {
  if (typeof glyphs !== 'string') return [...glyphs];
  const numbers = new Array<number>(glyphs.length);
  for (let at = 0; at < glyphs.length; at++) numbers[at] = at % GLYPH_FIELDS === 0 ? glyphId(glyphs, at) : glyphMetric(glyphs, at);
  return numbers;
}

/** One parsed face with its caches (shared by every document of the process). */
export interface Face {
  readonly font: FontkitFont;
  /** Ascent and descent as fractions of the font size (descent is negative). */
  readonly ascent: number;
  readonly descent: number;
  /** The font's units per em, read once (fontkit's getter goes through the head table each time). */
  readonly unitsPerEm: number;
  /** Shaped strings, for measuring and for drawing. */
  runs: Map<string, ShapedRun>;
  /** Strings shaped in this process and not yet taken by `takeShapedRuns`. */
  fresh: string[];
  /** Runs kept by earlier processes (`seedShapedRuns`), by string, not yet decoded: the first layer that has a string gives its run. */
  seeded: ReadonlyArray<Readonly<Record<string, unknown>>>;
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
    if (face.runs.size > CACHE_LIMIT) {
      face.runs = new Map();
      face.fresh = [];
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
    const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    probe.font(bytes as Buffer);
    font = (probe as unknown as { _font?: { font?: unknown } })._font?.font;
  } catch (error) {
    throw new Error(`font "${key}" could not be read: ${(error as Error).message}`);
  }
  if (!isFontkitFont(font)) throw new Error(`font "${key}" could not be read`);
  primePostHeader(font, bytes);
  pinCodePoints(font);
  subsetFromBytes(font, bytes);
  const face: Face = {
    font,
    ascent: font.ascent / font.unitsPerEm,
    descent: font.descent / font.unitsPerEm,
    unitsPerEm: font.unitsPerEm,
    runs: new Map(),
    fresh: [],
    seeded: [],
    coverage: new Map(),
  };
  return face;
}

/**
 * pdfkit reads two numbers of a font's `post` table (fixed pitch, italic
 * angle), and fontkit decodes the whole table for them — 3,800 glyph names in
 * Noto Serif, more time than setting a page. The header is read from the
 * bytes into fontkit's table cache instead (fontkit's own names for the
 * fields); nothing this writer uses reads glyph names. A font laid out
 * otherwise is left to fontkit.
 */
function primePostHeader(font: FontkitFont, bytes: Uint8Array): void {
  const internals = font as unknown as { _tables?: Record<string, unknown>; directory?: { tables?: Record<string, { offset: number; length: number } | undefined> } };
  const table = internals.directory?.tables?.post;
  if (!internals._tables || 'post' in internals._tables || !table || table.length < 32 || table.offset + 32 > bytes.length) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, 32);
  internals._tables.post = {
    version: view.getInt32(0) / 65536,
    italicAngle: view.getInt32(4) / 65536,
    underlinePosition: view.getInt16(8),
    underlineThickness: view.getInt16(10),
    isFixedPitch: view.getUint32(12),
    minMemType42: view.getUint32(16),
    maxMemType42: view.getUint32(20),
    minMemType1: view.getUint32(24),
    maxMemType1: view.getUint32(28),
  };
}

/** A fontkit glyph as far as `pinCodePoints` reads it. */
interface CachedGlyph {
  readonly codePoints: readonly number[];
  readonly constructor: new (id: number, codePoints: readonly number[], font: unknown) => CachedGlyph;
}

/**
 * fontkit keeps one glyph object per glyph id, carrying the code points of its
 * first use in the process: none when pdfkit subset a composite before the
 * glyph was set on its own ("ự" before "ư"), another character's where a font
 * maps two to one glyph or composes a letter and its mark. pdfkit takes a
 * glyph's text (ToUnicode) from those, so a document's text layer depended on
 * the documents the process had set before ("H ơng" for "Hương"). A glyph
 * asked for with other code points is made afresh, as fontkit makes it the
 * first time: its code points are those of the text being shaped.
 */
function pinCodePoints(font: FontkitFont): void {
  const internals = font as unknown as { getGlyph?: (id: number, codePoints?: readonly number[]) => CachedGlyph | null };
  const getGlyph = internals.getGlyph?.bind(font);
  if (!getGlyph) return;
  internals.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (!glyph || codePoints.length === 0 || sameNumbers(glyph.codePoints, codePoints)) return glyph;
    return new glyph.constructor(id, codePoints, font);
  };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Each document's subset of the font is written by `encodeSubset` from the
 * font's bytes, the same file fontkit's subsetter writes by decoding and
 * encoding every table again (a tenth of a court report's time). A font that
 * is not plain TrueType is left to fontkit.
 */
function subsetFromBytes(font: FontkitFont, bytes: Uint8Array): void {
  const internals = font as unknown as { createSubset?: () => GlyphSubset & { encode(): Uint8Array } };
  const createSubset = internals.createSubset?.bind(font);
  const source = subsetSource(bytes);
  if (!createSubset || !source) return;
  internals.createSubset = () => {
    const subset = createSubset();
    subset.encode = () => encodeSubset(source, subset);
    return subset;
  };
}

/**
 * The run of a string, shaped on first use. A word and its space is always
 * built from the word's run and the space's, so the result never depends on
 * which was shaped first (Noto Serif has no kerning against the space, so it
 * is also what shaping the pair gives).
 */
export function runOf(face: Face, text: string): ShapedRun {
  let run = face.runs.get(text);
  if (!run) {
    run = seededRun(face, text);
    if (run) {
      face.runs.set(text, run);
      return run;
    }
    const word = text.length > 1 && text.endsWith(' ') ? text.slice(0, -1) : undefined;
    run = word !== undefined && !word.includes(' ') ? joinRuns(text, runOf(face, word), runOf(face, ' ')) : packRun(text, face.font.layout(text));
    face.runs.set(text, run);
    face.fresh.push(text);
  }
  return run;
}

function packRun(text: string, run: GlyphRun): ShapedRun {
  const glyphs: number[] = [];
  let width = 0;
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i]!;
    glyphs.push(g.id, g.advanceWidth, p.xAdvance, p.yAdvance, p.xOffset, p.yOffset);
    width += p.xAdvance;
  });
  const codePoints = run.glyphs.map((g) => g.codePoints);
  return { text, glyphs: packGlyphs(glyphs), codePoints: isPlain(text, codePoints) ? undefined : codePoints.map((cps) => [...cps]), width };
}

/** Whether glyphs' code points are the string's, one each. */
function isPlain(text: string, codePoints: ReadonlyArray<readonly number[]>): boolean {
  let i = 0;
  for (const char of text) {
    const cps = codePoints[i++];
    if (cps?.length !== 1 || cps[0] !== char.codePointAt(0)) return false;
  }
  return i === codePoints.length;
}

/** Each glyph's code points, written out (the string's, one per glyph, for a run that does not list them). */
function codePointsOf(run: ShapedRun): ReadonlyArray<readonly number[]> {
  return run.codePoints ?? Array.from(run.text, (char) => [char.codePointAt(0)!]);
}

function joinRuns(text: string, a: ShapedRun, b: ShapedRun): ShapedRun {
  const codePoints = a.codePoints || b.codePoints ? [...codePointsOf(a), ...codePointsOf(b)] : undefined;
  return { text, glyphs: packGlyphs([...glyphNumbers(a.glyphs), ...glyphNumbers(b.glyphs)]), codePoints: codePoints && !isPlain(text, codePoints) ? codePoints : undefined, width: a.width + b.width };
}

function isFontkitFont(value: unknown): value is FontkitFont {
  const font = value as Partial<FontkitFont> | undefined;
  return typeof font?.layout === 'function' && typeof font.hasGlyphForCodePoint === 'function' && typeof font.unitsPerEm === 'number';
}

/**
 * Shaped runs by face and string, as a compact string each, which a build
 * keeps between processes and casepress ships for its own wording
 * (write-bundled-shapes.ts): glyph ids, glyph advances, then either each
 * glyph's x advance (nothing else moved) or all four position values, then
 * the code points per glyph when they are not simply the string's, one per
 * glyph — lists separated by ";", numbers by ",", a glyph's code points by
 * ".". A string, not nested arrays: reading a few thousand of them is a
 * quarter of the time, and each is decoded only when its word is set.
 */
export type ShapedRuns = Partial<Record<FontKey, Record<string, StoredRun>>>;
type StoredRun = string;

/**
 * Gives the faces runs shaped by earlier processes with the same font bytes
 * (the caller keys what it keeps by them), so words are not shaped again:
 * layers, looked up in order (an output folder's, then those casepress
 * shipped with). A
 * run is what shaping gives whoever made it, so the output does not depend on
 * what was seeded; an entry that does not decode is left out.
 */
export function seedShapedRuns(fonts: FontSet, layers: readonly ShapedRuns[]): void {
  const faces = facesOf(fonts);
  // Decoded when a document asks for them: a process sets a few of the words kept (decoding them all took 70 ms of a one-off command).
  for (const key of FONT_KEYS) faces[key].seeded = layers.flatMap((runs) => (runs[key] ? [runs[key]] : []));
}

/** A run the face was seeded with, decoded; undefined when there is none or it does not decode. */
function seededRun(face: Face, text: string): ShapedRun | undefined {
  const layer = face.seeded.find((runs) => Object.hasOwn(runs, text));
  return layer ? decodeRun(text, layer[text]) : undefined;
}

/** The runs shaped since the last call (not those seeded), to add to the kept ones. */
export function takeShapedRuns(fonts: FontSet): ShapedRuns {
  const faces = facesOf(fonts);
  const taken: ShapedRuns = {};
  for (const key of FONT_KEYS) {
    const face = faces[key];
    if (face.fresh.length === 0) continue;
    taken[key] = Object.fromEntries(face.fresh.map((text) => [text, encodeRun(text, face.runs.get(text)!)]));
    face.fresh = [];
  }
  return taken;
}

/**
 * Past this many strings a face's kept runs take no more: well under
 * CACHE_LIMIT, so a process seeded with them still has room to shape new words
 * before its caches start over.
 */
const KEPT_LIMIT = 30_000;

export interface ShapedRunsGathered {
  /** Adds runs shaped since, the first of each string kept, up to KEPT_LIMIT strings a face (the rest are let go at once). */
  add(more: ShapedRuns): void;
  /** The kept runs and those added, in that order; undefined when nothing was new. */
  result(): ShapedRuns | undefined;
}

/** Kept runs, and newly shaped ones added as they come: a long build's threads report words for as long as it runs. */
export function gatherShapedRuns(kept: ShapedRuns | undefined): ShapedRunsGathered {
  // Maps, not objects: a word may be "__proto__" or "constructor".
  const runs = new Map(FONT_KEYS.map((key) => [key, new Map(Object.entries(kept?.[key] ?? {}))]));
  let grew = false;
  return {
    add(more) {
      for (const key of FONT_KEYS) {
        const face = runs.get(key)!;
        for (const [text, run] of Object.entries(more[key] ?? {})) {
          if (face.size >= KEPT_LIMIT || face.has(text)) continue;
          face.set(text, run);
          grew = true;
        }
      }
    },
    result() {
      if (!grew) return undefined;
      const merged: ShapedRuns = {};
      for (const [key, face] of runs) if (face.size > 0) merged[key] = Object.fromEntries(face);
      return merged;
    },
  };
}

function encodeRun(text: string, run: ShapedRun): StoredRun {
  const glyphs = glyphNumbers(run.glyphs);
  const ids: number[] = [];
  const advances: number[] = [];
  const positions: number[] = [];
  let xOnly = true;
  for (let i = 0; i < glyphs.length; i += GLYPH_FIELDS) {
    ids.push(glyphs[i]!);
    advances.push(glyphs[i + 1]!);
    positions.push(glyphs[i + 2]!, glyphs[i + 3]!, glyphs[i + 4]!, glyphs[i + 5]!);
    xOnly &&= glyphs[i + 3] === 0 && glyphs[i + 4] === 0 && glyphs[i + 5] === 0;
  }
  const lists = [ids.join(','), advances.join(','), (xOnly ? positions.filter((_, i) => i % 4 === 0) : positions).join(',')];
  if (run.codePoints) lists.push(run.codePoints.map((cps) => cps.join('.')).join(','));
  return lists.join(';');
}

function decodeRun(text: string, stored: unknown): ShapedRun | undefined {
  if (typeof stored !== 'string') return undefined;
  const lists = stored.split(';');
  if (lists.length < 3 || lists.length > 4) return undefined;
  const ids = numbersOf(lists[0]!, ',');
  const advances = numbersOf(lists[1]!, ',');
  const packed = numbersOf(lists[2]!, ',');
  if (!ids || !advances || !packed) return undefined;
  const n = ids.length;
  if (advances.length !== n || (packed.length !== n && packed.length !== 4 * n)) return undefined;
  // Loops, not map and flatMap: a first run decodes a thousand words or more, each once, before any is optimised.
  const xOnly = packed.length === n;
  const glyphs = new Array<number>(GLYPH_FIELDS * n);
  let width = 0;
  for (let i = 0; i < n; i++) {
    const at = GLYPH_FIELDS * i;
    glyphs[at] = ids[i]!;
    glyphs[at + 1] = advances[i]!;
    width += glyphs[at + 2] = xOnly ? packed[i]! : packed[4 * i]!;
    glyphs[at + 3] = xOnly ? 0 : packed[4 * i + 1]!;
    glyphs[at + 4] = xOnly ? 0 : packed[4 * i + 2]!;
    glyphs[at + 5] = xOnly ? 0 : packed[4 * i + 3]!;
  }
  if (lists.length === 3) {
    let chars = 0;
    for (const _ of text) chars++;
    return chars === n ? { text, glyphs: packGlyphs(glyphs), codePoints: undefined, width } : undefined;
  }
  // One entry per glyph, each possibly empty (a glyph with no text of its own).
  const codePoints: number[][] = [];
  for (const glyph of n > 0 ? lists[3]!.split(',') : []) {
    const cps = numbersOf(glyph, '.');
    if (!cps) return undefined;
    codePoints.push(cps);
  }
  if (codePoints.length !== n) return undefined;
  return { text, glyphs: packGlyphs(glyphs), codePoints: isPlain(text, codePoints) ? undefined : codePoints, width };
}

/** The numbers of a stored list; undefined when an item is empty or not a finite number. */
function numbersOf(list: string, separator: string): number[] | undefined {
  const numbers: number[] = [];
  if (list === '') return numbers;
  for (let start = 0; ; ) {
    const found = list.indexOf(separator, start);
    const end = found < 0 ? list.length : found;
    const value = end > start ? Number(list.slice(start, end)) : NaN;
    if (!Number.isFinite(value)) return undefined;
    numbers.push(value);
    if (found < 0) return numbers;
    start = end + 1;
  }
}

/** Width of a run of `face` set at `size` points. */
export function sizedWidth(face: Face, run: ShapedRun, size: number): number {
  return (run.width / face.unitsPerEm) * size;
}

/** Width of `text` set in `face` at `size` points (pdfkit measures the same way: fontkit's shaped advance). */
export function widthOf(face: Face, text: string, size: number): number {
  return sizedWidth(face, runOf(face, text), size);
}

export function covers(face: Face, codePoint: number): boolean {
  let known = face.coverage.get(codePoint);
  if (known === undefined) {
    known = face.font.hasGlyphForCodePoint(codePoint);
    face.coverage.set(codePoint, known);
  }
  return known;
}

/** The members of pdfkit's embedded font (one per document and face) that text-stream.ts reads and fills. */
export interface EmbeddedFont {
  readonly id: string;
  /** 1000 / units per em: pdfkit's scale from font units to text space. */
  readonly scale: number;
  readonly subset: { includeGlyph(glyphId: number): number };
  readonly widths: Array<number | undefined>;
  readonly unicode: Array<readonly number[] | undefined>;
  ref(): unknown;
}

export type EmbeddedFonts = Readonly<Record<FontKey, EmbeddedFont>>;

/** Registers the faces with a document under their keys; gives back pdfkit's font object for each. */
export function registerFaces(doc: PDFKit.PDFDocument, faces: Faces): EmbeddedFonts {
  const embedded = {} as Record<FontKey, EmbeddedFont>;
  for (const key of FONT_KEYS) {
    doc.registerFont(key, faces[key].font as unknown as Buffer);
    doc.font(key);
    const font = (doc as unknown as { _font?: unknown })._font;
    if (!isEmbeddedFont(font)) throw new Error(`pdfkit did not embed font "${key}"`);
    embedded[key] = font;
  }
  doc.font('regular');
  return embedded;
}

function isEmbeddedFont(value: unknown): value is EmbeddedFont {
  const font = value as Partial<EmbeddedFont> | undefined;
  return typeof font?.id === 'string' && typeof font.scale === 'number' && typeof font.subset?.includeGlyph === 'function' && Array.isArray(font.widths) && Array.isArray(font.unicode);
}
