/**
 * Text written straight into a page's content stream. pdfkit's `text` lays
 * each fragment out again (split at spaces, a cache look-up and fresh glyph
 * and position objects per word), and writes each operator as a chunk of its
 * own; each fragment of a line carries the runs it was measured by
 * (inlines.ts), so the pen writes the operators pdfkit writes, byte for byte,
 * from those runs in one chunk,
 * and registers each glyph with pdfkit's subset of the font as pdfkit does
 * (its width, and its text for ToUnicode, so the text stays extractable).
 */
import { GLYPH_FIELDS, glyphId, glyphMetric, type EmbeddedFont, type EmbeddedFonts, type FontKey, type ShapedRun } from './fonts.js';

/** The members of a pdfkit document this writer reads. */
interface PageInternals {
  readonly page: { readonly height: number; readonly fonts: Record<string, unknown> };
  /** A string gets a newline and is converted byte by byte in JavaScript; bytes go in as they are. */
  addContent(data: string | Uint8Array): unknown;
}

/** Draws shaped text on the current page of one document. */
export interface TextPen {
  /**
   * Shaped runs of `font` at `size` points and `color`, their baseline
   * starting at (x, y). Without a colour, in the one the document has set
   * (the watermark's, with its opacity).
   */
  draw(runs: readonly ShapedRun[], font: FontKey, size: number, color: string | undefined, x: number, y: number): void;
}

export function textPen(doc: PDFKit.PDFDocument, fonts: EmbeddedFonts): TextPen {
  const pdf = doc as unknown as PageInternals;
  const glyphs = new Map<EmbeddedFont, Map<number, string>>();
  const colors = new Map<string, string>();
  const fill = (color: string): string => {
    let ops = colors.get(color);
    if (ops === undefined) {
      ops = fillOperators(doc, color);
      colors.set(color, ops);
    }
    return ops;
  };
  return {
    draw(runs, key, size, color, x, y) {
      if (runs.length === 0) return;
      const font = fonts[key];
      const { page } = pdf;
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
      const top = page.height - y;
      const ops = `${color === undefined ? '' : fill(color)}q\n1 0 0 -1 0 ${num(page.height)} cm\nBT\n1 0 0 1 ${num(x)} ${num(top)} Tm\n/${font.id} ${num(size)} Tf\n${showText(font, glyphsOf(glyphs, font), runs, x, top, size)}ET\nQ\n`;
      pdf.addContent(Buffer.from(ops, 'latin1'));
    },
  };
}

/** The glyphs of a font this document has set: glyph id to its subset id, in hex. */
function glyphsOf(all: Map<EmbeddedFont, Map<number, string>>, font: EmbeddedFont): Map<number, string> {
  let glyphs = all.get(font);
  if (!glyphs) {
    glyphs = new Map();
    all.set(font, glyphs);
  }
  return glyphs;
}

/** pdfkit's number format in content streams: at most six decimals. */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** What `doc.fillColor(color)` writes (colour space, then the colour), ending in a newline. */
function fillOperators(doc: PDFKit.PDFDocument, color: string): string {
  const normalized = (doc as unknown as { _normalizeColor(c: string): number[] | null })._normalizeColor(color);
  if (!normalized) throw new Error(`"${color}" is not a colour`);
  return `/${normalized.length === 4 ? 'DeviceCMYK' : 'DeviceRGB'} cs\n${normalized.join(' ')} scn\n`;
}

/**
 * The text-showing operators for runs set from (x, y) in text space, as
 * pdfkit's `_fragment` writes them: glyphs as 4-digit hex subset ids in `TJ`
 * arrays, a number after a glyph whose advance is not its width (kerning),
 * and a new text matrix around a glyph moved off the line (a mark).
 */
function showText(font: EmbeddedFont, glyphs: Map<number, string>, runs: readonly ShapedRun[], x: number, y: number, size: number): string {
  const fontScale = font.scale;
  const scale = size / 1000;
  let out = '';
  let segments = '';
  let hex = '';
  let hadOffset = false;
  const addSegment = (kern: number): void => {
    if (hex.length > 0) segments += `${segments.length > 0 ? ' ' : ''}<${hex}> ${num(-kern)}`;
    hex = '';
  };
  // The kerning number after the last glyph of a segment; 0 for none.
  let lastKern = 0;
  const flush = (): void => {
    addSegment(lastKern);
    if (segments.length > 0) out += `[${segments}] TJ\n`;
    segments = '';
  };
  for (const run of runs) {
    const { glyphs: numbers, codePoints, text } = run;
    // Where the next glyph's character starts in the text (a run that lists no code points has one character per glyph).
    let char = 0;
    for (let at = 0, i = 0; at < numbers.length; at += GLYPH_FIELDS, i++) {
      const id = glyphId(numbers, at);
      const advanceWidth = glyphMetric(numbers, at + 1) * fontScale;
      const codePoint = codePoints ? 0 : text.codePointAt(char)!;
      if (!codePoints) char += codePoint > 0xffff ? 2 : 1;
      let glyph = glyphs.get(id);
      if (glyph === undefined) {
        // The first time this document sets the glyph: its width and text are those of its first use, as pdfkit records them.
        const gid = font.subset.includeGlyph(id);
        if (font.widths[gid] == null) font.widths[gid] = advanceWidth;
        if (font.unicode[gid] == null) font.unicode[gid] = codePoints ? codePoints[i]! : [codePoint];
        glyph = `0000${gid.toString(16)}`.slice(-4);
        glyphs.set(id, glyph);
      }
      const xAdvance = glyphMetric(numbers, at + 2) * fontScale;
      const xOffset = glyphMetric(numbers, at + 4) * fontScale;
      const yOffset = glyphMetric(numbers, at + 5) * fontScale;
      if (xOffset || yOffset) {
        flush();
        out += `1 0 0 1 ${num(x + xOffset * scale)} ${num(y + yOffset * scale)} Tm\n`;
        hex = glyph;
        lastKern = xAdvance - advanceWidth;
        flush();
        hadOffset = true;
      } else {
        if (hadOffset) {
          out += `1 0 0 1 ${num(x)} ${num(y)} Tm\n`;
          hadOffset = false;
        }
        hex += glyph;
        lastKern = xAdvance - advanceWidth;
        if (lastKern !== 0) addSegment(lastKern);
      }
      x += xAdvance * scale;
    }
  }
  flush();
  return out;
}
