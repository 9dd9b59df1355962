/**
 * The court packet (issue 16, point 3): the court report for a hearing, the
 * current service plan, the latest CANS summary and, for a youth of 14 or more
 * with a transition.yaml, the transition plan, behind a cover. Each part is
 * built by its own document's builder with a redactor of the packet's audience,
 * exactly as it is on its own: the packet adds no redaction of its own, it
 * only gathers what the parts withheld.
 */
import { ageOn } from '../../core/calendar-date.js';
import type { ChildFolder } from '../../model/case-root.js';
import { redactor } from '../audience.js';
import { cansByDate } from '../case/cans.js';
import { YOUTH_PLANNING_AGE } from '../case/youth.js';
import { joinFamilies, type DocumentContext, type DocumentData } from './context.js';
import { courtReportData, withheldKinds } from './court-report.js';
import type { CourtPacketCansFacts, CourtPacketFacts, PacketOmission, PacketPart } from './facts/court-packet.js';
import { servicePlanData } from './service-plan.js';
import { staffMember } from './staff.js';
import { transitionPlanData } from './transition-plan.js';

/** One part of the packet: its document's data, and the day it speaks from (a signed plan speaks from its own date). */
export interface PacketPartData {
  readonly part: PacketPart;
  readonly asOf: string;
  readonly data: DocumentData;
}

export interface CourtPacketData extends DocumentData<CourtPacketFacts> {
  readonly parts: readonly PacketPartData[];
}

/**
 * The packet's cover facts and its parts, for `ctx.redact`'s audience and
 * reader. `child` is the child as `ctx.view` reads it (its reads are the
 * packet's inputs: every part's, together).
 */
export function courtPacketData(ctx: DocumentContext, child: ChildFolder, hearingDate: string): CourtPacketData {
  const { audience, reader } = ctx.redact;
  // Each part records what it withholds in its own redactor, as its own document would.
  const partContext = (asOf: string): DocumentContext => ({ ...ctx, asOf, redact: redactor(audience, reader) });
  const report = courtReportData(partContext(ctx.asOf), child, hearingDate);
  const facts = report.data;
  const parts: PacketPartData[] = [{ part: 'court_report', asOf: ctx.asOf, data: report }];
  const notIncluded: { part: PacketPart; reason: PacketOmission }[] = [];

  const plan = child.plan?.data;
  if (plan) parts.push({ part: 'service_plan', asOf: plan.plan_date, data: servicePlanData(partContext(plan.plan_date), child) });
  else notIncluded.push({ part: 'service_plan', reason: 'no_service_plan' });

  const [latest] = cansByDate(child.assessments.map((a) => a.data));
  if (latest && facts.cans) {
    const cans: CourtPacketCansFacts = {
      audience,
      case_id: facts.case_id,
      child: { name: facts.child.name, called: facts.child.called },
      court: { docket: facts.court.docket },
      // The court report's own summary, redacted and scrubbed as it prints there.
      cans: facts.cans,
      domains: byDomain(latest.ratings),
      assessor: staffMember(ctx.agency, latest.assessor)?.name ?? latest.assessor,
    };
    // Its text is the court report's: the report's withheld values are what its final scan looks for.
    parts.push({ part: 'cans_summary', asOf: ctx.asOf, data: { data: cans, withheld: report.withheld, ...(report.families ? { families: report.families } : {}), warnings: [] } });
  } else {
    notIncluded.push({ part: 'cans_summary', reason: 'no_assessment' });
  }

  const record = child.case!.data;
  if (ageOn(record.child.dob, ctx.asOf) >= YOUTH_PLANNING_AGE) {
    const transition = child.transition?.data;
    if (transition) parts.push({ part: 'transition_plan', asOf: transition.plan_date, data: transitionPlanData(partContext(transition.plan_date), child) });
    else notIncluded.push({ part: 'transition_plan', reason: 'no_transition_plan' });
  }

  // The same value withheld by several parts (a foster family's names) is listed once.
  const withheld = [...new Map(parts.flatMap((p) => p.data.withheld).map((w) => [`${w.kind}\u0000${w.field}\u0000${w.value}\u0000${w.guard === true}`, w])).values()];
  const cover: CourtPacketFacts = {
    audience: facts.audience,
    reader: facts.reader,
    as_of: facts.as_of,
    agency: facts.agency,
    jurisdiction: facts.jurisdiction,
    case_id: facts.case_id,
    hearing: { date: facts.hearing.date, type: facts.hearing.type, title: facts.hearing.title },
    court: facts.court,
    child: { name: facts.child.name, called: facts.child.called },
    parts: parts.map((p) => ({ part: p.part, date: partDate(p, hearingDate, latest?.date) })),
    not_included: notIncluded,
    withheld: withheldKinds(withheld, audience),
  };
  // A part left out is said on the cover and on the command line, never dropped silently.
  const leftOut = notIncluded.map(({ part, reason }) => `the court packet does not include the ${MISSING[part]}: ${MISSING[reason]} (${child.path}/)`);
  return {
    data: cover,
    withheld,
    ...joinFamilies(parts.map((p) => p.data)),
    warnings: [...leftOut, ...new Set(parts.flatMap((p) => p.data.warnings))],
    ...(report.missing ? { missing: report.missing } : {}),
    parts,
  };
}

/** The command line's words for a part left out and why (the cover's are labels.yaml's). */
const MISSING: Readonly<Record<PacketPart | PacketOmission, string>> = {
  court_report: 'court report',
  service_plan: 'service plan',
  cans_summary: 'CANS summary',
  transition_plan: 'transition plan',
  no_service_plan: 'no plan.yaml',
  no_assessment: 'no CANS assessment in assessments/',
  no_transition_plan: 'the youth is 14 or older and has no transition.yaml',
};

function partDate(p: PacketPartData, hearing: string, cans: string | undefined): string {
  if (p.part === 'court_report') return hearing;
  if (p.part === 'cans_summary') return cans!;
  return p.asOf;
}

function byDomain(ratings: readonly { domain: string; item: string; rating: string | number }[]): CourtPacketCansFacts['domains'] {
  const domains: { domain: string; ratings: { item: string; rating: string }[] }[] = [];
  for (const r of ratings) {
    let entry = domains.find((d) => d.domain === r.domain);
    if (!entry) domains.push((entry = { domain: r.domain, ratings: [] }));
    entry.ratings.push({ item: r.item, rating: String(r.rating) });
  }
  return domains;
}
