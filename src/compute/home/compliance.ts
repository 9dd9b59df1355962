/** The compliance summary of the re-licensing packet (domain.md §5.1; rules.md, The foster home). */
import type { RuleSet } from '../rule-sets.js';
import { homeFacts, type HomeFacts } from './facts.js';
import type { LicenseYear } from './license-year.js';
import { caseRecords, type ChildSource, type HomeSource } from './sources.js';

/**
 * Where a requirement stands on the as-of date (issue 11, point 2), worded by
 * the templates (labels.yaml `compliance_status`):
 * - `met`: met, and stays met through the license's last day;
 * - `on_pace`: annual training short, with hours at the pro-rata share of the year (training.ts);
 * - `due_before_renewal`: met today, but the check, certificate or inspection
 *   lapses on or before `license.expires` (`due`): it must be renewed for the renewal;
 * - `behind_pace`: annual training short of the pro-rata share while the year still has days left;
 * - `not_met`: not met, and for training no day of the license year is left.
 */
export type ComplianceStatus = 'met' | 'on_pace' | 'due_before_renewal' | 'behind_pace' | 'not_met';

/** The statuses that ask for something before the renewal without failing the line. */
export const OPEN_STATUSES: ReadonlySet<ComplianceStatus> = new Set(['due_before_renewal', 'behind_pace']);

export interface ComplianceLine {
  readonly requirement: string;
  readonly evidence: string;
  readonly status: ComplianceStatus;
  /** `due_before_renewal`: the day it lapses. */
  readonly due?: string;
  /** Annual training: the hours counted and required, and whole months left to the renewal. */
  readonly hours?: { readonly counted: number; readonly required: number; readonly monthsLeft: number };
  readonly citation: string;
  /** The household member the line is about. */
  readonly person?: string;
  /** The check or certificate: state_registry, fbi_fingerprint, sex_offender_registry, out_of_state_registry, cpr, first_aid. */
  readonly item?: string;
}

export interface Compliance {
  readonly homeId: string;
  readonly asOf: string;
  /** Absent when the folder has no home.yaml. */
  readonly year?: LicenseYear;
  readonly lines: readonly ComplianceLine[];
  /** No line `not_met`. */
  readonly compliant: boolean;
}


const CHECK_LABEL = { state_registry: 'state registry', fbi_fingerprint: 'FBI fingerprint', sex_offender_registry: 'sex offender registry' } as const;
const CERT_LABEL = { cpr: 'CPR', first_aid: 'first aid' } as const;

/** Met today: `due_before_renewal` when it lapses on or before the license's last day, else `met`. */
function untilRenewal(met: boolean, due: string, expires: string): Pick<ComplianceLine, 'status' | 'due'> {
  if (!met) return { status: 'not_met' };
  return due <= expires ? { status: 'due_before_renewal', due } : { status: 'met' };
}

const metOrNot = (met: boolean): ComplianceStatus => (met ? 'met' : 'not_met');

/**
 * One line per requirement, from the home facts (rules.md, The foster home):
 * license in force; annual training per applicant and co-applicant (counted
 * hours at or above the rule); CPR and first aid per person where required
 * (current on the as-of date); each background check in force per person
 * (current under the cadence, or dated on or after the birthday that required
 * it, and not with `findings`, which need the licensing worker's review); the
 * out-of-state registry checks on file (clear); the home safety inspection
 * (current, no later inspection failed or unresolved); capacity against the
 * license and, where the rule set gives a number, against the rule. A check,
 * certificate or inspection current today that lapses on or before
 * `license.expires` is `due_before_renewal`; training short of the hours is
 * on or behind pace until the license year is over (trainingPace).
 */
export function complianceLines(facts: HomeFacts, rules: RuleSet): ComplianceLine[] {
  const { license, year, asOf } = facts;
  const lines: ComplianceLine[] = [
    {
      requirement: 'license in force',
      evidence: `license ${license.number}, ${license.status}, issued ${license.issued}, expires ${license.expires}; license year ${year.start} to ${year.end}`,
      status: metOrNot(license.status === 'active' && license.expires >= asOf),
      citation: rules.inspectionMonths.citation,
    },
  ];
  for (const t of facts.training) {
    const uncounted = t.uncounted > 0 ? `; ${t.uncounted} hours in topics that do not count` : '';
    lines.push({
      requirement: `annual training, ${t.required} hours`,
      evidence: `${t.counted} hours counted in ${year.start} to ${year.end}${uncounted}${t.shortfall > 0 ? `; ${t.shortfall} short` : ''}`,
      status: t.status, hours: { counted: t.counted, required: t.required, monthsLeft: t.monthsLeft },
      citation: rules.annualTrainingHours.citation, person: t.person,
    });
  }
  for (const c of facts.certifications) {
    lines.push({
      requirement: `${CERT_LABEL[c.item]} certificate`,
      evidence: c.expires ? `expires ${c.expires}` : 'none on file',
      ...untilRenewal(c.current, c.due, license.expires), citation: rules.cprFirstAidRequired.citation, person: c.person, item: c.item,
    });
  }
  for (const check of facts.checks.filter((c) => c.inForce)) {
    const findings = check.last?.result === 'findings';
    lines.push({
      requirement: `${CHECK_LABEL[check.item]} check`,
      evidence: `${check.detail}${check.basis === 'child_age' && check.met ? '' : `; due ${check.due}`}${findings ? '; findings recorded: needs review' : ''}`,
      // A household child's check, once done, stays met until 18 (background-checks.ts): it does not lapse.
      ...(check.basis === 'child_age' ? { status: metOrNot(check.met && !findings) } : untilRenewal(check.met && !findings, check.due, license.expires)),
      citation: check.citation, person: check.person, item: check.item,
    });
  }
  for (const o of facts.outOfState) {
    lines.push({
      requirement: 'out-of-state registry check (initial study)',
      evidence: `${o.date}, ${o.result}${o.states.length ? `, states: ${o.states.join(', ')}` : ''}`,
      status: metOrNot(o.result === 'clear'), citation: rules.backgroundCheckMonths.citation, person: o.person, item: 'out_of_state_registry',
    });
  }
  lines.push({
    requirement: 'home safety inspection',
    evidence: `${facts.inspection.detail}; due ${facts.inspection.due}`,
    ...untilRenewal(facts.inspection.met, facts.inspection.due, license.expires), citation: rules.inspectionMonths.citation,
  });
  const cap = facts.capacity;
  const placedNames = cap.placed.map((p) => p.name).join(', ') || 'none';
  lines.push({
    requirement: `capacity: at most ${cap.licensed} foster children (license)`,
    evidence: `${cap.placed.length} placed on ${asOf}: ${placedNames}`,
    status: metOrNot(cap.withinLicense), citation: rules.capacity.citation,
  });
  if (cap.ruleLimit !== undefined) {
    lines.push({
      requirement: `capacity: ${cap.ruleText}`,
      evidence: `${cap.childrenCounted} children: ${cap.placed.length} placed and ${cap.ownChildren.length} of the family's own under 18`,
      status: metOrNot(cap.withinRule), citation: rules.capacity.citation,
    });
  }
  return lines;
}

/** The re-licensing packet's compliance summary for one home as of `asOf`. */
export function compliance(home: HomeSource, children: readonly ChildSource[], asOf: string, rules: RuleSet): Compliance {
  const data = home.home?.data;
  if (!data) {
    const lines: ComplianceLine[] = [{ requirement: 'home.yaml on file', evidence: 'missing', status: 'not_met', citation: 'case-format.md' }];
    return { homeId: home.id, asOf, lines, compliant: false };
  }
  const facts = homeFacts(data, caseRecords(children), asOf, rules);
  const lines = complianceLines(facts, rules);
  return { homeId: home.id, asOf, year: facts.year, lines, compliant: lines.every((l) => l.status !== 'not_met') };
}
