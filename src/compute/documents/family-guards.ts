/**
 * Every foster family's guards in a copy that may not name them (a court
 * copy, a parent's): each household member's full name, surname and the
 * couple's "Dana and Marcus Whitfield", the street and the phone, looked for
 * by the scans in every text (context.ts `recordFosterFamilies`).
 *
 * What a copy guards of a home depends on the copy only where the copy prints
 * something of it: a name it prints, a surname the child's family or a
 * colleague shares, a phrase holding one of its values, a relative's home.
 * So a root's guards are made once (`familyGuards`), as no copy touches
 * them, and each copy works out anew only the few homes its own names touch
 * (`touchedHomes`); it records the rest by reference. A state's root has
 * thousands of homes: a guard list per copy grew with children × homes.
 */
import type { FamilyGuard, FamilyGuards } from '../audience.js';
import { foldedName, foldedWords, holdersOf } from '../redaction/matcher.js';
import type { AllowedNames } from './people.js';
import type { FosterFamilies, FosterFamily } from './root-view.js';

/** What a copy prints legitimately, as far as a home's guards depend on it (context.ts). */
export interface PrintedNames {
  /** Full names the copy prints, folded (`foldedName`). */
  readonly printed: ReadonlySet<string>;
  /** Words of the child's family's names: a surname made of them is not looked for alone. */
  readonly familyWords: ReadonlySet<string>;
  /** Words of colleagues' and named people's names: a surname made of them is looked for only where it names a family. */
  readonly colleagueWords: ReadonlySet<string>;
  /** Phrases the copy prints that may hold a foster family's value. */
  readonly phrases: readonly string[];
  /** The longer of `phrases` that hold a value (its `except`). */
  readonly holding: (value: string) => readonly string[];
}

/** What a copy that prints `allowed` prints, as a home's guards read it. */
export function printedNames(allowed: AllowedNames): PrintedNames {
  const phrases = [...allowed.family, ...allowed.colleagues, ...allowed.phrases];
  return {
    printed: new Set([...allowed.family, ...allowed.colleagues].map(foldedName)),
    familyWords: new Set(allowed.family.flatMap(foldedWords)),
    colleagueWords: new Set([...allowed.colleagues, ...allowed.named].flatMap(foldedWords)),
    phrases,
    holding: holdersOf(phrases),
  };
}

const NOTHING_PRINTED: PrintedNames = printedNames({ family: [], colleagues: [], named: [], phrases: [] });

/** A household member's surname: the last word of the name as written. */
const surnameOf = (name: string): string => name.trim().split(/\s+/).pop() ?? '';

/**
 * How a text names a family rather than one person who shares its surname:
 * matching patterns, never printed ("the Hartwell" matches "the Hartwells'").
 */
const FAMILY_FORMS = ['Mr', 'Mrs', 'Ms', 'Mx', 'Dr', 'the'] as const;

/** The guards of one home in a copy that prints `names`, in the order they are recorded. */
export function homeGuards(home: FosterFamily, names: PrintedNames): FamilyGuard[] {
  const { printed, familyWords, colleagueWords, holding } = names;
  const guards: FamilyGuard[] = [];
  const guard = (field: string, value: string) => {
    const except = holding(value);
    guards.push({ kind: 'foster_family_identity', field, value, guard: true, ...(except.length ? { except } : {}), home: home.data.id });
  };
  home.data.household.forEach((member, i) => {
    if (!printed.has(foldedName(member.name))) guard(`${home.file} household[${i}].name`, member.name);
    const surname = surnameOf(member.name);
    const words = foldedWords(surname);
    if (surname.length <= 2 || words.every((w) => familyWords.has(w))) return;
    if (!words.every((w) => colleagueWords.has(w))) guard(`${home.file} household[${i}].name (surname)`, surname);
    else for (const form of FAMILY_FORMS) guard(`${home.file} household[${i}].name (surname)`, `${form} ${surname}`);
  });
  // A couple is written "Dana and Marcus Whitfield": the first name before the other's full name goes with it.
  const adults = home.data.household.flatMap((m, i) => (m.role === 'applicant' || m.role === 'co_applicant' ? [{ m, i }] : []));
  for (const a of adults) {
    for (const b of adults) {
      const first = a.m.name.trim().split(/\s+/)[0];
      if (a !== b && first && !printed.has(foldedName(b.m.name))) guard(`${home.file} household[${a.i}].name (with household[${b.i}])`, `${first} and ${b.m.name}`);
    }
  }
  guard(`${home.file} address.street`, home.data.address.street);
  if (home.data.phone) guard(`${home.file} phone`, home.data.phone);
  return guards;
}

interface Made {
  readonly guards: FamilyGuards;
  /** Where a copy's names can touch a home's guards, each → the homes: a member's full name (folded), */
  readonly byName: ReadonlyMap<string, ReadonlySet<string>>;
  /** a word of a member's surname, */
  readonly bySurnameWord: ReadonlyMap<string, ReadonlySet<string>>;
  /** a guard's words (folded, joined by a space). */
  readonly byValue: ReadonlyMap<string, ReadonlySet<string>>;
  /** Home id → its family, and its place in the root's list. */
  readonly byId: ReadonlyMap<string, { readonly family: FosterFamily; readonly at: number }>;
}
const made = new WeakMap<readonly FosterFamily[], Made>();

function madeFor(families: FosterFamilies): Made {
  let m = made.get(families.list);
  if (!m) {
    const entries: FamilyGuard[] = [];
    const byName = new Map<string, Set<string>>();
    const bySurnameWord = new Map<string, Set<string>>();
    const byValue = new Map<string, Set<string>>();
    const byId = new Map<string, { family: FosterFamily; at: number }>();
    const note = (map: Map<string, Set<string>>, key: string, home: string) => {
      const homes = map.get(key);
      if (homes) homes.add(home);
      else map.set(key, new Set([home]));
    };
    for (const home of families.list) {
      const id = home.data.id;
      if (!byId.has(id)) byId.set(id, { family: home, at: byId.size });
      const guards = homeGuards(home, NOTHING_PRINTED);
      entries.push(...guards);
      for (const member of home.data.household) {
        note(byName, foldedName(member.name), id);
        for (const word of foldedWords(surnameOf(member.name))) note(bySurnameWord, word, id);
      }
      for (const g of guards) note(byValue, foldedName(g.value), id);
    }
    m = { guards: { entries }, byName, bySurnameWord, byValue, byId };
    made.set(families.list, m);
  }
  return m;
}

/** The root's foster families guarded as a copy that prints none of them would (made once per root). */
export function familyGuards(families: FosterFamilies): FamilyGuards {
  return madeFor(families).guards;
}

/**
 * The homes whose guards in a copy that prints `names` may differ from
 * `familyGuards`' (homeGuards reads the copy's names nowhere else): a member
 * whose full name it prints, a surname with a word of its family's or
 * colleagues' names, a guard that one of the phrases it prints holds as a
 * shorter run of its words.
 */
export function touchedHomes(families: FosterFamilies, names: PrintedNames): Set<string> {
  const { byName, bySurnameWord, byValue } = madeFor(families);
  const touched = new Set<string>();
  const add = (homes: ReadonlySet<string> | undefined) => homes?.forEach((home) => touched.add(home));
  for (const name of names.printed) add(byName.get(name));
  for (const word of [...names.familyWords, ...names.colleagueWords]) add(bySurnameWord.get(word));
  for (const phrase of names.phrases) {
    const words = foldedWords(phrase);
    for (let from = 0; from < words.length; from++) {
      for (let to = from + 1; to <= words.length && to - from < words.length; to++) add(byValue.get(words.slice(from, to).join(' ')));
    }
  }
  return touched;
}

/** The families of these homes, in the root's order (a home the root lacks is left out). */
export function familiesIn(families: FosterFamilies, ids: Iterable<string>): FosterFamily[] {
  const { byId } = madeFor(families);
  const found = [...ids].flatMap((id) => byId.get(id) ?? []);
  return found.sort((a, b) => a.at - b.at).map((home) => home.family);
}
