/**
 * The home study's facts (domain.md §4.2, SAFE report sections): the structured parts
 * from home.yaml (applicants and household, background checks, training,
 * certifications, home and safety, references) and the narrative from study.md,
 * split at its `##` headings and placed in the SAFE order; the recommendation
 * with its conditions and the licensed capacity; who signs. facts/home.ts types
 * them; the template and the home-* partials word them. A home study is an
 * internal document: the address prints for that audience and is withheld (with
 * a visible marker) from any other copy.
 *
 * The pieces the re-licensing packet shares (the facts both documents have, the
 * study, the inspection, what a home's document returns) are exported from
 * here; compliance-requirement.ts gives both the compliance lines and hours.
 */
import { addDays, addMonths, ageOn } from '../../core/calendar-date.js';
import type { CaseRecord } from '../../model/case.js';
import { CHECK_TYPES, type Home } from '../../model/home.js';
import type { HomeFolder } from '../../model/case-root.js';
import type { PlacedChild } from './root-view.js';
import {
  backgroundCheckFacts, caseRecords, certificationFacts, certificationsRequired, complianceLines, currentPlacements,
  homeFacts, inspectionFact, licenseYear, trainingSummaries, yearContaining, type CheckFact, type InspectionFact, type LicenseYear,
} from '../home/index.js';
import { countedInspection, hours, openInspections, requirementOf } from './compliance-requirement.js';
import { familiesOf, recordFosterFamilies, type DocumentContext, type DocumentData } from './context.js';
import type { HomeStudyFacts } from './facts/home.js';
import { shownAddress } from './address.js';
import { scrubWithheld } from './scrub.js';
import { staffOf, supervisorOf } from './staff.js';

type Member = Home['household'][number];
type CheckRecord = { readonly date: string; readonly result: 'clear' | 'findings' | 'pending' };
type AnyCheck = (typeof CHECK_TYPES)[number];

// ---------------------------------------------------------------- small shared pieces

/**
 * The facts both of a home's documents have: the copy, the home, its license and caregivers, who signs.
 * `year` is the license year the document speaks of; none for a study written before the family was licensed.
 */
export function homeBase(ctx: DocumentContext, h: Home, file: string, year: LicenseYear | undefined) {
  const { agency, asOf, redact, rules } = ctx;
  return {
    as_of: asOf,
    audience: redact.audience,
    reader: null,
    agency: { name: agency.name, state: agency.state },
    rule_set: rules.id,
    home: {
      id: h.id,
      type: h.type,
      address: shownAddress(ctx.redact, 'foster_family_identity', `${file} address`, h.address),
      phone: h.phone ? redact.show('foster_family_identity', `${file} phone`, h.phone) : null,
      licensing_worker: staffOf(agency, h.licensing_worker),
    },
    license: {
      number: h.license.number,
      status: h.license.status,
      issued: h.license.issued,
      expires: h.license.expires,
      capacity: h.license.capacity,
      ages: h.license.ages ? { min: h.license.ages.min, max: h.license.ages.max } : null,
      // A year that ends before the license was issued is one of the term before it (home.yaml keeps only the current license).
      year: year ? { start: year.start, end: year.end, multi_year: year.multiYear, earlier_term: year.end < h.license.issued } : null,
    },
    caregivers: caregivers(h).map((m) => ({ name: m.name, role: m.role })),
    supervisor: supervisorOf(agency, h.licensing_worker),
    household: household(h, asOf),
    inspections: inspectionRows(h, asOf),
  };
}

function caregivers(h: Home): Member[] {
  return h.household.filter((m) => m.role === 'applicant' || m.role === 'co_applicant');
}

/** The home's street address, for the audiences that may read it (always confidential: case-format.md). */
/**
 * Outside the internal copy, the foster family's names and street are recorded
 * as withheld so the final scan of the text replaces them (context.ts).
 */
export function protectFamily(ctx: DocumentContext, home: string): void {
  recordFosterFamilies(ctx, { family: [], colleagues: [], named: [], phrases: [] }, new Set(), [home]);
}

function household(home: Home, asOf: string) {
  return home.household.map((m) => ({
    name: m.name,
    role: m.role,
    dob: m.dob,
    age: m.dob <= asOf ? ageOn(m.dob, asOf) : 0,
    medical_statement: m.medical_statement ?? null,
  }));
}

/** The current placements in the home, as table rows. */
function currentChildren(homeId: string, records: readonly CaseRecord[], asOf: string) {
  return currentPlacements(homeId, records, asOf).map((p) => ({
    name: p.name,
    case_id: p.childId,
    dob: p.dob,
    age: ageOn(p.dob, asOf),
    since: p.since,
    setting: p.setting,
  }));
}

// ---------------------------------------------------------------- the narrative

/** The SAFE order of the narrative sections (case-format.md, study.md; domain.md §4.2). */
export const SECTION_ORDER = ['Motivation', 'Family history', 'Relationships', 'Parenting', 'Home and community', 'Strengths', 'Concerns'] as const;

export interface NarrativeSection {
  /** The heading's words; null for the text before the first heading, "" for a heading without words (the template names both). */
  readonly title: string | null;
  /** Markdown; empty when the study has no such section (the template prints *not recorded*). */
  readonly body: string;
}

const key = (title: string | null) => (title ?? '').trim().replace(/[.:]+$/, '').replace(/\s+/g, ' ').toLowerCase();

/**
 * Each line of study.md's body as the home study reads it: a `##` heading
 * starts a section (its title); any other line is text, a heading of another
 * level (`#`, `###` …) as a bold line keeping its words (none for an empty one),
 * since a heading cannot stand in a narrative. Code fences are followed, so a
 * `#` line inside one stays as written. `validate` reads the lines the same way
 * (build/narrative-check.ts).
 */
export function studyLines(body: string): Array<{ readonly title: string } | { readonly text: string }> {
  let fence: string | undefined;
  return body.replace(/\r\n|\r/g, '\n').split('\n').map((line) => {
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (fence === undefined || fenceMark.startsWith(fence))) fence = fence === undefined ? fenceMark : undefined;
    const heading = fence === undefined ? /^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line) : null;
    if (heading && !line.trimStart().startsWith('###')) return { title: heading[1]!.trim() };
    const other = fence === undefined ? /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line) : null;
    const title = other?.[1]!.trim();
    return { text: other ? (title ? `**${title}**` : '') : line };
  });
}

/**
 * study.md's body split at its `##` headings (studyLines). The seven SAFE sections come
 * first, in their order, each present (empty when the study lacks it, so the
 * gap shows); any other section follows in the file's order. Text before the
 * first `##` heading becomes a section without a title at the start.
 */
export function narrativeSections(body: string): NarrativeSection[] {
  const found: { title: string | null; lines: string[] }[] = [];
  let current: { title: string | null; lines: string[] } = { title: null, lines: [] };
  for (const line of studyLines(body)) {
    if ('title' in line) {
      if (current.title !== null || current.lines.some((l) => l.trim() !== '')) found.push(current);
      current = { title: line.title, lines: [] };
    } else current.lines.push(line.text);
  }
  if (current.title !== null || current.lines.some((l) => l.trim() !== '')) found.push(current);
  const sections = found.map((s) => ({ title: s.title, body: s.lines.join('\n').trim() }));
  const used = new Set<number>();
  const ordered: NarrativeSection[] = [];
  const intro = sections.findIndex((s, i) => i === 0 && s.title === null);
  if (intro === 0) {
    ordered.push(sections[0]!);
    used.add(0);
  }
  for (const title of SECTION_ORDER) {
    const at = sections.findIndex((s, i) => !used.has(i) && key(s.title) === key(title));
    if (at >= 0) {
      used.add(at);
      ordered.push({ title, body: sections[at]!.body });
    } else {
      ordered.push({ title, body: '' });
    }
  }
  sections.forEach((s, i) => {
    if (!used.has(i)) ordered.push(s);
  });
  return ordered;
}

/**
 * What a home's document returns: its data, with study.md (staff-written) scrubbed
 * of any value withheld from this copy (each replacement reported naming the
 * file, as for every document's free text); what it withheld.
 */
export function homeDocumentData<F extends { readonly study: unknown }>(ctx: DocumentContext, home: HomeFolder, data: F, warnings: string[]): DocumentData<F> {
  const studyFile = home.study?.file ?? `${home.path}/study.md`;
  return {
    data: { ...data, ...scrubWithheld({ study: data.study }, ctx, () => studyFile, warnings) },
    withheld: [...ctx.redact.withheld],
    ...familiesOf(ctx.redact),
    warnings,
  };
}

/** study.md: its front matter and its sections. */
export function studyData(ctx: DocumentContext, study: HomeFolder['study']): HomeStudyFacts['study'] {
  if (!study) {
    return { present: false, file: null, date: null, type: null, author: null, recommendation: null, conditions: [], sections: narrativeSections('') };
  }
  const s = study.data;
  return {
    present: true,
    file: study.file,
    date: s.date,
    type: s.type,
    author: staffOf(ctx.agency, s.author),
    recommendation: s.recommendation,
    conditions: [...(s.conditions ?? [])],
    sections: narrativeSections(study.body),
  };
}

// ---------------------------------------------------------------- checks

function checkRecord(member: Member, item: AnyCheck): (CheckRecord & { states?: readonly string[] | null }) | undefined {
  return member.checks?.[item] ?? undefined;
}

/**
 * One row per person and check: the checks on file, and those the rule set
 * requires of the person on the as-of date but that are not on file (a missing
 * adult check, a household child's check once the birthday has come). A check
 * dated after the as-of date was not on file then: home.yaml keeps one record
 * per type, so the one the study saw is gone and the row says which came later.
 */
function checkRows(home: Home, facts: readonly CheckFact[], asOf: string): HomeStudyFacts['checks'] {
  return home.household.flatMap((member) => {
    const required = new Set<AnyCheck>(facts.filter((f) => f.person === member.name && f.inForce).map((f) => f.item));
    const items = CHECK_TYPES.filter((item) => required.has(item) || checkRecord(member, item) !== undefined);
    return items.map((item) => {
      const rec = checkRecord(member, item);
      return {
        person: member.name,
        check: item,
        states: item === 'out_of_state_registry' ? [...(rec?.states ?? [])] : [],
        ...(rec && rec.date <= asOf ? { date: rec.date, result: rec.result, later: null } : { date: null, result: null, later: rec?.date ?? null }),
      };
    });
  });
}

// ---------------------------------------------------------------- inspections

/** The home safety inspection that counts, when the next is due, what is still open. */
export function inspectionData(fact: InspectionFact): HomeStudyFacts['inspection'] {
  return { met: fact.met, last: countedInspection(fact.last), due: fact.due, open: openInspections(fact.open), citation: fact.citation };
}

/** The inspections on file up to the as-of date, resolved if by then (what came later had not happened yet). */
function inspectionRows(home: Home, asOf: string) {
  return (home.inspections ?? []).filter((i) => i.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((i) => ({ date: i.date, type: i.type, result: i.result, notes: i.notes ?? null, resolved: i.resolved && i.resolved <= asOf ? i.resolved : null }));
}

// ---------------------------------------------------------------- the home study

function requireHome(home: HomeFolder): NonNullable<HomeFolder['home']> {
  if (!home.home) throw new Error(`${home.path}: no home.yaml, so there is no home to write about`);
  return home.home;
}

/**
 * The license year a home study speaks of (issue 11, point 5): the 12 months,
 * counted back from `license.expires` in whole years, that contain the study's
 * date, the as-of date a build gives it (rules.md "License year"; yearContaining). It may end before the
 * license on file was issued: a year of the term before it (`earlier_term`),
 * whose hours are the sessions on file for it. An initial study dated before
 * the license was issued has none: the family was not licensed yet, so its
 * training is pre-service, not annual hours.
 */
export function studyYear(license: Home['license'], type: string | undefined, asOf: string): LicenseYear | undefined {
  if (!type) return licenseYear(license, asOf);
  if (type === 'initial' && asOf < license.issued) return undefined;
  return yearContaining(license, asOf);
}

/**
 * The license term a study recommends (issue 11, point 5): an annual
 * re-evaluation, the next term, the 12 months after its license year (dated
 * 2026-11-16 in the year ending 2026-12-31: 2027-01-01 to 2027-12-31); an
 * update, the license year it falls in; an initial study, none (the term
 * begins when the license is issued).
 */
export function recommendedTerm(year: LicenseYear | undefined, type: string | undefined): { start: string; end: string } | null {
  if (!year || !type || type === 'initial') return null;
  if (type !== 'annual_reevaluation') return { start: year.start, end: year.end };
  const start = addDays(year.end, 1);
  return { start, end: addDays(addMonths(start, 12), -1) };
}

/**
 * The home study's facts (templates/home-study.md.hbs), as of `ctx.asOf`: a
 * build computes a study as of its own date (study.md `date`; jobs.ts), so ages,
 * checks, training, placements and "Records as of" are those of the day it was
 * signed, and rebuilding it later gives the same text.
 */
export function homeStudyData(ctx: DocumentContext, home: HomeFolder, children: readonly PlacedChild[]): DocumentData<HomeStudyFacts> {
  const loaded = requireHome(home);
  const h = loaded.data;
  const { asOf, rules } = ctx;
  if (ctx.redact.audience !== 'internal') protectFamily(ctx, h.id);
  const records = caseRecords(children);
  const year = studyYear(h.license, home.study?.data.type, asOf);
  const study = studyData(ctx, home.study);
  const lines = complianceLines(homeFacts(h, records, asOf, rules), rules);

  const checkFacts = backgroundCheckFacts(h, asOf, rules);
  const checksNotCurrent = lines.flatMap((l) =>
    l.status === 'not_met' && l.person && (l.kind === 'background_check' || l.kind === 'out_of_state_check') ? [{ requirement: requirementOf(l), person: l.person }] : [],
  );

  const annual = new Map(year ? trainingSummaries(h, year, asOf, rules).map((t) => [t.person, t]) : []);
  const training = caregivers(h).map((member) => {
    const onFile = (h.training ?? []).filter((s) => s.attendee.trim() === member.name.trim() && s.date <= asOf);
    const t = annual.get(member.name);
    return {
      person: member.name,
      role: member.role,
      sessions_on_file: onFile.length,
      hours_on_file: hours(onFile.reduce((sum, s) => sum + s.hours, 0)),
      last_session: onFile.map((s) => s.date).sort().at(-1) ?? null,
      annual: t ? { counted: hours(t.counted), required: hours(t.required), shortfall: hours(t.shortfall), status: t.status, months_left: t.monthsLeft } : null,
    };
  });

  const certificates: HomeStudyFacts['certifications']['rows'] = [
    ...(h.certifications ?? []).map((c) => ({ holder: c.holder, certificate: c.type, expires: c.expires, status: c.expires >= asOf ? ('current' as const) : ('expired' as const) })),
    ...certificationFacts(h, asOf, rules)
      .filter((f) => !f.expires)
      .map((f) => ({ holder: f.person, certificate: f.item, expires: null, status: 'none' as const })),
  ];

  const data: HomeStudyFacts = {
    ...homeBase(ctx, h, loaded.file, year),
    inspection: inspectionData(inspectionFact(h, asOf, rules)),
    study,
    checks: checkRows(h, checkFacts, asOf),
    checks_not_current: checksNotCurrent,
    check_rule: { months: rules.backgroundCheckMonths.value, citation: rules.backgroundCheckMonths.citation },
    training,
    training_rule: { hours: hours(rules.annualTrainingHours.value[h.type]), citation: rules.annualTrainingHours.citation },
    recommended_term: recommendedTerm(year, home.study?.data.type),
    certifications: { required: certificationsRequired(h, rules), citation: rules.cprFirstAidRequired.citation, rows: certificates },
    references: (h.references ?? []).map((r) => ({
      name: r.name,
      relationship: r.relationship,
      contacted: r.contacted ?? null,
      summary: r.summary ?? null,
    })),
    placed: currentChildren(h.id, records, asOf),
  };

  const warnings = study.present ? [] : [`${home.path}: no study.md; the narrative sections and the recommendation print as not recorded`];
  return homeDocumentData(ctx, home, data, warnings);
}
