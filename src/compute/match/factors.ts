/**
 * The ranked factors (issue 15, point 3; domain.md §11b), each High, Medium or
 * Low with its evidence, or not applicable to this child. None reads race,
 * ethnicity or national origin (MEPA–IEPA, 42 U.S.C. 1996b).
 */
import { ageOn } from '../../core/calendar-date.js';
import { staysInHome } from '../home/placements.js';
import type { ChildProfile } from './child-profile.js';
import type { Factor, FactorLevel } from './facts.js';
import type { HomeProfile } from './home-profile.js';

type FactorOf<K extends Factor['factor']> = Extract<Factor, { factor: K }>;

const same = (a: string | null | undefined, b: string | null | undefined) =>
  a != null && b != null && a.normalize('NFC').trim().toLowerCase() === b.normalize('NFC').trim().toLowerCase();

/** All, some or none of `wanted` met. */
const share = (met: number, wanted: number): FactorLevel => (met === wanted ? 'high' : met > 0 ? 'medium' : 'low');

/**
 * 25 U.S.C. 1915(b); 25 CFR 23.131, with reason to know the child is an Indian
 * child: (i) a member of the child's extended family (home.yaml `kin_of`), then
 * (ii) a foster home the child's tribe licensed, approved or specified
 * (`tribe_approved`); the tribe may set a different order, which the worksheet's
 * reader applies.
 */
export function icwaFactor(child: ChildProfile, home: HomeProfile): FactorOf<'icwa'> {
  const tribes = (child.record.child.icwa.tribes ?? []).map((t) => t.name);
  const approved = (home.home.tribe_approved ?? []).filter((t) => tribes.some((c) => same(c, t)));
  const preference = (home.home.kin_of ?? []).includes(child.record.id) ? 'extended_family' : approved.length ? 'tribe_approved' : 'other';
  return { factor: 'icwa', level: preference === 'extended_family' ? 'high' : preference === 'tribe_approved' ? 'medium' : 'low', preference, tribes: approved };
}

/** Kin first (42 U.S.C. 671(a)(29)): a family related or known to the child, else to a sibling in care. */
function kin(child: ChildProfile, home: HomeProfile): FactorOf<'kin'> {
  const of = home.home.kin_of ?? [];
  if (of.includes(child.record.id)) return { factor: 'kin', level: 'high', of: 'child', sibling: null };
  const sibling = child.siblings.find((s) => of.includes(s.caseId));
  return sibling ? { factor: 'kin', level: 'medium', of: 'sibling', sibling: sibling.name } : { factor: 'kin', level: 'low', of: 'none', sibling: null };
}

/** A family that cared for the child before (a stay in the home that has ended): the latest such stay. */
function formerCaregiver(child: ChildProfile, home: HomeProfile): FactorOf<'former_caregiver'> {
  const last = staysInHome(home.home.id, child.record).filter((s) => s.end !== undefined).at(-1);
  return last ? { factor: 'former_caregiver', level: 'high', from: last.start, to: last.end! } : { factor: 'former_caregiver', level: 'low', from: null, to: null };
}

/**
 * Siblings together (42 U.S.C. 671(a)(31)): High when every sibling in care is
 * there already or the home has room for all of them with the child (and the
 * group is within `sibling_group_max`); Medium when some are there or there is
 * room for some; Low otherwise.
 */
function siblings(child: ChildProfile, home: HomeProfile): FactorOf<'siblings'> {
  const there = child.siblings.filter((s) => s.home === home.home.id);
  const needing = child.siblings.filter((s) => s.home !== home.home.id);
  const groupMax = home.home.preferences?.sibling_group_max ?? null;
  const roomFor = Math.max(0, home.vacancies - 1);
  const fits = Math.min(needing.length, roomFor, groupMax === null ? Infinity : Math.max(0, groupMax - 1 - there.length));
  const level: FactorLevel = child.siblings.length === 0 ? 'not_applicable' : fits === needing.length ? 'high' : there.length + fits > 0 ? 'medium' : 'low';
  const named = (s: { name: string; caseId: string }) => ({ name: s.name, case_id: s.caseId });
  return { factor: 'siblings', level, in_care: child.siblings.length, there: there.map(named), room_for: roomFor, needing: needing.map(named), group_max: groupMax };
}

/** School stability (42 U.S.C. 675(1)(G)): the same school district keeps the school (High); the same county helps (Medium). */
function school(child: ChildProfile, home: HomeProfile): FactorOf<'school'> {
  const education = child.record.education;
  const evidence = {
    school: education?.school ?? null,
    child_district: education?.school_district ?? null,
    home_district: home.home.preferences?.school_district ?? null,
    child_county: child.current?.county ?? null,
    home_county: home.county ?? null,
  };
  const level: FactorLevel = !education
    ? 'not_applicable'
    : same(evidence.child_district, evidence.home_district) ? 'high' : same(evidence.child_county, evidence.home_county) ? 'medium' : 'low';
  return { factor: 'school', level, ...evidence };
}

/** Proximity to the parents and the siblings in care (42 U.S.C. 675(1)(A)), by county: all near High, some Medium. */
function proximity(child: ChildProfile, home: HomeProfile): FactorOf<'proximity'> {
  const people = [
    ...child.parents.map((p) => ({ name: p.name, role: p.role, county: p.county })),
    ...child.siblings.flatMap((s) => (s.county ? [{ name: s.name, role: 'sibling', county: s.county }] : [])),
  ].map((p) => ({ ...p, near: same(p.county, home.county) }));
  const level = people.length === 0 ? 'not_applicable' : share(people.filter((p) => p.near).length, people.length);
  return { factor: 'proximity', level, home_county: home.county ?? null, people };
}

/** The child's languages the family speaks (`preferences.languages`; not recorded: Low). */
function language(child: ChildProfile, home: HomeProfile): FactorOf<'language'> {
  const spoken = child.record.child.languages ?? [];
  const theirs = home.home.preferences?.languages ?? null;
  const shared = spoken.filter((l) => theirs?.some((t) => same(t, l)));
  return { factor: 'language', level: spoken.length === 0 ? 'not_applicable' : share(shared.length, spoken.length), child: [...spoken], home: theirs && [...theirs], shared };
}

const PERMANENT_GOALS = new Set(['adoption', 'guardianship']);

/** Openness to permanency when the goal or the concurrent goal is adoption or guardianship: `will_adopt` true High, not recorded Medium, false Low. */
function permanency(child: ChildProfile, home: HomeProfile): FactorOf<'permanency'> {
  const { goal, concurrent_goal } = child.record.permanency;
  const permanent = PERMANENT_GOALS.has(goal) ? goal : concurrent_goal && PERMANENT_GOALS.has(concurrent_goal) ? concurrent_goal : null;
  const willAdopt = home.home.preferences?.will_adopt ?? null;
  const level: FactorLevel = !permanent ? 'not_applicable' : willAdopt === true ? 'high' : willAdopt === null ? 'medium' : 'low';
  return { factor: 'permanency', level, goal: permanent, will_adopt: willAdopt };
}

/** Under this age a child in the home is vulnerable beside a child who needs therapeutic care. */
const YOUNG_CHILD_AGE = 6;

/**
 * Fit with the children already there: Low when the child and a foster child
 * placed there both need therapeutic care; Medium when one of them does and the
 * other children are young (under 6) or the placed one does; High otherwise.
 */
function fit(child: ChildProfile, home: HomeProfile, asOf: string, highNeeds: ReadonlySet<string>): FactorOf<'fit'> {
  const mine = child.needs.therapeutic.length > 0;
  const children = home.children.map((c) => ({ name: c.name, age: ageOn(c.dob, asOf), placed: c.caseId !== undefined, high_needs: c.caseId !== undefined && highNeeds.has(c.caseId) }));
  const theirs = children.some((c) => c.high_needs);
  const young = children.some((c) => c.age < YOUNG_CHILD_AGE);
  const level: FactorLevel = mine && theirs ? 'low' : (mine && young) || theirs ? 'medium' : 'high';
  return { factor: 'fit', level, high_needs: mine, children };
}

/** Every factor for the child and the home, ICWA first when there is reason to know. */
export function factors(child: ChildProfile, home: HomeProfile, asOf: string, highNeeds: ReadonlySet<string>): Factor[] {
  return [
    ...(child.record.child.icwa.reason_to_know ? [icwaFactor(child, home)] : []),
    kin(child, home),
    formerCaregiver(child, home),
    siblings(child, home),
    school(child, home),
    proximity(child, home),
    language(child, home),
    permanency(child, home),
    fit(child, home, asOf, highNeeds),
  ];
}
