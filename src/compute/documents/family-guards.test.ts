import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { everyWithheld } from '../../../test/helpers/every-withheld.js';
import { redactor, type WithheldValue } from '../audience.js';
import { foldedName, withheldMatcher } from '../redaction/matcher.js';
import { recordFosterFamilies, type DocumentContext } from './context.js';
import { homeGuards, printedNames } from './family-guards.js';
import type { AllowedNames } from './people.js';
import type { FosterFamilies, FosterFamily } from './root-view.js';

// Few names, so that homes share them with each other and with the people a copy prints.
const FIRST = ['Dana', 'Marcus', 'Gloria', 'Andre', 'Kim', 'Lee', 'José', 'Ann'];
const LAST = ['Whitfield', 'Tate', 'Okafor', 'Lee', 'Hart', 'Peñaloza-Hart', 'Oak', 'Ng'];
const STREETS = ['12 Oak St', '418 Keene Crossing Dr', '37 Boone Ave', '9 Hart Rd'];
const PHONES = ['(859) 555-0199', '859-555-0142', '+1 502 555 0100'];

const name = fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST)).map(([f, l]) => `${f} ${l}`);
const role = fc.constantFrom('applicant', 'co_applicant', 'child', 'other_adult') as fc.Arbitrary<FosterFamily['data']['household'][number]['role']>;
const homes = fc.array(
  fc.record({ household: fc.array(fc.record({ name, role }), { maxLength: 4 }), street: fc.constantFrom(...STREETS), phone: fc.option(fc.constantFrom(...PHONES), { nil: undefined }), kinship: fc.boolean() }),
  { minLength: 1, maxLength: 8 },
);
const allowed: fc.Arbitrary<AllowedNames> = fc.record({
  family: fc.array(name, { maxLength: 3 }),
  colleagues: fc.array(fc.oneof(name, fc.constantFrom(...LAST)), { maxLength: 3 }),
  named: fc.array(name, { maxLength: 2 }),
  phrases: fc.array(fc.oneof(fc.constantFrom(...STREETS), name.map((n) => `${n} Park`)), { maxLength: 2 }),
});

function familiesOf(given: readonly { household: FosterFamily['data']['household']; street: string; phone: string | undefined; kinship: boolean }[]): FosterFamilies {
  const list: FosterFamily[] = given.map((h, i) => ({
    file: `homes/H-${i}/home.yaml`,
    data: { id: `H-${i}`, type: h.kinship ? 'kinship' : 'foster', household: h.household, address: { street: h.street }, ...(h.phone ? { phone: h.phone } : {}) },
  }));
  return { list, byName: new Map() };
}

/** What a copy guards of every home, worked out home by home for this copy: the rule itself, with nothing shared. */
function spelledOut(families: FosterFamilies, names: AllowedNames, kin: ReadonlySet<string>): string[] {
  const printed = printedNames(names);
  return families.list.flatMap((home) => homeGuards(kin.has(home.data.id) ? { ...home, data: { ...home.data, household: [] } } : home, printed)).map(key).sort();
}

const key = (w: WithheldValue) => `${w.field} = ${w.value}${w.except ? ` except ${w.except.join(' | ')}` : ''}`;

function copyGuards(families: FosterFamilies, names: AllowedNames, kin: ReadonlySet<string>, own: readonly string[] = []) {
  const redact = redactor('court');
  recordFosterFamilies({ redact, view: { fosterFamilies: families } } as unknown as DocumentContext, names, kin, own);
  return { withheld: redact.withheld, families: redact.families };
}

describe("a copy's foster-family guards, the root's shared and its own touched homes", () => {
  it('are every guard the rule gives home by home, whatever the copy prints', () => {
    fc.assert(
      fc.property(homes, allowed, fc.array(fc.nat(7)), fc.array(fc.nat(7)), (given, names, kinAt, ownAt) => {
        const families = familiesOf(given);
        const kin = new Set(kinAt.map((i) => `H-${i % given.length}`));
        const guards = copyGuards(families, names, kin, ownAt.map((i) => `H-${i % given.length}`));
        expect(everyWithheld(guards).map(key).sort()).toEqual(spelledOut(families, names, kin));
      }),
      { numRuns: 300 },
    );
  });

  it('are found in a text where the same guards listed one by one are found', () => {
    const text = fc
      .array(fc.oneof(name, fc.constantFrom(...LAST, ...STREETS, ...PHONES, 'the', 'Mrs', 'and', 'Hartwells', "Tate's", 'Park', 'met', 'with')), { minLength: 1, maxLength: 12 })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(homes, allowed, fc.array(fc.nat(7)), text, (given, names, kinAt, said) => {
        const families = familiesOf(given);
        const guards = copyGuards(families, names, new Set(kinAt.map((i) => `H-${i % given.length}`)));
        const shared = withheldMatcher(guards.withheld, [], guards.families)(said);
        const listed = withheldMatcher(everyWithheld(guards))(said);
        expect(shared.spans).toEqual(listed.spans);
        expect(new Set(shared.values.map((v) => foldedName(v.value)))).toEqual(new Set(listed.values.map((v) => foldedName(v.value))));
      }),
      { numRuns: 300 },
    );
  });

  it('name the homes a copy touches one by one, and the rest by reference', () => {
    const families = familiesOf([
      { household: [{ name: 'Dana Whitfield', role: 'applicant' }], street: '12 Oak St', phone: undefined, kinship: false },
      { household: [{ name: 'Gloria Tate', role: 'applicant' }], street: '37 Boone Ave', phone: '(859) 555-0199', kinship: true },
      { household: [{ name: 'Kim Ng', role: 'applicant' }], street: '9 Hart Rd', phone: undefined, kinship: false },
    ]);
    // The child's family shares the Tates' surname; the Tates are kin; H-0 is the child's placement.
    const guards = copyGuards(families, { family: ['Ann Tate'], colleagues: [], named: [], phrases: [] }, new Set(['H-1']), ['H-0']);
    expect(guards.families?.skip).toEqual(['H-0', 'H-1']);
    expect(guards.withheld.map((w) => w.value)).toEqual(['Dana Whitfield', 'Whitfield', '12 Oak St', '37 Boone Ave', '(859) 555-0199']);
    // A phrase the copy prints that holds a name whole (and a surname too short to be looked for alone): the name is left whole inside it.
    const park = copyGuards(families, { family: [], colleagues: [], named: [], phrases: ['Kim Ng Park'] }, new Set());
    expect(park.families?.skip).toEqual(['H-2']);
    expect(park.withheld.find((w) => w.value === 'Kim Ng')?.except).toEqual(['Kim Ng Park']);
    // An internal copy records none.
    const internal = redactor('internal');
    recordFosterFamilies({ redact: internal, view: { fosterFamilies: families } } as unknown as DocumentContext, { family: [], colleagues: [], named: [], phrases: [] });
    expect([internal.withheld, internal.families]).toEqual([[], undefined]);
  });
});
