/**
 * Audiences (case-format.md, "Audiences"): whose copy a document is, and what
 * is withheld from it. Facts builders ask `canSee` before printing a protected
 * value and hand the value to `withhold`, which returns the visible marker and
 * records what was withheld (for the manifest and the final text scan).
 */
export const AUDIENCES = ['court', 'foster_parent', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Printed where a value is withheld: visible, never a blank. */
export const WITHHELD_MARKER = '[withheld for this audience]';

/** The kinds of protected information, and who may see each. */
export const PROTECTED = {
  /** Foster family surname, street address and phone (the placement shows as type, home id and county). */
  foster_family_identity: ['foster_parent', 'internal'],
  /** An address marked `confidential: true` (e.g. domestic violence), and a confidential parent's address and phone. */
  confidential_address: ['internal'],
  /** Substance-use treatment details without `consent_on_file` (42 CFR Part 2). */
  treatment_without_consent: ['internal'],
  /** Parents' addresses and phone numbers. */
  parent_contact: ['court', 'internal'],
  /** Parents' treatment details and diagnoses. */
  parent_treatment: ['court', 'internal'],
  /** Other children's placements beyond the county. */
  other_children_placement: ['court', 'internal'],
} as const satisfies Record<string, readonly Audience[]>;
export type Protected = keyof typeof PROTECTED;

export function canSee(audience: Audience, what: Protected): boolean {
  return (PROTECTED[what] as readonly Audience[]).includes(audience);
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

export function redactor(audience: Audience): Redactor {
  const withheld: WithheldValue[] = [];
  const add = (entry: WithheldValue) => {
    if (canSee(audience, entry.kind) || entry.value.trim() === '') return;
    const at = withheld.findIndex((w) => w.kind === entry.kind && w.field === entry.field && w.value === entry.value);
    if (at < 0) withheld.push(entry);
    // A value first recorded as a guard and then withheld for real is withheld.
    else if (withheld[at]!.guard && !entry.guard) withheld[at] = entry;
  };
  const record = (kind: Protected, field: string, value: string) => add({ kind, field, value });
  return {
    audience,
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
  const values = [...new Set(withheld.map((w) => w.value.trim()).filter((v) => v.length >= SHORTEST_WITHHELD))].sort((a, b) => b.length - a.length);
  if (values.length === 0) return undefined;
  // A value's first entry stands for it: later entries with the same text are found with it.
  const entries = values.map((v) => withheld.find((w) => w.value.trim() === v)!);
  const order = new Map(withheld.map((w, i) => [w, i] as const));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${values.map((v) => `(${escapeRegExp(v)})`).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => {
    const found = new Set<WithheldValue>();
    const replaced = text.replace(pattern, (...match: unknown[]) => {
      const group = match.slice(1, values.length + 1).findIndex((g) => g !== undefined);
      found.add(entries[group]!);
      return WITHHELD_MARKER;
    });
    return { text: replaced, found: [...found].sort((a, b) => order.get(a)! - order.get(b)!) };
  };
}

/** `withheldReplacer` for a single text. */
export function replaceWithheld(text: string, withheld: readonly WithheldValue[]): Replaced {
  return withheldReplacer(withheld)?.(text) ?? { text, found: [] };
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
