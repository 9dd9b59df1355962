import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../io/fonts.js';
import { facesOf, registerFaces, type EmbeddedFont, type Faces, type FontKey } from './fonts.js';
import { breakLines, fragmentText, type Fragment } from './inlines.js';
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

/** The fragments `text` is set in, on lines `width` wide. */
const fragments = (text: string, font: FontKey, size: number, color: string, width = Number.POSITIVE_INFINITY): Fragment[] =>
  breakLines(faces, [{ text, style: { font, size, color } }], width).flatMap((line) => line.fragments);

describe('the text pen', () => {
  const samples: Array<[FontKey, string, number, string]> = [
    ['regular', 'The court finds AVAWAY To. ', 11, '#000000'],
    ['bold', 'Hu\u031Bo\u031Bng Nguye\u0302\u0303n', 9.5, '#1F4E99'],
    ['italic', 'Αλέξανδρος Кузнецова Zoë  Peñaloza', 8.5, '#444444'],
    ['boldItalic', 'affluent officer ☒ done ', 15, '#B03A2E'],
    ['symbols', '☐ ☒ ◦', 11, '#000000'],
  ];

  it('writes the operators pdfkit writes for the same text, and fills the subset as pdfkit does', () => {
    const theirs = page();
    const ours = page();
    const pen = textPen(ours.doc, ours.fonts);
    samples.forEach(([font, text, size, color], i) => {
      for (const fragment of fragments(text, font, size, color)) {
        const { style } = fragment;
        const [x, y] = [72.25 + i + fragment.x, 100.125 * (i + 1)];
        theirs.doc.font(style.font).fontSize(style.size).fillColor(style.color).text(fragmentText(fragment), x, y, { lineBreak: false, baseline: 'alphabetic' });
        pen.draw(fragment.runs, style.font, style.size, style.color, x, y);
      }
    });
    // Kerning numbers in the TJ arrays, and marks moved off the line with their own text matrix.
    expect(theirs.content()).toMatch(/> -?[1-9][\d.]* ?</);
    expect(theirs.content().match(/ Tm\n/g)!.length).toBeGreaterThan(samples.length + 1);
    expect(ours.content()).toBe(theirs.content());
    for (const font of ['regular', 'bold', 'italic', 'boldItalic', 'symbols'] as const) expect(subsetOf(ours.fonts[font])).toEqual(subsetOf(theirs.fonts[font]));
  });

  it('without a colour, writes in the one the document set (the watermark: colour and opacity), as pdfkit does', () => {
    const theirs = page();
    const ours = page();
    const [fragment] = fragments('DRAFT — NOT FOR FILING', 'bold', 60, '#B03A2E');
    theirs.doc.font('bold').fontSize(60).fillColor('#B03A2E', 0.12).text(fragmentText(fragment!), 40.5, 400.25, { lineBreak: false, baseline: 'alphabetic' });
    ours.doc.fillColor('#B03A2E', 0.12);
    textPen(ours.doc, ours.fonts).draw(fragment!.runs, 'bold', 60, undefined, 40.5, 400.25);
    expect(theirs.content()).toMatch(/ gs\n/);
    expect(ours.content()).toBe(theirs.content());
  });

  it('draws a word cut between characters as it was measured, cluster by cluster', () => {
    const cut = fragments(`To\u0301${'AVAWAY'.repeat(20)}`, 'regular', 11, '#000000', 100);
    expect(cut.length).toBeGreaterThan(2);
    const face = faces.regular;
    for (const fragment of cut) expect((fragment.runs.reduce((sum, run) => sum + run.width, 0) / face.unitsPerEm) * 11).toBeCloseTo(fragment.width, 9);
    const { doc, fonts, content } = page();
    for (const fragment of cut) textPen(doc, fonts).draw(fragment.runs, 'regular', 11, '#000000', 72, 72);
    // No kerning across clusters ("AV" is kerned when set as a word).
    expect(content()).not.toMatch(/> -?[1-9]/);
    expect(content()).toMatch(/<[0-9a-f]{8,}> 0\]/);
  });
});
