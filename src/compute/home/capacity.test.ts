import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../model/case.js';
import { home as homeSchema, type Home } from '../../model/home.js';
import { RULE_SETS } from '../rule-sets.js';
import { capacityFact } from './capacity.js';
import { complianceWarning } from '../documents/compliance-warning.js';
import { compliance } from './compliance.js';

const AS_OF = '2026-11-23';
const placed = (id: string, start = '2026-01-05'): CaseRecord =>
  ({ id, child: { name: id, dob: '2015-01-01' }, placements: [{ start, setting: 'foster_family_nonrelative', home: 'H-P', county: 'X' }] }) as unknown as CaseRecord;
const home: Home = homeSchema.parse({
  id: 'H-P', type: 'foster', licensing_worker: 'w',
  address: { street: '1 Main St', city: 'Town', state: 'PA', zip: '19001' },
  license: { number: 'L-1', issued: '2026-01-01', expires: '2026-12-31', status: 'active', capacity: 4 },
  household: [
    { name: 'Pat Doe', role: 'applicant', dob: '1980-05-05' },
    { name: 'Sam Doe', role: 'co_applicant', dob: '1981-05-05' },
    { name: 'Ada Doe', role: 'child', dob: '2022-01-01' }, // 4
    { name: 'Ben Doe', role: 'child', dob: '2016-01-01' }, // 10
    { name: 'Cal Doe', role: 'child', dob: '2010-01-01' }, // 16
    { name: 'Dee Doe', role: 'other_adult', dob: '2007-01-01' }, // 19: not a child
  ],
});

describe('capacityFact (rules.md, Built-in rule sets: capacity)', () => {
  it("Pennsylvania counts the family's own children: 3 placed + 3 own = 6, at the limit", () => {
    const fact = capacityFact(home, [placed('C-1'), placed('C-2'), placed('C-3')], AS_OF, RULE_SETS.PA);
    expect(fact).toMatchObject({ licensed: 4, ruleLimit: 6, childrenCounted: 6, withinLicense: true, withinRule: true, citation: '55 Pa. Code 3700.31' });
    expect(fact.ownChildren).toEqual(['Ada Doe', 'Ben Doe', 'Cal Doe']);
  });

  it('a fourth placement is within the license (4 of 4) but over the Pennsylvania rule (7 of 6)', () => {
    const four = [placed('C-1'), placed('C-2'), placed('C-3'), placed('C-4')];
    expect(capacityFact(home, four, AS_OF, RULE_SETS.PA)).toMatchObject({ childrenCounted: 7, withinLicense: true, withinRule: false });
    const lines = compliance({ id: 'H-P', home: { data: home } }, four.map((c) => ({ id: c.id, case: { data: c } })), AS_OF, RULE_SETS.PA).lines;
    expect(lines.filter((l) => l.kind.startsWith('capacity'))).toEqual([
      { kind: 'capacity_license', licensed: 4, placed: ['C-1', 'C-2', 'C-3', 'C-4'], status: 'met', citation: '55 Pa. Code 3700.31' },
      { kind: 'capacity_rule', ruleSet: 'PA', limit: 6, counted: 7, placed: 4, own: 3, status: 'not_met', citation: '55 Pa. Code 3700.31' },
    ]);
    // Kentucky's capacity is the license's: no rule line, within
    expect(capacityFact(home, four, AS_OF, RULE_SETS.KY)).toMatchObject({ withinRule: true, withinLicense: true });
    expect(capacityFact(home, four, AS_OF, RULE_SETS.KY).ruleLimit).toBeUndefined();
  });

  it('a placement starting after the as-of date is not counted; five over a license of 4 are', () => {
    const five = [placed('C-1'), placed('C-2'), placed('C-3'), placed('C-4'), placed('C-5')];
    expect(capacityFact(home, five, AS_OF, RULE_SETS.KY).withinLicense).toBe(false);
    expect(capacityFact(home, [...five.slice(0, 4), placed('C-5', '2026-11-24')], AS_OF, RULE_SETS.KY).withinLicense).toBe(true);
  });

  it("an Indiana therapeutic home: at most 4 children, the family's own included, and 2 foster children (465 IAC 2-1.5)", () => {
    const tfc: Home = { ...home, type: 'therapeutic_foster', license: { ...home.license, capacity: 3 } };
    // 3 own (Ada, Ben, Cal) + 1 placed = 4 of 4: within, no room left
    expect(capacityFact(tfc, [placed('C-1')], AS_OF, RULE_SETS.IN)).toMatchObject({ ruleLimit: 4, fosterRuleLimit: 2, therapeuticRule: true, childrenCounted: 4, withinRule: true, room: 0 });
    const noKids: Home = { ...tfc, household: tfc.household.filter((m) => m.role !== 'child') };
    // 2 foster children of the license's 3: room under the license, none under the rule; a third is over it
    expect(capacityFact(noKids, [placed('C-1'), placed('C-2')], AS_OF, RULE_SETS.IN)).toMatchObject({ withinLicense: true, withinRule: true, room: 0 });
    const three = [placed('C-1'), placed('C-2'), placed('C-3')];
    expect(capacityFact(noKids, three, AS_OF, RULE_SETS.IN)).toMatchObject({ withinLicense: true, withinRule: false, childrenCounted: 3 });
    // the re-licensing packet's checklist says so: the rule line, not met
    const lines = compliance({ id: 'H-P', home: { data: noKids } }, three.map((c) => ({ id: c.id, case: { data: c } })), AS_OF, RULE_SETS.IN).lines;
    const rule = lines.find((l) => l.kind === 'capacity_rule')!;
    expect(rule).toMatchObject({ limit: 4, fosterLimit: 2, counted: 3, placed: 3, own: 0, status: 'not_met' });
    expect(complianceWarning(rule)).toBe("NOT MET: capacity: at most 4 children, of them 2 foster children (rule set): 3 children: 3 placed and 0 of the family's own under 18");
    // a regular Indiana foster home is held to 6 only; Pennsylvania has no therapeutic limit
    expect(capacityFact({ ...noKids, type: 'foster' }, three, AS_OF, RULE_SETS.IN)).toMatchObject({ ruleLimit: 6, therapeuticRule: false, withinRule: true, room: 0 });
    expect(capacityFact(noKids, three, AS_OF, RULE_SETS.PA)).toMatchObject({ ruleLimit: 6, therapeuticRule: false, withinRule: true });
    expect(capacityFact(noKids, three, AS_OF, RULE_SETS.PA).fosterRuleLimit).toBeUndefined();
  });
});
