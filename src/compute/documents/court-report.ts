/**
 * The court report's data (domain.md §2.3): one child, one hearing, one
 * audience. Every figure comes from case data or from a clock in compute/case;
 * what the audience may not read is replaced by the redactor's marker and
 * recorded, so the manifest and the build's final text scan know about it.
 *
 * The template (templates/court-report.md.hbs) reads the facts
 * facts/court-report.ts types: codes (labels.yaml words them), dates as
 * YYYY-MM-DD, counts as numbers, names and staff-written text as this copy may
 * print them; an optional value is null so the template prints *not recorded*.
 */
import { addMonths, ageOn, compareDates, daysBetween } from '../../core/calendar-date.js';
import type { Hearing, Placement } from '../../model/case.js';
import type { CourtSection } from '../../model/notes.js';
import type { Plan } from '../../model/plan.js';
import type { ChildFolder } from '../../model/case-root.js';
import { canSee, parentClass, type Audience, type Protected, type WithheldValue } from '../audience.js';
import {
  caseDueItems,
  placementClockItems,
  reasonableEffortsItem,
  standingOrderItems,
  wellbeingItems,
  youthDueItems,
  cansSummary,
  courtCalendar,
  currentPlacement,
  daysInCare,
  familyTime,
  fifteenOfTwentyTwo,
  isFaceToFace,
  monthsInCare,
  periodicReviewDue,
  permanencyHearingDue,
  placementMoves,
  transitionPlanStatus,
  visitCompliance,
  YOUTH_PLANNING_AGE,
  type CancelledBy,
  type CansChange,
  type CourtDate,
  type FamilyTime,
  type HearingDue,
  type Rating,
} from '../case/index.js';
import { codeWords, type DueItem } from '../due-item.js';
import { childLocation, educationData, familiesOf, kinHomes, placementHomes, placementWhere, readerOf, recordFosterFamilies, type DocumentContext, type DocumentData, type PlacementWhere } from './context.js';
import { EXIT_DOCUMENTS } from './facts/transition-plan.js';
import { SERVED_OTHERS, THERAPY_TYPES, type CourtReportFacts, type Month, type Who } from './facts/court-report.js';
import { ROLES, recognizedRole } from '../../model/primitives.js';
import { narratives } from './narrative.js';
import { COURT_REQUIRED, courtReportReadiness, missingFlags, missingSections, WISHES_FROM_AGE } from './readiness.js';
import { allowedNames, fosterHomeOf, goalTreatmentClass } from './people.js';
import { childCalled } from './child-called.js';
import { shownAddress } from './address.js';
import type { PostalAddress } from './facts/common.js';
import { scrubWithheld } from './scrub.js';
import { staffMember } from './staff.js';

// ---------------------------------------------------------------------------
// Codes for the template

/** In a parent's copy, what is withheld about parents is the other parent's. */
const OF_THE_OTHER_PARENT: Partial<Readonly<Record<Protected, 'other_parent_contact' | 'other_parent_treatment'>>> = {
  parent_contact: 'other_parent_contact',
  parent_treatment: 'other_parent_treatment',
};

/** A therapy type labels.yaml names (`therapy_type`), or the data's own code for another (the template humanizes it). */
function therapyType(type: string): { type: (typeof THERAPY_TYPES)[number] | null; type_other: string | null } {
  const known = THERAPY_TYPES.find((t) => t === type);
  return known ? { type: known, type_other: null } : { type: null, type_other: type };
}

/** A rate (0..1) as a whole percentage, which the template prints with its sign. */
const percent = (rate: number | undefined): number | null => (rate === undefined ? null : Math.round(rate * 100));
/** "2026-10" as the year and the month's code (labels.yaml `month` names it). */
const monthOf = (month: string) => ({ year: Number(month.slice(0, 4)), month: month.slice(5, 7) as Month });
const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

// ---------------------------------------------------------------------------
// Narrative notes

/** A court note's body in parts: block quotes (a letter, the child's words) and the text around them. */
export interface NarrativePart {
  readonly quote: boolean;
  readonly text: string;
}

/**
 * Each line of a court note's body: in a block quote (its `>` marker taken
 * off) or not; code fences are followed, so a `>` inside one is no quote.
 * `validate` reads the lines the same way (build/narrative-check.ts).
 */
export function noteLines(body: string): Array<{ readonly quote: boolean; readonly text: string; readonly blank: boolean }> {
  let fence = false;
  return body.replace(/\r\n?/g, '\n').split('\n').map((line) => {
    if (/^ {0,3}(```|~~~)/.test(line)) fence = !fence;
    const quote = !fence && /^ {0,3}>/.test(line);
    return { quote, text: quote ? line.replace(/^ {0,3}> ?/, '') : line, blank: line.trim() === '' };
  });
}

/**
 * The document tree holds no block quotes, so a quoted passage in a court
 * note (the child's letter) is handed to the template as its own part, which
 * the template sets in a boxed note; the words are the note's, unchanged.
 */
export function narrativeParts(body: string): NarrativePart[] {
  const parts: { quote: boolean; lines: string[] }[] = [];
  for (const { quote, text, blank } of noteLines(body)) {
    const last = parts.at(-1);
    if (last && last.quote === quote) last.lines.push(text);
    else if (quote || !blank || last) parts.push({ quote, lines: [text] });
  }
  return parts
    .map((p) => ({ quote: p.quote, text: p.lines.join('\n').trim() }))
    .filter((p) => p.text !== '');
}

// ---------------------------------------------------------------------------
// The builder

/**
 * domain.md §2.3: the court report for `child` at the hearing of `hearingDate`,
 * as of `ctx.asOf`, for `ctx.redact.audience`. Pure.
 */
export function courtReportData(ctx: DocumentContext, child: ChildFolder, hearingDate: string): DocumentData<CourtReportFacts> {
  const caseFile = child.case;
  if (!caseFile) throw new Error(`${child.path}: no case.yaml, so there is no court report to write`);
  const record = caseFile.data;
  const { asOf, agency, rules, redact } = ctx;
  const audience = redact.audience;
  const warnings: string[] = [];
  const plan = child.plan?.data;

  // Foster family names anywhere in this copy: recorded for the final scan, and
  // printed as the role and home id where structured data names them.
  const kin = kinHomes(record, ctx);
  recordFosterFamilies(ctx, allowedNames(record, agency, []), kin, placementHomes(record));
  const location = childLocation(ctx, record, caseFile.file);
  /** A person named in structured data, as this audience may read the name (a relative caregiver by name). */
  const person = (name: string): Who => {
    const home = fosterHomeOf(name, ctx)?.data.id;
    if (!home || kin.has(home) || canSee(audience, 'foster_family_identity')) return { role: null, name, foster_home: null };
    redact.record('foster_family_identity', `homes/${home}/home.yaml household (name)`, name);
    return { role: null, name: null, foster_home: home };
  };
  /** Who took part in a visit or contact: a role (case-format.md, Conventions), or a person by name. */
  const participant = (who: string): Who => {
    const role = ROLES.find((r) => r === who);
    return role ? { role, name: null, foster_home: null } : person(who);
  };
  // Staff-written text, with the treatment passages this audience may not read withheld.
  const narrative = narratives(redact, plan, redact.reader === undefined ? undefined : record.parents[redact.reader]?.role);
  const hearingField = (h: Hearing, key: string) => `${caseFile.file} court.hearings[${record.court.hearings.indexOf(h)}].${key}`;
  const outcomeOf = (h: Hearing | undefined) => (h ? narrative.optional(h.outcome, hearingField(h, 'outcome')) : null);

  // --- caption and hearing
  const calendar = courtCalendar(record.court.hearings, asOf);
  const thisHearing = calendar.dates.find((d) => d.date === hearingDate && d.status !== 'continued');
  if (!thisHearing) warnings.push(`${caseFile.file}: no hearing is recorded on ${hearingDate}; the report names no hearing type`);
  const heldBefore = calendar.held.filter((d) => d.date < hearingDate);
  const lastHearing = heldBefore.at(-1);
  const periodFrom = lastHearing?.date ?? record.removal.date;
  const periodTo = hearingDate < asOf ? hearingDate : asOf;
  const caseworker = staffMember(agency, record.caseworker);
  const supervisor = staffMember(agency, record.supervisor);
  if (!caseworker) warnings.push(`${caseFile.file}: caseworker "${record.caseworker}" is not on the agency's staff list`);
  if (!supervisor) warnings.push(`${caseFile.file}: supervisor "${record.supervisor}" is not on the agency's staff list`);

  // --- the child
  const ageAtHearing = ageOn(record.child.dob, hearingDate);

  // --- key dates and the clocks
  const due = caseDueItems(child, asOf, rules);
  const defc = fifteenOfTwentyTwo(record, asOf);
  const months = monthsInCare(record.removal, asOf);
  const days = daysInCare(record, asOf);
  const permanencyDue = permanencyHearingDue(record, asOf, rules);
  const reviewDue = periodicReviewDue(record, asOf, rules);
  const firstHeld = (type: Hearing['type']) => calendar.held.find((d) => d.type === type && d.date >= record.removal.date)?.date ?? null;
  const adjudication = record.removal.adjudication_date ?? null;
  const defcFromAdjudication = adjudication !== null && adjudication === defc.enteredCare;
  const clock = (c: HearingDue, kind: DueItem['kind']) => {
    const item = due.find((d) => d.kind === kind);
    return {
      due: c.due,
      months: c.months,
      basis: c.basis.from,
      basis_hearing: c.basis.from === 'hearing' ? c.basis.type : null,
      basis_date: c.basis.date,
      scheduled_date: c.satisfiedBy?.date ?? c.nextScheduled?.date ?? null,
      scheduled_type: (c.satisfiedBy ?? c.nextScheduled)?.type ?? null,
      satisfied: c.satisfiedBy !== undefined,
      overdue: item?.status === 'overdue',
      // A hearing clock's rule is always its rule set's citation.
      rule: typeof item?.rule === 'string' ? item.rule : null,
    };
  };

  const tpr = {
    entered_care: defc.enteredCare,
    reached: orNull(defc.reached),
    projected: orNull(defc.projected),
    never: defc.date === undefined,
    satisfied: defc.satisfied,
    open: defc.reached !== undefined && !defc.satisfied,
    days_in_window: defc.asOfCount.inCare,
    days_required: defc.asOfCount.required,
    excluded_thv: defc.excluded.trial_home_visit,
    excluded_runaway: defc.excluded.runaway,
    any_excluded: defc.excluded.trial_home_visit + defc.excluded.runaway > 0,
    prior_episodes_counted: defc.priorEpisodesCounted,
    petitions: defc.petitions.map((p) => ({ parent: p.parent, role: p.role, date: p.date })),
    exception: defc.exception
      ? { type: defc.exception.type, documented: defc.exception.documented, reason: narrative.text(defc.exception.reason, `${caseFile.file} permanency.tpr_exception.reason`) }
      : null,
    rule: '42 U.S.C. 675(5)(E)',
  };
  if (tpr.open) warnings.push(`${record.id}: 15 of the most recent 22 months in care reached on ${defc.reached} with no TPR petition and no exception documented`);

  const legal = {
    removal_date: record.removal.date,
    removal_manner: record.removal.manner,
    adjudication_date: adjudication,
    disposition_date: firstHeld('disposition'),
    entered_care: defc.enteredCare,
    entered_care_from_adjudication: defcFromAdjudication,
    months_in_care: months.months,
    days_over_months: months.days,
    days_in_care: days.total,
    days_current_episode: days.currentEpisode,
    days_prior_episodes: days.priorEpisodes,
    permanency_hearing: clock(permanencyDue, 'permanency_hearing'),
    periodic_review: clock(reviewDue, 'periodic_review'),
  };

  const priorEpisodes = (record.removal.prior_episodes ?? []).map((e) => ({
    removal_date: e.removal_date,
    entered_care: orNull(e.entered_care),
    discharge_date: e.discharge_date,
    discharge_reason: e.discharge_reason,
  }));

  const hearings = calendar.dates.map((d: CourtDate) => ({
    date: d.date,
    type: d.type,
    title: d.title ?? null,
    status: d.date === hearingDate && d.status === 'scheduled' ? ('this_hearing' as const) : d.status,
    pending: d.status === 'scheduled',
    outcome: d.status !== 'continued' && d.continuedFrom ? null : outcomeOf(d.hearing),
    continued_to: d.status === 'continued' ? (d.hearing?.next_date ?? null) : null,
    continued_from: d.status !== 'continued' ? (d.continuedFrom ?? null) : null,
  }));
  const findings = calendar.held.flatMap((d) =>
    (d.hearing?.findings ?? []).map((f) => ({ date: d.date, finding: f.type, made: f.made })),
  );
  const last = lastHearing
    ? { date: lastHearing.date, type: lastHearing.type, title: lastHearing.title ?? null, outcome: outcomeOf(lastHearing.hearing), orders: (lastHearing.hearing?.orders ?? []).map((o, i) => narrative.text(o, hearingField(lastHearing.hearing!, `orders[${i}]`))) }
    : null;

  // --- placements
  const placements = [...record.placements].sort((a, b) => compareDates(a.start, b.start));
  const current = currentPlacement(placements, asOf);
  const moves = placementMoves(record, asOf);
  const where = (p: Placement): PlacementWhere => placementWhere(p, record.placements.indexOf(p), ctx, location);
  const placementRows = placements.map((p, i) => ({
    n: i + 1,
    start: p.start,
    end: orNull(p.end),
    setting: p.setting,
    where: where(p),
    reason: narrative.optional(p.reason_for_change, `${caseFile.file} placements[${record.placements.indexOf(p)}].reason_for_change`),
    current: p === current,
    prior_episode: p.start < record.removal.date,
  }));
  const currentRow = current
    ? {
        setting: current.setting,
        where: where(current),
        since: current.start,
        days: daysBetween(current.start, asOf),
        counts_as_care: current.setting !== 'trial_home_visit' && current.setting !== 'runaway',
        trial_home_visit: current.setting === 'trial_home_visit',
        // domain.md §1.5 (45 CFR 1356.21(e); KY SOP C7-30): longer than 6 months only by court order.
        trial_home_visit_six_months: current.setting === 'trial_home_visit' ? addMonths(current.start, 6) : null,
      }
    : null;

  // --- services (plan goals) and the 42 CFR Part 2 rule
  const goals = plan?.goals ?? [];
  const goalFile = child.plan?.file ?? `${child.path}/plan.yaml`;
  const treatmentClass = (g: Plan['goals'][number]) => goalTreatmentClass(record, redact, g.for);
  const hiddenTreatment = (g: Plan['goals'][number]): boolean => {
    const kind = treatmentClass(g);
    return kind !== undefined && !canSee(audience, kind);
  };
  /** A parent's treatment goal (substance use, mental health): withheld whole from an audience that may not read that parent's treatment. */
  const parentTreatment = (g: Plan['goals'][number]) => (g.area === 'substance_use' || g.area === 'mental_health') && hiddenTreatment(g);
  const serviceRows = (goalIndex: number) =>
    (goals[goalIndex]?.services ?? []).map((s, j) => {
      const field = `${goalFile} goals[${goalIndex}].services[${j}]`;
      const kind: Protected | undefined =
        s.substance_use_treatment === true && s.consent_on_file !== true && !canSee(audience, 'treatment_without_consent')
          ? 'treatment_without_consent'
          : parentTreatment(goals[goalIndex]!) || (s.substance_use_treatment === true && hiddenTreatment(goals[goalIndex]!))
            ? treatmentClass(goals[goalIndex]!)
            : undefined;
      if (kind) {
        // 42 CFR Part 2 (or the audience's rule): neither provider nor service, nor whether it is going on.
        const provider = redact.show(kind, `${field}.provider`, s.provider);
        const type = redact.show(kind, `${field}.type`, s.type);
        return { withheld: true, part2: kind === 'treatment_without_consent', provider: { role: null, name: provider, foster_home: null }, type, frequency: null, start: null, end: null, status: null };
      }
      return {
        withheld: false,
        part2: false,
        provider: person(s.provider),
        type: s.type,
        frequency: orNull(s.frequency),
        start: orNull(s.start),
        end: orNull(s.end),
        status: s.status,
      };
    });
  const goalBlock = (i: number) => {
    const g = goals[i]!;
    const hidden = parentTreatment(g);
    const field = `${goalFile} goals[${i}]`;
    const objectives = g.objectives.map((o, j) => ({
      statement: hidden ? redact.show(treatmentClass(g)!, `${field}.objectives[${j}].statement`, o.statement) : o.statement,
      target_date: orNull(o.target_date),
      status: o.status,
    }));
    const services = serviceRows(i);
    const consentedTreatment = !hidden && (g.services ?? []).some((s) => s.substance_use_treatment === true && s.consent_on_file === true);
    return {
      id: g.id,
      for: g.for,
      area: g.area,
      statement: hidden ? redact.show(treatmentClass(g)!, `${field}.statement`, g.statement) : g.statement,
      objectives,
      objectives_met: g.objectives.filter((o) => o.status === 'met').length,
      objectives_total: g.objectives.length,
      services,
      services_withheld: services.some((s) => s.part2),
      goal_withheld: hidden,
      services_part2: consentedTreatment,
    };
  };
  const goalsFor = (...who: Plan['goals'][number]['for'][]) => goals.flatMap((g, i) => (who.includes(g.for) ? [goalBlock(i)] : []));
  const planGoals = goals.map((_, i) => goalBlock(i));

  // --- parents
  const visits = child.visits.map((v) => v.data);
  const period = { from: periodFrom, to: periodTo };
  const usedVisits = child.visits.filter((v) => v.data.date >= period.from && v.data.date <= period.to);
  const timeSummary = (ft: FamilyTime) => ({
    visits: ft.visits.length,
    offered: ft.offered,
    attended: ft.attended,
    late: ft.late,
    missed: ft.missed,
    rate_percent: percent(ft.rate),
    level: ft.visits.at(-1)?.level ?? null,
    last_visit: ft.visits.filter((v) => v.attended === 'yes' || v.attended === 'late').at(-1)?.date ?? null,
    cancellations: Object.entries(ft.cancellations).map(([by, count]) => ({ by: by as CancelledBy, count: count! })),
    any_cancelled: Object.keys(ft.cancellations).length > 0,
  });

  const parents = record.parents.map((p, i) => {
    const field = `${caseFile.file} parents[${i}]`;
    const secret = p.confidential === true || p.address?.confidential === true;
    // A confidential address is the court's to keep; otherwise a parent's copy shows that parent their own.
    const contact: Protected = secret ? 'confidential_address' : parentClass(redact, i, 'parent_contact');
    let address: PostalAddress | null = null;
    if (p.address) {
      address = shownAddress(redact, contact, `${field}.address`, p.address);
      redact.record(contact, `${field}.address.street`, p.address.street);
    }
    if (p.phone) redact.record(contact, `${field}.phone`, p.phone);
    const mine = visits.filter((v) => v.participants.includes(p.role) || v.participants.includes(p.name));
    const goalRole: Plan['goals'][number]['for'] | undefined = p.role === 'mother' ? 'mother' : p.role === 'father' || p.role === 'putative_father' ? 'father' : undefined;
    return {
      name: p.name,
      role: p.role,
      rights: p.rights,
      address,
      address_withheld: secret && address !== null && !canSee(audience, 'confidential_address'),
      attorney: p.attorney ? p.attorney.name : null,
      language: orNull(p.language),
      interpreter: p.interpreter === true,
      incarcerated: p.incarcerated === true,
      tpr_petition: orNull(p.tpr?.petition_filed),
      tpr_granted: orNull(p.tpr?.granted),
      goals: goalRole ? goalsFor(goalRole) : [],
      family_time: timeSummary(familyTime(mine, period)),
    };
  });

  // --- family time: every visit in the period
  const visitsInOrder = [...usedVisits].sort((a, b) => compareDates(a.data.date, b.data.date));
  const visitRows = visitsInOrder.map(({ data: v }) => ({
    date: v.date,
    with: v.participants.map(participant),
    level: v.level,
    minutes: v.scheduled_minutes ?? null,
    attended: v.attended,
    cancelled_by: v.attended === 'cancelled' ? (v.cancelled_by ?? ('unknown' as const)) : null,
  }));
  const siblingTime = timeSummary(familyTime(visits, period, 'sibling'));
  const allTime = familyTime(visits, period);

  // --- siblings
  const siblings = (record.siblings ?? []).map((s, i) => ({
    name: s.name,
    dob: orNull(s.dob),
    age: s.dob && s.dob <= hearingDate ? ageOn(s.dob, hearingDate) : null,
    placed_together: s.placed_together,
    placement: s.placement ? redact.show('other_children_placement', `${caseFile.file} siblings[${i}].placement`, s.placement) : null,
    contact: orNull(s.contact),
  }));

  // --- well-being
  const h = record.health;
  const health = h
    ? {
        last_physical: orNull(h.last_physical),
        last_dental: orNull(h.last_dental),
        last_vision: orNull(h.last_vision),
        immunizations_current: h.immunizations_current,
        diagnoses: [...(h.diagnoses ?? [])],
        medications: (h.medications ?? []).map((m) => ({
          name: m.name,
          dose: m.dose,
          prescriber: m.prescriber,
          psychotropic: m.psychotropic,
          consent_date: orNull(m.consent_date),
          consent_missing: m.psychotropic && m.consent_date == null,
        })),
        therapy: h.therapy ? { provider: person(h.therapy.provider), ...therapyType(h.therapy.type), frequency: h.therapy.frequency } : null,
      }
    : null;
  const education = educationData(record, location, narrative, caseFile.file);

  const cans = cansSummary(child.assessments.map((a) => a.data));
  const cansFile = child.assessments.find((a) => a.data === cans.latest)?.file;
  const ratingRow = (r: Rating) => ({ domain: r.domain, item: r.item, rating: String(r.rating) });
  const changeRow = (c: CansChange) => ({
    domain: c.domain,
    item: c.item,
    previous: c.previous === undefined ? null : String(c.previous),
    latest: c.latest === undefined ? null : String(c.latest),
    change: c.change,
  });
  const cansData = cans.latest
    ? {
        date: cans.latest.date,
        version: orNull(cans.latest.version),
        reason: cans.latest.reason,
        previous_date: cans.previous?.date ?? null,
        needs: cans.needs.map(ratingRow),
        strengths: cans.strengths.map(ratingRow),
        changes: cans.changes.map(changeRow),
        improved: cans.changes.filter((c) => c.change === 'improved').length,
        worsened: cans.changes.filter((c) => c.change === 'worsened').length,
        notes: narrative.optional(cans.latest.notes, `${cansFile} notes`),
      }
    : null;

  // --- older youth
  let olderYouth = null;
  if (ageAtHearing >= YOUTH_PLANNING_AGE) {
    const transition = child.transition?.data;
    const status = transitionPlanStatus(record.child.dob, transition, asOf);
    const item = due.find((d) => d.kind === 'transition_plan');
    olderYouth = {
      age: ageAtHearing,
      eighteenth_birthday: status.eighteenthBirthday,
      plan_due: status.due,
      plan_date: orNull(status.planDate),
      plan_met: status.met,
      plan_overdue: item?.status === 'overdue',
      youth_participated: plan ? plan.youth_participated === true : null,
      plan_date_of_service_plan: plan?.plan_date ?? null,
      expected_exit: transition?.expected_exit ?? null,
      extended_care_eligible: transition?.extended_care ? transition.extended_care.eligible : null,
      extended_care_elected: transition?.extended_care?.elected ?? null,
      documents: transition
        ? EXIT_DOCUMENTS.map((key) => ({ key, obtained: transition.documents[key] === 'obtained', status: transition.documents[key] ?? null }))
        : [],
      has_transition: transition !== undefined,
    };
  }

  // --- ICWA
  const icwa = record.child.icwa;
  const icwaFindings = findings.filter((f) => f.finding === 'icwa_active_efforts');
  const icwaData = {
    inquiry_dates: [...icwa.inquiry_dates],
    inquired: icwa.inquiry_dates.length > 0,
    reason_to_know: icwa.reason_to_know,
    tribes: (icwa.tribes ?? []).map((t) => ({
      name: t.name,
      notice_sent: orNull(t.notice_sent),
      method: orNull(t.method),
      response: orNull(t.response),
      status: t.status,
      pending: t.status === 'pending',
    })),
    active_efforts_findings: icwaFindings.map((f) => f.date),
  };

  // --- narratives written for this hearing
  const notes = child.courtNotes.filter((n) => n.data.hearing === hearingDate).sort((a, b) => (a.file < b.file ? -1 : 1));
  /** The files of the note blocks under each key of the data, in order (for the scrub's warnings). */
  const noteFiles = new Map<string, string[]>();
  const noteBlocks = (key: string, section: CourtSection) => {
    const used = notes.filter((n) => n.data.section === section).map((n) => ({ file: n.file, title: orNull(n.data.title), parts: narrativeParts(narrative.note(n.body, n.file, n.data.treatment)) })).filter((n) => n.parts.length > 0);
    noteFiles.set(key, used.map((n) => n.file));
    return used.map(({ title, parts }) => ({ title, parts }));
  };

  // --- filing readiness: what this report must say before it is filed
  const missing = courtReportReadiness(child, hearingDate, asOf);
  const qrtpFacts = current?.qrtp ? { start: current.start, assessment: current.qrtp.assessment ?? null, court_approval: current.qrtp.court_approval ?? null } : null;

  // --- caseworker contacts
  const compliance = visitCompliance(child.contacts.map((c) => c.data), period, record.removal.date, asOf);
  const usedContacts = child.contacts.filter((c) => c.data.date >= period.from && c.data.date <= period.to).sort((a, b) => compareDates(a.data.date, b.data.date));
  const contacts = {
    months: compliance.months.map((m) => ({
      ...monthOf(m.month),
      full: m.full,
      met: m.met,
      visits: m.visits.map((v) => v.date),
      in_residence: m.visits.filter((v) => v.location === 'residence').length,
    })),
    full_months: compliance.fullMonths,
    months_met: compliance.monthsMet,
    rate_percent: percent(compliance.rate),
    in_person: compliance.inPersonVisits,
    in_residence: compliance.inResidence,
    residence_percent: percent(compliance.residenceShare),
    residence_majority: compliance.residenceShare !== undefined && compliance.residenceShare > 0.5,
    seen_privately: compliance.seenPrivately,
    all_met: compliance.fullMonths > 0 && compliance.monthsMet === compliance.fullMonths,
    missed_months: compliance.months.filter((m) => m.full && !m.met).map((m) => monthOf(m.month)),
    list: usedContacts.map(({ data: c }) => ({
      date: c.date,
      type: c.type,
      location: c.location,
      child_seen: c.child_seen,
      privately: c.seen_privately === true,
      face_to_face: isFaceToFace(c),
      with: c.with.map(participant),
    })),
  };
  if (contacts.missed_months.length) warnings.push(`${record.id}: no face-to-face caseworker visit in ${contacts.missed_months.map((m) => `${m.year}-${m.month}`).join(', ')}`);

  // --- certificate of service: the parties and those the court hears
  const served: CourtReportFacts['served'] = [];
  record.parents.forEach((p) => {
    if (p.rights === 'deceased') return;
    served.push({ kind: 'parent', name: p.name, role: p.role });
    if (p.attorney) served.push({ kind: 'counsel', name: p.attorney.name, role: p.role });
  });
  for (const o of record.others ?? []) {
    // A person's role is free text ("Guardian ad litem", "CASA volunteer"): the common words are recognized.
    const role = recognizedRole(o.role);
    const as = SERVED_OTHERS.find((r) => r === role);
    if (as) served.push({ kind: 'other', name: o.name, as });
  }

  // --- notices
  // What the Court is told is overdue: the case's clocks, the child's exams and CANS, what the Court ordered,
  // a youth's credit report and survey, the QRTP, trial-home-visit and finding clocks (15 of 22 has its own
  // notice; the report's own filing date and the hearing notices are the agency's business, in `due`).
  const overdue = [...due, ...wellbeingItems(child, asOf, rules), ...standingOrderItems(child, asOf), ...youthDueItems(record, asOf), ...placementClockItems(record, asOf), reasonableEffortsItem(record, asOf)]
    .filter((d) => d.status === 'overdue' && d.kind !== 'tpr_15_of_22')
    .sort((a, b) => compareDates(a.due, b.due));
  for (const d of overdue) warnings.push(`${record.id}: ${codeWords(d.kind)} overdue since ${d.due}`);
  const immunizationsBehind = h ? !h.immunizations_current : false;
  const psychotropicWithoutConsent = (health?.medications ?? []).filter((m) => m.consent_missing).map((m) => m.name);

  const data: CourtReportFacts = {
    audience,
    reader: readerOf(ctx, record),
    as_of: asOf,
    agency: { name: agency.name, state: agency.state },
    jurisdiction: agency.state === 'generic' ? null : agency.state,
    case_id: record.id,
    hearing: {
      date: hearingDate,
      type: thisHearing?.type ?? null,
      title: thisHearing?.title ?? null,
      continued_from: thisHearing?.continuedFrom ?? null,
    },
    court: { name: record.court.name, county: record.court.county, docket: record.court.docket, judge: orNull(record.court.judge) },
    child: {
      name: record.child.name,
      preferred_name: orNull(record.child.preferred_name),
      called: childCalled(record.child),
      dob: record.child.dob,
      age: ageAtHearing,
      sex: record.child.sex,
      languages: record.child.languages?.length ? [...record.child.languages] : null,
    },
    caseworker: caseworker ? { name: caseworker.name, title: caseworker.title, phone: orNull(caseworker.phone), email: orNull(caseworker.email) } : null,
    supervisor: supervisor ? { name: supervisor.name, title: supervisor.title } : null,
    period: { from: periodFrom, to: periodTo, since_hearing: lastHearing !== undefined },
    legal,
    tpr,
    prior_episodes: priorEpisodes,
    hearings,
    findings,
    last_hearing: last,
    removal: { reasons: [...record.removal.reasons], outcome_adjudication: outcomeOf(calendar.held.find((d) => d.type === 'adjudication')?.hearing) },
    placements: placementRows,
    current_placement: currentRow,
    placement_history: { settings: moves.settings, moves: moves.moves, segments: [...moves.segments] },
    permanency: {
      goal: record.permanency.goal,
      concurrent_goal: record.permanency.concurrent_goal ?? null,
      established: record.permanency.goal_established,
      target_date: orNull(record.permanency.target_date),
      appla: record.permanency.goal === 'appla',
      appla_findings: findings.filter((f) => f.finding === 'appla_compelling_reasons' && f.made).map((f) => f.date),
      re_findings: findings.filter((f) => f.finding === 'reasonable_efforts_finalize_plan').map((f) => ({ date: f.date, made: f.made })),
    },
    plan: plan ? { date: plan.plan_date, review_date: plan.review_date, type: plan.plan_type } : null,
    plan_goals: planGoals,
    child_goals: goalsFor('child'),
    family_goals: goalsFor('family', 'agency', 'foster_parent'),
    parents,
    family_time: {
      visits: visitRows,
      total: allTime.visits.length,
      offered: allTime.offered,
      attended: allTime.attended,
      rate_percent: percent(allTime.rate),
      siblings: siblingTime,
    },
    siblings,
    health,
    education,
    cans: cansData,
    older_youth: olderYouth,
    icwa: icwaData,
    child_wishes: noteBlocks('child_wishes', 'child_wishes'),
    assessment: noteBlocks('assessment', 'assessment'),
    recommendations: noteBlocks('recommendations', 'recommendations'),
    other_notes: noteBlocks('other_notes', 'other'),
    safety: noteBlocks('safety', 'safety'),
    orders_status: noteBlocks('orders_status', 'orders'),
    appla_efforts: noteBlocks('appla_efforts', 'appla_efforts'),
    youth_consultation: noteBlocks('youth_consultation', 'youth_consultation'),
    qrtp: qrtpFacts,
    readiness: { ready: missing.length === 0, missing: missingSections(missing), not_provided: missingFlags(COURT_REQUIRED, missing), wishes_by_age: ageAtHearing < WISHES_FROM_AGE },
    contacts,
    // Who signs: a staff id agency.yaml does not list signs as itself, with no title.
    signers: {
      caseworker: { name: caseworker?.name ?? record.caseworker, title: caseworker?.title ?? null },
      supervisor: { name: supervisor?.name ?? record.supervisor, title: supervisor?.title ?? null },
    },
    served,
    notices: {
      overdue: overdue.map((d) => ({ what: d.kind, due: d.due, detail: d.detail })),
      immunizations_behind: immunizationsBehind,
      psychotropic_without_consent: psychotropicWithoutConsent,
      no_hearing: thisHearing === undefined,
      withheld: [],
    },
  };

  // Staff-written text (court notes, contacts, visits, the plan, case.yaml's free text) is scrubbed like every document's.
  const sourceOf = (path: string): string => {
    const [, key, index] = /^([a-z_]+(?:\.[a-z_]+)?)\[(\d+)\]/.exec(path) ?? [];
    const i = Number(index);
    if (key && noteFiles.has(key)) return noteFiles.get(key)![i] ?? caseFile.file;
    if (key === 'contacts.list') return usedContacts[i]?.file ?? caseFile.file;
    if (key === 'family_time.visits') return visitsInOrder[i]?.file ?? caseFile.file;
    if (/^(plan|plan_goals|child_goals|family_goals)\b|^parents\[\d+\]\.goals\b/.test(path)) return goalFile;
    if (/^cans\b/.test(path) && cansFile) return cansFile;
    return caseFile.file;
  };
  const scrubbed = scrubWithheld(data, ctx, sourceOf, warnings);
  // The notice is written last, from what this copy withheld: a guard counts once the scrub found it in
  // the text. So it names nothing the copy prints, and leaves out nothing the copy withheld.
  const withheld = withheldKinds(redact.withheld, audience);
  return { data: { ...scrubbed, notices: { ...scrubbed.notices, withheld } }, withheld: redact.withheld, ...familiesOf(redact), warnings, due, missing };
}

/** What a copy withheld, by kind, as its notice names it (a guard only once a scrub found it: `caught`); in a parent's copy, the other parent's. */
export function withheldKinds(withheld: readonly WithheldValue[], audience: Audience): CourtReportFacts['notices']['withheld'] {
  return [...new Set(withheld.filter((w) => !w.guard).map((w) => w.kind))].map((k) => (audience === 'parent' ? OF_THE_OTHER_PARENT[k] : undefined) ?? k);
}
