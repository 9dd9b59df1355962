import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../io/fonts.js';
import { obfuscateFont, readTrueType, subsetFont } from './font-subset.js';

const fonts = await loadFonts();
const cps = (text: string) => [...text].map((c) => c.codePointAt(0)!);
const tableTags = (font: Uint8Array) => {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  return Array.from({ length: view.getUint16(4) }, (_, i) => String.fromCharCode(...font.subarray(12 + 16 * i, 16 + 16 * i)));
};

describe('subsetFont', () => {
  const noto = readTrueType(fonts.regular);

  it('reads the family and the characters of the font', () => {
    expect(noto.family).toBe('Noto Serif');
    expect(noto.cmap.has('ễ'.codePointAt(0)!)).toBe(true);
    expect(noto.cmap.has('☐'.codePointAt(0)!)).toBe(false);
    expect(readTrueType(fonts.symbols).family).toBe('DejaVu Sans');
  });

  it('keeps exactly the characters asked for that the font has, as a font that reads back', () => {
    const subset = readTrueType(subsetFont(noto, cps('Hé Nguyễn ☐')));
    expect([...subset.cmap.keys()].sort((a, b) => a - b)).toEqual([...new Set(cps('Hé Nguyễn'))].sort((a, b) => a - b));
    expect(subset.family).toBe('Noto Serif');
    // Every character's glyph is a different one, and none is .notdef.
    const glyphs = [...subset.cmap.values()];
    expect(new Set(glyphs).size).toBe(glyphs.length);
    expect(glyphs).not.toContain(0);
  });

  it('writes the tables Word and LibreOffice need to install it, and none of the layout tables', () => {
    const tags = tableTags(subsetFont(noto, cps('abc')));
    for (const tag of ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'OS/2', 'post']) expect(tags).toContain(tag);
    for (const tag of ['GSUB', 'GPOS', 'GDEF']) expect(tags).not.toContain(tag);
  });

  it('is small: a few hundred bytes a glyph, the licence text left out of the names', () => {
    const subset = subsetFont(noto, cps('The quick brown fox jumps over the lazy dog'));
    expect(subset.length).toBeLessThan(12_000);
    expect(subsetFont(readTrueType(fonts.symbols), cps('☐☒')).length).toBeLessThan(5_000);
  });

  it('gives the same bytes for the same characters in any order', () => {
    expect(Buffer.from(subsetFont(noto, cps('abc'))).equals(Buffer.from(subsetFont(noto, cps('cbaa'))))).toBe(true);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => readTrueType(new TextEncoder().encode('not a font at all, just some text'))).toThrow(/not a TrueType font/);
  });
});

describe('obfuscateFont', () => {
  it('XORs the first 32 bytes with the key read from its last byte to its first, and is its own inverse', () => {
    const font = new Uint8Array(40).fill(0);
    const key = '{00112233-4455-6677-8899-AABBCCDDEEFF}';
    const out = obfuscateFont(font, key);
    expect([...out.subarray(0, 16)]).toEqual([0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x00]);
    expect([...out.subarray(16, 32)]).toEqual([...out.subarray(0, 16)]);
    expect([...out.subarray(32)]).toEqual(new Array(8).fill(0));
    expect([...obfuscateFont(out, key)]).toEqual([...font]);
  });
});
