/**
 * Text as the redaction matcher compares it: NFKC-compatible, case-folded,
 * accents folded, soft hyphens and zero-width characters removed, every
 * apostrophe one apostrophe. Both the withheld values and the text they are
 * looked for in are folded, so "PEÑALOZA", "Penaloza" and "Pe\u200Bñaloza"
 * are one word. Folding keeps, for every folded character, where it came from
 * in the original, so a match is replaced in the text as written.
 */

export interface Folded {
  readonly text: string;
  /** Original offset of the character that gave each folded character; undefined: identity (plain ASCII). */
  readonly from?: readonly number[];
  /** Original offset just past that character. */
  readonly to?: readonly number[];
}

/** Removed before comparing: soft hyphen, ZWSP, ZWNJ, ZWJ, word joiner, BOM. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
/** Apostrophes and look-alikes a writer or a word processor may type. */
const APOSTROPHE = /[\u2018\u2019\u02BC\u2032]/;
const MARK = /\p{M}/gu;
/** Printable ASCII: lowering is all its folding takes, and keeps every offset. */
const PLAIN = /^[\t\n\r\x20-\x7E]*$/;

const folds = new Map<string, string>();
/** One code point, folded: compatibility decomposition, full case folding (ß → ss), no marks. */
function foldChar(c: string): string {
  let f = folds.get(c);
  if (f === undefined) {
    f = INVISIBLE.test(c) ? '' : APOSTROPHE.test(c) ? "'" : c.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD').replace(MARK, '');
    // A space-like character (NBSP, thin space …) is a space: NFKD makes most of them one already.
    if (/^\s+$/u.test(f)) f = ' ';
    folds.set(c, f);
  }
  return f;
}

/** Printable ASCII, which folding only lowers. */
export const isPlain = (text: string): boolean => PLAIN.test(text);

export function fold(text: string): Folded {
  if (PLAIN.test(text)) return { text: text.toLowerCase() };
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let at = 0;
  for (const c of text) {
    const f = foldChar(c);
    for (let i = 0; i < f.length; i++) {
      from.push(at);
      to.push(at + c.length);
    }
    out += f;
    at += c.length;
  }
  return { text: out, from, to };
}

/** The original span [start, end) of the folded span [start, end). */
export function originalSpan(folded: Folded, start: number, end: number): [number, number] {
  return folded.from ? [folded.from[start]!, folded.to![end - 1]!] : [start, end];
}
