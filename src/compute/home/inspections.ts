/** The home safety inspection (rules.md, The foster home, "Home safety inspection"). */
import { addMonths } from '../../core/calendar-date.js';
import type { Home } from '../../model/home.js';
import type { DueStatus } from '../due-item.js';
import { openStatus } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';

export type Inspection = NonNullable<Home['inspections']>[number];

export interface InspectionFact {
  /** The last home_safety inspection that counts: passed, or corrections resolved. */
  readonly last?: Inspection;
  /** Home safety inspections after `last` that do not count yet: failed, or corrections not resolved. */
  readonly open: readonly Inspection[];
  readonly due: string;
  readonly status: DueStatus;
  /** A counting inspection is current on the as-of date and no later one is open. */
  readonly met: boolean;
  readonly citation: string;
}

/**
 * An inspection counts with result `pass`, or `corrections_required` with a
 * `resolved` date (on or before the as-of date: a later one has not happened yet).
 */
function counts(inspection: Inspection, asOf: string): boolean {
  if (inspection.type !== 'home_safety' || inspection.date > asOf) return false;
  if (inspection.result === 'pass') return true;
  return inspection.result === 'corrections_required' && inspection.resolved !== undefined && inspection.resolved !== null && inspection.resolved <= asOf;
}

/**
 * rules.md, "Home safety inspection": due rules.inspectionMonths (12) after the
 * last `home_safety` inspection with result `pass` (or `corrections_required`
 * with a `resolved` date). A later failed or unresolved inspection does not move
 * the date; it is named in the detail and makes the requirement unmet. With no
 * counting inspection on file the item is due on the as-of date and overdue.
 */
export function inspectionFact(home: Home, asOf: string, rules: RuleSet): InspectionFact {
  const months = rules.inspectionMonths.value;
  const citation = rules.inspectionMonths.citation;
  const safety = (home.inspections ?? []).filter((i) => i.type === 'home_safety' && i.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const last = safety.filter((i) => counts(i, asOf)).at(-1);
  const open = safety.filter((i) => !counts(i, asOf) && (!last || i.date > last.date));
  if (!last) {
    return { open, due: asOf, status: 'overdue', met: false, citation };
  }
  const due = addMonths(last.date, months);
  return { last, open, due, status: openStatus(due, asOf), met: due >= asOf && open.length === 0, citation };
}
