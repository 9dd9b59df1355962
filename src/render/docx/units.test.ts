import { describe, expect, it } from 'vitest';
import { columnWidths } from './body.js';
import { cleanText } from './text.js';
import { eighths, halfPoints, hex, pixels, twips } from './units.js';

describe('units', () => {
  it('converts points to twips, half-points, eighths, pixels', () => {
    expect(twips(72)).toBe(1440);
    expect(halfPoints(9.5)).toBe(19);
    expect(eighths(0.5)).toBe(4);
    expect(eighths(0.1)).toBe(2);
    expect(pixels(72)).toBe(96);
    expect(hex('#e8edf2')).toBe('E8EDF2');
  });
});

describe('columnWidths', () => {
  it('splits the width by the columns’ shares and adds up exactly', () => {
    const widths = columnWidths([0.08, 0.17, 0.3, 0.45], 4, 9360);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9360);
    expect(widths).toEqual([749, 1591, 2808, 4212]);
  });

  it('shares equally when the widths are missing, zero or do not match the columns', () => {
    expect(columnWidths([], 3, 9000)).toEqual([3000, 3000, 3000]);
    expect(columnWidths([0.5, 0], 2, 9000)).toEqual([4500, 4500]);
    expect(columnWidths([0.5, 0.5], 3, 9000)).toEqual([3000, 3000, 3000]);
  });

  it('scales shares that do not add up to 1', () => {
    expect(columnWidths([1, 3], 2, 8000)).toEqual([2000, 6000]);
  });
});

describe('cleanText', () => {
  it('drops characters XML cannot hold and turns tabs and line ends into spaces', () => {
    expect(cleanText('a\u0000b\u0007c\uFFFEd\uD800e')).toBe('abcde');
    expect(cleanText('one\ttwo\r\nthree\nfour')).toBe('one two three four');
    expect(cleanText('Nguyễn 😀')).toBe('Nguyễn 😀');
  });
});
