import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Inline } from '../../document/ast.js';
import { loadFonts } from '../../io/fonts.js';
import { STYLE } from '../style/style.js';
import PDFDocument from 'pdfkit';
import { facesOf, registerFaces, widthOf, type Faces, type FontKey } from './fonts.js';
import { breakLines, fragmentText, piecesOf, plainText, type Line } from './inlines.js';

let faces: Faces;
beforeAll(async () => {
  faces = facesOf(await loadFonts());
});

const t = (value: string): Inline => ({ type: 'text', value });
const text = (line: Line): string => line.fragments.map(fragmentText).join('');
const set = (inlines: Inline[], width: number): Line[] => breakLines(faces, piecesOf(inlines, { size: 11, color: '#000000' }, STYLE), width);

describe('breakLines', () => {
  it('fills lines up to the width and loses no word', () => {
    const words = 'the agency has made reasonable efforts to finalize the permanency plan for the child'.split(' ');
    const lines = set([t(words.join(' '))], 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(150);
    expect(lines.map(text).join(' ')).toBe(words.join(' '));
  });

  it('collapses runs of spaces and drops them at line starts', () => {
    const lines = set([t('  two   spaces\n and a newline ')], 1000);
    expect(lines.map(text)).toEqual(['two spaces and a newline']);
  });

  it('keeps marks and fonts in order on one line, and never breaks between runs without a space', () => {
    const lines = set([t('See '), { type: 'link', url: 'https://example.org', children: [t('policy')] }, t('. '), { type: 'strong', children: [t('Bold')] }], 1000);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fragments.map((f) => [fragmentText(f), f.style.font, f.style.link ?? ''])).toEqual([
      ['See ', 'regular', ''],
      ['policy', 'regular', 'https://example.org'],
      ['. ', 'regular', ''],
      ['Bold', 'bold', ''],
    ]);
    const narrow = set([t('word '), t('policy'), t('.')], 40);
    expect(narrow.map(text)).toEqual(['word', 'policy.']);
  });

  it('cuts a word wider than the line between characters', () => {
    const url = 'https://example.org/averyveryveryveryveryverylongpath';
    const lines = set([t(url)], 80);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(80);
    expect(lines.map(text).join('')).toBe(url);
  });

  it('cuts a pasted base64 word of 200 KB into full lines, segmenting and shaping only short strings (issue 13)', () => {
    const word = base64(200_000);
    const segmented: number[] = [];
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
      segmented.push(input.length);
      return segment.call(this, input);
    });
    const shaped: number[] = [];
    const face = faces.regular;
    const layout = face.font.layout.bind(face.font);
    vi.spyOn(face.font, 'layout').mockImplementation((text, features) => (shaped.push(text.length), layout(text, features)));
    const lines = set([t(`Before ${word} after.`)], 468);
    expect(lines.map(text).join('').replace(/ /g, '')).toBe(`Before${word}after.`);
    expect(lines[0]!.fragments.map(fragmentText)).toEqual(['Before']);
    const cut = lines.slice(1, -1);
    expect(cut.length).toBeGreaterThan(1500);
    for (const [i, line] of cut.entries()) {
      expect(line.width).toBeLessThanOrEqual(468.01);
      // Full: the next line's first character would not have fitted.
      if (i < cut.length - 1) expect(line.width + widthOf(face, text(cut[i + 1]!)[0]!, 11)).toBeGreaterThan(468);
    }
    // The work: V8's segmenter and fontkit's shaping slow with the length of what they are given.
    expect(Math.max(0, ...segmented)).toBeLessThanOrEqual(257);
    expect(Math.max(0, ...shaped)).toBeLessThanOrEqual(256);
  });

  it('cuts a long word only between grapheme clusters, in any script', () => {
    const word = 'Hương👨‍👩‍👧Nguye\u0302\u0303n🇻🇳ΕλένηИ\u0306горь'.repeat(60);
    const lines = set([t(word)], 120);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.map(text).join('')).toBe(word);
    const clusters = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(word)].map((c) => c.index);
    let at = 0;
    for (const line of lines) {
      expect(clusters).toContain(at);
      at += text(line).length;
    }
  });

  it('starts a new line at a hard break', () => {
    expect(set([t('one'), { type: 'break' }, t('two')], 1000).map(text)).toEqual(['one', 'two']);
  });

  it('sets glyphs the text face lacks in the symbols face', () => {
    const [line] = set([t('☒ done ☐')], 1000);
    expect(line!.fragments.map((f) => [fragmentText(f), f.style.font])).toEqual([
      ['☒', 'symbols'],
      [' done ', 'regular'],
      ['☐', 'symbols'],
    ]);
    const [viet] = set([t('Nguyễn Thị Lan Phương')], 1000);
    expect(viet!.fragments.map((f) => f.style.font)).toEqual(['regular']);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** `length` characters of base64, the same each run. */
function base64(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let seed = 12345;
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[seed % 64];
  }
  return out;
}

describe('measuring', () => {
  it('gives the widths pdfkit sets the text at', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    registerFaces(doc, faces);
    const samples: Array<[FontKey, string]> = [['regular', 'Nguyễn'], ['bold', 'AVAWAY'], ['italic', 'Αλέξανδρος'], ['boldItalic', 'Кузнецова'], ['symbols', '☐'], ['regular', ' ']];
    for (const [key, text] of samples) {
      expect(widthOf(faces[key], text, 11), `${key} ${text}`).toBeCloseTo(doc.font(key).fontSize(11).widthOfString(text), 6);
    }
    // A cut word's pieces are drawn as they were measured, cluster by cluster.
    for (const line of set([t(`To${'AVAWAYTo'.repeat(80)}`)], 200)) {
      for (const fragment of line.fragments) {
        const face = faces[fragment.style.font];
        expect(fragment.width).toBeCloseTo((fragment.runs.reduce((sum, run) => sum + run.width, 0) / face.unitsPerEm) * 11, 6);
      }
    }
  });
});

describe('plainText', () => {
  it('flattens marks and breaks for bookmarks', () => {
    expect(plainText([t('A '), { type: 'strong', children: [t('bold')] }, { type: 'break' }, t('line')])).toBe('A bold line');
  });
});
