/**
 * A compliance line (compute/home/compliance.ts) as the facts of a home's
 * documents carry it: the kind with its figures, dates and codes; the
 * templates word it (partials/home-requirement, home-evidence).
 */
import type { ComplianceLine, Inspection } from '../home/index.js';
import type { RelicensingPacketFacts } from './facts/home.js';

type Requirement = RelicensingPacketFacts['checklist'][number]['requirement'];
type InspectionFacts = RelicensingPacketFacts['inspection'];

/** Hours as people write them: 13.5, 22, 0 (no binary-fraction noise). */
export function hours(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The home safety inspection that counts, as the facts give it. */
export function countedInspection(last: Inspection | undefined): InspectionFacts['last'] {
  return last ? { date: last.date, result: last.result === 'pass' ? 'pass' : 'corrections_required', resolved: last.resolved ?? null } : null;
}

/** The later inspections that do not count yet, as the facts give them. */
export function openInspections(open: readonly Inspection[]): InspectionFacts['open'] {
  return open.map((i) => ({ date: i.date, result: i.result === 'fail' ? 'fail' : 'corrections_required' }));
}

/** What the line requires and the evidence on file, kind by kind. */
export function requirementOf(line: ComplianceLine): Requirement {
  switch (line.kind) {
    case 'license': {
      const { license, year } = line;
      return { kind: 'license', number: license.number, license_status: license.status, issued: license.issued, expires: license.expires, year: { start: year.start, end: year.end } };
    }
    case 'training':
      return {
        kind: 'training', required: hours(line.required), counted: hours(line.counted), uncounted: hours(line.uncounted),
        shortfall: hours(line.shortfall), year: { start: line.year.start, end: line.year.end },
      };
    case 'certificate':
      return { kind: 'certificate', certificate: line.item, expires: line.expires ?? null };
    case 'background_check':
      return {
        kind: 'background_check', check: line.item, basis: line.basis, months: line.months, birthday: line.birthday ?? null, age: line.age ?? null,
        completed: line.last ? { date: line.last.date, result: line.last.result } : null, pending: line.pending ?? null, predates: line.predates ?? null,
        next_due: line.nextDue, findings: line.findings,
      };
    case 'out_of_state_check':
      return { kind: 'out_of_state_check', date: line.date, result: line.result, states: [...line.states] };
    case 'inspection':
      return { kind: 'inspection', months: line.months, last: countedInspection(line.last), open: openInspections(line.open), next_due: line.nextDue };
    case 'capacity_license':
      return { kind: 'capacity_license', licensed: line.licensed, children: [...line.placed] };
    case 'capacity_rule':
      return { kind: 'capacity_rule', rule_set: line.ruleSet, limit: line.limit, counted: line.counted, placed: line.placed, own: line.own };
  }
}
