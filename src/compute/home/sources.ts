/**
 * The shapes the home facts read: structural, so a test can hand in a bare
 * record; model/case-root.ts's HomeFolder and ChildFolder satisfy these.
 */
import type { CaseRecord } from '../../model/case.js';
import type { Home } from '../../model/home.js';

/** A home folder: `HomeFolder` (model/case-root.ts) fits. */
export interface HomeSource {
  readonly id: string;
  readonly home?: { readonly data: Home } | undefined;
}

/** A child folder: `ChildFolder` (model/case-root.ts) fits. */
export interface ChildSource {
  readonly id: string;
  readonly case?: { readonly data: CaseRecord } | undefined;
}

/** The loaded case records among the child folders. */
export function caseRecords(children: readonly ChildSource[]): CaseRecord[] {
  return children.flatMap((child) => (child.case ? [child.case.data] : []));
}

export type HouseholdMember = Home['household'][number];

/** Applicants and co-applicants: the people training and certificates are about (rules.md, The foster home). */
export function caregivers(home: Home): HouseholdMember[] {
  return home.household.filter((m) => m.role === 'applicant' || m.role === 'co_applicant');
}

/** Names are matched as written (attendee, holder), ignoring surrounding spaces. */
export function sameName(a: string, b: string): boolean {
  return a.trim() === b.trim();
}
