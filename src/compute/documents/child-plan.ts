/**
 * What a plan for one child (the service plan, the transition plan) starts
 * from: the case record and the plan, the placement and its home, the foster
 * families recorded as withheld from a court copy, the caseworker and the
 * supervisor.
 */
import type { ChildFolder } from '../../model/case-root.js';
import type { CaseRecord, Placement } from '../../model/case.js';
import type { Home } from '../../model/home.js';
import { childLocation, guardParentContacts, kinHomes, placementHomes, recordFosterFamilies, type ChildLocation, type DocumentContext, type Sourced } from './context.js';
import { allowedNames, fosterHomeOf, placementNow } from './people.js';
import { staffData, type StaffData } from './staff.js';

export interface PlanStart<P> {
  readonly record: CaseRecord;
  readonly plan: P;
  readonly caseFile: string;
  readonly planFile: string;
  readonly warnings: string[];
  /** Where the child lives on the as-of date (else on the plan date). */
  readonly placement: Placement | undefined;
  readonly placementHome: Sourced<Home> | undefined;
  /** The homes of the child's relatives: their caregivers keep their names in a court copy. */
  readonly kin: ReadonlySet<string>;
  /** How this copy prints the child's school, placement county and providers. */
  readonly location: ChildLocation;
  readonly caseworker: StaffData;
  readonly supervisor: StaffData;
}

/**
 * `what` names the document and the plan's file for the errors when either file
 * is missing; `named` lists the people the plan names, whose names a court copy
 * prints legitimately unless they belong to a foster family.
 */
export function planStart<P extends { readonly plan_date: string }>(
  ctx: DocumentContext,
  child: ChildFolder,
  source: Sourced<P> | undefined,
  what: { readonly document: string; readonly file: string },
  named: (plan: P) => readonly string[],
): PlanStart<P> {
  if (!child.case) throw new Error(`${child.path}: case.yaml did not load; ${what.document} needs it`);
  if (!source) throw new Error(`${child.path}: there is no ${what.file}; ${what.document} needs it`);
  const record = child.case.data;
  const plan = source.data;
  const { agency, asOf } = ctx;
  const warnings: string[] = [];

  const placement = placementNow(record, asOf, plan.plan_date);
  const placementHome = placement?.home ? ctx.view.homeById(placement.home) : undefined;

  // Foster family names are kept out of a court copy wherever they stand (a relative caregiver's name is not).
  const kin = kinHomes(record, ctx);
  recordFosterFamilies(ctx, allowedNames(record, agency, named(plan).filter((name) => fosterHomeOf(name, ctx) === undefined)), kin, placementHomes(record));
  const location = childLocation(ctx, record, child.case.file);
  guardParentContacts(ctx, record, child.case.file);

  const caseworker = staffData(agency, record.caseworker, 'caseworker', warnings);
  const supervisor = staffData(agency, record.supervisor, 'supervisor', warnings);
  return { record, plan, caseFile: child.case.file, planFile: source.file, warnings, placement, placementHome, kin, location, caseworker, supervisor };
}
