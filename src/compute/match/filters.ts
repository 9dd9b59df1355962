/**
 * The hard filters (issue 15, point 2; domain.md §11b "Capacity and safety"): a
 * home that fails one is not a candidate, and every failure is stated with what
 * it was judged by.
 */
import { addDays } from '../../core/calendar-date.js';
import type { RuleSet } from '../rule-sets.js';
import type { ChildProfile } from './child-profile.js';
import type { Exclusion } from './facts.js';
import type { HomeProfile } from './home-profile.js';

/** A license must be active and run past this many days after the as-of date: a placement is not made into a renewal gap. */
export const LICENSE_DAYS = 30;

/**
 * Every filter the home fails for the child, in a fixed order: the child's own
 * home now; the license (active, not expiring within LICENSE_DAYS); room under
 * the license and the rule set's limits (the family's own children counted;
 * a therapeutic home's lower limits, foster children apart: capacity.ts); the ages and sexes the family takes (default: the license's ages,
 * any sex); the level of care the CANS calls for against the levels the home
 * gives; needs rated 2+ the family does not accept; any background check,
 * certificate or inspection overdue; an unresolved allegation.
 */
export function exclusions(child: ChildProfile, home: HomeProfile, asOf: string, rules: RuleSet): Exclusion[] {
  if (child.current?.home === home.home.id) return [{ reason: 'current_placement' }];
  const out: Exclusion[] = [];
  const { license } = home.home;
  if (license.status !== 'active' || license.expires <= addDays(asOf, LICENSE_DAYS)) {
    out.push({ reason: 'license', status: license.status, expires: license.expires, within_days: LICENSE_DAYS });
  }
  const cap = home.facts.capacity;
  if (cap.placed.length + 1 > cap.licensed) out.push({ reason: 'capacity_license', licensed: cap.licensed, placed: cap.placed.length });
  if (cap.ruleLimit !== undefined && cap.childrenCounted + 1 > cap.ruleLimit) {
    out.push({ reason: 'capacity_rule', limit: cap.ruleLimit, counted: cap.childrenCounted, therapeutic: cap.therapeuticRule, citation: rules.capacity.citation });
  }
  if (cap.fosterRuleLimit !== undefined && cap.placed.length + 1 > cap.fosterRuleLimit) {
    out.push({ reason: 'capacity_rule_foster', limit: cap.fosterRuleLimit, placed: cap.placed.length, citation: rules.capacity.citation });
  }
  if (home.ages && (child.age < home.ages.min || child.age > home.ages.max)) out.push({ reason: 'ages', ...home.ages, age: child.age });
  const sex = child.record.child.sex;
  if (home.sexes && !home.sexes.includes(sex)) out.push({ reason: 'sexes', sexes: [...home.sexes] as typeof sex[], sex });
  for (const needed of child.levels.filter((l) => !home.levels.includes(l))) {
    out.push({ reason: 'level', needed, levels: [...home.levels], from: home.levelsFrom });
  }
  const refused = new Set((home.home.preferences?.not_accepted ?? []).map((b) => b.trim().toLowerCase()));
  const behaviors = child.needs.actionable.filter((r) => refused.has(r.item.toLowerCase()));
  if (behaviors.length) out.push({ reason: 'behaviors', needs: behaviors.map((r) => ({ ...r })) });
  if (home.overdue.length) {
    out.push({ reason: 'overdue', lapsed: home.overdue.map((o) => ({ kind: o.kind, item: o.item ?? null, person: o.person ?? null, due: o.due })) });
  }
  if (home.allegations.length) out.push({ reason: 'allegation', incidents: home.allegations.map((i) => ({ date: i.date, type: i.type })) });
  return out;
}
