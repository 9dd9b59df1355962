/**
 * Audiences (case-format.md, "Audiences"): whose copy a document is, and what
 * is withheld from it. Facts builders ask `canSee` before printing a protected
 * value and hand the value to `withhold`, which returns the visible marker and
 * records what was withheld (for the manifest and the final text scan).
 */
import { WITHHELD_MARKER } from './redaction/marker.js';

/** `public`: the caseload statistics for a board or funders, which see nothing protected. */
export const AUDIENCES = ['court', 'parent', 'foster_parent', 'internal', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

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
  /**
   * Longer phrases holding the value that the copy prints legitimately (a
   * parent's street named like a foster family): the scans leave them whole.
   */
  readonly except?: readonly string[];
}

/** A foster family's guard, with the home it belongs to. */
export interface FamilyGuard extends WithheldValue {
  readonly home: string;
}

/** Every foster family of a root guarded as a copy that prints none of them would (compute/documents/family-guards.ts). */
export interface FamilyGuards {
  readonly entries: readonly FamilyGuard[];
}

/**
 * A copy's foster-family guards by reference: the root's, but for the homes in
 * `skip`, which the copy guards in its own list (its names touch them).
 */
export interface SharedGuards {
  readonly guards: FamilyGuards;
  readonly skip: readonly string[];
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
  /** Records a value only for the scans to look for (a `guard`), except inside `except`; nothing for an audience that may see it. */
  guard(what: Protected, field: string, value: string, except?: readonly string[]): void;
  /** Records the root's foster-family guards by reference, but for the homes in `skip` (recorded one by one); nothing for an audience that may see them. */
  guardFamilies(guards: FamilyGuards, skip: ReadonlySet<string>): void;
  /** Guards a scan found in the text: from now on they count as withheld from this document. */
  caught(found: readonly WithheldValue[]): void;
  readonly withheld: readonly WithheldValue[];
  /** The foster-family guards recorded by reference, if any: the scans look for them as for `withheld`'s. */
  readonly families: SharedGuards | undefined;
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
    // A value first recorded as a guard and then withheld for real is withheld (still whole inside its `except`).
    else if (withheld[at]!.guard && !entry.guard) {
      const { except } = withheld[at]!;
      withheld[at] = except ? { ...entry, except } : entry;
    }
  };
  const record = (kind: Protected, field: string, value: string) => add({ kind, field, value });
  let families: SharedGuards | undefined;
  return {
    audience,
    ...(audience === 'parent' && reader !== undefined ? { reader } : {}),
    withheld,
    get families() {
      return families;
    },
    guardFamilies(guards, skip) {
      if (canSee(audience, 'foster_family_identity')) return;
      // Recorded again (the same root): a home either recording skips is one the other guards by reference, so it stays guarded.
      families = { guards, skip: families?.guards === guards ? families.skip.filter((home) => skip.has(home)) : [...skip].sort() };
    },
    record,
    guard: (kind, field, value, except) => add({ kind, field, value, guard: true, ...(except?.length ? { except } : {}) }),
    caught: (found) => found.forEach(({ kind, field, value }) => record(kind, field, value)),
    show(what, field, value) {
      if (canSee(audience, what)) return value;
      record(what, field, value);
      return WITHHELD_MARKER;
    },
  };
}
