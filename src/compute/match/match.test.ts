import { describe, expect, it } from 'vitest';
import type { Agency } from '../../model/agency.js';
import type { Assessment } from '../../model/assessment.js';
import type { CaseRecord } from '../../model/case.js';
import { home as homeSchema, type Home } from '../../model/home.js';
import { caseRecord, cans, placement } from '../case/fixtures.js';
import { RULE_SETS, type RuleSet } from '../rule-sets.js';
import type { Exclusion } from './facts.js';
import { matchChild, matchHome, type MatchSource } from './match.js';

const AS_OF = '2026-12-01';
const agency = { name: 'Test Agency', state: 'KY', staff: [{ id: 'jdoe', name: 'Jordan Doe', title: 'Case Manager' }] } as unknown as Agency;
const CLEAR = { date: '2026-06-01', result: 'clear' } as const;
const CHECKS = { state_registry: CLEAR, fbi_fingerprint: CLEAR, sex_offender_registry: CLEAR };

/** A KY home compliant on AS_OF: checks, inspection and (for therapeutic homes) certificates current, license to 2027-05-31. */
function home(id: string, extra: Record<string, unknown> = {}, household: unknown[] = []): Home {
  const { license, county, ...rest } = extra as { license?: object; county?: string };
  return homeSchema.parse({
    id, type: 'foster', licensing_worker: 'w',
    address: { street: '1 Main St', city: 'Town', state: 'KY', zip: '40000', county: county ?? 'Fayette' },
    license: { number: `L-${id}`, issued: '2026-06-01', expires: '2027-05-31', status: 'active', capacity: 2, ...license },
    household: [{ name: `${id} Parent`, role: 'applicant', dob: '1980-01-01', checks: CHECKS }, ...household],
    certifications: [{ type: 'cpr', holder: `${id} Parent`, expires: '2027-12-01' }, { type: 'first_aid', holder: `${id} Parent`, expires: '2027-12-01' }],
    inspections: [{ type: 'home_safety', date: '2026-06-01', result: 'pass' }],
    ...rest,
  });
}

type ChildExtra = Partial<Omit<CaseRecord, 'child'>> & { child?: Partial<CaseRecord['child']> };

/** A child in care since 2025-01-06, 11 on AS_OF, in an emergency shelter in Fayette County. */
function child(id: string, extra: ChildExtra = {}, assessments: Assessment[] = []) {
  const base = caseRecord({ id, placements: [placement('2025-01-06', undefined, 'foster_family_nonrelative', { provider: 'Emergency shelter' })] });
  const record: CaseRecord = { ...base, ...extra, child: { ...base.child, ...extra.child } } as CaseRecord;
  return { id, case: { data: record }, assessments: assessments.map((data) => ({ data })) };
}

const at = (homeId: string, start = '2025-01-06') => [placement(start, undefined, 'foster_family_nonrelative', { home: homeId })];

function source(children: ReturnType<typeof child>[], homes: Home[], rules: RuleSet = RULE_SETS.KY): MatchSource {
  return { agency, rules, asOf: AS_OF, children, homes: homes.map((h) => ({ id: h.id, home: { data: h } })) };
}

/** C-1's needs: therapeutic (anxiety 2, depression 2, fire_setting 2: three behavioral or risk needs at 2). */
const THERAPEUTIC = cans('2026-10-01', [
  ['behavioral_emotional_needs', 'anxiety', 2], ['behavioral_emotional_needs', 'depression', 2], ['risk_behaviors', 'fire_setting', 2], ['strengths', 'resiliency', 3],
]);

describe('matchChild: hard filters, each with its reason', () => {
  const reasons = (facts: ReturnType<typeof matchChild>) => Object.fromEntries(facts!.excluded.map((e) => [e.home_id, e.reasons]));

  it('excludes each home for the one filter it fails, and keeps the homes that pass', () => {
    const c1 = child('C-1', { child: { sex: 'female' } as never }, [THERAPEUTIC]);
    const placed = child('C-9', { placements: at('H-FULL') });
    const t = (id: string, extra: Record<string, unknown> = {}, household: unknown[] = []) => home(id, { type: 'therapeutic_foster', ...extra }, household);
    const homes = [
      t('H-OK'),
      t('H-LIC-30', { license: { expires: '2026-12-31' } }), // AS_OF + 30 days: excluded
      t('H-LIC-31', { license: { expires: '2027-01-01' } }), // AS_OF + 31 days: passes
      t('H-HOLD', { license: { status: 'on_hold' } }),
      t('H-FULL', { license: { capacity: 1 } }),
      t('H-AGE', { preferences: { ages: { min: 0, max: 5 } } }),
      t('H-LAGE', { license: { ages: { min: 12, max: 17 } } }),
      t('H-WIDE', { license: { ages: { min: 12, max: 17 } }, preferences: { ages: { min: 0, max: 17 } } }),
      t('H-SEX', { preferences: { sexes: ['male'] } }),
      home('H-BASIC'),
      t('H-NOTHERAPY', { preferences: { levels: ['basic', 'medically_complex'] } }),
      t('H-FIRE', { preferences: { not_accepted: ['fire_setting', 'sexual_behavior'] } }),
      t('H-CHECK', {}, [{ name: 'Late Adult', role: 'other_adult', dob: '1990-01-01', checks: { ...CHECKS, fbi_fingerprint: { date: '2025-11-30', result: 'clear' } } }]),
      t('H-INSPECT', { inspections: [{ type: 'home_safety', date: '2025-11-30', result: 'pass' }] }),
      t('H-CPR', { certifications: [{ type: 'cpr', holder: 'H-CPR Parent', expires: '2026-11-30' }, { type: 'first_aid', holder: 'H-CPR Parent', expires: '2027-12-01' }] }),
      t('H-ALLEGED', { incidents: [{ date: '2026-11-02', type: 'allegation', summary: 'Report to the hotline.' }] }),
      t('H-CLEARED', { incidents: [{ date: '2026-09-02', type: 'allegation', summary: 'Unsubstantiated.', resolved: '2026-10-01' }] }),
      // Only `type: allegation` is one: a free-text type that contains the word is not.
      t('H-WORDED', { incidents: [{ date: '2026-11-02', type: 'allegation_unfounded', summary: 'Screened out.' }] }),
    ];
    const facts = matchChild(source([c1, placed], homes), 'C-1')!;
    expect(facts.shortlist.map((s) => s.home_id).sort()).toEqual(['H-CLEARED', 'H-LIC-31', 'H-OK', 'H-WORDED']);
    expect(reasons(facts)).toEqual({
      'H-LIC-30': [{ reason: 'license', status: 'active', expires: '2026-12-31', within_days: 30 }],
      'H-HOLD': [{ reason: 'license', status: 'on_hold', expires: '2027-05-31', within_days: 30 }],
      'H-FULL': [{ reason: 'capacity_license', licensed: 1, placed: 1 }],
      'H-AGE': [{ reason: 'ages', min: 0, max: 5, from: 'preferences', age: 11 }],
      'H-LAGE': [{ reason: 'ages', min: 12, max: 17, from: 'license', age: 11 }],
      'H-SEX': [{ reason: 'sexes', sexes: ['male'], sex: 'female' }],
      'H-BASIC': [{ reason: 'level', needed: 'therapeutic', levels: ['basic'], from: 'home_type' }],
      // A preference never widens what the license type gives: medically complex is not this home's to offer.
      'H-NOTHERAPY': [{ reason: 'level', needed: 'therapeutic', levels: ['basic'], from: 'preferences' }],
      'H-WIDE': [{ reason: 'ages', min: 12, max: 17, from: 'preferences', age: 11 }],
      'H-FIRE': [{ reason: 'behaviors', needs: [{ domain: 'risk_behaviors', item: 'fire_setting', rating: 2 }] }],
      'H-CHECK': [{ reason: 'overdue', lapsed: [{ kind: 'background_check', item: 'fbi_fingerprint', person: 'Late Adult', due: '2026-11-30' }] }],
      'H-INSPECT': [{ reason: 'overdue', lapsed: [{ kind: 'inspection', item: null, person: null, due: '2026-11-30' }] }],
      'H-CPR': [{ reason: 'overdue', lapsed: [{ kind: 'certification', item: 'cpr', person: 'H-CPR Parent', due: '2026-11-30' }] }],
      'H-ALLEGED': [{ reason: 'allegation', incidents: [{ date: '2026-11-02', type: 'allegation' }] }],
    } satisfies Record<string, Exclusion[]>);
  });

  it("Pennsylvania counts the family's own children: 1 placed + 4 own + this child would be 6 of 6 (passes); 5 own would be 7", () => {
    const kids = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Own ${i}`, role: 'child', dob: '2016-01-01' }));
    const pa = home('H-PA4', { license: { capacity: 4 } }, kids(4));
    const pa5 = home('H-PA5', { license: { capacity: 4 } }, kids(5));
    const placed = [child('C-8', { placements: at('H-PA4') }), child('C-9', { placements: at('H-PA5') })];
    const facts = matchChild(source([child('C-1'), ...placed], [pa, pa5], RULE_SETS.PA), 'C-1')!;
    expect(facts.shortlist.map((s) => s.home_id)).toEqual(['H-PA4']);
    expect(reasons(facts)).toEqual({ 'H-PA5': [{ reason: 'capacity_rule', limit: 6, counted: 6, therapeutic: false, citation: '55 Pa. Code 3700.31' }] });
  });

  it("Indiana's therapeutic homes take at most 2 foster children and 4 children, the family's own included (465 IAC 2-1.5)", () => {
    const kids = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Own ${i}`, role: 'child', dob: '2016-01-01' }));
    const t = (id: string, own: number) => home(id, { type: 'therapeutic_foster', license: { capacity: 4 } }, kids(own));
    // Licensed for 4 each: H-TWO has 2 foster children (room under the license, none under the rule);
    // H-ONE has 1 and takes the child (2 of 2); H-OWN3 has 1 foster child and 3 of its own (4 of 4);
    // H-OWN2 has 1 and 2 of its own: with the child 4 of 4, it passes.
    const homes = [t('H-TWO', 0), t('H-ONE', 0), t('H-OWN3', 3), t('H-OWN2', 2)];
    const placed = [
      child('C-5', { placements: at('H-TWO') }), child('C-6', { placements: at('H-TWO') }),
      child('C-7', { placements: at('H-ONE') }), child('C-8', { placements: at('H-OWN3') }), child('C-9', { placements: at('H-OWN2') }),
    ];
    const facts = matchChild(source([child('C-1', {}, [THERAPEUTIC]), ...placed], homes, RULE_SETS.IN), 'C-1')!;
    expect(facts.shortlist.map((s) => s.home_id).sort()).toEqual(['H-ONE', 'H-OWN2']);
    expect(reasons(facts)).toEqual({
      'H-TWO': [{ reason: 'capacity_rule_foster', limit: 2, placed: 2, citation: '465 IAC 2-1.5' }],
      'H-OWN3': [{ reason: 'capacity_rule', limit: 4, counted: 4, therapeutic: true, citation: '465 IAC 2-1.5' }],
    });
    // The same home as a regular foster home is held to Indiana's 6 only: 2 placed + 3 own + the child = 6.
    const regular = home('H-REG', { license: { capacity: 4 } }, kids(3));
    const two = [child('C-5', { placements: at('H-REG') }), child('C-6', { placements: at('H-REG') })];
    expect(matchChild(source([child('C-1'), ...two], [regular], RULE_SETS.IN), 'C-1')!.shortlist.map((s) => s.home_id)).toEqual(['H-REG']);
  });

  it('a medical need rated 2 needs a medically complex home; the child\'s own home is excluded as the current placement', () => {
    const medical = cans('2026-10-01', [['life_functioning', 'medical_physical', 2]]);
    const facts = matchChild(source([child('C-1', { placements: at('H-NOW') }, [medical])], [home('H-NOW'), home('H-MED', { type: 'medically_complex' }), home('H-TFC', { type: 'therapeutic_foster' })]), 'C-1')!;
    expect(facts.child).toMatchObject({ levels: ['medically_complex'], medical_items: [{ item: 'medical_physical', rating: 2 }], therapeutic_items: [] });
    expect(facts.shortlist.map((s) => s.home_id)).toEqual(['H-MED']);
    expect(reasons(facts)).toEqual({
      'H-NOW': [{ reason: 'current_placement' }],
      'H-TFC': [{ reason: 'level', needed: 'medically_complex', levels: ['basic', 'therapeutic'], from: 'home_type' }],
    });
  });

  it('one need rated 3 is enough for a therapeutic home; two rated 2 are not', () => {
    const needs = (ratings: Parameters<typeof cans>[1]) => matchChild(source([child('C-1', {}, [cans('2026-10-01', ratings)])], []), 'C-1')!.child.levels;
    expect(needs([['risk_behaviors', 'runaway', 3]])).toEqual(['therapeutic']);
    expect(needs([['behavioral_emotional_needs', 'anxiety', 2], ['risk_behaviors', 'runaway', 2], ['life_functioning', 'sleep', 2]])).toEqual([]);
  });

  it('a child no home can take: an empty shortlist and every home with its reasons', () => {
    const facts = matchChild(source([child('C-1', {}, [THERAPEUTIC])], [home('H-1'), home('H-2', { preferences: { ages: { min: 0, max: 4 } } })]), 'C-1')!;
    expect(facts.shortlist).toEqual([]);
    expect(facts.excluded.map((e) => [e.home_id, e.reasons.map((r) => r.reason)])).toEqual([['H-1', ['level']], ['H-2', ['ages', 'level']]]);
  });
});

describe('matchChild: ranked factors, hand-worked', () => {
  // C-1: 11, Spanish and English, Cardinal Valley (Fayette County Public Schools), lived in H-B until 2025-03-01,
  // now in a shelter in Fayette; sister C-2 (in care) lives in H-B; mother in Fayette; concurrent goal adoption.
  const c1 = child('C-1', {
    child: { languages: ['Spanish', 'English'] } as never,
    permanency: { goal: 'reunification', concurrent_goal: 'adoption', goal_established: '2025-01-06' },
    parents: [{ name: 'Maria Parent', role: 'mother', rights: 'intact', address: { street: '2 Elm St', city: 'Lexington', state: 'KY', zip: '40505', county: 'Fayette' } }],
    placements: [
      placement('2025-01-06', '2025-03-01', 'foster_family_nonrelative', { home: 'H-B' }),
      placement('2025-03-01', undefined, 'foster_family_nonrelative', { provider: 'Emergency shelter' }),
    ],
    siblings: [{ name: 'Sis Child', case_id: 'C-2', placed_together: false }, { name: 'Adult Brother', placed_together: false }],
    education: { school: 'Cardinal Valley Elementary', school_district: 'Fayette County Public Schools', grade: '5', iep: false, plan_504: false },
  });
  const c2 = child('C-2', { child: { dob: '2017-01-01' } as never, placements: at('H-B') });
  const homes = [
    home('H-A', { county: 'Clark', kin_of: ['C-1'] }),
    home('H-B', { license: { capacity: 3 }, preferences: { school_district: 'fayette county public schools', languages: ['English', 'Spanish'], will_adopt: true } }),
    home('H-C'),
    home('H-D', {}, [{ name: 'Own Child', role: 'child', dob: '2022-01-01' }]),
    home('H-E'),
  ];
  const facts = matchChild(source([c1, c2], homes), 'C-1')!;
  const entry = (id: string) => facts.shortlist.find((s) => s.home_id === id)!;
  const levels = (id: string) => Object.fromEntries(entry(id).factors.map((f) => [f.factor, f.level]));

  it('kin first, then points; ties broken by fewer children in the home, then by id', () => {
    expect(facts.shortlist.map((s) => [s.rank, s.home_id, s.points, s.tie_break])).toEqual([
      [1, 'H-A', 5, null], // kin high: first whatever the points
      [2, 'H-B', 14, null],
      [3, 'H-C', 8, null],
      [4, 'H-E', 8, 'id'], // same as H-C, no children: by id
      [5, 'H-D', 8, 'children_in_home'], // same points, a child of the family's own: after
    ]);
  });

  it('each factor at its level', () => {
    expect(levels('H-A')).toEqual({ kin: 'high', former_caregiver: 'low', siblings: 'high', school: 'low', proximity: 'low', language: 'low', permanency: 'medium', fit: 'high' });
    expect(levels('H-B')).toEqual({ kin: 'low', former_caregiver: 'high', siblings: 'high', school: 'high', proximity: 'high', language: 'high', permanency: 'high', fit: 'high' });
    expect(levels('H-C')).toEqual({ kin: 'low', former_caregiver: 'low', siblings: 'high', school: 'medium', proximity: 'high', language: 'low', permanency: 'medium', fit: 'high' });
  });

  it('the evidence of each factor', () => {
    const b = Object.fromEntries(entry('H-B').factors.map((f) => [f.factor, f]));
    expect(b.former_caregiver).toEqual({ factor: 'former_caregiver', level: 'high', from: '2025-01-06', to: '2025-03-01' });
    expect(b.siblings).toEqual({ factor: 'siblings', level: 'high', in_care: 1, there: [{ name: 'Sis Child', case_id: 'C-2' }], room_for: 1, needing: [], group_max: null });
    expect(b.proximity).toEqual({
      factor: 'proximity', level: 'high', home_county: 'Fayette',
      people: [{ name: 'Maria Parent', role: 'mother', county: 'Fayette', near: true }, { name: 'Sis Child', role: 'sibling', county: 'Fayette', near: true }],
    });
    expect(b.language).toEqual({ factor: 'language', level: 'high', child: ['Spanish', 'English'], home: ['English', 'Spanish'], shared: ['Spanish', 'English'] });
    expect(b.fit).toEqual({ factor: 'fit', level: 'high', high_needs: false, children: [{ name: 'Test Child', age: 9, placed: true, high_needs: false }] });
    const a = Object.fromEntries(entry('H-A').factors.map((f) => [f.factor, f]));
    expect(a.school).toEqual({
      factor: 'school', level: 'low', school: 'Cardinal Valley Elementary',
      child_district: 'Fayette County Public Schools', home_district: null, child_county: 'Fayette', home_county: 'Clark',
    });
    expect(a.permanency).toEqual({ factor: 'permanency', level: 'medium', goal: 'adoption', will_adopt: null });
  });

  it('the gaps are the factors the agency can work on at medium or low', () => {
    expect(entry('H-C').gaps).toEqual([{ factor: 'school', level: 'medium' }, { factor: 'language', level: 'low' }, { factor: 'permanency', level: 'medium' }]);
    expect(entry('H-B').gaps).toEqual([]);
  });

  it('kin of a sibling is medium; a full home has no room for the sibling; fit is low when two children need therapeutic care', () => {
    const t = (id: string, extra: Record<string, unknown> = {}) => home(id, { type: 'therapeutic_foster', ...extra });
    const me = child('C-1', { siblings: [{ name: 'Sis', case_id: 'C-2', placed_together: false }] }, [THERAPEUTIC]);
    const sis = child('C-2', { placements: [placement('2025-01-06', undefined, 'foster_family_nonrelative', { provider: 'Shelter', county: 'Clark' })] });
    const there = child('C-3', { placements: at('H-HN') }, [THERAPEUTIC]);
    const f = matchChild(source([me, sis, there], [t('H-SK', { kin_of: ['C-2'], license: { capacity: 1 } }), t('H-HN'), t('H-SM', { preferences: { sibling_group_max: 1 } })]), 'C-1')!;
    const byHome = Object.fromEntries(f.shortlist.map((s) => [s.home_id, Object.fromEntries(s.factors.map((x) => [x.factor, x]))]));
    expect(byHome['H-SK']!.kin).toEqual({ factor: 'kin', level: 'medium', of: 'sibling', sibling: 'Sis' });
    expect(byHome['H-SK']!.siblings).toMatchObject({ level: 'low', room_for: 0, needing: [{ name: 'Sis', case_id: 'C-2' }] });
    expect(byHome['H-SM']!.siblings).toMatchObject({ level: 'low', room_for: 1, group_max: 1 });
    expect(byHome['H-HN']!.siblings).toMatchObject({ level: 'low', room_for: 0 });
    expect(byHome['H-HN']!.fit).toEqual({ factor: 'fit', level: 'low', high_needs: true, children: [{ name: 'Test Child', age: 11, placed: true, high_needs: true }] });
    expect(f.shortlist[0]!.home_id).toBe('H-SK');
  });
});

describe('matchChild: the remaining levels, hand-worked', () => {
  it('language medium, proximity medium, permanency low, fit medium beside a young child, and what does not apply', () => {
    // C-1: therapeutic needs, speaks Spanish and English, goal guardianship; mother in Fayette, father in Clark; no school recorded.
    const c1 = child('C-1', {
      child: { languages: ['Spanish', 'English'] } as never,
      permanency: { goal: 'guardianship', goal_established: '2025-01-06' },
      parents: [
        { name: 'Maria Parent', role: 'mother', rights: 'intact', address: { street: '2 Elm St', city: 'Lexington', state: 'KY', zip: '40505', county: 'Fayette' } },
        { name: 'Frank Parent', role: 'father', rights: 'intact', address: { street: '3 Oak St', city: 'Winchester', state: 'KY', zip: '40391', county: 'Clark' } },
        { name: 'Away Parent', role: 'putative_father', rights: 'intact', incarcerated: true, address: { street: '4 Pine St', city: 'Lexington', state: 'KY', zip: '40505', county: 'Clark' } },
      ],
    }, [THERAPEUTIC]);
    const h = home('H-1', { type: 'therapeutic_foster', preferences: { languages: ['english'], will_adopt: false } }, [{ name: 'Little One', role: 'child', dob: '2023-06-01' }]);
    const facts = matchChild(source([c1], [h]), 'C-1')!;
    const byFactor = Object.fromEntries(facts.shortlist[0]!.factors.map((f) => [f.factor, f]));
    expect(Object.fromEntries(Object.entries(byFactor).map(([k, f]) => [k, f.level]))).toEqual({
      kin: 'low', former_caregiver: 'low', siblings: 'not_applicable', school: 'not_applicable', proximity: 'medium', language: 'medium', permanency: 'low', fit: 'medium',
    });
    // The incarcerated parent's county does not count.
    expect(byFactor['proximity']).toMatchObject({ people: [{ name: 'Maria Parent', near: true }, { name: 'Frank Parent', near: false }] });
    expect(byFactor['language']).toMatchObject({ shared: ['English'] });
    expect(byFactor['fit']).toEqual({ factor: 'fit', level: 'medium', high_needs: true, children: [{ name: 'Little One', age: 3, placed: false, high_needs: false }] });
    // 1 (proximity) + 1 (language) + 1 (fit) = 3; gaps: proximity, language, permanency, fit.
    expect(facts.shortlist[0]!.points).toBe(3);
    expect(facts.shortlist[0]!.gaps.map((g) => g.factor)).toEqual(['proximity', 'language', 'permanency', 'fit']);
  });
});

describe('matchChild: ICWA placement preferences first (25 U.S.C. 1915(b))', () => {
  it('extended family, then a home the tribe approved, then the rest whatever their points', () => {
    const icwa = { inquiry_dates: ['2025-01-06'], reason_to_know: true, tribes: [{ name: 'Cherokee Nation', status: 'pending' as const }] };
    const c1 = child('C-1', { child: { icwa, languages: ['English'] } as never });
    const homes = [
      home('H-PLAIN', { preferences: { languages: ['English'], will_adopt: true } }),
      home('H-TRIBE', { county: 'Clark', tribe_approved: ['cherokee nation'] }),
      home('H-KIN', { county: 'Clark', kin_of: ['C-1'] }),
      home('H-OTHERTRIBE', { tribe_approved: ['Navajo Nation'], preferences: { languages: ['English'] } }),
    ];
    const facts = matchChild(source([c1], homes), 'C-1')!;
    expect(facts.icwa_order).toBe(true);
    expect(facts.shortlist.map((s) => [s.home_id, s.factors[0], s.points])).toEqual([
      // Points: fit high 2, plus language high 2 where the family speaks English (no school, siblings, parents' county or permanency goal to weigh).
      ['H-KIN', { factor: 'icwa', level: 'high', preference: 'extended_family', tribes: [] }, 2],
      ['H-TRIBE', { factor: 'icwa', level: 'medium', preference: 'tribe_approved', tribes: ['cherokee nation'] }, 2],
      // Another tribe's approval is not the child's tribe's: tied with H-PLAIN, before it by id.
      ['H-OTHERTRIBE', { factor: 'icwa', level: 'low', preference: 'other', tribes: [] }, 4],
      ['H-PLAIN', { factor: 'icwa', level: 'low', preference: 'other', tribes: [] }, 4],
    ]);
    expect(facts.shortlist[3]!.tie_break).toBe('id');
  });

  it('without reason to know, there is no ICWA factor and the order is kin, then points', () => {
    const facts = matchChild(source([child('C-1')], [home('H-TRIBE', { tribe_approved: ['Cherokee Nation'] })]), 'C-1')!;
    expect(facts.icwa_order).toBe(false);
    expect(facts.shortlist[0]!.factors.map((f) => f.factor)).not.toContain('icwa');
  });
});

describe('never scored: race, ethnicity, national origin (MEPA–IEPA, 42 U.S.C. 1996b)', () => {
  it('changing them changes nothing in the output', () => {
    const homes = [home('H-1', { preferences: { languages: ['English'] } }), home('H-2', { kin_of: ['C-1'] }), home('H-3', { preferences: { ages: { min: 0, max: 3 } } })];
    const run = (race: CaseRecord['child']['race'], hispanic: boolean) =>
      JSON.stringify([matchChild(source([child('C-1', { child: { race, hispanic } as never }, [THERAPEUTIC]), child('C-2')], homes), 'C-1'), matchHome(source([child('C-1', { child: { race, hispanic } as never }), child('C-2')], homes), 'H-1')]);
    const baseline = run(['white'], false);
    expect(run(['black', 'american_indian_alaska_native'], true)).toBe(baseline);
    expect(run(['asian'], false)).toBe(baseline);
    expect(run(['declined'], true)).toBe(baseline);
  });
});

describe('matchHome: the children in care a home could take', () => {
  it('ranks the children it could take and lists the others with their reasons', () => {
    const homes = [home('H-1', { kin_of: ['C-3'], preferences: { ages: { min: 5, max: 12 } } })];
    const children = [
      child('C-1'),
      child('C-2', { child: { dob: '2010-01-01' } as never }),
      child('C-3'),
      child('C-4', { placements: at('H-1') }),
      child('C-5', { removal: { date: '2025-01-06', manner: 'court_ordered', reasons: ['neglect'], discharge: { date: '2026-06-01', reason: 'reunification' } } }),
    ];
    const facts = matchHome(source(children, homes), 'H-1')!;
    expect(facts.home).toEqual({ home_id: 'H-1', home_type: 'foster', caregivers: ['H-1 Parent'], county: 'Fayette', vacancies: 1 });
    expect(facts.candidates.map((c) => [c.rank, c.case_id, c.tie_break])).toEqual([[1, 'C-3', null], [2, 'C-1', null]]);
    expect(facts.excluded).toEqual([
      { case_id: 'C-2', name: 'Test Child', age: 16, reasons: [{ reason: 'ages', min: 5, max: 12, from: 'preferences', age: 16 }] },
      { case_id: 'C-4', name: 'Test Child', age: 11, reasons: [{ reason: 'current_placement' }] },
    ]);
    expect(matchHome(source(children, homes), 'H-NONE')).toBeUndefined();
  });
});
