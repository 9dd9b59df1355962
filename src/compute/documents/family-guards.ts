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
import { foldedName, foldedWords } from '../redaction/matcher.js';
import type { FosterFamilies, FosterFamily } from './root-view.js';

/** What a copy prints legitimately, as far as a home's guards depend on it (context.ts). */
export interface PrintedNames {
  /** Full names the copy prints, folded (`foldedName`). */
  readonly printed: ReadonlySet<string>;
  /** Words of the child's family's names: a surname made of them is not looked for alone. */
  readonly familyWords: ReadonlySet<string>;
  /** Words of colleagues' and named people's names: a surname made of them is looked for only where it names a family. */
  readonly colleagueWords: ReadonlySet<string>;
  /** The longer phrases the copy prints that hold a value (its `except`). */
  readonly holding: (value: string) => readonly string[];
}

const NOTHING_PRINTED: PrintedNames = { printed: new Set(), familyWords: new Set(), colleagueWords: new Set(), holding: () => [] };

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
    const surname = member.name.trim().split(/\s+/).pop() ?? '';
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
  /** Folded word → the homes one of whose names or values holds it. */
  readonly byWord: ReadonlyMap<string, ReadonlySet<string>>;
}
const made = new WeakMap<readonly FosterFamily[], Made>();

function madeFor(families: FosterFamilies): Made {
  let m = made.get(families.list);
  if (!m) {
    const entries: FamilyGuard[] = [];
    const byWord = new Map<string, Set<string>>();
    for (const home of families.list) {
      const guards = homeGuards(home, NOTHING_PRINTED);
      entries.push(...guards);
      const words = [...home.data.household.flatMap((member) => foldedWords(member.name)), ...guards.flatMap((g) => foldedWords(g.value))];
      for (const word of words) {
        const homes = byWord.get(word);
        if (homes) homes.add(home.data.id);
        else byWord.set(word, new Set([home.data.id]));
      }
    }
    m = { guards: { entries }, byWord };
    made.set(families.list, m);
  }
  return m;
}

/** The root's foster families guarded as a copy that prints none of them would (made once per root). */
export function familyGuards(families: FosterFamilies): FamilyGuards {
  return madeFor(families).guards;
}

/**
 * The homes whose guards in a copy may differ from `familyGuards`': those
 * holding one of `words` (the folded words of everything the copy prints that
 * could touch a guard: its names, its families' and colleagues' words, its
 * phrases). A home with none of them is guarded as in `familyGuards`.
 */
export function touchedHomes(families: FosterFamilies, words: Iterable<string>): Set<string> {
  const { byWord } = madeFor(families);
  const touched = new Set<string>();
  for (const word of words) for (const home of byWord.get(word) ?? []) touched.add(home);
  return touched;
}
