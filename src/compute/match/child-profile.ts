/**
 * One child as matching reads them: age, needs, where they live and lived, the
 * siblings in care and the parents whose proximity counts. Never their race,
 * ethnicity or national origin (MEPA–IEPA, 42 U.S.C. 1996b; 42 U.S.C. 671(a)(18)).
 */
import { ageOn } from '../../core/calendar-date.js';
import type { Assessment } from '../../model/assessment.js';
import type { CaseRecord, Placement } from '../../model/case.js';
import { currentPlacement } from '../case/placements.js';
import type { RuleSet } from '../rule-sets.js';
import { childNeeds, levelsNeeded, type CareLevel, type ChildNeeds } from './needs.js';

/** A child folder: model/case-root.ts's ChildFolder fits. */
export interface MatchChildSource {
  readonly id: string;
  readonly case?: { readonly data: CaseRecord } | undefined;
  readonly assessments: readonly { readonly data: Assessment }[];
}

/** A sibling in care in this case root (case.yaml `siblings` with a `case_id` whose case is in care). */
export interface SiblingInCare {
  readonly name: string;
  readonly caseId: string;
  /** The home the sibling lives in now, when it is one of the agency's. */
  readonly home?: string;
  readonly county?: string;
}

/** A parent whose home counts for proximity: rights intact, not incarcerated, no no-contact order, a county on file. */
export interface ParentNearby {
  readonly name: string;
  readonly role: string;
  readonly county: string;
}

export interface ChildProfile {
  readonly record: CaseRecord;
  readonly age: number;
  readonly needs: ChildNeeds;
  readonly levels: readonly CareLevel[];
  readonly current?: Placement;
  readonly siblings: readonly SiblingInCare[];
  readonly parents: readonly ParentNearby[];
}

/** In care on the day: removed on or before it, not discharged by it, in a placement (trial home visit and runaway included). */
export function inCareOn(record: CaseRecord, asOf: string): boolean {
  const discharged = record.removal.discharge != null && record.removal.discharge.date <= asOf;
  return record.removal.date <= asOf && !discharged && currentPlacement(record.placements, asOf) !== undefined;
}

export function childProfile(child: MatchChildSource & { readonly case: { readonly data: CaseRecord } }, inCare: ReadonlyMap<string, CaseRecord>, asOf: string, rules: RuleSet): ChildProfile {
  const record = child.case.data;
  const needs = childNeeds(child.assessments.map((a) => a.data), rules);
  const current = currentPlacement(record.placements, asOf);
  const siblings = (record.siblings ?? []).flatMap((s): SiblingInCare[] => {
    const theirs = s.case_id != null && s.case_id !== record.id ? inCare.get(s.case_id) : undefined;
    if (!theirs) return [];
    const where = currentPlacement(theirs.placements, asOf);
    return [{ name: s.name, caseId: theirs.id, ...(where?.home ? { home: where.home } : {}), ...(where ? { county: where.county } : {}) }];
  });
  const parents = record.parents.flatMap((p): ParentNearby[] =>
    p.rights === 'intact' && !p.incarcerated && !p.no_contact && p.address?.county ? [{ name: p.name, role: p.role, county: p.address.county }] : [],
  );
  return {
    record,
    age: ageOn(record.child.dob, asOf),
    needs,
    levels: levelsNeeded(needs),
    ...(current ? { current } : {}),
    siblings,
    parents,
  };
}
