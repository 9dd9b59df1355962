import { beforeAll, describe, expect, it } from 'vitest';
import type { Inline } from '../../document/ast.js';
import { loadFonts } from '../../io/fonts.js';
import { STYLE } from '../style/style.js';
import PDFDocument from 'pdfkit';
import { facesOf, registerFaces, widthOf, type Faces, type FontKey } from './fonts.js';
import { breakLines, piecesOf, plainText, type Line } from './inlines.js';

let faces: Faces;
beforeAll(async () => {
  faces = facesOf(await loadFonts());
});

const t = (value: string): Inline => ({ type: 'text', value });
const text = (line: Line): string => line.fragments.map((f) => f.text).join('');
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
    expect(lines[0]!.fragments.map((f) => [f.text, f.style.font, f.style.link ?? ''])).toEqual([
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

  it('starts a new line at a hard break', () => {
    expect(set([t('one'), { type: 'break' }, t('two')], 1000).map(text)).toEqual(['one', 'two']);
  });

  it('sets glyphs the text face lacks in the symbols face', () => {
    const [line] = set([t('☒ done ☐')], 1000);
    expect(line!.fragments.map((f) => [f.text, f.style.font])).toEqual([
      ['☒', 'symbols'],
      [' done ', 'regular'],
      ['☐', 'symbols'],
    ]);
    const [viet] = set([t('Nguyễn Thị Lan Phương')], 1000);
    expect(viet!.fragments.map((f) => f.style.font)).toEqual(['regular']);
  });
});

describe('measuring', () => {
  it('gives the widths pdfkit sets the text at', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    registerFaces(doc, faces);
    const samples: Array<[FontKey, string]> = [['regular', 'Nguyễn'], ['bold', 'AVAWAY'], ['italic', 'Αλέξανδρος'], ['boldItalic', 'Кузнецова'], ['symbols', '☐'], ['regular', ' ']];
    for (const [key, text] of samples) {
      expect(widthOf(faces[key], text, 11), `${key} ${text}`).toBeCloseTo(doc.font(key).fontSize(11).widthOfString(text), 6);
    }
  });
});

describe('plainText', () => {
  it('flattens marks and breaks for bookmarks', () => {
    expect(plainText([t('A '), { type: 'strong', children: [t('bold')] }, { type: 'break' }, t('line')])).toBe('A bold line');
  });
});
