/** Capacity against the children in the home (rules.md, Built-in rule sets, "capacity"). */
import { ageOn } from '../../core/calendar-date.js';
import type { CaseRecord } from '../../model/case.js';
import type { Home } from '../../model/home.js';
import { ADULT_AGE, type RuleSet } from '../rule-sets.js';
import { currentPlacements, type CurrentPlacement } from './placements.js';

export interface CapacityFact {
  /** Foster children placed on the as-of date. */
  readonly placed: readonly CurrentPlacement[];
  /** The license's own capacity (foster children). */
  readonly licensed: number;
  /** Household members under 18 on the as-of date: the family's own children. */
  readonly ownChildren: readonly string[];
  /** The rule set's limit on all children, the family's own included (PA 3700.31; IN 465 IAC 2-1.5); absent when it defers to the license. */
  readonly ruleLimit?: number;
  /** Placed + own children, counted against `ruleLimit`. */
  readonly childrenCounted: number;
  readonly withinLicense: boolean;
  /** True where the rule has no numeric limit. */
  readonly withinRule: boolean;
  readonly citation: string;
}

/**
 * Capacity: the foster children whose open placement links to the home on the
 * as-of date, at most `license.capacity`; where the rule set gives a number
 * (rules.capacity.maxChildren: Pennsylvania 6 "including the family's own",
 * Indiana 6 under 18), the household's own children under 18 count toward it
 * too. Indiana's therapeutic limit (4, of them 2 foster children) has no number
 * in the RuleSet: the packet words it (labels.yaml `capacity_rule`).
 */
export function capacityFact(home: Home, records: readonly CaseRecord[], asOf: string, rules: RuleSet): CapacityFact {
  const placed = currentPlacements(home.id, records, asOf);
  const ownChildren = home.household.filter((m) => ageOn(m.dob, asOf) < ADULT_AGE).map((m) => m.name);
  const ruleLimit = rules.capacity.value.maxChildren;
  const childrenCounted = placed.length + ownChildren.length;
  return {
    placed,
    licensed: home.license.capacity,
    ownChildren,
    ...(ruleLimit !== undefined ? { ruleLimit } : {}),
    childrenCounted,
    withinLicense: placed.length <= home.license.capacity,
    withinRule: ruleLimit === undefined || childrenCounted <= ruleLimit,
    citation: rules.capacity.citation,
  };
}
