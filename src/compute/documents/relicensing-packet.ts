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
import { addMonths, ageOn, daysBetween, formatLongDate } from '../../core/calendar-date.js';
import type { ChildFolder, HomeFolder } from '../../model/case-root.js';
import {
  birthdayAt, caseRecords, complianceLines, homeDueItems, homeFacts, inYear,
  type CheckFact, type ComplianceLine, type HomeFacts,
} from '../home/index.js';
import { ADULT_AGE, ADULT_CHECKS, type RuleSet } from '../rule-sets.js';
import { type DocumentContext, type DocumentData } from './context.js';
import { SETTING_LABELS } from './labels.js';
import {
  CERTIFICATE_LABELS, CHECK_LABELS, FORMAT_LABELS, homeBase, homeData, homeDocumentData, hoursText, household, inspectionRows,
  inspectionSummary, licenseData, longDates, plural, protectFamily, RESULT_LABELS, ROLE_LABELS, ruleSetName, signers,
  studyData, TOPIC_LABELS,
} from './home-study.js';
import { capitalize, words } from './labels.js';
import type { RelicensingPacketFacts } from './facts/home.js';
import { narratives } from './narrative.js';

type Home = NonNullable<HomeFolder['home']>['data'];

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

function lineTitle(line: ComplianceLine): string {
  const requirement = capitalize(line.requirement);
  return line.person ? `${requirement}: ${line.person}` : requirement;
}

/** One warning per requirement not met, as the command line prints it. */
function warningOf(homeId: string, line: ComplianceLine): string {
  return `NOT MET: ${line.requirement}${line.person ? ` (${line.person})` : ''}: ${line.evidence}`;
}

function checklist(lines: readonly ComplianceLine[], rules: RuleSet) {
  const agency = overriddenCitations(rules);
  return lines.map((line, i) => ({
    n: i + 1,
    requirement: lineTitle(line),
    evidence: capitalize(longDates(line.evidence)),
    met: line.met,
    citation: agency.has(line.citation) ? `${line.citation} (agency override)` : line.citation,
  }));
}

function training(h: Home, facts: HomeFacts, asOf: string) {
  return facts.training.map((t) => {
    const outside = (h.training ?? [])
      .filter((s) => s.attendee.trim() === t.person.trim() && (!inYear(facts.year, s.date) || s.date > asOf))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((s) => ({ date: s.date, title: s.title, hours: hoursText(s.hours), later: s.date > asOf }));
    return {
      person: t.person,
      role: ROLE_LABELS[t.role],
      required: hoursText(t.required),
      counted: hoursText(t.counted),
      uncounted: hoursText(t.uncounted),
      has_uncounted: t.uncounted > 0,
      shortfall: hoursText(t.shortfall),
      met: t.shortfall === 0,
      sessions: t.sessions.map((s) => ({
        date: s.date,
        title: s.title,
        topic: TOPIC_LABELS[s.topic],
        format: FORMAT_LABELS[s.format],
        hours: hoursText(s.hours),
        counts: s.counts,
      })),
      outside,
    };
  });
}

function statusOf(fact: CheckFact): { status: string; flagged: boolean } {
  const findings = fact.last?.result === 'findings';
  if (fact.met && !findings) return { status: 'Current', flagged: false };
  if (findings) return { status: 'NOT MET: findings need review', flagged: true };
  return { status: fact.status === 'overdue' ? 'OVERDUE' : 'NOT MET', flagged: true };
}

function checks(h: Home, facts: HomeFacts) {
  const ages = new Map(h.household.map((m) => [m.name, ageOn(m.dob, facts.asOf)]));
  const rows = facts.checks
    .filter((f) => f.inForce)
    .map((f) => ({
      person: f.person,
      age: ages.get(f.person) ?? null,
      check: CHECK_LABELS[f.item],
      last: f.last?.date ?? null,
      result: f.last ? RESULT_LABELS[f.last.result] : f.pending ? `None completed; pending since ${formatLongDate(f.pending)}` : 'None on file',
      ...(f.basis === 'child_age' && f.met
        ? { due: birthdayAt(h.household.find((m) => m.name === f.person)!.dob, ADULT_AGE), at_eighteen: true }
        : { due: f.basis === 'missing' ? null : f.due, at_eighteen: false }),
      why: f.basis === 'child_age' ? `From the birthday ${formatLongDate(f.birthday!)}` : f.basis === 'turned_18' ? `Turned 18 ${formatLongDate(f.birthday!)}` : null,
      ...statusOf(f),
    }));
  const outOfState = facts.outOfState.map((o) => ({
    person: o.person,
    check: `${CHECK_LABELS.out_of_state_registry}${o.states.length ? ` (${o.states.join(', ')})` : ''}`,
    date: o.date,
    result: RESULT_LABELS[o.result],
    flagged: o.result !== 'clear',
  }));
  // Checks not in force yet: a household child's checks from a later birthday.
  const later = new Map<string, { person: string; birthday: string; items: string[] }>();
  for (const f of facts.checks.filter((c) => !c.inForce)) {
    const k = `${f.person} ${f.birthday}`;
    const entry = later.get(k) ?? { person: f.person, birthday: f.birthday!, items: [] };
    entry.items.push(CHECK_LABELS[f.item]);
    later.set(k, entry);
  }
  const upcoming = [...later.values()]
    .sort((a, b) => (a.birthday < b.birthday ? -1 : a.birthday > b.birthday ? 1 : 0))
    .map((e) => `${e.person}, from ${formatLongDate(e.birthday)}: ${e.items.join(', ')}`);
  return { rows, out_of_state: outOfState, upcoming };
}

function certifications(h: Home, facts: HomeFacts, rules: RuleSet) {
  const asOf = facts.asOf;
  const required = facts.certifications.map((c) => {
    const days = c.expires ? daysBetween(asOf, c.expires) : undefined;
    let status: string;
    let flagged = true;
    if (!c.expires) status = 'NONE ON FILE';
    else if (!c.current) status = 'EXPIRED';
    else if (days !== undefined && days <= EXPIRY_WARNING_DAYS) status = `Current; expires in ${plural(days, 'day')}`;
    else [status, flagged] = ['Current', false];
    return { holder: c.person, certificate: CERTIFICATE_LABELS[c.item], expires: c.expires ?? null, status, flagged, not_met: !c.current };
  });
  const covered = new Set(facts.certifications.filter((c) => c.expires).map((c) => `${c.person}|${c.item}|${c.expires}`));
  const others = (h.certifications ?? [])
    .filter((c) => !covered.has(`${c.holder}|${c.type}|${c.expires}`))
    .map((c) => ({
      holder: c.holder,
      certificate: CERTIFICATE_LABELS[c.type],
      expires: c.expires,
      status: c.expires >= asOf ? 'Current (not required)' : 'Expired (not required)',
      flagged: false,
      not_met: false,
    }));
  return {
    required: facts.certificationsRequired,
    rule: `${ruleSetName(rules)} (${rules.cprFirstAidRequired.citation})`,
    rows: [...required, ...others],
  };
}

/**
 * Household changes during the license year that casepress can derive from
 * home.yaml: members born during the year, and members whose 12th, 14th or
 * 18th birthday (or a birthday at which the rule set requires a check) falls
 * in it, with what that birthday requires and whether it is met. home.yaml
 * records no move-in dates, so adults or children who joined the household
 * cannot be derived.
 */
function householdChanges(h: Home, facts: HomeFacts, rules: RuleSet) {
  const { year, asOf } = facts;
  const ages = [...new Set([...WATCHED_AGES, ...rules.householdChildChecks.value.map((r) => r.age)])].sort((a, b) => a - b);
  const events: { date: string; person: string; change: string; requires: string; met: boolean | null; evidence?: string }[] = [];
  for (const member of h.household) {
    if (inYear(year, member.dob)) {
      events.push({ date: member.dob, person: member.name, change: 'Born: a new member of the household', requires: 'Add to the household roster', met: null });
    }
    for (const age of ages) {
      const birthday = birthdayAt(member.dob, age);
      if (!inYear(year, birthday)) continue;
      const past = birthday <= asOf;
      const needed = facts.checks.filter((f) => f.person === member.name && f.birthday === birthday && (f.basis === 'child_age' || f.basis === 'turned_18'));
      const childRule = rules.householdChildChecks.value.find((r) => r.age === age);
      let requires: string;
      let met: boolean | null = null;
      if (age === ADULT_AGE) {
        requires = `Every adult check (${ADULT_CHECKS.map((c) => CHECK_LABELS[c]).join(', ')}) from that birthday (${rules.backgroundCheckMonths.citation})`;
      } else if (childRule) {
        requires = `${childRule.checks.map((c) => CHECK_LABELS[c]).join(', ')} check from that birthday (${rules.householdChildChecks.citation})`;
      } else {
        requires = `No new check at ${age} under ${ruleSetName(rules)}`;
      }
      if (needed.length && past) met = needed.every((f) => f.met);
      const dated = needed.flatMap((f) => (f.met && f.last ? [formatLongDate(f.last.date)] : []));
      if (!needed.length && age === ADULT_AGE && past) {
        // Now an adult: the adult checks' facts say whether they are current.
        const adult = facts.checks.filter((f) => f.person === member.name);
        met = adult.length > 0 && adult.every((f) => f.met);
      }
      const evidence = met && dated.length ? `Met: checked ${[...new Set(dated)].join(', ')}` : undefined;
      events.push({ date: birthday, person: member.name, change: `${past ? 'Turned' : 'Turns'} ${age}`, requires, met: age === ADULT_AGE || childRule ? met : null, ...(evidence ? { evidence } : {}) });
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return events.map((e) => ({
    ...e,
    status: e.met === null ? (e.date > asOf ? 'Later in the license year' : 'Nothing required') : e.met ? (e.evidence ?? 'Met') : 'NOT MET',
  }));
}

function placements(ctx: DocumentContext, h: Home, facts: HomeFacts, children: readonly ChildFolder[]) {
  const records = caseRecords(children);
  const dobs = new Map(records.map((r) => [r.id, r.child.dob]));
  const ages = h.license.ages;
  return facts.placements.map((stay) => {
    const dob = dobs.get(stay.childId)!;
    const age = ageOn(dob, facts.asOf);
    const notes: string[] = [];
    for (const i of stay.interruptions) {
      notes.push(`${SETTING_LABELS[i.setting]} ${formatLongDate(i.start)} to ${i.end ? formatLongDate(i.end) : 'not recorded'}; returned to the home`);
    }
    if (stay.end && stay.reasonForLeaving) {
      // Why a child left is staff-written text that may hold a parent's treatment passage.
      const child = children.find((c) => c.id === stay.childId);
      notes.push(`Left: ${narratives(ctx.redact, child?.plan?.data).text(stay.reasonForLeaving, `${child?.case?.file ?? stay.childId} placements[].reason_for_change`)}`);
    }
    if (!stay.end) {
      const eighteen = birthdayAt(dob, ADULT_AGE);
      if (ages && (age < ages.min || age > ages.max)) notes.push(`Age ${age} is outside the licensed ages (${ages.min} to ${ages.max})`);
      else if (eighteen > facts.asOf && eighteen <= addMonths(facts.year.end, 12)) notes.push(`Turns 18 on ${formatLongDate(eighteen)}`);
    }
    return {
      name: stay.name,
      case_id: stay.childId,
      dob,
      age,
      start: stay.start,
      end: stay.end ?? null,
      setting: SETTING_LABELS[stay.setting],
      notes: notes.length ? notes.join('. ') : 'None',
    };
  });
}

/**
 * The re-licensing packet's data (templates/relicensing-packet.md.hbs) for the
 * license year that governs on `ctx.asOf` (rules.md, "License year").
 */
export function relicensingPacketData(ctx: DocumentContext, home: HomeFolder, children: readonly ChildFolder[]): DocumentData<RelicensingPacketFacts> {
  if (!home.home) throw new Error(`${home.path}: no home.yaml, so there is no license to renew`);
  const loaded = home.home;
  const h = loaded.data;
  const { asOf, rules } = ctx;
  if (ctx.redact.audience !== 'internal') protectFamily(ctx);
  const facts = homeFacts(h, caseRecords(children), asOf, rules);
  const lines = complianceLines(facts, rules);
  const notMet = lines.filter((l) => !l.met);
  const study = studyData(ctx, home.study);
  const agencyCitations = [...overriddenCitations(rules)];

  const data: RelicensingPacketFacts = {
    ...homeBase(ctx),
    home: {
      ...homeData(ctx, h, loaded.file),
      caregivers: h.household.filter((m) => m.role === 'applicant' || m.role === 'co_applicant').map((m) => `${m.name} (${ROLE_LABELS[m.role].toLowerCase()})`),
    },
    license: {
      ...licenseData(h.license, facts.year),
      year_start: facts.year.start,
      year_end: facts.year.end,
      multi_year: facts.year.multiYear,
    },
    rule_set: `${ruleSetName(rules)}${agencyCitations.length ? `, with the agency's own rules (${agencyCitations.join('; ')})` : ''}`,
    summary: {
      total: lines.length,
      met: lines.length - notMet.length,
      not_met: notMet.length,
      compliant: notMet.length === 0,
    },
    not_met: notMet.map((l) => ({ requirement: lineTitle(l), evidence: longDates(l.evidence) })),
    checklist: checklist(lines, rules),
    training: training(h, facts, asOf),
    training_rule: {
      hours: hoursText(rules.annualTrainingHours.value[h.type]),
      citation: rules.annualTrainingHours.citation,
      uncounted_topics: rules.uncountedTopics.value.map((t) => TOPIC_LABELS[t]),
    },
    checks: checks(h, facts),
    check_rule: `adults every ${rules.backgroundCheckMonths.value} months (${rules.backgroundCheckMonths.citation}); household children: ${
      rules.householdChildChecks.value.length
        ? rules.householdChildChecks.value.map((r) => `${r.checks.map((c) => CHECK_LABELS[c]).join(', ')} from age ${r.age}`).join('; ')
        : 'no check before 18'
    } (${rules.householdChildChecks.citation})`,
    certifications: certifications(h, facts, rules),
    inspections: inspectionRows(h),
    inspection: { met: facts.inspection.met, summary: inspectionSummary(facts.inspection), citation: rules.inspectionMonths.citation },
    household: household(h, asOf),
    changes: householdChanges(h, facts, rules),
    placements: placements(ctx, h, facts, children),
    capacity: {
      placed: facts.capacity.placed.length,
      licensed: facts.capacity.licensed,
      within: facts.capacity.withinLicense && facts.capacity.withinRule,
      names: facts.capacity.placed.map((p) => p.name),
    },
    incidents: facts.incidents.map((i) => ({ date: i.date, type: words(i.type), summary: i.summary, resolved: i.resolved ?? null })),
    study,
    signers: signers(ctx, h),
  };

  const warnings = notMet.map((l) => warningOf(h.id, l));
  return {
    ...homeDocumentData(ctx, home, data, warnings),
    due: homeDueItems(home, children, asOf, rules),
  };
}
