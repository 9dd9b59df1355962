/**
 * People the structured data names, as an audience may read them: who belongs
 * to a foster family, how a foster parent prints in a court copy, and the names
 * a copy prints legitimately.
 */
import type { Agency } from '../../model/agency.js';
import type { CaseRecord, Placement } from '../../model/case.js';
import type { Plan } from '../../model/plan.js';
import { canSee, parentClass, type Protected, type Redactor } from '../audience.js';
import { WITHHELD_MARKER } from '../redaction/marker.js';
import { currentPlacement } from '../case/placements.js';
import type { DocumentContext } from './context.js';
import { nameKey, type FosterFamily } from './root-view.js';

export const sameName = (a: string, b: string) => nameKey(a) === nameKey(b);

/** The agency home whose adult household holds this name (the foster family a participant or task names). */
export function fosterHomeOf(name: string, ctx: DocumentContext): FosterFamily | undefined {
  return ctx.view.fosterFamilies.byName.get(nameKey(name));
}

/** Where the child lives on the as-of date (else on `date`, else the latest placement on record). */
export function placementNow(record: CaseRecord, asOf: string, date: string): Placement | undefined {
  return currentPlacement(record.placements, asOf) ?? currentPlacement(record.placements, date) ?? record.placements.at(-1);
}

/** A person named in the structured data, as this copy may print them (facts/common.ts `shownPerson`). */
export interface ShownPerson {
  /** The name, or the marker when the copy names a foster family member by role and home only. */
  readonly name: string;
  /** Set when the name is withheld: a foster parent (applicant, co-applicant) or another member, and their home. */
  readonly foster: { readonly member: 'parent' | 'member'; readonly home: string | null } | null;
}

/**
 * How a person named in the structured data prints for this audience: in a
 * court copy a foster parent is named by role and home id only ("Foster parent,
 * home H-0042", worded by the partial person-name), and the name is recorded as
 * withheld (case-format.md, Audiences). The child's relatives who care for the
 * child (`kin`: the homes, kinHomes) keep their names.
 */
export function personName(name: string, role: string | undefined, field: string, ctx: DocumentContext, fallbackHome: string | undefined, kin: ReadonlySet<string>): ShownPerson {
  const home = fosterHomeOf(name, ctx);
  const named = { name, foster: null };
  if (!home && role !== 'foster_parent') return named;
  if (canSee(ctx.redact.audience, 'foster_family_identity') || kin.has(home?.data.id ?? fallbackHome ?? '')) return named;
  ctx.redact.record('foster_family_identity', field, name);
  const member = home?.data.household.find((m) => sameName(m.name, name));
  const parent = !member || member.role === 'applicant' || member.role === 'co_applicant';
  return { name: WITHHELD_MARKER, foster: { member: parent ? 'parent' : 'member', home: home?.data.id ?? fallbackHome ?? null } };
}

/**
 * The class of the treatment details of a plan goal for a parent (`for: mother | father`):
 * that parent's, which their own copy shows them; undefined for a goal that is no parent's.
 * When two parents hold the role, the goal is neither's own.
 */
export function goalTreatmentClass(record: CaseRecord, redact: Redactor, goalFor: Plan['goals'][number]['for']): Protected | undefined {
  if (goalFor !== 'mother' && goalFor !== 'father') return undefined;
  const roles: readonly string[] = goalFor === 'mother' ? ['mother'] : ['father', 'putative_father'];
  const whose = record.parents.flatMap((p, i) => (roles.includes(p.role) ? [i] : []));
  return parentClass(redact, whose.length === 1 ? whose[0]! : -1, 'parent_treatment');
}

/**
 * What a court copy prints legitimately, which the foster-family guards must
 * leave whole (`recordFosterFamilies`).
 */
export interface AllowedNames {
  /** The child, the parents, the siblings: a foster family surname they share is not looked for alone (a kinship home). */
  readonly family: readonly string[];
  /** Staff and `others`: their full names print; a surname they share is looked for only where it names a family ("Ms. Hartwell", "the Hartwells"). */
  readonly colleagues: readonly string[];
  /** People the plan names in free text ("Dana and Marcus Whitfield"): a surname they share is looked for as a colleague's, but the text is no name to leave whole. */
  readonly named: readonly string[];
  /** Phrases that may hold a foster family's name and print anyway: a parent's street the copy shows ("12 Sample St"). */
  readonly phrases: readonly string[];
}

export function allowedNames(record: CaseRecord, agency: Agency, extra: readonly string[]): AllowedNames {
  return {
    family: [
      record.child.name,
      ...(record.child.preferred_name ? [record.child.preferred_name] : []),
      ...record.parents.map((p) => p.name),
      ...(record.siblings ?? []).map((s) => s.name),
    ],
    colleagues: [...(record.others ?? []).map((o) => o.name), ...agency.staff.map((s) => s.name)],
    named: extra,
    // A confidential address is withheld, not printed: it may not hide a guard.
    phrases: record.parents.flatMap((p) => (p.address && !p.confidential && !p.address.confidential ? [p.address.street] : [])),
  };
}
