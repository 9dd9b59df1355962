import { describe, expect, it } from 'vitest';
import { canSee, parentClass, redactor } from './audience.js';
import { WITHHELD_MARKER } from './redaction/marker.js';

describe('audiences (case-format.md, Audiences)', () => {
  it('withholds from the court what case-format.md lists', () => {
    expect(canSee('court', 'foster_family_identity')).toBe(false);
    expect(canSee('court', 'confidential_address')).toBe(false);
    expect(canSee('court', 'treatment_without_consent')).toBe(false);
    expect(canSee('court', 'parent_contact')).toBe(true);
    expect(canSee('foster_parent', 'foster_family_identity')).toBe(true);
    expect(canSee('foster_parent', 'parent_contact')).toBe(false);
    expect(canSee('internal', 'treatment_without_consent')).toBe(true);
  });

  it("a parent's copy sees what the court sees but the other parent's details; the child's location only the caregivers and staff", () => {
    for (const kind of ['foster_family_identity', 'confidential_address', 'treatment_without_consent', 'parent_contact', 'parent_treatment'] as const) {
      expect(canSee('parent', kind), kind).toBe(false);
    }
    expect(canSee('parent', 'reader_own')).toBe(true);
    expect(canSee('court', 'child_location')).toBe(false);
    expect(canSee('parent', 'child_location')).toBe(false);
    expect(canSee('foster_parent', 'child_location')).toBe(true);
    expect(canSee('internal', 'child_location')).toBe(true);
    // The father's copy (parent 1): his own address prints, the mother's (parent 0) does not.
    const father = redactor('parent', 1);
    expect(father.show(parentClass(father, 1, 'parent_contact'), 'case.yaml parents[1].address', '9 Oak St')).toBe('9 Oak St');
    expect(father.show(parentClass(father, 0, 'parent_contact'), 'case.yaml parents[0].address', '4 Elm St')).toBe(WITHHELD_MARKER);
    // Any other copy has no reader: a parent's details are the court's to see, never a foster parent's.
    expect(parentClass(redactor('court'), 0, 'parent_treatment')).toBe('parent_treatment');
    expect(redactor('foster_parent', 0).reader).toBeUndefined();
  });

  it('prints the marker and records what it withheld, once', () => {
    const court = redactor('court');
    expect(court.show('foster_family_identity', 'homes/H-0042/home.yaml address.street', '48 Cedar Ln')).toBe(WITHHELD_MARKER);
    court.show('foster_family_identity', 'homes/H-0042/home.yaml address.street', '48 Cedar Ln');
    expect(court.show('parent_contact', 'case.yaml parents[0].phone', '(859) 555-0199')).toBe('(859) 555-0199');
    expect(court.withheld).toEqual([{ kind: 'foster_family_identity', field: 'homes/H-0042/home.yaml address.street', value: '48 Cedar Ln' }]);
  });

  it('records nothing for an audience that may see the value (regression: an internal copy hid a confidential address)', () => {
    const internal = redactor('internal');
    internal.record('confidential_address', 'case.yaml parents[0].address.street', '12 Elm St');
    expect(internal.show('confidential_address', 'case.yaml parents[0].address', '12 Elm St, Lexington')).toBe('12 Elm St, Lexington');
    expect(internal.withheld).toEqual([]);
  });

  it('keeps guards apart until a scan catches one, and a value withheld for real is no guard', () => {
    const redact = redactor('court');
    redact.guard('foster_family_identity', 'homes/H-1/home.yaml address.street', '12 Elm Street');
    redact.guard('foster_family_identity', 'homes/H-2/home.yaml phone', '502-555-0100');
    redact.guard('foster_family_identity', 'homes/H-3/home.yaml phone', '502-555-0199');
    expect(redact.withheld.every((w) => w.guard)).toBe(true);
    // The child's own home's street is withheld from a line the document prints.
    redact.show('foster_family_identity', 'homes/H-1/home.yaml address.street', '12 Elm Street');
    // A narrative named the other home's phone: the scan caught it.
    redact.caught([redact.withheld[1]!]);
    expect(redact.withheld.map((w) => [w.field, w.guard === true])).toEqual([
      ['homes/H-1/home.yaml address.street', false],
      ['homes/H-2/home.yaml phone', false],
      ['homes/H-3/home.yaml phone', true],
    ]);
    expect(redactor('internal').withheld).toEqual([]);
  });
});
