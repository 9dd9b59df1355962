/**
 * What every document's data builder gets, and the pieces they share: how a
 * placement is described for an audience, and who the foster parents are (so
 * their names can be kept out of a court copy wherever they appear).
 */
import type { Agency } from '../../model/agency.js';
import type { CaseRecord, ParentRole, Placement } from '../../model/case.js';
import { canSee, parentClass, type Protected, type Redactor, type SharedGuards, type WithheldValue } from '../audience.js';
import { WITHHELD_MARKER } from '../redaction/marker.js';
import { familiesIn, familyGuards, homeGuards, printedNames, touchedHomes } from './family-guards.js';
import type { RuleSet } from '../rule-sets.js';
import type { FosterFamily, RootView } from './root-view.js';
import type { DueItem } from '../due-item.js';
import type { AllowedNames } from './people.js';
import type { Narratives } from './narrative.js';
import type { Readiness } from './readiness.js';

/** Where agency.yaml sits in every case root. */
export const AGENCY_FILE = 'agency.yaml';

/** A loaded record with the file it came from (a ChildFolder's or HomeFolder's files fit this). */
export interface Sourced<T> {
  readonly file: string;
  readonly data: T;
  readonly body: string;
}

export interface DocumentContext {
  readonly agency: Agency;
  readonly asOf: string;
  readonly rules: RuleSet;
  readonly redact: Redactor;
  /** The case root as this document reads it: every read is recorded as an input (root-view.ts). */
  readonly view: RootView;
}

/** What a data builder returns: the template's data and what a reader should be warned about (its inputs are what `ctx.view` recorded). */
export interface DocumentData<F = Record<string, unknown>> {
  /** The document's facts (facts/<document>.ts types them). */
  readonly data: F;
  readonly withheld: readonly WithheldValue[];
  /** The foster-family guards `withheld` holds by reference (the scans look for them too). */
  readonly families?: SharedGuards;
  /** Shortfalls worth a warning on the command line (e.g. a re-licensing requirement not met). */
  readonly warnings: readonly string[];
  /** Items from the clocks that the document shows (optional). */
  readonly due?: readonly DueItem[];
  /** The parts required before filing that are not provided (readiness.ts): the copy is built as a DRAFT. */
  readonly missing?: Readiness;
}

/** The foster-family guards a redactor recorded by reference, as a builder returns them. */
export const familiesOf = (redact: Redactor): { families?: SharedGuards } => (redact.families ? { families: redact.families } : {});

/** The foster-family guards of several documents' data together (a packet's parts): a home any of them guards by reference stays guarded. */
export function joinFamilies(parts: readonly Pick<DocumentData, 'families'>[]): { families?: SharedGuards } {
  const shared = parts.flatMap((p) => (p.families ? [p.families] : []));
  if (shared.length === 0) return {};
  const { guards } = shared[0]!;
  if (shared.some((s) => s.guards !== guards)) throw new Error('the parts of one document read different case roots');
  return { families: { guards, skip: shared[0]!.skip.filter((home) => shared.every((s) => s.skip.includes(home))) } };
}

/**
 * The child's location is confidential when case.yaml says so or when any
 * parent is under a no-contact order (case-format.md, Audiences).
 */
export function locationConfidential(record: CaseRecord): boolean {
  return record.child.location_confidential === true || record.parents.some((p) => p.no_contact != null);
}

/**
 * A piece of where the child can be found (school, placement county or city, a
 * provider), as this copy may print it: `field` is a path in case.yaml.
 */
export type ChildLocation = (field: string, value: string) => string;

/**
 * How this copy prints the child's location. When the location is confidential
 * and the audience may not see it, every piece prints as the marker, and all of
 * them (the school, each placement's county and provider, the cities of the
 * homes the child lived in, providers' streets) are guarded so the scans find
 * them in a narrative. The court's county and the agency's city stand in the
 * copy's own caption and letterhead, so the scans cannot look for them: a
 * placement in the court's county prints the marker without being recorded,
 * and the agency's city is not guarded.
 */
export function childLocation(ctx: DocumentContext, record: CaseRecord, caseFile: string): ChildLocation {
  const { redact } = ctx;
  if (!locationConfidential(record) || canSee(redact.audience, 'child_location')) return (_, value) => value;
  const courtCounty = `${record.court.county} County`;
  const guard = (field: string, value: string) => redact.guard('child_location', field, value);
  if (record.education) guard(`${caseFile} education.school`, record.education.school);
  record.placements.forEach((p, i) => {
    if (p.county !== record.court.county) guard(`${caseFile} placements[${i}].county`, `${p.county} County`);
    if (p.provider) guard(`${caseFile} placements[${i}].provider`, p.provider);
    const home = p.home ? ctx.view.homeById(p.home) : undefined;
    if (home && home.data.address.city !== ctx.agency.address.city) guard(`${home.file} address.city`, home.data.address.city);
  });
  (record.others ?? []).forEach((o, i) => {
    if (o.address) guard(`${caseFile} others[${i}].address.street`, o.address.street);
  });
  return (field, value) => (value === courtCounty ? WITHHELD_MARKER : redact.show('child_location', `${caseFile} ${field}`, value));
}

/**
 * Every parent's street and phone, guarded in a copy that may not show them
 * (a confidential address to anyone but the court's own file; another
 * parent's contact details in a parent's copy), so the scans find them where
 * staff wrote them into a plan's or a note's text.
 */
export function guardParentContacts(ctx: DocumentContext, record: CaseRecord, caseFile: string): void {
  record.parents.forEach((p, i) => {
    const secret = p.confidential === true || p.address?.confidential === true;
    const kind: Protected = secret ? 'confidential_address' : parentClass(ctx.redact, i, 'parent_contact');
    if (p.address) ctx.redact.guard(kind, `${caseFile} parents[${i}].address.street`, p.address.street);
    if (p.phone) ctx.redact.guard(kind, `${caseFile} parents[${i}].phone`, p.phone);
  });
}

/** In a parent's copy, whose it is: the parent's name and role (the template names them on page 1). */
export function readerOf(ctx: DocumentContext, record: CaseRecord): { name: string; role: ParentRole } | null {
  const reader = ctx.redact.reader === undefined ? undefined : record.parents[ctx.redact.reader];
  return reader ? { name: reader.name, role: reader.role } : null;
}

/** A relative's home: the caregivers' names (never their address or phone) print in a court copy (case-format.md, Audiences). */
export function isKinship(placement: Placement, home: FosterFamily | undefined): boolean {
  return placement.setting === 'foster_family_relative' || home?.data.type === 'kinship';
}

/** The homes the child lives or lived in. */
export const placementHomes = (record: CaseRecord): string[] => record.placements.flatMap((p) => (p.home ? [p.home] : []));

/** The homes where the child lives or lived with relatives. */
export function kinHomes(record: CaseRecord, ctx: DocumentContext): ReadonlySet<string> {
  return new Set(record.placements.flatMap((p) => (p.home && isKinship(p, ctx.view.homeById(p.home)) ? [p.home] : [])));
}

/** Where a child lives or lived (facts/common.ts `placementWhere`; the partial placement-where prints it). */
export interface PlacementWhere {
  readonly setting: Placement['setting'];
  readonly home: string | null;
  readonly names: string[];
  readonly provider: string | null;
  /** The county's name, or the marker. */
  readonly county: string;
  readonly county_withheld: boolean;
}

/**
 * Where the child lives, as this audience may read it. The court copy names the
 * setting, the home id and the county, never the foster family's name or address;
 * a relative's home names the caregivers. `at` is the placement's index in case.yaml.
 */
export function placementWhere(placement: Placement, at: number, ctx: DocumentContext, location: ChildLocation): PlacementWhere {
  const home = placement.home ? ctx.view.homeById(placement.home) : undefined;
  // The phrase "<name> County" is what is guarded in a narrative; the template words it.
  const county_withheld = location(`placements[${at}].county`, `${placement.county} County`) === WITHHELD_MARKER;
  const county = county_withheld ? WITHHELD_MARKER : placement.county;
  if (!home) {
    const provider = placement.provider ? location(`placements[${at}].provider`, placement.provider) : null;
    return { setting: placement.setting, home: null, names: [], provider, county, county_withheld };
  }
  const family = home.data.household.filter((m) => m.role === 'applicant' || m.role === 'co_applicant').map((m) => m.name);
  const names = isKinship(placement, home) ? family : family.map((name, i) => ctx.redact.show('foster_family_identity', `${home.file} household[${i}].name`, name));
  // Two withheld names print as one marker, not "[withheld] and [withheld]".
  const shownNames = names.every((n) => n === names[0]) ? names.slice(0, 1) : names;
  return { setting: placement.setting, home: home.data.id, names: shownNames, provider: null, county, county_withheld };
}

/**
 * Every foster household member's full name and surname, and the home's street
 * and phone, recorded as guards in a court copy so the final scan of the
 * document's text finds them even in a narrative. What the copy prints
 * legitimately stays whole (`AllowedNames`): a full name it prints is no guard;
 * a surname the child's own family shares (a kinship home) is not looked for
 * alone; a surname a colleague shares only where it names a family; and a
 * guard is not looked for inside a longer phrase the copy prints. The homes
 * none of that touches are guarded by reference to the root's guards
 * (family-guards.ts); the others are worked out for this copy, and so are
 * `own`, the homes whose names the document withholds later where it would
 * print them (the child's placements, the home studied): each value keeps the
 * place its guard took in the list, as the notices' order of what was
 * withheld follows it.
 */
export function recordFosterFamilies(ctx: DocumentContext, allowed: AllowedNames, kin: ReadonlySet<string> = new Set(), own: Iterable<string> = []): void {
  if (canSee(ctx.redact.audience, 'foster_family_identity')) return;
  const families = ctx.view.fosterFamilies;
  const names = printedNames(allowed);
  const touched = touchedHomes(families, names);
  for (const id of [...kin, ...own]) touched.add(id);
  // (In the root's order, as a list of every home would give them; not by walking every home: thousands, for each copy.)
  for (const home of familiesIn(families, touched)) {
    // The child's relatives (`kin`: kinHomes) are named in a court copy; their street and phone are not.
    const guards = kin.has(home.data.id) ? homeGuards({ ...home, data: { ...home.data, household: [] } }, names) : homeGuards(home, names);
    for (const { kind, field, value, except } of guards) ctx.redact.guard(kind, field, value, except);
  }
  ctx.redact.guardFamilies(familyGuards(families), touched);
}

/** The child's schooling as this copy prints it: the school through the location check, the notes through the narratives. */
export function educationData(record: CaseRecord, location: ChildLocation, narrative: Narratives, caseFile: string) {
  const e = record.education;
  if (!e) return null;
  return {
    school: location('education.school', e.school),
    grade: String(e.grade),
    iep: e.iep,
    plan_504: e.plan_504,
    school_changes: e.school_changes_since_removal ?? null,
    best_interest_determination: e.best_interest_determination ?? null,
    notes: narrative.optional(e.notes, `${caseFile} education.notes`),
  };
}
