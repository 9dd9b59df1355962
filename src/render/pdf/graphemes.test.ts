import { describe, expect, it } from 'vitest';
import { graphemesOf } from './graphemes.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const whole = (text: string): string[] => [...segmenter.segment(text)].map((s) => s.segment);

describe('graphemesOf', () => {
  it('gives the clusters the segmenter gives the whole string, across its windows', () => {
    // Plain letters, CR LF, a prepended mark, combining marks, emoji sequences, flags, astral letters, Thai, Hangul jamo.
    const pieces = ['x', '\r', '\n', '\r\n', '\u0600', '\u0301', 'e\u0301', '🇫🇷', '👨‍👩‍👧', 'Ừ', '𝒳', 'ก\u0e33', '\u1100\u1161\u11a8', '😀\ufe0f'];
    let seed = 7;
    for (let trial = 0; trial < 200; trial++) {
      let text = '';
      const n = trial * 7;
      for (let i = 0; i < n; i++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        // Every other string without ASCII, so that windows fill up and end inside clusters.
        text += trial % 2 ? pieces[4 + ((seed >>> 16) % (pieces.length - 4))] : pieces[(seed >>> 16) % pieces.length];
      }
      expect(graphemesOf(text)).toEqual(whole(text));
    }
  });

  it('cuts a cluster longer than a window, losing nothing', () => {
    const marks = `e${'\u0301'.repeat(1000)}x`;
    expect(graphemesOf(marks).join('')).toBe(marks);
    expect(graphemesOf(marks).length).toBeGreaterThan(2);
  });
});
