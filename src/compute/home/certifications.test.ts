import { describe, expect, it } from 'vitest';
import { home as homeSchema, type Home } from '../../model/home.js';
import { RULE_SETS } from '../rule-sets.js';
import { certificationFacts } from './certifications.js';
import { compliance, itemOf } from './compliance.js';
import { homeDueItems } from './due-items.js';

const AS_OF = '2026-11-23';
const makeHome = (type: string, certifications: unknown[]): Home =>
  homeSchema.parse({
    id: 'H-C', type, licensing_worker: 'w',
    address: { street: '1 Main St', city: 'Town', state: 'KY', zip: '40001' },
    license: { number: 'L-1', issued: '2026-01-01', expires: '2026-12-31', status: 'active', capacity: 2 },
    household: [
      { name: 'Dana Reed', role: 'applicant', dob: '1980-01-01' },
      { name: 'Marc Reed', role: 'co_applicant', dob: '1981-01-01' },
      { name: 'Lou Reed', role: 'other_adult', dob: '1950-01-01' },
    ],
    certifications,
  });

const certs = [
  { type: 'cpr', holder: 'Dana Reed', expires: '2025-01-15' },
  { type: 'cpr', holder: 'Dana Reed', expires: '2027-01-15' }, // the later one governs
  { type: 'first_aid', holder: 'Dana Reed', expires: '2026-11-22' }, // expired yesterday
];

describe('certificationFacts (rules.md, CPR and first aid)', () => {
  it('Kentucky therapeutic home: due on expires; a missing certificate is due on the as-of date and overdue', () => {
    const facts = certificationFacts(makeHome('therapeutic_foster', certs), AS_OF, RULE_SETS.KY);
    expect(facts.map((f) => [f.person, f.item, f.due, f.status, f.current])).toEqual([
      ['Dana Reed', 'cpr', '2027-01-15', 'due_soon', true],
      ['Dana Reed', 'first_aid', '2026-11-22', 'overdue', false],
      ['Marc Reed', 'cpr', AS_OF, 'overdue', false],
      ['Marc Reed', 'first_aid', AS_OF, 'overdue', false],
    ]);
  });

  it('a certificate expiring on the as-of date is due today: due_soon and still current', () => {
    const [fact] = certificationFacts(makeHome('therapeutic_foster', [{ type: 'cpr', holder: 'Dana Reed', expires: AS_OF }]), AS_OF, RULE_SETS.KY);
    expect(fact).toMatchObject({ due: AS_OF, status: 'due_soon', current: true });
  });

  it('follows rules.cprFirstAidRequired: none for a Kentucky foster home, every type in Indiana', () => {
    expect(certificationFacts(makeHome('foster', certs), AS_OF, RULE_SETS.KY)).toEqual([]);
    expect(certificationFacts(makeHome('foster', certs), AS_OF, RULE_SETS.IN)).toHaveLength(4);
    expect(certificationFacts(makeHome('therapeutic_foster', []), AS_OF, RULE_SETS.PA)).toHaveLength(4);
    expect(certificationFacts(makeHome('medically_complex', []), AS_OF, RULE_SETS.PA)).toEqual([]);
  });

  it('becomes certification due items with person and item', () => {
    const items = homeDueItems({ id: 'H-C', home: { data: makeHome('therapeutic_foster', certs) } }, [], AS_OF, RULE_SETS.KY).filter((i) => i.kind === 'certification');
    expect(items.find((i) => i.person === 'Marc Reed' && i.item === 'cpr')).toMatchObject({
      due: AS_OF, status: 'overdue', detail: { kind: 'certification', item: 'cpr', expires: null, as_of: AS_OF }, rule: 'DCBS SOP 12.15',
    });
    expect(items.find((i) => i.person === 'Dana Reed' && i.item === 'first_aid')).toMatchObject({ due: '2026-11-22', status: 'overdue', detail: { kind: 'certification', item: 'first_aid', expires: '2026-11-22', as_of: AS_OF } });
  });
});

describe('due before renewal (issue 11: a certificate or check that lapses before the license expires is not "Current")', () => {
  // License expires 2026-12-31; as of 2026-11-23.
  const lines = (home: Home) => compliance({ id: 'H-C', home: { data: home } }, [], AS_OF, RULE_SETS.KY).lines;
  it('a certificate expiring after the as-of date and on or before 2026-12-31 is due before renewal, with its date', () => {
    const home = makeHome('therapeutic_foster', [
      { type: 'cpr', holder: 'Dana Reed', expires: '2026-12-10' }, // lapses within the term
      { type: 'first_aid', holder: 'Dana Reed', expires: '2026-12-31' }, // lapses with the license: renew it for the renewal
      { type: 'cpr', holder: 'Marc Reed', expires: '2027-01-01' }, // outlasts the term
      { type: 'first_aid', holder: 'Marc Reed', expires: '2026-11-22' }, // expired yesterday
    ]);
    expect(lines(home).filter((l) => l.kind === 'certificate').map((l) => [l.person, itemOf(l), l.status, l.due ?? null])).toEqual([
      ['Dana Reed', 'cpr', 'due_before_renewal', '2026-12-10'],
      ['Dana Reed', 'first_aid', 'due_before_renewal', '2026-12-31'],
      ['Marc Reed', 'cpr', 'met', null],
      ['Marc Reed', 'first_aid', 'not_met', null],
    ]);
  });

  it("an adult's background check due 2026-12-15 (last 2025-12-15 + 12 months) is due before renewal; findings stay NOT MET", () => {
    const checks = (result: string) => ({
      state_registry: { date: '2025-12-15', result }, fbi_fingerprint: { date: '2026-02-01', result: 'clear' }, sex_offender_registry: { date: '2026-02-01', result: 'clear' },
    });
    const withChecks = (result: string) => homeSchema.parse({ ...makeHome('foster', []), household: [{ name: 'Dana Reed', role: 'applicant', dob: '1980-01-01', checks: checks(result) }] });
    expect(lines(withChecks('clear')).filter((l) => l.person === 'Dana Reed' && l.kind === 'background_check').map((l) => [itemOf(l), l.status, l.due ?? null])).toEqual([
      ['state_registry', 'due_before_renewal', '2026-12-15'],
      ['fbi_fingerprint', 'met', null],
      ['sex_offender_registry', 'met', null],
    ]);
    expect(lines(withChecks('findings')).find((l) => itemOf(l) === 'state_registry')?.status).toBe('not_met');
  });
});
