/**
 * The agency's homes and beds on P2 (rules.md, "Caseload statistics", homes),
 * from the home clocks (compute/home): capacity, and the items `due` reports.
 */
import { addDays } from '../../core/calendar-date.js';
import type { DueItem } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';
import { capacityFact } from '../home/capacity.js';
import { homeDueItems } from '../home/due-items.js';
import { caseRecords, type ChildSource, type HomeSource } from '../home/sources.js';
import { count, type Figure } from './figures.js';
import type { Period } from './period.js';

/** Licenses expiring within this many days after P2 are counted (rules.md). */
export const EXPIRING_WITHIN_DAYS = 90;

export interface HomesOnP2 {
  readonly figures: readonly Figure[];
  /** Every home item overdue on P2. */
  readonly overdue: readonly DueItem[];
}

/** `placedIn`: home id → the children whose placements link to it (root-view.ts indexRoot keeps it). */
export function homesOnP2(homes: readonly HomeSource[], placedIn: ReadonlyMap<string, readonly ChildSource[]>, period: Period, rules: RuleSet): HomesOnP2 {
  const P2 = period.last;
  const horizon = addDays(P2, EXPIRING_WITHIN_DAYS);
  let licensed = 0;
  let beds = 0;
  let filled = 0;
  let expiring = 0;
  let withOverdue = 0;
  const overdue: DueItem[] = [];
  for (const folder of homes) {
    const home = folder.home?.data;
    if (!home) continue;
    const { license } = home;
    // A license in force on P2: issued by then, not expired, and active.
    if (license.status !== 'active' || license.issued > P2 || license.expires < P2) continue;
    const children = placedIn.get(home.id) ?? [];
    licensed += 1;
    beds += license.capacity;
    filled += capacityFact(home, caseRecords(children), P2, rules).placed.length;
    if (license.expires <= horizon) expiring += 1;
    const items = homeDueItems(folder, children, P2, rules).filter((i) => i.status === 'overdue');
    if (items.length > 0) withOverdue += 1;
    overdue.push(...items);
  }
  return {
    figures: [
      count('homes_licensed', licensed),
      count('beds', beds),
      count('beds_filled', filled),
      count('beds_vacant', Math.max(0, beds - filled)),
      count('licenses_expiring', expiring),
      count('homes_overdue', withOverdue),
    ],
    overdue,
  };
}
