/**
 * `casepress match`: the agency's homes ranked for a child, or the children in
 * care a home could take, every exclusion with its reason (issue 15). A match is
 * a decision a worker signs: this proposes and explains (domain.md §11b).
 */
import type { Agency } from '../../model/agency.js';
import type { CaseRecord } from '../../model/case.js';
import { childCalled } from '../documents/child-called.js';
import { staffMember } from '../documents/staff.js';
import type { HomeSource } from '../home/sources.js';
import type { RuleSet } from '../rule-sets.js';
import { childProfile, inCareOn, type ChildProfile, type MatchChildSource } from './child-profile.js';
import { factors } from './factors.js';
import type { HomeMatchFacts, MatchChildFacts, MatchingWorksheetFacts } from './facts.js';
import { exclusions, LICENSE_DAYS } from './filters.js';
import { homeProfile, type HomeProfile } from './home-profile.js';
import { rank } from './rank.js';

export interface MatchSource {
  readonly agency: Agency;
  readonly rules: RuleSet;
  readonly asOf: string;
  readonly children: readonly MatchChildSource[];
  readonly homes: readonly HomeSource[];
}

type LoadedChild = MatchChildSource & { readonly case: { readonly data: CaseRecord } };

/** What every match reads once: the children in care, their profiles, and each home's. */
interface Prepared {
  readonly profiles: ReadonlyMap<string, ChildProfile>;
  /** Children in care whose CANS calls for therapeutic care. */
  readonly highNeeds: ReadonlySet<string>;
  readonly homes: readonly HomeProfile[];
}

function prepare(source: MatchSource, also?: LoadedChild): Prepared {
  const loaded = source.children.filter((c): c is LoadedChild => c.case != null);
  const records = loaded.map((c) => c.case.data);
  const inCare = new Map(records.filter((r) => inCareOn(r, source.asOf)).map((r) => [r.id, r]));
  const profiles = new Map(
    loaded.filter((c) => inCare.has(c.id) || c === also).map((c) => [c.id, childProfile(c, inCare, source.asOf, source.rules)]),
  );
  // A home's clocks read only the children whose placements link to it: each home gets those, not every record.
  const linked = new Map<string, CaseRecord[]>();
  for (const r of records) {
    for (const id of new Set(r.placements.flatMap((p) => (p.home ? [p.home] : [])))) {
      const list = linked.get(id);
      if (list) list.push(r);
      else linked.set(id, [r]);
    }
  }
  const homes = source.homes.flatMap((h) => (h.home ? [homeProfile(h.home.data, linked.get(h.id) ?? [], source.asOf, source.rules)] : []));
  return { profiles, highNeeds: new Set([...profiles].filter(([, p]) => p.needs.therapeutic.length > 0).map(([id]) => id)), homes };
}

const homeFacts = (h: HomeProfile) => ({
  home_id: h.home.id, home_type: h.home.type, caregivers: [...h.caregivers], county: h.county ?? null, vacancies: h.vacancies,
});

function childFacts(p: ChildProfile, agency: Agency): MatchChildFacts {
  const { record, needs } = p;
  const { child, education } = record;
  return {
    case_id: record.id,
    name: child.name,
    called: childCalled(child),
    dob: child.dob,
    age: p.age,
    sex: child.sex,
    caseworker: staffMember(agency, record.caseworker)?.name ?? record.caseworker,
    supervisor: staffMember(agency, record.supervisor)?.name ?? record.supervisor,
    current: p.current ? { setting: p.current.setting, home: p.current.home ?? null, county: p.current.county, since: p.current.start } : null,
    cans_date: needs.cansDate ?? null,
    levels: [...p.levels],
    therapeutic_items: [...needs.therapeutic],
    medical_items: [...needs.medicallyComplex],
    needs: [...needs.actionable],
    languages: [...(child.languages ?? [])],
    education: education ? { school: education.school, district: education.school_district ?? null, iep: education.iep, plan_504: education.plan_504 } : null,
    siblings: (record.siblings ?? []).map((s) => {
      const inCare = p.siblings.find((x) => x.caseId === s.case_id);
      return { name: s.name, case_id: s.case_id ?? null, in_care: inCare !== undefined, home: inCare?.home ?? null, county: inCare?.county ?? null };
    }),
    goal: record.permanency.goal,
    concurrent_goal: record.permanency.concurrent_goal ?? null,
    icwa: { reason_to_know: child.icwa.reason_to_know, tribes: (child.icwa.tribes ?? []).map((t) => t.name) },
  };
}

const ruleFacts = (rule: { citation: string; unverified?: boolean }) => ({ citation: rule.citation, unverified: rule.unverified === true });

/** The homes for one child: the shortlist in rank order and the excluded homes by id. Undefined when the root has no such case. */
export function matchChild(source: MatchSource, caseId: string): MatchingWorksheetFacts | undefined {
  const folder = source.children.find((c): c is LoadedChild => c.id === caseId && c.case != null);
  if (!folder) return undefined;
  const prepared = prepare(source, folder);
  const child = prepared.profiles.get(caseId)!;
  const judged = prepared.homes.map((h) => ({ h, reasons: exclusions(child, h, source.asOf, source.rules) }));
  const shortlist = rank(
    judged.filter((j) => j.reasons.length === 0).map(({ h }) => ({ item: h, id: h.home.id, childrenInHome: h.children.length, factors: factors(child, h, source.asOf, prepared.highNeeds) })),
  );
  return {
    as_of: source.asOf,
    audience: 'internal',
    agency: { name: source.agency.name, state: source.agency.state },
    child: childFacts(child, source.agency),
    icwa_order: child.record.child.icwa.reason_to_know,
    shortlist: shortlist.map(({ item, ...r }) => ({ ...homeFacts(item), ...r, factors: [...r.factors], gaps: [...r.gaps] })),
    excluded: judged
      .filter((j) => j.reasons.length > 0)
      .sort((a, b) => (a.h.home.id < b.h.home.id ? -1 : 1))
      .map(({ h, reasons }) => ({ ...homeFacts(h), kin: (h.home.kin_of ?? []).includes(caseId), reasons })),
    rules: {
      therapeutic: ruleFacts(source.rules.therapeuticNeed),
      medically_complex: ruleFacts(source.rules.medicallyComplexNeed),
      capacity: ruleFacts(source.rules.capacity),
      license_days: LICENSE_DAYS,
    },
  };
}

/** The children in care one home could take (for recruitment and respite planning). Undefined when the root has no such home. */
export function matchHome(source: MatchSource, homeId: string): HomeMatchFacts | undefined {
  const prepared = prepare(source);
  const home = prepared.homes.find((h) => h.home.id === homeId);
  if (!home) return undefined;
  const children = [...prepared.profiles.values()].sort((a, b) => (a.record.id < b.record.id ? -1 : 1));
  const judged = children.map((p) => ({ p, reasons: exclusions(p, home, source.asOf, source.rules) }));
  const candidates = rank(
    judged.filter((j) => j.reasons.length === 0).map(({ p }) => ({ item: p, id: p.record.id, childrenInHome: 0, factors: factors(p, home, source.asOf, prepared.highNeeds) })),
  );
  const who = (p: ChildProfile) => ({ case_id: p.record.id, name: p.record.child.name, age: p.age });
  return {
    as_of: source.asOf,
    home: homeFacts(home),
    candidates: candidates.map(({ item, ...r }) => ({ ...who(item), ...r, factors: [...r.factors], gaps: [...r.gaps] })),
    excluded: judged.filter((j) => j.reasons.length > 0).map(({ p, reasons }) => ({ ...who(p), reasons })),
  };
}
