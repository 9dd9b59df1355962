/**
 * Words as the redaction matcher compares them: street suffixes and
 * directions in one spelling (Drive = Dr, Apartment = Apt …), plural and
 * possessive forms of a name, phone numbers by their digits.
 */

const STREET_WORDS: Readonly<Record<string, readonly string[]>> = {
  aly: ['alley'],
  apt: ['apartment'],
  ave: ['avenue', 'av'],
  blvd: ['boulevard'],
  bldg: ['building'],
  cir: ['circle'],
  ct: ['court'],
  cv: ['cove'],
  dr: ['drive'],
  expy: ['expressway'],
  fl: ['floor'],
  hwy: ['highway'],
  ln: ['lane'],
  mt: ['mount'],
  pike: ['pk'],
  pkwy: ['parkway'],
  pl: ['place'],
  plz: ['plaza'],
  rd: ['road'],
  rm: ['room'],
  sq: ['square'],
  st: ['street', 'saint'],
  ste: ['suite'],
  ter: ['terrace'],
  trl: ['trail'],
  n: ['north'],
  s: ['south'],
  e: ['east'],
  w: ['west'],
  ne: ['northeast'],
  nw: ['northwest'],
  se: ['southeast'],
  sw: ['southwest'],
};
const STREET_CANON = new Map(Object.entries(STREET_WORDS).flatMap(([abbr, long]) => long.map((l) => [l, abbr] as const)));

/** A folded word in its street spelling: "drive" → "dr"; other words as they are. */
export const streetWord = (word: string): string => STREET_CANON.get(word) ?? word;

/** A word of a folded text: letters and digits (an apostrophe, a hyphen, a space end it). */
const WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of a folded text, with their spans. */
export function words(folded: string): { word: string; start: number; end: number }[] {
  return [...folded.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * True when `word` is `name` or its plural ("hartwells", "sanchezes"); a
 * possessive's apostrophe ends the word, so "hartwell's" is "hartwell" then "s".
 */
export function sameOrPlural(word: string, name: string): boolean {
  if (word === name) return true;
  if (/[0-9]$/.test(name) || !word.startsWith(name)) return false;
  const rest = word.length - name.length;
  return (rest === 1 && word.endsWith('s')) || (rest === 2 && word.endsWith('es'));
}

/** The names a word may be the plural of: itself, without "s", without "es". */
export function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith('s') && word.length > 1) out.push(word.slice(0, -1));
  if (word.endsWith('es') && word.length > 2) out.push(word.slice(0, -2));
  return out;
}

/** What may stand between two words of a value in the text: spaces, line breaks, hyphens, periods, commas, apostrophes, slashes. */
export const WORD_GAP = /^[\s\-\u2010-\u2015.,'/]+$/u;
/** What may stand between the digit groups of a phone number. */
export const PHONE_GAP = /^[\s\-\u2010-\u2015.()]+$/u;

/** The digits a phone value is compared by (the last ten; a leading 1 is the country code), or undefined when it is no phone. */
export function phoneKey(value: string): string | undefined {
  if (!/^[\s()+.\-\u2010-\u2015\d]+$/u.test(value)) return undefined;
  const digits = value.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) return digits.slice(1);
  return digits.length === 10 || digits.length === 7 ? digits : undefined;
}
