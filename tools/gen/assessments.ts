/**
 * CANS assessments: an initial one soon after removal and a reassessment about
 * every six months, the items of the Kentucky CANS 2.0 rated 0-3 (strengths the
 * other way round) and trauma experiences yes/no, with needs easing over time.
 */
import type { Assessment } from '../../src/model/assessment.js';
import { addDays, addMonths, ageOn, onWeekday } from './dates.js';
import type { Child } from './family.js';
import type { Random } from './random.js';
import { toYaml } from './yaml-text.js';
import type { Note } from './contacts.js';

const ITEMS: Readonly<Record<string, readonly string[]>> = {
  life_functioning: ['family_functioning', 'living_situation', 'social_functioning', 'school_behavior', 'school_achievement', 'school_attendance', 'sleep', 'medical_physical', 'decision_making'],
  behavioral_emotional_needs: ['impulsivity_hyperactivity', 'depression', 'anxiety', 'oppositional', 'conduct', 'adjustment_to_trauma', 'anger_control', 'substance_use'],
  risk_behaviors: ['suicide_risk', 'non_suicidal_self_injury', 'danger_to_others', 'runaway', 'delinquent_behavior', 'intentional_misbehavior'],
  strengths: ['family_strengths', 'interpersonal', 'educational_setting', 'talents_interests', 'spiritual_religious', 'cultural_identity', 'community_life', 'natural_supports', 'resiliency'],
  caregiver: ['supervision', 'involvement_with_care', 'knowledge', 'social_resources', 'family_stress'],
};
const TRAUMA = ['sexual_abuse', 'physical_abuse', 'emotional_abuse', 'neglect', 'medical_trauma', 'witness_family_violence', 'witness_community_violence', 'parental_criminal_behavior', 'disruption_in_caregiving'];
const SCHOOL_ITEMS = new Set(['school_behavior', 'school_achievement', 'school_attendance']);
const TEEN_ITEMS = new Set(['substance_use', 'delinquent_behavior', 'runaway', 'suicide_risk', 'non_suicidal_self_injury']);

export function assessments(rng: Random, child: Child, assessor: string, asOf: string): Note[] {
  const family = child.family;
  const age = ageOn(child.dob, asOf);
  if (age < 1) return [];
  const severity = rng.next();
  const base = new Map<string, number>();
  for (const [domain, items] of Object.entries(ITEMS)) for (const item of items) base.set(`${domain}.${item}`, Math.min(3, Math.floor(rng.next() * 2.2 + severity * 1.6)));
  const trauma = new Map(TRAUMA.map((t) => [t, t === 'disruption_in_caregiving' || (t === 'neglect' && family.reasons.includes('neglect')) || (t === 'physical_abuse' && family.reasons.includes('physical_abuse')) || (t === 'sexual_abuse' && family.reasons.includes('sexual_abuse')) || rng.chance(0.2)] as const));
  const dates: { date: string; reason: Assessment['reason'] }[] = [];
  const first = onWeekday(addDays(family.removal, rng.int(20, 30)));
  if (first <= asOf && first >= addMonths(asOf, -20)) dates.push({ date: first, reason: 'initial' });
  for (let d = addMonths(first, 6); d <= asOf; d = addMonths(d, 6)) if (d >= addMonths(asOf, -13)) dates.push({ date: onWeekday(addDays(d, -rng.int(0, 14))), reason: 'reassessment' });
  return dates.filter((d) => d.date <= asOf).map(({ date, reason }, n) => {
    const ratings: Assessment['ratings'] = [];
    const ageThen = ageOn(child.dob, date);
    for (const [domain, items] of Object.entries(ITEMS)) {
      for (const item of items) {
        if ((SCHOOL_ITEMS.has(item) && ageThen < 5) || (TEEN_ITEMS.has(item) && ageThen < 8)) {
          ratings.push({ domain, item, rating: 'na' });
          continue;
        }
        const improved = Math.max(0, base.get(`${domain}.${item}`)! - (n > 0 && rng.chance(0.35) ? 1 : 0));
        ratings.push({ domain, item, rating: improved as 0 | 1 | 2 | 3 });
      }
    }
    for (const [item, yes] of trauma) ratings.push({ domain: 'trauma', item, rating: yes ? 'yes' : 'no' });
    const record: Assessment = {
      tool: 'CANS',
      version: 'Kentucky CANS 2.0',
      date,
      assessor,
      reason,
      ratings,
      notes: reason === 'initial'
        ? `Initial CANS completed with ${child.call} and the caregiver within 30 days of removal. Needs rated 2 or 3 are carried into the case plan.`
        : `Reassessment for the six-month plan review with ${child.call}, the caregiver and the therapist. Ratings reflect the last 30 days.`,
    };
    const path = `assessments/cans-${date.slice(0, 7)}${n > 0 && dates[n - 1]!.date.slice(0, 7) === date.slice(0, 7) ? `-${n}` : ''}.yaml`;
    return { path, text: toYaml(`children/${child.id}/${path}`, 'assessment', record) };
  });
}
