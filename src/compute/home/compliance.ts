/** The compliance summary of the re-licensing packet (domain.md §5.1; rules.md, The foster home). */
import type { Home } from '../../model/home.js';
import type { CheckType, RuleSet, RuleSetId } from '../rule-sets.js';
import type { CheckBasis, CheckFact } from './background-checks.js';
import type { Certificate } from './certifications.js';
import { homeFacts, type HomeFacts } from './facts.js';
import type { Inspection } from './inspections.js';
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

type CheckRecord = NonNullable<CheckFact['last']>;

/**
 * What a line requires and the evidence on file, as figures, dates and codes:
 * the templates word each kind (partials/home-requirement, home-evidence).
 */
export type ComplianceRequirement =
  | { readonly kind: 'license'; readonly license: Home['license']; readonly year: LicenseYear }
  /** Annual training: hours counted in the license year (topics that count), and whole months left to the renewal. */
  | {
    readonly kind: 'training'; readonly required: number; readonly counted: number; readonly uncounted: number;
    readonly shortfall: number; readonly year: LicenseYear; readonly monthsLeft: number;
  }
  | { readonly kind: 'certificate'; readonly item: Certificate; readonly expires?: string }
  /** A background check in force: the fact's basis, dates and records; `months` the adult cadence; `nextDue` the check's due date (CheckFact.due). */
  | {
    readonly kind: 'background_check'; readonly item: CheckType; readonly basis: CheckBasis; readonly months: number;
    readonly birthday?: string; readonly age?: number; readonly last?: CheckRecord; readonly pending?: string;
    readonly predates?: string; readonly nextDue: string; readonly findings: boolean;
  }
  | { readonly kind: 'out_of_state_check'; readonly item: 'out_of_state_registry'; readonly date: string; readonly result: CheckRecord['result']; readonly states: readonly string[] }
  /** The home safety inspection that counts (none: absent), the later ones still open, and when the next is due. */
  | { readonly kind: 'inspection'; readonly months: number; readonly last?: Inspection; readonly open: readonly Inspection[]; readonly nextDue: string }
  /** Foster children placed on the as-of date against the license's capacity. */
  | { readonly kind: 'capacity_license'; readonly licensed: number; readonly placed: readonly string[] }
  /**
   * All children counted (placed, and the family's own under 18) against the rule set's number, and in a therapeutic
   * home the foster children against `fosterLimit` (capacity.ts); labels.yaml `capacity_rule` words whom the rule counts.
   */
  | {
    readonly kind: 'capacity_rule'; readonly ruleSet: RuleSetId; readonly limit: number; readonly counted: number; readonly placed: number; readonly own: number;
    readonly fosterLimit?: number;
  };

export type ComplianceLine = ComplianceRequirement & {
  readonly status: ComplianceStatus;
  /** `due_before_renewal`: the day it lapses. */
  readonly due?: string;
  readonly citation: string;
  /** The household member the line is about. */
  readonly person?: string;
};

/** The one line of a home folder without home.yaml. */
export interface MissingHomeFile {
  readonly kind: 'home_file';
  readonly status: 'not_met';
  readonly citation: string;
  readonly due?: undefined;
  readonly person?: undefined;
}

/** The check or certificate a line is about (state_registry, cpr, …); none for the other kinds. */
export function itemOf(line: ComplianceLine | MissingHomeFile): string | undefined {
  return 'item' in line ? line.item : undefined;
}

export interface Compliance {
  readonly homeId: string;
  readonly asOf: string;
  /** Absent when the folder has no home.yaml. */
  readonly year?: LicenseYear;
  readonly lines: readonly (ComplianceLine | MissingHomeFile)[];
  /** No line `not_met`. */
  readonly compliant: boolean;
}

/** Met today: `due_before_renewal` when it lapses on or before the license's last day, else `met`. */
function untilRenewal(met: boolean, due: string, expires: string): { status: ComplianceStatus; due?: string } {
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
    { kind: 'license', license, year, status: metOrNot(license.status === 'active' && license.expires >= asOf), citation: rules.inspectionMonths.citation },
  ];
  for (const t of facts.training) {
    lines.push({
      kind: 'training', required: t.required, counted: t.counted, uncounted: t.uncounted, shortfall: t.shortfall, year, monthsLeft: t.monthsLeft,
      status: t.status, citation: rules.annualTrainingHours.citation, person: t.person,
    });
  }
  for (const c of facts.certifications) {
    lines.push({
      kind: 'certificate', item: c.item, ...(c.expires ? { expires: c.expires } : {}),
      ...untilRenewal(c.current, c.due, license.expires), citation: rules.cprFirstAidRequired.citation, person: c.person,
    });
  }
  for (const check of facts.checks.filter((c) => c.inForce)) {
    const findings = check.last?.result === 'findings';
    const { item, basis, birthday, age, last, pending, predates, due } = check;
    lines.push({
      kind: 'background_check', item, basis, months: rules.backgroundCheckMonths.value, nextDue: due, findings,
      ...(birthday ? { birthday } : {}), ...(age !== undefined ? { age } : {}), ...(last ? { last } : {}),
      ...(pending ? { pending } : {}), ...(predates ? { predates } : {}),
      // A household child's check, once done, stays met until 18 (background-checks.ts): it does not lapse.
      ...(basis === 'child_age' ? { status: metOrNot(check.met && !findings) } : untilRenewal(check.met && !findings, due, license.expires)),
      citation: check.citation, person: check.person,
    });
  }
  for (const o of facts.outOfState) {
    lines.push({
      kind: 'out_of_state_check', item: 'out_of_state_registry', date: o.date, result: o.result, states: o.states,
      status: metOrNot(o.result === 'clear'), citation: rules.backgroundCheckMonths.citation, person: o.person,
    });
  }
  const { inspection } = facts;
  lines.push({
    kind: 'inspection', months: rules.inspectionMonths.value, ...(inspection.last ? { last: inspection.last } : {}), open: inspection.open, nextDue: inspection.due,
    ...untilRenewal(inspection.met, inspection.due, license.expires), citation: rules.inspectionMonths.citation,
  });
  const cap = facts.capacity;
  lines.push({
    kind: 'capacity_license', licensed: cap.licensed, placed: cap.placed.map((p) => p.name),
    status: metOrNot(cap.withinLicense), citation: rules.capacity.citation,
  });
  if (cap.ruleLimit !== undefined) {
    lines.push({
      kind: 'capacity_rule', ruleSet: rules.id, limit: cap.ruleLimit, counted: cap.childrenCounted, placed: cap.placed.length, own: cap.ownChildren.length,
      ...(cap.fosterRuleLimit !== undefined ? { fosterLimit: cap.fosterRuleLimit } : {}),
      status: metOrNot(cap.withinRule), citation: rules.capacity.citation,
    });
  }
  return lines;
}

/** The re-licensing packet's compliance summary for one home as of `asOf`. */
export function compliance(home: HomeSource, children: readonly ChildSource[], asOf: string, rules: RuleSet): Compliance {
  const data = home.home?.data;
  if (!data) {
    return { homeId: home.id, asOf, lines: [{ kind: 'home_file', status: 'not_met', citation: 'case-format.md' }], compliant: false };
  }
  const facts = homeFacts(data, caseRecords(children), asOf, rules);
  const lines = complianceLines(facts, rules);
  return { homeId: home.id, asOf, year: facts.year, lines, compliant: lines.every((l) => l.status !== 'not_met') };
}
