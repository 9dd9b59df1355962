import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../io/fonts.js';
import { FONT_KEYS } from './fonts.js';
import { encodeSubset, subsetSource, type GlyphSubset } from './subset.js';

interface FontkitSubsetting {
  createSubset(): GlyphSubset & { encode(): Uint8Array };
  layout(text: string): { glyphs: Array<{ id: number }> };
  numGlyphs: number;
}

/** fontkit's font as pdfkit opens it, untouched by this writer. */
function fontkitFont(bytes: Uint8Array): FontkitSubsetting {
  const probe = new PDFDocument({ autoFirstPage: false, font: null as unknown as string }).font(Buffer.from(bytes));
  return (probe as unknown as { _font: { font: FontkitSubsetting } })._font.font;
}

const TEXT = 'The Court finds Nguyễn Thị Hương, Zoë Peñaloza, Αλέξανδρος, Кузнецова: ự ằ ǻ Ŵ ﬁ ☐ ☒ ◦ ▪ → 1½ §12.';

describe('the font subset', () => {
  it('is the file fontkit writes, composites and their parts included, in every face', async () => {
    const fonts = await loadFonts();
    for (const key of FONT_KEYS) {
      const font = fontkitFont(fonts[key]);
      const ids = [...font.layout(TEXT).glyphs.map((g) => g.id), ...Array.from({ length: 150 }, (_, i) => (i * 7919) % font.numGlyphs), font.numGlyphs - 1];
      const theirs = font.createSubset();
      const ours = font.createSubset();
      for (const id of ids) {
        theirs.includeGlyph(id);
        ours.includeGlyph(id);
      }
      const asked = ours.glyphs.length;
      const expected = theirs.encode();
      const source = subsetSource(fonts[key]);
      expect(source, key).toBeDefined();
      const written = encodeSubset(source!, ours);
      // Parts of composites were added as the subset was written.
      expect(ours.glyphs.length, key).toBeGreaterThan(asked);
      expect(ours.glyphs, key).toEqual(theirs.glyphs);
      expect(Buffer.from(written).equals(Buffer.from(expected)), key).toBe(true);
    }
  });
});
