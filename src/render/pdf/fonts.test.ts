import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../io/fonts.js';
import { facesOf, gatherShapedRuns, GLYPH_FIELDS, glyphMetric, glyphNumbers, runOf, seedShapedRuns, takeShapedRuns, widthOf, type Face, type FontSet } from './fonts.js';

describe('the text of a glyph', () => {
  /** The same font files as new byte arrays: parsed afresh, as in a new process. */
  const freshFaces = async () => facesOf(Object.fromEntries(Object.entries(await loadFonts()).map(([key, bytes]) => [key, bytes.slice()])) as unknown as FontSet);
  const textOf = (face: Face, text: string) => face.font.layout(text).glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('|');

  it('is the text it was shaped from, whatever the process asked of the font before', async () => {
    const { italic } = await freshFaces();
    // Subsetting "ự" (a composite of "ư" and a dot) asks fontkit for the "ư" glyph with no text, the way pdfkit's subsetter does.
    const cmap = (italic.font as unknown as { _cmapProcessor: { lookup(codePoint: number): number } })._cmapProcessor;
    const subsetter = italic.font as unknown as { getGlyph(id: number): { codePoints: number[] } };
    subsetter.getGlyph(cmap.lookup(0x1b0));
    expect(textOf(italic, 'Hương')).toBe('H|ư|ơ|n|g');
    expect(textOf(italic, 'Hương ')).toBe('H|ư|ơ|n|g| ');
    // Written with combining marks, the letters and marks are glyphs of their own.
    expect(textOf(italic, 'Hu\u031Bo\u031Bng')).toBe('H|u|\u031B|o|\u031B|n|g');
  });
});

describe('shaped runs kept between processes', () => {
  it('takes only the strings this process shaped, once, and serves seeded runs without shaping', async () => {
    const fonts = await loadFonts();
    takeShapedRuns(fonts);
    const face = facesOf(fonts).italic;
    widthOf(face, 'Quixotically', 10);
    const taken = takeShapedRuns(fonts);
    expect(Object.keys(taken.italic ?? {})).toEqual(['Quixotically']);
    expect(takeShapedRuns(fonts)).toEqual({});

    seedShapedRuns(fonts, [{ italic: { '¤': '3;600;1234' } }]);
    expect(widthOf(face, '¤', 1)).toBeCloseTo(1234 / face.unitsPerEm);
    expect(takeShapedRuns(fonts)).toEqual({});
  });

  it('stores a run so that it comes back as shaped, ligatures and marks included', async () => {
    const fonts = await loadFonts();
    const face = facesOf(fonts).regular;
    const words = ['affluent ', 'Hu\u031Bo\u031Bng', 'Chloë', 'AVAV'];
    takeShapedRuns(fonts);
    for (const word of words) widthOf(face, word, 10);
    const taken = takeShapedRuns(fonts).regular!;
    for (const word of words) {
      const original = face.runs.get(word)!;
      face.runs.delete(word);
      seedShapedRuns(fonts, [{ regular: { [word]: taken[word]! } }]);
      expect(runOf(face, word)).toEqual(original);
    }
    expect(takeShapedRuns(fonts)).toEqual({});
  });

  it('lists the code points of a run only when its glyphs are not one per character', async () => {
    const fonts = await loadFonts();
    const face = facesOf(fonts).regular;
    expect(runOf(face, 'plain ').codePoints).toBeUndefined();
    // "ffl" is one glyph: its three characters are listed with it, and a word and its space keep them.
    for (const word of ['affluent', 'affluent ']) {
      const { codePoints, glyphs } = runOf(face, word);
      expect(codePoints).toHaveLength(glyphs.length / GLYPH_FIELDS);
      expect(codePoints!.flat()).toEqual([...word].map((c) => c.codePointAt(0)));
    }
    // The words shaped here are not the next test's to take.
    takeShapedRuns(fonts);
  });

  it('keeps a run\'s glyph numbers as 16-bit units, a mark\'s negative offsets too, and as numbers any that do not fit', async () => {
    const fonts = await loadFonts();
    const face = facesOf(fonts).italic;
    for (const word of ['Hu\u031Bo\u031Bng', 'AVA ', 'affluent']) {
      const shaped = face.font.layout(word.trimEnd());
      const expected = shaped.glyphs.flatMap((g, i) => {
        const p = shaped.positions[i]!;
        return [g.id, g.advanceWidth, p.xAdvance, p.yAdvance, p.xOffset, p.yOffset];
      });
      const { glyphs } = runOf(face, word);
      expect(typeof glyphs).toBe('string');
      expect(glyphNumbers(glyphs).slice(0, expected.length)).toEqual(expected);
    }
    expect(glyphNumbers(runOf(face, 'Hu\u031Bo\u031Bng').glyphs).some((value) => value < 0)).toBe(true);
    // Seeded with numbers past 16 bits and a fraction (another font might give them): kept as they are.
    seedShapedRuns(fonts, [{ italic: { '¶': '70000;600;600.5', '‡': '5;600;-40000' } }]);
    expect(glyphNumbers(runOf(face, '¶').glyphs)).toEqual([70000, 600, 600.5, 0, 0, 0]);
    expect(glyphMetric(runOf(face, '‡').glyphs, 2)).toBe(-40000);
    expect(widthOf(face, '¶', face.unitsPerEm)).toBe(600.5);
    takeShapedRuns(fonts);
  });

  it('looks a word up in the layers in order: an output folder\'s, then those shipped', async () => {
    const fonts = await loadFonts();
    const face = facesOf(fonts).boldItalic;
    seedShapedRuns(fonts, [{ boldItalic: { '¤': '3;600;1000' } }, { boldItalic: { '¤': '3;600;2000', '§': '4;600;3000' } }]);
    expect(widthOf(face, '¤', 1)).toBeCloseTo(1000 / face.unitsPerEm);
    expect(widthOf(face, '§', 1)).toBeCloseTo(3000 / face.unitsPerEm);
    expect(takeShapedRuns(fonts)).toEqual({});
  });

  it('leaves out an entry that does not decode', async () => {
    const fonts = await loadFonts();
    const face = facesOf(fonts).bold;
    // Two glyph ids and one advance; one glyph and two glyphs' code points; a list that is not numbers; nested arrays (not a string).
    seedShapedRuns(fonts, [{ bold: { ab: '1,2;3;4,5', cd: '1;2;3;1,2', ef: '1;x;3', gh: [[1], [2], [3]] } as never }]);
    // Shaped afresh instead.
    const idsOf = (text: string) => glyphNumbers(runOf(face, text).glyphs).filter((_, i) => i % GLYPH_FIELDS === 0);
    expect(idsOf('ab')).toEqual(face.font.layout('ab').glyphs.map((g) => g.id));
    expect(idsOf('cd')).toEqual(face.font.layout('cd').glyphs.map((g) => g.id));
    expect(idsOf('ef')).toEqual(face.font.layout('ef').glyphs.map((g) => g.id));
    expect(idsOf('gh')).toEqual(face.font.layout('gh').glyphs.map((g) => g.id));
    expect(Object.keys(takeShapedRuns(fonts).bold ?? {})).toEqual(['ab', 'cd', 'ef', 'gh']);
  });
});

describe('the post table header', () => {
  it('is what fontkit decodes, for every face', async () => {
    const fonts = await loadFonts();
    const faces = facesOf(fonts);
    for (const key of ['regular', 'bold', 'italic', 'boldItalic', 'symbols'] as const) {
      const primed = (faces[key].font as unknown as { post: Record<string, number> }).post;
      // fontkit as pdfkit uses it, left to decode the table itself.
      const probe = new PDFDocument({ autoFirstPage: false }).font(Buffer.from(fonts[key]));
      const decoded = (probe as unknown as { _font: { font: { post: Record<string, number> } } })._font.font;
      const { version, italicAngle, underlinePosition, underlineThickness, isFixedPitch, minMemType42, maxMemType42, minMemType1, maxMemType1 } = decoded.post;
      expect(primed).toEqual({ version, italicAngle, underlinePosition, underlineThickness, isFixedPitch, minMemType42, maxMemType42, minMemType1, maxMemType1 });
    }
  });
});

describe('how many shaped runs are kept', () => {
  it('keeps few enough that a process seeded with all of them does not drop them', async () => {
    const many = Object.fromEntries(Array.from({ length: 45_000 }, (_, i) => [`w${i}`, `3;500;${500 + (i % 7)};119`])) as Record<string, string>;
    const gathered = gatherShapedRuns(undefined);
    gathered.add({ symbols: many });
    const kept = gathered.result()!;
    const count = Object.keys(kept.symbols!).length;
    expect(count).toBeLessThan(45_000);
    const fonts = await loadFonts();
    seedShapedRuns(fonts, [kept]);
    const face = facesOf(fonts).symbols;
    expect(widthOf(face, 'w6', 1)).toBeCloseTo(506 / face.unitsPerEm);
    // Every kept word is served as kept, none shaped again.
    takeShapedRuns(fonts);
    for (const word of Object.keys(kept.symbols!)) runOf(face, word);
    expect(takeShapedRuns(fonts)).toEqual({});
  });
});
