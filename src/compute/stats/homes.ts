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

/**
 * Each period's homes and beds on its P2, in the periods' order. `placedIn`:
 * home id → the children whose placements link to it. Each home's files and
 * children are read once for all periods (a build's view of the root records
 * every read).
 */
export function homesOnP2(homes: readonly HomeSource[], placedIn: ReadonlyMap<string, readonly ChildSource[]>, periods: readonly Period[], rules: RuleSet): HomesOnP2[] {
  const tallies = periods.map(() => ({ licensed: 0, beds: 0, filled: 0, expiring: 0, withOverdue: 0, overdue: [] as DueItem[] }));
  for (const source of homes) {
    const folder: HomeSource = { id: source.id, home: source.home };
    const home = folder.home?.data;
    if (!home) continue;
    const { license } = home;
    const children = (placedIn.get(home.id) ?? []).map((c): ChildSource => ({ id: c.id, case: c.case }));
    const records = caseRecords(children);
    periods.forEach(({ last: P2 }, i) => {
      // A license in force on P2: issued by then, not expired, and active.
      if (license.status !== 'active' || license.issued > P2 || license.expires < P2) return;
      const tally = tallies[i]!;
      tally.licensed += 1;
      tally.beds += license.capacity;
      tally.filled += capacityFact(home, records, P2, rules).placed.length;
      if (license.expires <= addDays(P2, EXPIRING_WITHIN_DAYS)) tally.expiring += 1;
      const items = homeDueItems(folder, children, P2, rules).filter((item) => item.status === 'overdue');
      if (items.length > 0) tally.withOverdue += 1;
      tally.overdue.push(...items);
    });
  }
  return tallies.map(({ licensed, beds, filled, expiring, withOverdue, overdue }) => ({
    figures: [
      count('homes_licensed', licensed),
      count('beds', beds),
      count('beds_filled', filled),
      count('beds_vacant', Math.max(0, beds - filled)),
      count('licenses_expiring', expiring),
      count('homes_overdue', withOverdue),
    ],
    overdue,
  }));
}
