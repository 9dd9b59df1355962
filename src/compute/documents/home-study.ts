/**
 * The home study (domain.md §4.2, SAFE report sections): the structured parts
 * from home.yaml (applicants and household, background checks, training,
 * certifications, home and safety, references) and the narrative from study.md,
 * split at its `##` headings and placed in the SAFE order; the recommendation
 * with its conditions and the licensed capacity; signature lines. A home study
 * is an internal document: the address prints for that audience and is withheld
 * (with a visible marker) from any other copy.
 *
 * The pieces the re-licensing packet shares (labels, the home and license
 * blocks, narrative sections, dates in prose, what a home's document returns)
 * are exported from here.
 */
import { ageOn, formatLongDate, isRealDate } from '../../core/calendar-date.js';
import type { CaseRecord } from '../../model/case.js';
import type { Home, Study } from '../../model/home.js';
import type { ChildFolder, HomeFolder } from '../../model/case-root.js';
import {
  backgroundCheckFacts, caseRecords, certificationFacts, certificationsRequired, compliance, currentPlacements,
  inspectionFact, licenseYear, trainingSummaries, type CheckFact, type InspectionFact, type LicenseYear,
} from '../home/index.js';
import type { CheckType, RuleSet } from '../rule-sets.js';
import { recordFosterFamilies, type DocumentContext, type DocumentData } from './context.js';
import { SETTING_LABELS } from './labels.js';
import { STATE_NAMES } from './labels.js';
import type { HomeStudyFacts } from './facts/home.js';
import { scrubWithheld } from './scrub.js';
import { staffPerson, supervisorOf } from './staff.js';

type HomeType = Home['type'];
type Member = Home['household'][number];
type CheckRecord = { readonly date: string; readonly result: 'clear' | 'findings' | 'pending' };
type AnyCheck = CheckType | 'out_of_state_registry';

// ---------------------------------------------------------------- labels

export const HOME_TYPE_LABELS: Readonly<Record<HomeType, string>> = {
  foster: 'Foster home',
  kinship: 'Kinship (relative) foster home',
  therapeutic_foster: 'Therapeutic foster home',
  medically_complex: 'Medically complex foster home',
  pre_adoptive: 'Pre-adoptive home',
};

export const ROLE_LABELS: Readonly<Record<Member['role'], string>> = {
  applicant: 'Applicant',
  co_applicant: 'Co-applicant',
  child: 'Child of the household',
  other_adult: 'Other adult in the home',
};

export const LICENSE_STATUS_LABELS: Readonly<Record<Home['license']['status'], string>> = {
  pending: 'Pending',
  active: 'Active',
  on_hold: 'On hold',
  suspended: 'Suspended',
  closed: 'Closed',
};

export const CHECK_LABELS: Readonly<Record<AnyCheck, string>> = {
  state_registry: 'State registry (CA/N)',
  fbi_fingerprint: 'FBI fingerprint',
  sex_offender_registry: 'Sex offender registry',
  out_of_state_registry: 'Out-of-state registry',
};

export const RESULT_LABELS: Readonly<Record<CheckRecord['result'], string>> = {
  clear: 'Clear',
  findings: 'Findings recorded',
  pending: 'Pending',
};

export const TOPIC_LABELS: Readonly<Record<NonNullable<Home['training']>[number]['topic'], string>> = {
  trauma_informed: 'Trauma-informed care',
  behavior_management: 'Behavior management',
  psychotropic_medication: 'Psychotropic medication',
  sexual_abuse: 'Sexual abuse',
  cultural_competency: 'Cultural competency',
  medical: 'Medical',
  court_advocacy: 'Court advocacy',
  cpr: 'CPR',
  first_aid: 'First aid',
  universal_precautions: 'Universal precautions',
  other: 'Other',
};

export const FORMAT_LABELS: Readonly<Record<NonNullable<Home['training']>[number]['format'], string>> = {
  classroom: 'Classroom',
  online: 'Online',
  conference: 'Conference',
};

export const CERTIFICATE_LABELS: Readonly<Record<NonNullable<Home['certifications']>[number]['type'], string>> = {
  cpr: 'CPR',
  first_aid: 'First aid',
  other: 'Other certificate',
};

export const INSPECTION_TYPE_LABELS: Readonly<Record<NonNullable<Home['inspections']>[number]['type'], string>> = {
  home_safety: 'Home safety',
  fire: 'Fire',
  health: 'Health',
  other: 'Other',
};

export const INSPECTION_RESULT_LABELS: Readonly<Record<NonNullable<Home['inspections']>[number]['result'], string>> = {
  pass: 'Passed',
  corrections_required: 'Corrections required',
  fail: 'Failed',
};

export const STUDY_TYPE_LABELS: Readonly<Record<Study['type'], string>> = {
  initial: 'Initial home study',
  update: 'Home study update',
  annual_reevaluation: 'Annual re-evaluation',
};

export const RECOMMENDATION_LABELS: Readonly<Record<Study['recommendation'], string>> = {
  approve: 'Approve',
  approve_with_conditions: 'Approve with conditions',
  deny: 'Deny',
  continue: 'Continue approval',
};

export function ruleSetName(rules: RuleSet): string {
  return rules.id === 'generic' ? 'the generic rule set' : `the ${STATE_NAMES[rules.id]} rule set`;
}

// ---------------------------------------------------------------- small shared pieces

/** Every YYYY-MM-DD date in computed prose (compliance evidence, check details) written the long way. */
export function longDates(text: string): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => (isRealDate(d) ? formatLongDate(d) : d));
}

/** "January 1, 2026 to December 31, 2026". */
export function yearText(year: LicenseYear): string {
  return `${formatLongDate(year.start)} to ${formatLongDate(year.end)}`;
}

/** Hours as people write them: 13.5, 22, 0. */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "2 children, ages 10 to 17". */
export function capacityText(license: Home['license']): string {
  const count = plural(license.capacity, 'child', 'children');
  const ages = license.ages;
  return ages ? `${count}, ages ${ages.min} to ${ages.max}` : `${count} (age range not recorded)`;
}

/** The home as both documents name it: id, type, address and phone (for the audiences that may read them), licensing worker. */
export function homeData(ctx: DocumentContext, home: Home, file: string) {
  const worker = staffPerson(ctx.agency, home.licensing_worker, 'Licensing worker');
  return {
    id: home.id,
    type: HOME_TYPE_LABELS[home.type],
    address: addressText(ctx, home, file),
    phone: phoneText(ctx, home, file),
    licensing_worker: worker ? `${worker.name}, ${worker.title}` : null,
  };
}

/** The license as both documents state it, with the license year that governs. */
export function licenseData(license: Home['license'], year: LicenseYear) {
  return {
    number: license.number,
    status: LICENSE_STATUS_LABELS[license.status],
    issued: license.issued,
    expires: license.expires,
    capacity: capacityText(license),
    year: yearText(year),
  };
}

/** The home's street address, for the audiences that may read it (always confidential: case-format.md). */
export function addressText(ctx: DocumentContext, home: Home, file: string): string {
  const { street, city, state, zip, county } = home.address;
  const line = `${street}, ${city}, ${state} ${zip}${county ? ` (${county} County)` : ''}`;
  return ctx.redact.show('foster_family_identity', `${file} address`, line);
}

export function phoneText(ctx: DocumentContext, home: Home, file: string): string | null {
  return home.phone ? ctx.redact.show('foster_family_identity', `${file} phone`, home.phone) : null;
}

/** The facts every document has; a home's documents have no parent reading them. */
export function homeBase(ctx: DocumentContext) {
  return { as_of: ctx.asOf, audience: ctx.redact.audience, reader: null, agency: { name: ctx.agency.name, state: ctx.agency.state } };
}

/**
 * Outside the internal copy, the foster family's names and street are recorded
 * as withheld so the final scan of the text replaces them (context.ts).
 */
export function protectFamily(ctx: DocumentContext): void {
  recordFosterFamilies(ctx, { family: [], colleagues: [], named: [], phrases: [] });
}


export function household(home: Home, asOf: string) {
  return home.household.map((m) => ({
    name: m.name,
    role: ROLE_LABELS[m.role],
    dob: m.dob,
    age: m.dob <= asOf ? ageOn(m.dob, asOf) : 0,
    medical_statement: m.medical_statement ?? null,
  }));
}

/** The current placements in the home, as table rows. */
export function currentChildren(homeId: string, records: readonly CaseRecord[], asOf: string) {
  return currentPlacements(homeId, records, asOf).map((p) => ({
    name: p.name,
    case_id: p.childId,
    dob: p.dob,
    age: ageOn(p.dob, asOf),
    since: p.since,
    setting: SETTING_LABELS[p.setting],
  }));
}

// ---------------------------------------------------------------- the narrative

/** The SAFE order of the narrative sections (case-format.md, study.md; domain.md §4.2). */
export const SECTION_ORDER = ['Motivation', 'Family history', 'Relationships', 'Parenting', 'Home and community', 'Strengths', 'Concerns'] as const;

export interface NarrativeSection {
  readonly title: string;
  /** Markdown; empty when the study has no such section (the template prints *not recorded*). */
  readonly body: string;
}

const key = (title: string) => title.trim().replace(/[.:]+$/, '').replace(/\s+/g, ' ').toLowerCase();

/**
 * study.md's body split at its `##` headings. The seven SAFE sections come
 * first, in their order, each present (empty when the study lacks it, so the
 * gap shows); any other section follows in the file's order. Text before the
 * first `##` heading becomes a section "Introduction" at the start. A heading of
 * another level inside a section (`#`, `###` …) cannot stand in a narrative: it
 * becomes a bold line, keeping its words.
 */
export function narrativeSections(body: string): NarrativeSection[] {
  const found: { title: string; lines: string[] }[] = [];
  let current: { title: string; lines: string[] } = { title: 'Introduction', lines: [] };
  let fence: string | undefined;
  for (const line of body.replace(/\r\n|\r/g, '\n').split('\n')) {
    const fenceMark = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (fence === undefined || fenceMark.startsWith(fence))) fence = fence === undefined ? fenceMark : undefined;
    const heading = fence === undefined ? /^ {0,3}##[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line) : null;
    if (heading && !line.trimStart().startsWith('###')) {
      if (current.title !== 'Introduction' || current.lines.some((l) => l.trim() !== '')) found.push(current);
      current = { title: heading[1]!.trim() || 'Untitled section', lines: [] };
      continue;
    }
    const other = fence === undefined ? /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line) : null;
    current.lines.push(other ? `**${other[1]!.trim()}**` : line);
  }
  if (current.title !== 'Introduction' || current.lines.some((l) => l.trim() !== '')) found.push(current);
  const sections = found.map((s) => ({ title: s.title, body: s.lines.join('\n').trim() }));
  const used = new Set<number>();
  const ordered: NarrativeSection[] = [];
  const intro = sections.findIndex((s, i) => i === 0 && s.title === 'Introduction');
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
    warnings,
  };
}

/** What the templates print about study.md: its front matter in words and its sections. */
export function studyData(ctx: DocumentContext, study: HomeFolder['study']) {
  if (!study) {
    return {
      present: false, file: null, date: null, type: null, type_lower: null, reevaluation: false, author: null,
      recommendation: null, conditions: [] as string[], sections: narrativeSections(''),
    };
  }
  const s = study.data;
  const author = staffPerson(ctx.agency, s.author, 'Licensing worker');
  return {
    present: true,
    file: study.file,
    date: s.date,
    type: STUDY_TYPE_LABELS[s.type],
    type_lower: STUDY_TYPE_LABELS[s.type].toLowerCase(),
    reevaluation: s.type === 'annual_reevaluation',
    author: author ? `${author.name}, ${author.title}` : null,
    recommendation: RECOMMENDATION_LABELS[s.recommendation],
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
 * requires of the person today but that are not on file (a missing adult
 * check, a household child's check once the birthday has come).
 */
export function checkRows(home: Home, facts: readonly CheckFact[]) {
  return home.household.flatMap((member) => {
    const required = new Set<AnyCheck>(facts.filter((f) => f.person === member.name && f.inForce).map((f) => f.item));
    const items = (['state_registry', 'fbi_fingerprint', 'sex_offender_registry', 'out_of_state_registry'] as const).filter(
      (item) => required.has(item) || checkRecord(member, item) !== undefined,
    );
    return items.map((item) => {
      const rec = checkRecord(member, item);
      const states = item === 'out_of_state_registry' && rec?.states?.length ? ` (${rec.states.join(', ')})` : '';
      return {
        person: member.name,
        check: `${CHECK_LABELS[item]}${states}`,
        date: rec?.date ?? null,
        result: rec ? RESULT_LABELS[rec.result] : 'None on file',
      };
    });
  });
}

// ---------------------------------------------------------------- inspections

/** The home safety inspection in sentences: the one that counts, when the next is due, what is still open. */
export function inspectionSummary(fact: InspectionFact): string {
  const open = fact.open.map((i) =>
    i.result === 'fail' ? `The inspection of ${formatLongDate(i.date)} failed.` : `The corrections required at the inspection of ${formatLongDate(i.date)} are not yet resolved.`,
  );
  if (!fact.last) return ['No passed home safety inspection is on file.', ...open].join(' ');
  const how = fact.last.result === 'pass' ? 'passed' : `corrections resolved ${formatLongDate(fact.last.resolved!)}`;
  return [`Last home safety inspection that counts: ${formatLongDate(fact.last.date)} (${how}); next due ${formatLongDate(fact.due)}.`, ...open].join(' ');
}

export function inspectionRows(home: Home) {
  return [...(home.inspections ?? [])]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((i) => ({
      date: i.date,
      type: INSPECTION_TYPE_LABELS[i.type],
      result: INSPECTION_RESULT_LABELS[i.result],
      passed: i.result === 'pass',
      notes: i.notes ?? null,
      resolved: i.resolved ?? null,
      resolution: i.resolved ? formatLongDate(i.resolved) : i.result === 'pass' ? 'Not needed' : 'NOT RESOLVED',
    }));
}

// ---------------------------------------------------------------- signatures

export interface Signer {
  readonly name: string;
  readonly role: string;
  readonly date: null;
}

export function signers(ctx: DocumentContext, home: Home): Signer[] {
  const list: Signer[] = home.household
    .filter((m) => m.role === 'applicant' || m.role === 'co_applicant')
    .map((m) => ({ name: m.name, role: ROLE_LABELS[m.role], date: null }));
  const worker = staffPerson(ctx.agency, home.licensing_worker, 'Licensing worker');
  if (worker) list.push({ name: worker.name, role: worker.title, date: null });
  const supervisor = supervisorOf(ctx.agency, home.licensing_worker);
  list.push(supervisor ? { name: supervisor.name, role: supervisor.title, date: null } : { name: 'Supervisor', role: 'Licensing supervisor', date: null });
  return list;
}

// ---------------------------------------------------------------- the home study

function requireHome(home: HomeFolder): NonNullable<HomeFolder['home']> {
  if (!home.home) throw new Error(`${home.path}: no home.yaml, so there is no home to write about`);
  return home.home;
}

/**
 * The home study's data (templates/home-study.md.hbs). Facts from home.yaml are
 * stated as of `ctx.asOf`; the narrative is dated by study.md's front matter.
 */
export function homeStudyData(ctx: DocumentContext, home: HomeFolder, children: readonly ChildFolder[]): DocumentData<HomeStudyFacts> {
  const loaded = requireHome(home);
  const h = loaded.data;
  const { asOf, rules } = ctx;
  if (ctx.redact.audience !== 'internal') protectFamily(ctx);
  const records = caseRecords(children);
  const year = licenseYear(h.license, asOf);
  const study = studyData(ctx, home.study);
  const lines = compliance(home, children, asOf, rules).lines;

  const checkFacts = backgroundCheckFacts(h, asOf, rules);
  const checksNotCurrent = lines
    .filter((l) => !l.met && l.person && l.item && l.item in CHECK_LABELS)
    .map((l) => `${l.person}, ${CHECK_LABELS[l.item as AnyCheck]}: ${longDates(l.evidence)}`);

  const training = trainingSummaries(h, year, asOf, rules).map((t) => {
    const onFile = (h.training ?? []).filter((s) => s.attendee.trim() === t.person.trim() && s.date <= asOf);
    return {
      person: t.person,
      role: ROLE_LABELS[t.role],
      sessions_on_file: onFile.length,
      hours_on_file: hoursText(onFile.reduce((sum, s) => sum + s.hours, 0)),
      last_session: onFile.map((s) => s.date).sort().at(-1) ?? null,
      counted: hoursText(t.counted),
      required: hoursText(t.required),
      met: t.shortfall === 0,
      shortfall: hoursText(t.shortfall),
    };
  });

  const certRequired = certificationsRequired(h, rules);
  const certFacts = certificationFacts(h, asOf, rules);
  const certificates = [
    ...(h.certifications ?? []).map((c) => ({
      holder: c.holder,
      certificate: CERTIFICATE_LABELS[c.type],
      expires: c.expires as string | null,
      status: c.expires >= asOf ? 'Current' : 'Expired',
    })),
    ...certFacts
      .filter((f) => !f.expires)
      .map((f) => ({ holder: f.person, certificate: CERTIFICATE_LABELS[f.item], expires: null, status: 'None on file' })),
  ];

  const inspection = inspectionFact(h, asOf, rules);
  const inspections = inspectionRows(h);

  const data: HomeStudyFacts = {
    ...homeBase(ctx),
    home: homeData(ctx, h, loaded.file),
    license: licenseData(h.license, year),
    study,
    household: household(h, asOf),
    checks: checkRows(h, checkFacts),
    checks_not_current: checksNotCurrent,
    check_rule: `${ruleSetName(rules)}: adults every ${rules.backgroundCheckMonths.value} months (${rules.backgroundCheckMonths.citation})`,
    training,
    training_rule: `${hoursText(rules.annualTrainingHours.value[h.type])} hours a year for a ${HOME_TYPE_LABELS[h.type].toLowerCase()}. Rule: ${rules.annualTrainingHours.citation}`,
    certifications: {
      required: certRequired,
      rule: `${ruleSetName(rules)} (${rules.cprFirstAidRequired.citation})`,
      rows: certificates,
    },
    inspections,
    inspection: {
      met: inspection.met,
      summary: inspectionSummary(inspection),
    },
    references: (h.references ?? []).map((r) => ({
      name: r.name,
      relationship: r.relationship,
      contacted: r.contacted ?? null,
      summary: r.summary ?? null,
    })),
    placed: currentChildren(h.id, records, asOf),
    signers: signers(ctx, h),
  };

  const warnings = study.present ? [] : [`${home.path}: no study.md; the narrative sections and the recommendation print as not recorded`];
  return homeDocumentData(ctx, home, data, warnings);
}

