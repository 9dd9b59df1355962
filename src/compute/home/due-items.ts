/** The home's items for `casepress due` (cli.md, "What `due` reports"). */
import type { DueItem } from '../due-item.js';
import { codeWords, openStatus } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';
import { homeFacts } from './facts.js';
import { caseRecords, type ChildSource, type HomeSource } from './sources.js';

const CERTIFICATE_LABEL = { cpr: 'CPR', first_aid: 'first aid' } as const;

/**
 * cli.md, "What `due` reports", for one home: `license_renewal` (license
 * `expires`); `annual_training`, one per applicant or co-applicant whose counted
 * hours in the license year are short, due on `expires` (rules.md, Annual
 * training), its detail saying whether the hours are on or behind pace; `certification`, one per person and certificate where the home's
 * type requires them (rules.md, CPR and first aid); `background_check`, one per
 * person and check type with a due date (rules.md, Background checks), leaving
 * out a household child's check already dated on or after the birthday that
 * required it; `inspection` (rules.md, Home safety inspection). Status: overdue
 * before the as-of date, due_soon from it (openStatus), except a missing
 * certificate, check or inspection, which is due on the as-of date and overdue.
 * A closed license has no items; a home folder without home.yaml has none.
 */
export function homeDueItems(home: HomeSource, children: readonly ChildSource[], asOf: string, rules: RuleSet): DueItem[] {
  const data = home.home?.data;
  if (!data || data.license.status === 'closed') return [];
  const facts = homeFacts(data, caseRecords(children), asOf, rules);
  const subject = data.id;
  const { license, year } = facts;
  const items: DueItem[] = [
    {
      subject, kind: 'license_renewal', due: license.expires, status: openStatus(license.expires, asOf),
      detail: `license ${license.number} (${license.status}) expires ${license.expires}`,
      rule: rules.inspectionMonths.citation,
    },
  ];
  for (const t of facts.training.filter((s) => s.shortfall > 0)) {
    const uncounted = t.uncounted > 0 ? `; ${t.uncounted} more hours in topics that do not count` : '';
    // The pace the packet's training line shows (training.ts, trainingPace).
    const left = t.status === 'not_met' ? 'the license year is over' : t.monthsLeft === 0 ? 'less than a month left' : `${t.monthsLeft} month${t.monthsLeft === 1 ? '' : 's'} left`;
    items.push({
      subject, kind: 'annual_training', due: license.expires, status: openStatus(license.expires, asOf), person: t.person,
      detail: `${t.counted} of ${t.required} hours counted in the license year ${year.start} to ${year.end} (${t.shortfall} short; ${codeWords(t.status)}, ${left})${uncounted}; due when the license expires (${license.expires})`,
      rule: rules.annualTrainingHours.citation,
    });
  }
  for (const c of facts.certifications) {
    const label = CERTIFICATE_LABEL[c.item];
    items.push({
      subject, kind: 'certification', due: c.due, status: c.status, person: c.person, item: c.item,
      detail: c.expires ? `${label} certificate expires ${c.expires}` : `no ${label} certificate on file: due on the as-of date (${asOf})`,
      rule: rules.cprFirstAidRequired.citation,
    });
  }
  for (const check of facts.checks.filter((c) => !(c.basis === 'child_age' && c.met))) {
    items.push({
      subject, kind: 'background_check', due: check.due, status: check.status, person: check.person, item: check.item,
      detail: check.detail, rule: check.citation,
    });
  }
  items.push({
    subject, kind: 'inspection', due: facts.inspection.due, status: facts.inspection.status,
    detail: facts.inspection.detail, rule: facts.inspection.citation,
  });
  return items;
}
