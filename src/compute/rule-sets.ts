/**
 * The built-in rule sets (rules.md, "Built-in rule sets"): every number that
 * comes from a regulation, with its citation, and the agency's overrides from
 * agency.yaml `rules:` shown with the agency's own citation. Templates and
 * checks read these, never literals.
 */
import type { Agency, RULE_NAMES } from '../model/agency.js';
import type { HOME_TYPES } from '../model/agency.js';
import type { CHECK_TYPES, TRAINING_TOPICS } from '../model/home.js';

export type HomeType = (typeof HOME_TYPES)[number];
export type CheckType = Exclude<(typeof CHECK_TYPES)[number], 'out_of_state_registry'>;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];
export type RuleSetId = Agency['state'];

/** One rule: its value, where it comes from, and whether the agency changed it. */
export interface Rule<T> {
  readonly value: T;
  readonly citation: string;
  /** The figure is the best found but not confirmed in the regulation (rules.md marks it). */
  readonly unverified?: boolean;
  /** Set by agency.yaml `rules:`; `citation` is then the agency's. */
  readonly overridden?: boolean;
}

/** Checks a household child needs from the birthday that brings them to `age`. */
export interface ChildCheckRule {
  readonly age: number;
  readonly checks: readonly CheckType[];
}

export interface RuleSet {
  readonly id: RuleSetId;
  /** Permanency hearing cadence: months after DEFC (federal) or after removal (PA), then after each one held. */
  readonly permanencyHearing: Rule<{ readonly months: number; readonly from: 'defc' | 'removal' }>;
  readonly periodicReviewMonths: Rule<number>;
  readonly annualTrainingHours: Rule<Readonly<Record<HomeType, number>>>;
  /** Training topics that do not count toward the annual hours. */
  readonly uncountedTopics: Rule<readonly TrainingTopic[]>;
  /** Home types whose applicants must hold current CPR and first aid certificates. */
  readonly cprFirstAidRequired: Rule<readonly HomeType[]>;
  /** How long an adult's background check stays current. */
  readonly backgroundCheckMonths: Rule<number>;
  /** Checks for household children before 18 (every adult check is due at 18 in every state). */
  readonly householdChildChecks: Rule<readonly ChildCheckRule[]>;
  readonly inspectionMonths: Rule<number>;
  /**
   * Capacity beyond the license's own figure: the number of children, the family's own included, where the
   * rule gives one (none: the license governs), and for therapeutic foster homes a lower number of children
   * and of foster children among them. labels.yaml `capacity_rule` words whom each state's rule counts.
   */
  readonly capacity: Rule<{ readonly maxChildren?: number; readonly therapeutic?: { readonly maxChildren: number; readonly maxFosterChildren: number } }>;
  /** Months between a child's physical exams, dental exams, and CANS reassessments while in care. */
  readonly healthExamMonths: Rule<number>;
  readonly dentalExamMonths: Rule<number>;
  readonly cansMonths: Rule<number>;
  /**
   * The latest CANS ratings that call for a therapeutic foster home (`casepress match`): an item of
   * `domains` rated `anyAt`, or `count` or more of them rated `countAt` or higher.
   */
  readonly therapeuticNeed: Rule<{ readonly domains: readonly string[]; readonly anyAt: number; readonly count: number; readonly countAt: number }>;
  /** The latest CANS ratings that call for a medically complex home: one of `items` rated `atLeast` or higher. */
  readonly medicallyComplexNeed: Rule<{ readonly items: readonly string[]; readonly atLeast: number }>;
}

/** Every adult check; a household member turning 18 needs all of them. */
export const ADULT_CHECKS: readonly CheckType[] = ['state_registry', 'fbi_fingerprint', 'sex_offender_registry'];
export const ADULT_AGE = 18;

const hours = (standard: number, intensive: number): Record<HomeType, number> => ({
  foster: standard,
  kinship: standard,
  pre_adoptive: standard,
  therapeutic_foster: intensive,
  medically_complex: intensive,
});

const FEDERAL_PERMANENCY = '42 U.S.C. 675(5)(C)';

/**
 * Physical and dental exams and CANS reassessment while in care: no state
 * rule set cites a cadence yet, so these are the EPSDT schedule's usual
 * figures and a common CANS practice, each marked unverified until an agency
 * confirms or overrides it.
 */
const WELLBEING_CADENCES = {
  healthExamMonths: { value: 12, citation: 'EPSDT periodicity schedule (42 U.S.C. 1396d(r)); state schedule not confirmed', unverified: true },
  dentalExamMonths: { value: 6, citation: 'EPSDT periodicity schedule (42 U.S.C. 1396d(r)); state schedule not confirmed', unverified: true },
  cansMonths: { value: 6, citation: 'casepress default (no state rule found)', unverified: true },
} as const satisfies Pick<RuleSet, 'healthExamMonths' | 'dentalExamMonths' | 'cansMonths'>;

/**
 * Level of care by the CANS action levels (domain.md §7.1, §11b: therapeutic care for
 * behavioral or emotional needs a regular home cannot meet; a medically complex home for
 * medical needs). No state rule set gives these thresholds: the figures, marked
 * unverified until an agency confirms them (agency.yaml `rules: confirmed:`).
 */
const LEVEL_OF_CARE = {
  therapeuticNeed: {
    value: { domains: ['behavioral_emotional_needs', 'risk_behaviors'], anyAt: 3, count: 3, countAt: 2 },
    citation: 'CANS action levels (Praed Foundation); no state threshold found', unverified: true,
  },
  medicallyComplexNeed: {
    value: { items: ['medical_physical'], atLeast: 2 },
    citation: 'CANS action levels (Praed Foundation); no state threshold found', unverified: true,
  },
} as const satisfies Pick<RuleSet, 'therapeuticNeed' | 'medicallyComplexNeed'>;

export const RULE_SETS: Readonly<Record<RuleSetId, RuleSet>> = {
  KY: {
    id: 'KY',
    permanencyHearing: { value: { months: 12, from: 'defc' }, citation: `KRS 610.125; ${FEDERAL_PERMANENCY}` },
    periodicReviewMonths: { value: 6, citation: 'KRS 620.240' },
    annualTrainingHours: { value: hours(10, 22), citation: 'DCBS SOP 12.15 (Care Plus / medically complex: 22)', unverified: true },
    uncountedTopics: { value: [], citation: 'DCBS SOP 12.15' },
    cprFirstAidRequired: { value: ['therapeutic_foster', 'medically_complex'], citation: 'DCBS SOP 12.15' },
    backgroundCheckMonths: { value: 12, citation: 'DCBS SOP 12.16' },
    householdChildChecks: { value: [{ age: 12, checks: ['state_registry'] }], citation: 'DCBS SOP 12.16' },
    inspectionMonths: { value: 12, citation: 'DCBS SOP 12.15 (annual re-evaluation)' },
    capacity: { value: {}, citation: '922 KAR 1:310' },
    ...WELLBEING_CADENCES,
    ...LEVEL_OF_CARE,
  },
  PA: {
    id: 'PA',
    permanencyHearing: { value: { months: 6, from: 'removal' }, citation: '42 Pa.C.S. 6351(e)(3); Pa.R.J.C.P. 1608' },
    periodicReviewMonths: { value: 6, citation: '42 Pa.C.S. 6351(e)' },
    annualTrainingHours: { value: hours(6, 6), citation: '55 Pa. Code 3700.65' },
    uncountedTopics: { value: [], citation: '55 Pa. Code 3700.65' },
    cprFirstAidRequired: { value: ['therapeutic_foster'], citation: '55 Pa. Code 3700.65' },
    backgroundCheckMonths: { value: 60, citation: '23 Pa.C.S. 6344.4', unverified: true },
    householdChildChecks: { value: [{ age: 14, checks: ADULT_CHECKS }], citation: '23 Pa.C.S. 6344' },
    inspectionMonths: { value: 12, citation: '55 Pa. Code 3700.69 (annual reevaluation)' },
    capacity: { value: { maxChildren: 6 }, citation: '55 Pa. Code 3700.31' },
    ...WELLBEING_CADENCES,
    ...LEVEL_OF_CARE,
  },
  IN: {
    id: 'IN',
    // 12 months after removal or the dispositional decree, whichever is first: the decree of the same
    // episode always follows the removal, so the clock runs from the removal (earlier than DEFC + 12).
    permanencyHearing: { value: { months: 12, from: 'removal' }, citation: 'IC 31-34-21-7(a)(2)' },
    periodicReviewMonths: { value: 6, citation: 'IC 31-34-21-2' },
    annualTrainingHours: { value: hours(20, 20), citation: '465 IAC 2-1.5', unverified: true },
    uncountedTopics: { value: ['cpr', 'first_aid', 'universal_precautions'], citation: '465 IAC 2-1.5' },
    cprFirstAidRequired: { value: ['foster', 'kinship', 'therapeutic_foster', 'medically_complex', 'pre_adoptive'], citation: '465 IAC 2-1.5' },
    backgroundCheckMonths: { value: 48, citation: '465 IAC 2-1.5', unverified: true },
    householdChildChecks: { value: [], citation: '465 IAC 2-1.5' },
    inspectionMonths: { value: 12, citation: '465 IAC 2-1.5' },
    capacity: { value: { maxChildren: 6, therapeutic: { maxChildren: 4, maxFosterChildren: 2 } }, citation: '465 IAC 2-1.5' },
    ...WELLBEING_CADENCES,
    ...LEVEL_OF_CARE,
  },
  generic: {
    id: 'generic',
    permanencyHearing: { value: { months: 12, from: 'defc' }, citation: FEDERAL_PERMANENCY },
    periodicReviewMonths: { value: 6, citation: '42 U.S.C. 675(5)(B)' },
    annualTrainingHours: { value: hours(12, 12), citation: 'casepress default (set your state\'s figure under rules:)' },
    uncountedTopics: { value: [], citation: 'casepress default' },
    cprFirstAidRequired: { value: ['therapeutic_foster'], citation: 'casepress default' },
    backgroundCheckMonths: { value: 24, citation: 'casepress default' },
    householdChildChecks: { value: [], citation: 'casepress default' },
    inspectionMonths: { value: 12, citation: 'casepress default' },
    capacity: { value: {}, citation: 'casepress default' },
    ...WELLBEING_CADENCES,
    ...LEVEL_OF_CARE,
  },
};

export type RuleName = (typeof RULE_NAMES)[number];
type RuleKey = Exclude<keyof RuleSet, 'id'>;

/** Each rule's agency.yaml name (`rules:` overrides and `rules: confirmed:`). */
const RULE_NAME: Readonly<Record<RuleKey, RuleName>> = {
  permanencyHearing: 'permanency_hearing_months',
  periodicReviewMonths: 'periodic_review_months',
  annualTrainingHours: 'annual_training_hours',
  uncountedTopics: 'uncounted_topics',
  cprFirstAidRequired: 'cpr_first_aid_required',
  backgroundCheckMonths: 'background_check_months',
  householdChildChecks: 'household_child_checks',
  inspectionMonths: 'inspection_months',
  capacity: 'capacity',
  healthExamMonths: 'health_exam_months',
  dentalExamMonths: 'dental_exam_months',
  cansMonths: 'cans_months',
  therapeuticNeed: 'therapeutic_need',
  medicallyComplexNeed: 'medically_complex_need',
};

/** What placement matching reads (`casepress match` and its worksheet): the home's clocks and the level-of-care thresholds. */
const MATCH_RULES: readonly RuleKey[] = [
  'backgroundCheckMonths', 'householdChildChecks', 'cprFirstAidRequired', 'inspectionMonths', 'capacity', 'therapeuticNeed', 'medicallyComplexNeed',
];

/** The rules each document type reads, and what `due` reads: whose unverified values a run warns about. */
const RULES_READ: Readonly<Record<string, readonly RuleKey[]>> = {
  'court-report': ['permanencyHearing', 'periodicReviewMonths', 'healthExamMonths', 'dentalExamMonths', 'cansMonths'],
  'service-plan': [],
  'transition-plan': [],
  'home-study': ['annualTrainingHours', 'uncountedTopics', 'cprFirstAidRequired', 'backgroundCheckMonths', 'householdChildChecks', 'inspectionMonths', 'capacity'],
  'relicensing-packet': ['annualTrainingHours', 'uncountedTopics', 'cprFirstAidRequired', 'backgroundCheckMonths', 'householdChildChecks', 'inspectionMonths', 'capacity'],
  'matching-worksheet': MATCH_RULES,
  match: MATCH_RULES,
  due: (Object.keys(RULE_NAME) as RuleKey[]).filter((k) => k !== 'therapeuticNeed' && k !== 'medicallyComplexNeed'),
};

/** An unverified rule value a run uses: documents never say so; the command line does, once per run. */
export interface UnverifiedRule {
  readonly name: RuleName;
  readonly citation: string;
}

/** The unverified values among the rules `readers` read (document types, or `due`), each once. */
export function unverifiedRules(rules: RuleSet, readers: Iterable<string>): UnverifiedRule[] {
  const keys = new Set([...readers].flatMap((r) => RULES_READ[r] ?? []));
  return [...keys].filter((k) => rules[k].unverified).map((k) => ({ name: RULE_NAME[k], citation: rules[k].citation }));
}

/** The agency's rule set: the built-in one for its state with agency.yaml `rules:` laid over it. */
export function ruleSetFor(agency: Pick<Agency, 'state' | 'rules'>): RuleSet {
  const base = confirmedBy(RULE_SETS[agency.state], agency.rules?.confirmed ?? []);
  const overrides = agency.rules;
  if (!overrides) return base;
  const citation = overrides.citation ?? 'agency policy (agency.yaml)';
  const override = <T>(rule: Rule<T>, value: T | null | undefined): Rule<T> =>
    value == null ? rule : { value, citation, overridden: true };
  const training = overrides.annual_training_hours;
  return {
    ...base,
    permanencyHearing: override(
      base.permanencyHearing,
      overrides.permanency_hearing_months == null ? undefined : { months: overrides.permanency_hearing_months, from: base.permanencyHearing.value.from },
    ),
    periodicReviewMonths: override(base.periodicReviewMonths, overrides.periodic_review_months),
    annualTrainingHours: override(base.annualTrainingHours, training ? { ...base.annualTrainingHours.value, ...stripNulls(training) } : undefined),
    backgroundCheckMonths: override(base.backgroundCheckMonths, overrides.background_check_months),
    inspectionMonths: override(base.inspectionMonths, overrides.inspection_months),
    healthExamMonths: override(base.healthExamMonths, overrides.health_exam_months),
    dentalExamMonths: override(base.dentalExamMonths, overrides.dental_exam_months),
    cansMonths: override(base.cansMonths, overrides.cans_months),
  };
}

/** The rule set with the rules the agency confirmed no longer unverified. */
function confirmedBy(rules: RuleSet, confirmed: readonly RuleName[]): RuleSet {
  if (confirmed.length === 0) return rules;
  const out: Record<string, unknown> = { ...rules };
  for (const key of Object.keys(RULE_NAME) as RuleKey[]) {
    if (confirmed.includes(RULE_NAME[key]) && rules[key].unverified) out[key] = { ...rules[key], unverified: false };
  }
  return out as unknown as RuleSet;
}

function stripNulls<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v != null)) as Partial<T>;
}
