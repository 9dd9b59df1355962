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
}

export interface Redactor {
  readonly audience: Audience;
  /** The value when the audience may see it; otherwise the marker, and the value is recorded. */
  show(what: Protected, field: string, value: string): string;
  /** Records a value withheld without printing a marker (e.g. a surname kept out of a longer line). */
  record(what: Protected, field: string, value: string): void;
  readonly withheld: readonly WithheldValue[];
}

export function redactor(audience: Audience): Redactor {
  const withheld: WithheldValue[] = [];
  const record = (kind: Protected, field: string, value: string) => {
    if (value.trim() !== '' && !withheld.some((w) => w.kind === kind && w.field === field && w.value === value)) {
      withheld.push({ kind, field, value });
    }
  };
  return {
    audience,
    withheld,
    record,
    show(what, field, value) {
      if (canSee(audience, what)) return value;
      record(what, field, value);
      return WITHHELD_MARKER;
    },
  };
}
