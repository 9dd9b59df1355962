/**
 * `{{plural n "visit"}}` → "1 visit", "0 visits", "3 visits"; the count may be a
 * list (its length). Regular plurals: +s, +es after s/x/z/ch/sh, y → ies after
 * a consonant; irregular ones as a third value: `{{plural n "child" "children"}}`.
 * `zero="no"` words a zero in prose: "no missed visits", not "0 missed visits".
 */
import { groupThousands } from '../../core/digits.js';
import { escapeText } from '../escape.js';
import type { HelperSpec } from './spec.js';

export function pluralOf(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

export const plural: HelperSpec = {
  name: 'plural',
  role: 'inline',
  params: [2, 3],
  usage: '{{plural count "word"}} or {{plural count "word" "plural"}}',
  hash: { zero: 'string' },
  run(call, [count, word, many]) {
    const n = Array.isArray(count) ? count.length : count;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      return call.wrongKind(0, count, 'a whole number of at least 0, or a list');
    }
    if (typeof word !== 'string' || word === '') return call.wrongKind(1, word, 'a word in quotes, e.g. "visit"');
    if (many !== undefined && (typeof many !== 'string' || many === '')) return call.wrongKind(2, many, 'a plural in quotes, e.g. "children"');
    const zero = call.hash['zero'];
    const shown = n === 0 && typeof zero === 'string' ? zero : groupThousands(String(n));
    return escapeText(`${shown} ${n === 1 ? word : (many as string | undefined) ?? pluralOf(word)}`);
  },
};
