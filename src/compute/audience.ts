/**
 * Audiences (case-format.md, "Audiences"): whose copy a document is, and what
 * is withheld from it. Facts builders ask `canSee` before printing a protected
 * value and hand the value to `withhold`, which returns the visible marker and
 * records what was withheld (for the manifest and the final text scan).
 */
export const AUDIENCES = ['court', 'parent', 'foster_parent', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Printed where a value is withheld: visible, never a blank. */
export const WITHHELD_MARKER = '[withheld for this audience]';

/**
 * The kinds of protected information, and who may see each. A `parent` copy is
 * one parent's (and their attorney's): it sees what the court sees, except the
 * other parent's contact and treatment details and, when the child's location
 * is confidential, the child's location.
 */
export const PROTECTED = {
  /** Foster family surname, street address and phone (the placement shows as type, home id and county). */
  foster_family_identity: ['foster_parent', 'internal'],
  /** An address marked `confidential: true` (e.g. domestic violence), and a confidential parent's address and phone. */
  confidential_address: ['internal'],
  /** Substance-use treatment details without `consent_on_file` (42 CFR Part 2). */
  treatment_without_consent: ['internal'],
  /** Parents' addresses and phone numbers (in a parent's copy, the other parent's: `parentClass`). */
  parent_contact: ['court', 'internal'],
  /** Parents' treatment details and diagnoses (in a parent's copy, the other parent's: `parentClass`). */
  parent_treatment: ['court', 'internal'],
  /** The reader's own address, phone and treatment details, in their own parent copy. */
  reader_own: ['court', 'parent', 'internal'],
  /** Other children's placements beyond the county. */
  other_children_placement: ['court', 'parent', 'internal'],
  /**
   * The child's school, placement county and city, and providers' addresses, when the
   * child's location is confidential (`child.location_confidential`, or a parent's
   * no-contact order): a court copy is served on every party, the parents included.
   */
  child_location: ['foster_parent', 'internal'],
} as const satisfies Record<string, readonly Audience[]>;
export type Protected = keyof typeof PROTECTED;

export function canSee(audience: Audience, what: Protected): boolean {
  return (PROTECTED[what] as readonly Audience[]).includes(audience);
}

/**
 * The class of one parent's contact or treatment details in this copy: a
 * parent's copy shows that parent their own (`reader_own`), never another's.
 * `parent` is the parent's index in the case's `parents`.
 */
export function parentClass(redact: Pick<Redactor, 'reader'>, parent: number, kind: 'parent_contact' | 'parent_treatment'): Protected {
  return redact.reader === parent ? 'reader_own' : kind;
}

/** One value withheld from one output: what kind, which field, and the text itself (for the final scan). */
export interface WithheldValue {
  readonly kind: Protected;
  /** Where it came from, e.g. "homes/H-0042/home.yaml address.street". */
  readonly field: string;
  readonly value: string;
  /**
   * Recorded only for the scans (every foster family, in a court copy): the
   * document would not print it otherwise, so the manifest names it only when
   * a scan found it in the text.
   */
  readonly guard?: true;
}

export interface Redactor {
  readonly audience: Audience;
  /** In a `parent` copy, whose it is: the parent's index in the case's `parents`. */
  readonly reader?: number;
  /** The value when the audience may see it; otherwise the marker, and the value is recorded. */
  show(what: Protected, field: string, value: string): string;
  /**
   * Records a value withheld without printing a marker (e.g. a surname kept out of
   * a longer line, for the final scan); nothing is recorded for an audience that may see it.
   */
  record(what: Protected, field: string, value: string): void;
  /** Records a value only for the scans to look for (a `guard`); nothing for an audience that may see it. */
  guard(what: Protected, field: string, value: string): void;
  /** Guards a scan found in the text: from now on they count as withheld from this document. */
  caught(found: readonly WithheldValue[]): void;
  readonly withheld: readonly WithheldValue[];
}

export function redactor(audience: Audience, reader?: number): Redactor {
  const withheld: WithheldValue[] = [];
  /** kind, field and value → index in `withheld` (a court copy records every foster family: thousands). */
  const index = new Map<string, number>();
  const add = (entry: WithheldValue) => {
    if (canSee(audience, entry.kind) || entry.value.trim() === '') return;
    const key = `${entry.kind}\u0000${entry.field}\u0000${entry.value}`;
    const at = index.get(key);
    if (at === undefined) index.set(key, withheld.push(entry) - 1);
    // A value first recorded as a guard and then withheld for real is withheld.
    else if (withheld[at]!.guard && !entry.guard) withheld[at] = entry;
  };
  const record = (kind: Protected, field: string, value: string) => add({ kind, field, value });
  return {
    audience,
    ...(audience === 'parent' && reader !== undefined ? { reader } : {}),
    withheld,
    record,
    guard: (kind, field, value) => add({ kind, field, value, guard: true }),
    caught: (found) => found.forEach(({ kind, field, value }) => record(kind, field, value)),
    show(what, field, value) {
      if (canSee(audience, what)) return value;
      record(what, field, value);
      return WITHHELD_MARKER;
    },
  };
}

/** What a text becomes once the withheld values in it are replaced, and which of them it held. */
export interface Replaced {
  readonly text: string;
  /** The withheld values found, in the order of `withheld` (one per distinct value). */
  readonly found: readonly WithheldValue[];
}

/** Shorter values are too likely to stand in ordinary words to be looked for. */
const SHORTEST_WITHHELD = 3;

/**
 * The one way a withheld value is found in a text (the builders' narrative
 * scrub and the build's final scan): as a whole word (no letter or digit
 * either side), in any letter case, the longest value first, so a full name is
 * replaced whole rather than its surname alone. Each occurrence becomes the
 * marker. Compiles the values once; undefined when none is long enough to look for.
 */
export function withheldReplacer(withheld: readonly WithheldValue[]): ((text: string) => Replaced) | undefined {
  // A value's first entry stands for it: later entries with the same text are found with it.
  const first = new Map<string, WithheldValue>();
  for (const w of withheld) {
    const value = w.value.trim();
    if (value.length >= SHORTEST_WITHHELD && !first.has(value)) first.set(value, w);
  }
  if (first.size === 0) return undefined;
  const values = [...first.keys()].sort((a, b) => b.length - a.length);
  const entries = values.map((v) => first.get(v)!);
  const order = new Map(withheld.map((w, i) => [w, i] as const));
  // A court copy looks for every foster family of the agency (a thousand values and more): most
  // texts hold none of their leading words, and skip the pattern, which is compiled only when needed.
  const mayHold = leadingWordsFilter(values);
  let pattern: RegExp | undefined;
  return (text) => {
    if (!mayHold(text)) return { text, found: [] };
    pattern ??= new RegExp(`(?<![\\p{L}\\p{N}])(?:${values.map((v) => `(${escapeRegExp(v)})`).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    const found = new Set<WithheldValue>();
    const replaced = text.replace(pattern, (...match: unknown[]) => {
      const group = match.slice(1, values.length + 1).findIndex((g) => g !== undefined);
      found.add(entries[group]!);
      return WITHHELD_MARKER;
    });
    return { text: replaced, found: [...found].sort((a, b) => order.get(a)! - order.get(b)!) };
  };
}

const NOT_WORD = /[^\p{L}\p{N}]+/u;
/**
 * Letter case as the pattern's `iu` flags ignore it: characters that simple
 * case folding makes equal (s, S, ſ; σ, ς, Σ; k, K, the Kelvin sign) end up
 * equal after lowering then raising.
 */
const caseless = (word: string) => word.toLowerCase().toUpperCase();

/**
 * False only when the text cannot hold any of the values: a value found as a
 * whole word starts with its own first word — and its first two words when it
 * has two — which are then words of the text, in a row. (Names are what
 * foster families are looked for by; first names are common, whole names not.)
 * A value with no letter or digit at all is always looked for.
 */
function leadingWordsFilter(values: readonly string[]): (text: string) => boolean {
  const singles = new Set<string>();
  const pairs = new Set<string>();
  for (const value of values) {
    const words = caseless(value).split(NOT_WORD).filter(Boolean);
    if (words.length === 0) return () => true;
    if (words.length === 1) singles.add(words[0]!);
    else pairs.add(`${words[0]} ${words[1]}`);
  }
  // The whole text is made caseless at once (cheaper than word by word), then split into words.
  return (text) => {
    const words = caseless(text).split(NOT_WORD);
    for (let i = 0; i < words.length; i++) {
      if (singles.has(words[i]!) || (i + 1 < words.length && pairs.has(`${words[i]} ${words[i + 1]}`))) return true;
    }
    return false;
  };
}

/** `withheldReplacer` for a single text. */
export function replaceWithheld(text: string, withheld: readonly WithheldValue[]): Replaced {
  return withheldReplacer(withheld)?.(text) ?? { text, found: [] };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
