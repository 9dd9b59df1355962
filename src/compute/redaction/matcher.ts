/**
 * The one way withheld values are found in a text (the builders' scrub and the
 * build's final scan): on whole words of the folded text (`fold.ts`), a value's
 * last word also in its plural and possessive forms ("the Hartwells'"), a
 * street with its suffix in either spelling, a phone by its digits, and every
 * full identifier (`identifiers.ts`). The longest match at the leftmost word
 * wins, so a full name is replaced whole rather than its surname alone.
 *
 * Never part of an unrelated longer value: a guard may carry `except`, phrases
 * the copy prints legitimately that hold it (a parent's street "12 Sample St"
 * when a foster family is named Sample); where such a phrase stands, what it
 * holds is left alone (a withheld value the same length as the phrase still wins).
 */
import type { FamilyGuard, FamilyGuards, SharedGuards, WithheldValue } from '../audience.js';
import { findIdentifiers } from './identifiers.js';
import { fold, isPlain, originalSpan } from './fold.js';
import { PHONE_GAP, phoneKey, sameOrPlural, singulars, streetWord, WORD_GAP, words } from './words.js';

/** What a text holds: the spans to replace (original offsets, in order, apart) and what they were. */
export interface Found {
  readonly spans: readonly (readonly [number, number])[];
  /** The withheld values found, in the order of the matcher's list (one per distinct value). */
  readonly values: readonly WithheldValue[];
  /** How many full identifiers were found. */
  readonly identifiers: number;
}

export type Matcher = (text: string) => Found;

/** Shorter values are too likely to stand in ordinary words to be looked for. */
const SHORTEST = 3;

interface Phrase {
  /** Folded words; a street's in their street spelling. */
  readonly words: readonly string[];
  readonly street: boolean;
  /** Undefined: a phrase printed legitimately (kept), not withheld. */
  readonly value: WithheldValue | undefined;
}

/** A value's folded words (cached: every document of a build looks for the same foster families). */
const compiled = new Map<string, Compiled>();
/**
 * Past this many values the cache starts over: each document adds its own
 * (its parents' names, streets, schools), which a build of 20,000 children
 * would otherwise keep in every rendering thread to the end. The foster
 * families' guards are compiled once per root into their index (`sharedIndex`).
 */
const COMPILED_LIMIT = 20_000;
interface Compiled {
  readonly plain: readonly string[];
  /** The plain words as one string: a name as names are compared. */
  readonly name: string;
  readonly words: readonly string[];
  readonly street: boolean;
  readonly phone: string | undefined;
  /** The words as one string, for telling a value apart from another; undefined when too short to look for. */
  readonly key: string | undefined;
}
function compile(value: string): Compiled {
  let c = compiled.get(value);
  if (!c) {
    if (compiled.size >= COMPILED_LIMIT) compiled.clear();
    const folded = fold(value.trim()).text;
    const phone = phoneKey(folded);
    const plain = words(folded).map((w) => w.word);
    // A street line has a number and a name; its suffix and direction words have two spellings.
    const street = !phone && plain.length > 1 && plain.some((w) => /[0-9]/.test(w));
    const spelled = street ? plain.map(streetWord) : plain;
    c = { plain, name: plain.join(' '), words: spelled, street, phone, key: spelled.join('').length < SHORTEST ? undefined : `${street ? 's' : ''} ${spelled.join(' ')}` };
    compiled.set(value, c);
  }
  return c;
}

/** A name's words as the matcher compares them ("Peñaloza-Hart" → penaloza, hart). */
export const foldedWords = (value: string): readonly string[] => compile(value).plain;
/** A name as the matcher compares names ("PEÑALOZA-Hart" → "penaloza hart"). */
export const foldedName = (value: string): string => compile(value).name;

/** For a value, the phrases among `phrases` that hold it as whole words and are longer: its `except`. */
export function holdersOf(phrases: readonly string[]): (value: string) => string[] {
  const byWord = new Map<string, string[]>();
  for (const phrase of new Set(phrases)) {
    for (const word of new Set(compile(phrase).plain)) byWord.set(word, [...(byWord.get(word) ?? []), phrase]);
  }
  return (value) => {
    const inner = compile(value).plain;
    const candidates = byWord.get(inner[0] ?? '');
    if (!candidates) return [];
    return candidates.filter((phrase) => {
      const outer = compile(phrase).plain;
      return outer.length > inner.length && outer.some((_, at) => inner.every((w, k) => outer[at + k] === w));
    });
  };
}

/** A root's foster-family guards as the matcher looks them up: made once per root, shared by every copy's matcher. */
interface SharedIndex {
  /** First word → the phrases that start with it, every home's (a copy skips some). */
  readonly byFirst: ReadonlyMap<string, readonly (Phrase & { readonly home: string })[]>;
  readonly phones: ReadonlyMap<string, readonly FamilyGuard[]>;
  /** A guard's place in the root's list (for the order of what is found). */
  readonly order: ReadonlyMap<WithheldValue, number>;
  /** How many guards of each home the matcher looks for. */
  readonly looked: ReadonlyMap<string, number>;
  readonly total: number;
}
const sharedIndexes = new WeakMap<FamilyGuards, SharedIndex>();

function sharedIndex(guards: FamilyGuards): SharedIndex {
  let index = sharedIndexes.get(guards);
  if (!index) {
    const byFirst = new Map<string, (Phrase & { home: string })[]>();
    const phones = new Map<string, FamilyGuard[]>();
    const order = new Map<WithheldValue, number>();
    const looked = new Map<string, number>();
    let total = 0;
    guards.entries.forEach((g, i) => {
      order.set(g, i);
      const c = compile(g.value);
      if (c.phone) phones.set(c.phone, [...(phones.get(c.phone) ?? []), g]);
      else if (c.key !== undefined) {
        const phrase = { words: c.words, street: c.street, value: g, home: g.home };
        const list = byFirst.get(c.words[0]!);
        if (list) list.push(phrase);
        else byFirst.set(c.words[0]!, [phrase]);
      } else return;
      looked.set(g.home, (looked.get(g.home) ?? 0) + 1);
      total++;
    });
    index = { byFirst, phones, order, looked, total };
    sharedIndexes.set(guards, index);
  }
  return index;
}

/**
 * `kept`: phrases printed legitimately wherever they stand (the agency's own
 * letterhead), left whole like a guard's `except`. `families`: foster-family
 * guards by reference (family-guards.ts), looked for after `withheld`'s, as if
 * listed after them.
 */
export function withheldMatcher(withheld: readonly WithheldValue[], kept: readonly string[] = [], families?: SharedGuards): Matcher {
  /** First word → the phrases that start with it. */
  const byFirst = new Map<string, Phrase[]>();
  const phones = new Map<string, WithheldValue>();
  const order = new Map<WithheldValue, number>();
  // A value's first entry stands for it: later entries with the same words are found with it.
  const seen = { withheld: new Set<string>(), kept: new Set<string>() };
  const add = (text: string, value: WithheldValue | undefined) => {
    const c = compile(text);
    if (c.phone) {
      if (value && !phones.has(c.phone)) phones.set(c.phone, value);
      return;
    }
    const seenAs = value ? seen.withheld : seen.kept;
    if (c.key === undefined || seenAs.has(c.key)) return;
    seenAs.add(c.key);
    const list = byFirst.get(c.words[0]!);
    if (list) list.push({ words: c.words, street: c.street, value });
    else byFirst.set(c.words[0]!, [{ words: c.words, street: c.street, value }]);
  };
  withheld.forEach((w, i) => {
    if (!order.has(w)) order.set(w, i);
    add(w.value, w);
    for (const phrase of w.except ?? []) add(phrase, undefined);
  });
  for (const phrase of kept) add(phrase, undefined);

  const shared = families && sharedIndex(families.guards);
  const skip = new Set(families?.skip);
  const sharedLooked = shared ? shared.total - [...skip].reduce((n, home) => n + (shared.looked.get(home) ?? 0), 0) : 0;
  /** Each phrase starting with a word: this copy's own, then the root's foster families' it does not skip. */
  const eachPhrase = (word: string, visit: (phrase: Phrase) => void): void => {
    byFirst.get(word)?.forEach(visit);
    if (sharedLooked > 0) for (const phrase of shared!.byFirst.get(word) ?? []) if (!skip.has(phrase.home)) visit(phrase);
  };
  const phoneOf = (digits: string): WithheldValue | undefined => phones.get(digits) ?? (sharedLooked > 0 ? shared!.phones.get(digits)?.find((g) => !skip.has(g.home)) : undefined);
  const anyPhone = phones.size > 0 || (shared !== undefined && sharedLooked > 0 && shared.phones.size > 0);
  const placeOf = (value: WithheldValue) => order.get(value) ?? withheld.length + shared!.order.get(value)!;

  // Kept phrases alone give nothing to replace.
  const anyValue = seen.withheld.size > 0 || phones.size > 0 || sharedLooked > 0;
  return (text) => {
    // Identifiers alone need no folding of plain ASCII (an internal copy looks for nothing else).
    const folded = anyValue || !isPlain(text) ? fold(text) : { text };
    const ids = findIdentifiers(folded.text);
    const found = new Set<WithheldValue>();
    const spans: [number, number][] = ids.map(([s, e]) => [s, e]);
    if (anyValue) {
      const ws = words(folded.text);
      for (let i = 0; i < ws.length; ) {
        const best = longestAt(folded.text, ws, i, eachPhrase, anyPhone ? phoneOf : undefined);
        if (!best) {
          i++;
          continue;
        }
        if (best.value) {
          found.add(best.value);
          spans.push([best.start, best.end]);
        }
        i = best.next;
      }
    }
    if (spans.length === 0) return { spans: [], values: [], identifiers: 0 };
    return {
      spans: merge(spans).map(([s, e]) => originalSpan(folded, s, e)),
      values: [...found].sort((a, b) => placeOf(a) - placeOf(b)),
      identifiers: ids.length,
    };
  };
}

interface Hit {
  readonly start: number;
  readonly end: number;
  /** Index of the first word after the match. */
  readonly next: number;
  readonly value: WithheldValue | undefined;
}

type Word = { word: string; start: number; end: number };

/** The longest phrase or phone that starts at word i (a withheld value over a kept phrase of the same length). */
function longestAt(text: string, ws: readonly Word[], i: number, eachPhrase: (word: string, visit: (phrase: Phrase) => void) => void, phoneOf: ((digits: string) => WithheldValue | undefined) | undefined): Hit | undefined {
  let best: Hit | undefined;
  const consider = (hit: Hit | undefined) => {
    if (hit && (!best || hit.end > best.end || (hit.end === best.end && hit.value && !best.value))) best = hit;
  };
  const first = ws[i]!.word;
  const look = (key: string) => eachPhrase(key, (phrase) => consider(matchAt(text, ws, i, phrase)));
  // The first word may be a plural (a one-word name) or a street word in its other spelling.
  singulars(first).forEach(look);
  if (streetWord(first) !== first) look(streetWord(first));
  if (phoneOf && /^[0-9]+$/.test(first)) consider(phoneAt(text, ws, i, phoneOf));
  return best;
}

function matchAt(text: string, ws: readonly Word[], i: number, phrase: Phrase): Hit | undefined {
  const n = phrase.words.length;
  if (i + n > ws.length) return undefined;
  for (let k = 0; k < n; k++) {
    const word = phrase.street ? streetWord(ws[i + k]!.word) : ws[i + k]!.word;
    const want = phrase.words[k]!;
    if (k === n - 1 ? !sameOrPlural(word, want) : word !== want) return undefined;
    if (k > 0 && !WORD_GAP.test(text.slice(ws[i + k - 1]!.end, ws[i + k]!.start))) return undefined;
  }
  let end = ws[i + n - 1]!.end;
  let next = i + n;
  // A possessive goes with the name: "Hartwell's", "Hartwells'".
  if (text.startsWith("'s", end) && ws[next]?.start === end + 1 && ws[next]!.word === 's') {
    end += 2;
    next++;
  } else if (text[end] === "'" && text[end - 1] === 's' && ws[next]?.start !== end + 1) end += 1;
  return { start: ws[i]!.start, end, next, value: phrase.value };
}

/** A phone number by its digits, in groups joined by spaces, hyphens, periods or parentheses ("(859) 555-0199", "+1 859 555 0199"). */
function phoneAt(text: string, ws: readonly Word[], i: number, phoneOf: (digits: string) => WithheldValue | undefined): Hit | undefined {
  let digits = '';
  let hit: Hit | undefined;
  for (let j = i; j < ws.length && /^[0-9]+$/.test(ws[j]!.word) && digits.length < 11; j++) {
    if (j > i && !PHONE_GAP.test(text.slice(ws[j - 1]!.end, ws[j]!.start))) break;
    digits += ws[j]!.word;
    const value = phoneOf(digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits);
    if (value) {
      // The opening parenthesis or plus sign goes with the number.
      let start = ws[i]!.start;
      while (start > 0 && /[(+]/.test(text[start - 1]!)) start--;
      hit = { start, end: ws[j]!.end, next: j + 1, value };
    }
  }
  return hit;
}

/** Overlapping or touching spans as one. */
function merge(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: [number, number][] = [];
  for (const span of spans) {
    const last = out.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}
