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
  /**
   * The rule set's limit on all children, the family's own included (PA 3700.31; IN 465 IAC 2-1.5, lower
   * for a therapeutic home); absent when it defers to the license.
   */
  readonly ruleLimit?: number;
  /** The rule set's limit on foster children in a therapeutic home (IN: 2); absent where it has none. */
  readonly fosterRuleLimit?: number;
  /** The rule set's therapeutic-home limits are the ones that apply (`ruleLimit`, `fosterRuleLimit`). */
  readonly therapeuticRule: boolean;
  /** Placed + own children, counted against `ruleLimit`. */
  readonly childrenCounted: number;
  readonly withinLicense: boolean;
  /** Within `ruleLimit` and `fosterRuleLimit`; true where the rule has no numeric limit. */
  readonly withinRule: boolean;
  /** Foster children the home can still take under every limit (never below 0). */
  readonly room: number;
  readonly citation: string;
}

/**
 * Capacity: the foster children whose open placement links to the home on the
 * as-of date, at most `license.capacity`; where the rule set gives a number
 * (rules.capacity.maxChildren: Pennsylvania 6 "including the family's own",
 * Indiana 6 under 18), the household's own children under 18 count toward it
 * too; a therapeutic foster home under a rule set with therapeutic limits
 * (Indiana: 4 children, of them 2 foster children) is held to those instead.
 */
export function capacityFact(home: Home, records: readonly CaseRecord[], asOf: string, rules: RuleSet): CapacityFact {
  const placed = currentPlacements(home.id, records, asOf);
  const ownChildren = home.household.filter((m) => ageOn(m.dob, asOf) < ADULT_AGE).map((m) => m.name);
  const rule = rules.capacity.value;
  const therapeutic = home.type === 'therapeutic_foster' ? rule.therapeutic : undefined;
  const ruleLimit = therapeutic ? Math.min(therapeutic.maxChildren, rule.maxChildren ?? Infinity) : rule.maxChildren;
  const fosterRuleLimit = therapeutic?.maxFosterChildren;
  const childrenCounted = placed.length + ownChildren.length;
  const room = Math.min(
    home.license.capacity - placed.length,
    ruleLimit === undefined ? Infinity : ruleLimit - childrenCounted,
    fosterRuleLimit === undefined ? Infinity : fosterRuleLimit - placed.length,
  );
  return {
    placed,
    licensed: home.license.capacity,
    ownChildren,
    ...(ruleLimit !== undefined ? { ruleLimit } : {}),
    ...(fosterRuleLimit !== undefined ? { fosterRuleLimit } : {}),
    therapeuticRule: therapeutic !== undefined,
    childrenCounted,
    withinLicense: placed.length <= home.license.capacity,
    withinRule: (ruleLimit === undefined || childrenCounted <= ruleLimit) && (fosterRuleLimit === undefined || placed.length <= fosterRuleLimit),
    room: Math.max(0, room),
    citation: rules.capacity.citation,
  };
}
