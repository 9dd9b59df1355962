import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../io/fonts.js';
import { facesOf, registerFaces, runsOf, type EmbeddedFont, type Faces, type FontKey } from './fonts.js';
import { textPen } from './text-stream.js';

let faces: Faces;
beforeAll(async () => {
  faces = facesOf(await loadFonts());
});

/** A page of a new uncompressed document, its embedded fonts, and its content stream so far. */
function page() {
  const doc = new PDFDocument({ autoFirstPage: false, compress: false, font: null as unknown as string });
  const fonts = registerFaces(doc, faces);
  doc.addPage();
  const content = (): string => Buffer.concat((doc as unknown as { page: { content: { buffer: Uint8Array[] } } }).page.content.buffer).toString('latin1');
  return { doc, fonts, content };
}

const subsetOf = (font: EmbeddedFont) => ({ glyphs: [...(font.subset as unknown as { glyphs: number[] }).glyphs], widths: [...font.widths], unicode: font.unicode.map((u) => [...(u ?? [])]) });

describe('the text pen', () => {
  const samples: Array<[FontKey, string, number, string]> = [
    ['regular', 'The court finds AVAWAY To. ', 11, '#000000'],
    ['bold', 'Hu\u031Bo\u031Bng Nguye\u0302\u0303n', 9.5, '#1F4E99'],
    ['italic', 'Αλέξανδρος Кузнецова Zoë  Peñaloza', 8.5, '#444444'],
    ['boldItalic', 'affluent\tofficer ', 15, '#B03A2E'],
    ['symbols', '☐ ☒ ◦', 11, '#000000'],
  ];

  it('writes the operators pdfkit writes for the same text, and fills the subset as pdfkit does', () => {
    const theirs = page();
    const ours = page();
    const pen = textPen(ours.doc, faces, ours.fonts);
    samples.forEach(([font, text, size, color], i) => {
      theirs.doc.font(font).fontSize(size).fillColor(color).text(text, 72.25 + i, 100.125 * (i + 1), { lineBreak: false, baseline: 'alphabetic' });
      pen.draw(text, font, size, color, 72.25 + i, 100.125 * (i + 1), false);
    });
    // Kerning numbers in the TJ arrays, and marks moved off the line with their own text matrix.
    expect(theirs.content()).toMatch(/> -?[1-9][\d.]* ?</);
    expect(theirs.content().match(/ Tm\n/g)!.length).toBeGreaterThan(samples.length);
    expect(ours.content()).toBe(theirs.content());
    for (const [font] of samples) expect(subsetOf(ours.fonts[font])).toEqual(subsetOf(theirs.fonts[font]));
  });

  it('draws a word cut between characters from the runs it was measured by', () => {
    const face = faces.regular;
    const text = 'To\u0301AVAWAY';
    const drawn = runsOf(face, text, true).reduce((sum, run) => sum + run.width, 0);
    const measured = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].reduce((sum, { segment }) => sum + runsOf(face, segment, false)[0]!.width, 0);
    expect(drawn).toBe(measured);
    const { doc, fonts, content } = page();
    textPen(doc, faces, fonts).draw(text, 'regular', 11, '#000000', 72, 72, true);
    // No kerning between clusters: "AV" is kerned when shaped as a word.
    expect(content()).not.toMatch(/> -?[1-9]/);
    expect(runsOf(face, 'AVAWAY', false)[0]!.width).toBeLessThan(runsOf(face, 'AVAWAY', true)[0]!.width);
  });
});
