/**
 * The command line's warning for a compliance line NOT MET (cli.md: a packet
 * with a requirement not met still builds, with one warning per line). A
 * command-line message, not document text: its words live here, built from the
 * typed line; the packet's own words are in the templates.
 */
import type { ComplianceLine } from '../home/index.js';

const CHECK = { state_registry: 'state registry', fbi_fingerprint: 'FBI fingerprint', sex_offender_registry: 'sex offender registry' } as const;
const CERTIFICATE = { cpr: 'CPR', first_aid: 'first aid' } as const;

type Line<K extends ComplianceLine['kind']> = Extract<ComplianceLine, { kind: K }>;

/** Why a background check is not met, with the date it was due. */
function checkEvidence(line: Line<'background_check'>): string {
  const name = CHECK[line.item];
  const pending = line.pending ? `; the ${name} check of ${line.pending} is pending, not a completed check` : '';
  const predates = line.predates ? `; the check of ${line.predates} predates the 18th birthday` : '';
  const findings = line.findings ? '; findings recorded: needs review' : '';
  switch (line.basis) {
    case 'cadence':
      return `${line.months} months after the last ${name} check (${line.last?.date}, ${line.last?.result})${findings}; due ${line.nextDue}`;
    case 'turned_18':
      return `turned 18 on ${line.birthday}: no ${name} check dated on or after it${predates}${pending}; due ${line.nextDue}`;
    case 'missing':
      return `no completed ${name} check on file (needed within ${line.months} months)${predates}${pending}; due ${line.nextDue}`;
    case 'child_age':
      return line.last
        ? `turned ${line.age} on ${line.birthday}; ${name} check dated ${line.last.date}${findings}`
        : `turned ${line.age} on ${line.birthday}: no ${name} check dated on or after it${pending}; due ${line.nextDue}`;
  }
}

function inspectionEvidence(line: Line<'inspection'>): string {
  const last = line.last
    ? `${line.months} months after the last home safety inspection (${line.last.date}, ${line.last.result === 'pass' ? 'passed' : `corrections resolved ${line.last.resolved}`})`
    : 'no passed home safety inspection on file';
  const open = line.open.map((i) => (i.result === 'fail' ? `; the inspection of ${i.date} failed` : `; corrections from ${i.date} not yet resolved`)).join('');
  return `${last}${open}; due ${line.nextDue}`;
}

/** The requirement and the evidence, in the command line's words. */
function words(line: ComplianceLine): [string, string] {
  switch (line.kind) {
    case 'license':
      return ['license in force', `license ${line.license.number}, ${line.license.status}, expires ${line.license.expires}`];
    case 'training': {
      const uncounted = line.uncounted > 0 ? `; ${line.uncounted} hours in topics that do not count` : '';
      return [`annual training, ${line.required} hours`, `${line.counted} hours counted in ${line.year.start} to ${line.year.end}${uncounted}; ${line.shortfall} short`];
    }
    case 'certificate':
      return [`${CERTIFICATE[line.item]} certificate`, line.expires ? `expired ${line.expires}` : 'none on file'];
    case 'background_check':
      return [`${CHECK[line.item]} check`, checkEvidence(line)];
    case 'out_of_state_check':
      return ['out-of-state registry check (initial study)', `${line.date}, ${line.result}`];
    case 'inspection':
      return ['home safety inspection', inspectionEvidence(line)];
    case 'capacity_license':
      return [`capacity: at most ${line.licensed} foster children (license)`, `${line.placed.length} placed: ${line.placed.join(', ')}`];
    case 'capacity_rule':
      return [
        `capacity: at most ${line.limit} children${line.fosterLimit === undefined ? '' : `, of them ${line.fosterLimit} foster children`} (rule set)`,
        `${line.counted} children: ${line.placed} placed and ${line.own} of the family's own under 18`,
      ];
  }
}

/** "NOT MET: FBI fingerprint check (Marcus Whitfield): no completed FBI fingerprint check on file …". */
export function complianceWarning(line: ComplianceLine): string {
  const [requirement, evidence] = words(line);
  return `NOT MET: ${requirement}${line.person ? ` (${line.person})` : ''}: ${evidence}`;
}
