/** Annual training per applicant and co-applicant (rules.md, The foster home, "Annual training"). */
import type { Home } from '../../model/home.js';
import type { RuleSet, TrainingTopic } from '../rule-sets.js';
import { inYear, type LicenseYear } from './license-year.js';
import { caregivers, sameName } from './sources.js';

export type TrainingSession = NonNullable<Home['training']>[number];

export interface TrainingLine extends TrainingSession {
  /** The rule set counts the topic toward the annual hours. */
  readonly counts: boolean;
}

export interface TrainingSummary {
  readonly person: string;
  readonly role: 'applicant' | 'co_applicant';
  /** Hours the rule requires for the home's type. */
  readonly required: number;
  /** Hours attended in the license year whose topic counts. */
  readonly counted: number;
  /** Hours attended in the license year whose topic the rule set does not count. */
  readonly uncounted: number;
  /** required − counted, never below 0. */
  readonly shortfall: number;
  /** The person's sessions in the license year, in date order. */
  readonly sessions: readonly TrainingLine[];
}

/** Half-hours and tenths add without binary-fraction noise (13.5, not 13.499999). */
const round = (hours: number) => Math.round(hours * 100) / 100;

/**
 * rules.md, "Annual training": each `applicant` and `co_applicant` needs the
 * rule's hours (rules.annualTrainingHours for the home type) within the license
 * year, counting only trainings they attended (`attendee`) whose topic the rule
 * set counts (not in rules.uncountedTopics, e.g. Indiana's CPR, first aid and
 * universal precautions). A session dated after the as-of date has not been
 * attended yet and is left out.
 */
export function trainingSummaries(home: Home, year: LicenseYear, asOf: string, rules: RuleSet): TrainingSummary[] {
  const required = rules.annualTrainingHours.value[home.type];
  const uncountedTopics: readonly TrainingTopic[] = rules.uncountedTopics.value;
  return caregivers(home).map((member) => {
    const sessions = (home.training ?? [])
      .filter((t) => sameName(t.attendee, member.name) && inYear(year, t.date) && t.date <= asOf)
      .map((t) => ({ ...t, counts: !uncountedTopics.includes(t.topic) }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const counted = round(sessions.filter((s) => s.counts).reduce((sum, s) => sum + s.hours, 0));
    const uncounted = round(sessions.filter((s) => !s.counts).reduce((sum, s) => sum + s.hours, 0));
    return {
      person: member.name,
      role: member.role as 'applicant' | 'co_applicant',
      required,
      counted,
      uncounted,
      shortfall: round(Math.max(0, required - counted)),
      sessions,
    };
  });
}
