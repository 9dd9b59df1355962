import { describe, expect, it } from 'vitest';
import { canSee, redactor } from './audience.js';
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
