/** The home's items for `casepress due` (cli.md, "What `due` reports"). */
import type { DueItem } from '../due-item.js';
import { openStatus } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';
import { homeFacts } from './facts.js';
import { caseRecords, type ChildSource, type HomeSource } from './sources.js';

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
      detail: { kind: 'license_renewal', number: license.number, status: license.status, expires: license.expires },
      rule: rules.inspectionMonths.citation,
    },
  ];
  for (const t of facts.training.filter((s) => s.shortfall > 0)) {
    items.push({
      subject, kind: 'annual_training', due: license.expires, status: openStatus(license.expires, asOf), person: t.person,
      // The pace the packet's training line shows (training.ts, trainingPace); short hours are never `met`.
      detail: {
        kind: 'annual_training', counted: t.counted, required: t.required, shortfall: t.shortfall, uncounted: t.uncounted,
        year_start: year.start, year_end: year.end, pace: t.status === 'met' ? 'on_pace' : t.status, months_left: t.monthsLeft, expires: license.expires,
      },
      rule: rules.annualTrainingHours.citation,
    });
  }
  for (const c of facts.certifications) {
    items.push({
      subject, kind: 'certification', due: c.due, status: c.status, person: c.person, item: c.item,
      detail: { kind: 'certification', item: c.item, expires: c.expires ?? null, as_of: asOf },
      rule: rules.cprFirstAidRequired.citation,
    });
  }
  for (const check of facts.checks.filter((c) => !(c.basis === 'child_age' && c.met))) {
    items.push({
      subject, kind: 'background_check', due: check.due, status: check.status, person: check.person, item: check.item,
      detail: {
        kind: 'background_check', basis: check.basis, item: check.item, months: rules.backgroundCheckMonths.value, birthday: check.birthday ?? null, age: check.age ?? null,
        in_force: check.inForce, last: check.last ?? null, pending: check.pending ?? null, predates: check.predates ?? null,
      },
      rule: check.citation,
    });
  }
  items.push({
    subject, kind: 'inspection', due: facts.inspection.due, status: facts.inspection.status,
    detail: {
      kind: 'inspection', months: rules.inspectionMonths.value,
      last: facts.inspection.last ? { date: facts.inspection.last.date, resolved: facts.inspection.last.result === 'pass' ? null : (facts.inspection.last.resolved ?? null) } : null,
      open: facts.inspection.open.map((i) => ({ date: i.date, failed: i.result === 'fail' })),
    },
    rule: facts.inspection.citation,
  });
  return items;
}
