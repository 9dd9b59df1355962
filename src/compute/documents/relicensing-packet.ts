/**
 * The annual re-licensing packet (domain.md §5.1): one document whose
 * components each start on a new page under a level-1 heading — cover sheet,
 * compliance checklist, training log, background checks, certifications,
 * inspections, household changes, placements, incidents, the re-evaluation
 * narrative and signatures. A requirement not met still builds the packet: its
 * line says NOT MET and the command line gets one warning per line.
 *
 * Every figure comes from the home facts (src/compute/home, rules.md "The foster
 * home") for the license year that governs on the as-of date.
 */
import { addMonths, ageOn, daysBetween } from '../../core/calendar-date.js';
import type { HomeFolder } from '../../model/case-root.js';
import type { PlacedChild } from './root-view.js';
import {
  birthdayAt, caseRecords, complianceLines, homeDueItems, homeFacts, inYear, itemOf, OPEN_STATUSES,
  type CheckFact, type ComplianceLine, type ComplianceStatus, type HomeFacts,
} from '../home/index.js';
import { ADULT_AGE, ADULT_CHECKS, type RuleSet } from '../rule-sets.js';
import { type DocumentContext, type DocumentData } from './context.js';
import type { RelicensingPacketFacts } from './facts/home.js';
import { missingFlags, missingSections, PACKET_REQUIRED, packetReadiness } from './readiness.js';
import { complianceWarning } from './compliance-warning.js';
import { hours, requirementOf } from './compliance-requirement.js';
import { homeBase, homeDocumentData, inspectionData, protectFamily, studyData } from './home-study.js';
import { narratives } from './narrative.js';

type Home = NonNullable<HomeFolder['home']>['data'];
type Facts = RelicensingPacketFacts;

/** A certificate expiring within this many days of the as-of date is flagged on the certifications page. */
const EXPIRY_WARNING_DAYS = 60;

/** The ages at which a household member's birthday changes what the home needs (domain.md §5.1 item 2: 12, 14, 18). */
const WATCHED_AGES = [12, 14, ADULT_AGE];

/** The citations of the rules agency.yaml overrides: a line citing one says so. */
function overriddenCitations(rules: RuleSet): Set<string> {
  return new Set(
    Object.values(rules)
      .filter((r): r is { citation: string; overridden?: boolean } => typeof r === 'object' && r !== null && 'citation' in r)
      .filter((r) => r.overridden)
      .map((r) => r.citation),
  );
}

/** A line of the compliance checklist: what it requires, with the evidence, and whom it concerns. */
function lineOf(line: ComplianceLine) {
  return { requirement: requirementOf(line), person: line.person ?? null };
}

/** Where a line stands, and the date or hours its status cell prints. */
function standingOf(line: ComplianceLine) {
  return {
    status: line.status,
    due: line.due ?? null,
    hours: line.kind === 'training' ? { counted: hours(line.counted), required: hours(line.required), months_left: line.monthsLeft } : null,
  };
}

/** The compliance line about one person's check or certificate. */
function lineFor(lines: readonly ComplianceLine[], person: string, item: string): ComplianceStatus | undefined {
  return lines.find((l) => l.person === person && itemOf(l) === item)?.status;
}

function checklist(lines: readonly ComplianceLine[], rules: RuleSet): Facts['checklist'] {
  const agency = overriddenCitations(rules);
  return lines.map((line, i) => ({ n: i + 1, ...lineOf(line), ...standingOf(line), citation: line.citation, agency_override: agency.has(line.citation) }));
}

function training(h: Home, facts: HomeFacts, asOf: string): Facts['training'] {
  return facts.training.map((t) => {
    const outside = (h.training ?? [])
      .filter((s) => s.attendee.trim() === t.person.trim() && (!inYear(facts.year, s.date) || s.date > asOf))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((s) => ({ date: s.date, title: s.title, hours: hours(s.hours), later: s.date > asOf }));
    return {
      person: t.person,
      role: t.role,
      required: hours(t.required),
      counted: hours(t.counted),
      uncounted: hours(t.uncounted),
      shortfall: hours(t.shortfall),
      status: t.status,
      months_left: t.monthsLeft,
      sessions: t.sessions.map((s) => ({ date: s.date, title: s.title, topic: s.topic, format: s.format, hours: hours(s.hours), counts: s.counts })),
      outside,
    };
  });
}

function statusOf(fact: CheckFact, line: ComplianceStatus | undefined): Facts['checks']['rows'][number]['status'] {
  if (fact.last?.result === 'findings') return 'findings';
  if (line === 'due_before_renewal') return 'due_before_renewal';
  if (fact.met) return 'current';
  return fact.status === 'overdue' ? 'overdue' : 'not_met';
}

function checks(h: Home, facts: HomeFacts, lines: readonly ComplianceLine[]): Facts['checks'] {
  const ages = new Map(h.household.map((m) => [m.name, ageOn(m.dob, facts.asOf)]));
  const rows = facts.checks
    .filter((f) => f.inForce)
    .map((f) => ({
      person: f.person,
      age: ages.get(f.person) ?? null,
      check: f.item,
      last: f.last?.date ?? null,
      result: f.last?.result ?? null,
      pending: f.last ? null : (f.pending ?? null),
      ...(f.basis === 'child_age' && f.met
        ? { due: birthdayAt(h.household.find((m) => m.name === f.person)!.dob, ADULT_AGE), at_eighteen: true }
        : { due: f.basis === 'missing' ? null : f.due, at_eighteen: false }),
      status: statusOf(f, lineFor(lines, f.person, f.item)),
    }));
  const outOfState = facts.outOfState.map((o) => ({ person: o.person, states: [...o.states], date: o.date, result: o.result }));
  // Checks not in force yet: a household child's checks from a later birthday.
  const later = new Map<string, Facts['checks']['upcoming'][number]>();
  for (const f of facts.checks.filter((c) => !c.inForce)) {
    const k = `${f.person} ${f.birthday}`;
    const entry = later.get(k) ?? { person: f.person, birthday: f.birthday!, checks: [] };
    entry.checks.push(f.item);
    later.set(k, entry);
  }
  const upcoming = [...later.values()].sort((a, b) => (a.birthday < b.birthday ? -1 : a.birthday > b.birthday ? 1 : 0));
  return { rows, out_of_state: outOfState, upcoming };
}

function certifications(h: Home, facts: HomeFacts, rules: RuleSet, lines: readonly ComplianceLine[]): Facts['certifications'] {
  const asOf = facts.asOf;
  const required = facts.certifications.map((c) => {
    const days = c.expires ? daysBetween(asOf, c.expires) : undefined;
    const status = !c.expires ? 'none' : !c.current ? 'expired'
      : lineFor(lines, c.person, c.item) === 'due_before_renewal' ? 'due_before_renewal'
        : days !== undefined && days <= EXPIRY_WARNING_DAYS ? 'expiring' : 'current';
    return { holder: c.person, certificate: c.item, expires: c.expires ?? null, required: true, status, days_left: status === 'expiring' ? days! : null } as const;
  });
  const covered = new Set(facts.certifications.filter((c) => c.expires).map((c) => `${c.person}|${c.item}|${c.expires}`));
  const others = (h.certifications ?? [])
    .filter((c) => !covered.has(`${c.holder}|${c.type}|${c.expires}`))
    .map((c) => ({ holder: c.holder, certificate: c.type, expires: c.expires, required: false, status: c.expires >= asOf ? 'current' : 'expired', days_left: null }) as const);
  return { required: facts.certificationsRequired, citation: rules.cprFirstAidRequired.citation, rows: [...required, ...others] };
}

/**
 * Household changes during the license year that casepress can derive from
 * home.yaml: members born during the year, and members whose 12th, 14th or
 * 18th birthday (or a birthday at which the rule set requires a check) falls
 * in it, with what that birthday requires and whether it is met. home.yaml
 * records no move-in dates, so adults or children who joined the household
 * cannot be derived.
 */
function householdChanges(h: Home, facts: HomeFacts, rules: RuleSet): Facts['changes'] {
  const { year, asOf } = facts;
  const ages = [...new Set([...WATCHED_AGES, ...rules.householdChildChecks.value.map((r) => r.age)])].sort((a, b) => a - b);
  const events: Facts['changes'] = [];
  for (const member of h.household) {
    if (inYear(year, member.dob)) {
      events.push({ date: member.dob, person: member.name, change: { kind: 'born' }, requires: { kind: 'roster' }, met: null, checked: [], later: member.dob > asOf });
    }
    for (const age of ages) {
      const birthday = birthdayAt(member.dob, age);
      if (!inYear(year, birthday)) continue;
      const past = birthday <= asOf;
      const needed = facts.checks.filter((f) => f.person === member.name && f.birthday === birthday && (f.basis === 'child_age' || f.basis === 'turned_18'));
      const childRule = rules.householdChildChecks.value.find((r) => r.age === age);
      let requires: Facts['changes'][number]['requires'];
      let met: boolean | null = null;
      if (age === ADULT_AGE) requires = { kind: 'adult_checks', checks: [...ADULT_CHECKS], citation: rules.backgroundCheckMonths.citation };
      else if (childRule) requires = { kind: 'child_checks', checks: [...childRule.checks], citation: rules.householdChildChecks.citation };
      else requires = { kind: 'nothing', age };
      if (needed.length && past) met = needed.every((f) => f.met);
      const dated = needed.flatMap((f) => (f.met && f.last ? [f.last.date] : []));
      if (!needed.length && age === ADULT_AGE && past) {
        // Now an adult: the adult checks' facts say whether they are current.
        const adult = facts.checks.filter((f) => f.person === member.name);
        met = adult.length > 0 && adult.every((f) => f.met);
      }
      events.push({
        date: birthday,
        person: member.name,
        change: { kind: 'birthday', age },
        requires,
        met: age === ADULT_AGE || childRule ? met : null,
        checked: met ? [...new Set(dated)] : [],
        later: birthday > asOf,
      });
    }
  }
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function placements(ctx: DocumentContext, h: Home, facts: HomeFacts, children: readonly PlacedChild[]): Facts['placements'] {
  const records = caseRecords(children);
  const dobs = new Map(records.map((r) => [r.id, r.child.dob]));
  const ages = h.license.ages;
  return facts.placements.map((stay) => {
    const dob = dobs.get(stay.childId)!;
    const age = ageOn(dob, facts.asOf);
    const notes: Facts['placements'][number]['notes'] = stay.interruptions.map((i) => ({ kind: 'interruption', setting: i.setting, start: i.start, end: i.end ?? null }));
    if (stay.end && stay.reasonForLeaving) {
      // Why a child left is staff-written text that may hold a parent's treatment passage.
      const child = children.find((c) => c.id === stay.childId);
      notes.push({ kind: 'left', reason: narratives(ctx.redact, child?.plan?.data).text(stay.reasonForLeaving, `${child?.case?.file ?? stay.childId} placements[].reason_for_change`) });
    }
    if (!stay.end) {
      const eighteen = birthdayAt(dob, ADULT_AGE);
      if (ages && (age < ages.min || age > ages.max)) notes.push({ kind: 'outside_ages', age, min: ages.min, max: ages.max });
      else if (eighteen > facts.asOf && eighteen <= addMonths(facts.year.end, 12)) notes.push({ kind: 'turns_18', date: eighteen });
    }
    return { name: stay.name, case_id: stay.childId, dob, age, start: stay.start, end: stay.end ?? null, setting: stay.setting, notes };
  });
}

/**
 * The re-licensing packet's facts (templates/relicensing-packet.md.hbs) for the
 * license year that governs on `ctx.asOf` (rules.md, "License year").
 */
export function relicensingPacketData(ctx: DocumentContext, home: HomeFolder, children: readonly PlacedChild[]): DocumentData<RelicensingPacketFacts> {
  if (!home.home) throw new Error(`${home.path}: no home.yaml, so there is no license to renew`);
  const loaded = home.home;
  const h = loaded.data;
  const { asOf, rules } = ctx;
  if (ctx.redact.audience !== 'internal') protectFamily(ctx, h.id);
  const facts = homeFacts(h, caseRecords(children), asOf, rules);
  const lines = complianceLines(facts, rules);
  const notMet = lines.filter((l) => l.status === 'not_met');
  const open = lines.filter((l) => OPEN_STATUSES.has(l.status));

  const missing = packetReadiness({ studyFile: home.study?.file ?? `${home.path}/study.md`, study: home.study?.data ?? null, year: facts.year });

  const data: RelicensingPacketFacts = {
    ...homeBase(ctx, h, loaded.file, facts.year),
    readiness: { ready: missing.length === 0, missing: missingSections(missing), not_provided: missingFlags(PACKET_REQUIRED, missing) },
    inspection: inspectionData(facts.inspection),
    study: studyData(ctx, home.study),
    agency_rules: [...overriddenCitations(rules)],
    summary: {
      total: lines.length,
      met: lines.filter((l) => l.status === 'met').length,
      on_pace: lines.filter((l) => l.status === 'on_pace').length,
      open: open.length,
      not_met: notMet.length,
      compliant: notMet.length === 0,
    },
    not_met: notMet.map(lineOf),
    open: open.map((line) => ({ ...lineOf(line), ...standingOf(line) })),
    checklist: checklist(lines, rules),
    training: training(h, facts, asOf),
    training_rule: {
      hours: hours(rules.annualTrainingHours.value[h.type]),
      citation: rules.annualTrainingHours.citation,
      uncounted_topics: [...rules.uncountedTopics.value],
    },
    checks: checks(h, facts, lines),
    check_rule: {
      months: rules.backgroundCheckMonths.value,
      citation: rules.backgroundCheckMonths.citation,
      children: rules.householdChildChecks.value.map((r) => ({ age: r.age, checks: [...r.checks] })),
      children_citation: rules.householdChildChecks.citation,
    },
    certifications: certifications(h, facts, rules, lines),
    changes: householdChanges(h, facts, rules),
    placements: placements(ctx, h, facts, children),
    capacity: {
      placed: facts.capacity.placed.length,
      licensed: facts.capacity.licensed,
      within: facts.capacity.withinLicense && facts.capacity.withinRule,
      names: facts.capacity.placed.map((p) => p.name),
    },
    // The incident type is the caseworker's own word in home.yaml (free text, often snake_case);
    // a runaway from the home that no incident records is one too (issue 11).
    incidents: [
      ...facts.incidents.map((i) => ({ kind: 'recorded' as const, date: i.date, type: i.type, summary: i.summary, resolved: i.resolved ?? null })),
      ...facts.runaways.map((r) => ({ kind: 'runaway' as const, date: r.date, child: r.name, returned: r.returned ?? null })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
  };

  return {
    ...homeDocumentData(ctx, home, data, notMet.map(complianceWarning)),
    due: homeDueItems(home, children, asOf, rules),
    missing,
  };
}
