/** children/<case-id>/case.yaml: the child, removal, court, parents, placements … (case-format.md). */
import { z } from './zod.js';
import { address, calendarDate, expecting, id, last4, narrativeText, opt, person, text } from './primitives.js';

export const RACES = [
  'american_indian_alaska_native', 'asian', 'black', 'native_hawaiian_pacific_islander', 'white',
  'unable_to_determine', 'declined',
] as const;
export const REMOVAL_REASONS = [
  'physical_abuse', 'sexual_abuse', 'neglect', 'parent_alcohol_abuse', 'parent_drug_abuse',
  'child_alcohol_abuse', 'child_drug_abuse', 'child_disability', 'child_behavior', 'parent_death',
  'parent_incarceration', 'caretaker_inability', 'abandonment', 'relinquishment', 'inadequate_housing',
] as const;
export const DISCHARGE_REASONS = [
  'reunification', 'live_with_relative', 'adoption', 'emancipation', 'guardianship', 'transfer',
  'runaway', 'death',
] as const;
export const HEARING_TYPES = [
  'emergency_custody', 'adjudication', 'disposition', 'review', 'permanency', 'tpr', 'adoption', 'other',
] as const;
export const FINDING_TYPES = [
  'contrary_to_welfare', 'reasonable_efforts_prevent_removal', 'reasonable_efforts_finalize_plan',
  'reasonable_efforts_not_required', 'qrtp_approval', 'appla_compelling_reasons', 'icwa_active_efforts',
] as const;
export const PERMANENCY_GOALS = ['reunification', 'adoption', 'guardianship', 'live_with_relative', 'appla'] as const;
export const PLACEMENT_SETTINGS = [
  'pre_adoptive', 'foster_family_relative', 'foster_family_nonrelative', 'therapeutic_foster',
  'group_home', 'institution', 'supervised_independent_living', 'trial_home_visit', 'runaway',
  'hospital', 'detention',
] as const;

export const TRIBE_STATUSES = ['member', 'eligible', 'not_eligible', 'pending'] as const;
export const SEXES = ['male', 'female', 'unknown'] as const;
export const REMOVAL_MANNERS = ['court_ordered', 'voluntary'] as const;
export const TPR_EXCEPTIONS = ['relative_placement', 'compelling_reason', 'services_not_provided'] as const;
export const PARENT_RIGHTS = ['intact', 'terminated', 'relinquished', 'deceased'] as const;

const tribe = z.strictObject({
  name: text,
  notice_sent: opt(calendarDate),
  method: opt(text),
  response: opt(text),
  status: z.enum(TRIBE_STATUSES),
});

const child = z.strictObject({
  name: text,
  preferred_name: opt(text),
  dob: calendarDate,
  sex: z.enum(SEXES),
  gender_identity: opt(text),
  race: z.array(z.enum(RACES)).min(1),
  hispanic: z.boolean(),
  languages: opt(z.array(text)),
  /**
   * The child's school, placement county and city, and providers' addresses never reach a
   * parent (case-format.md, Audiences); implied when any parent has a `no_contact` order.
   */
  location_confidential: opt(z.boolean()),
  icwa: z.strictObject({
    inquiry_dates: z.array(calendarDate),
    reason_to_know: z.boolean(),
    tribes: opt(z.array(tribe)),
  }),
});

const priorEpisode = z.strictObject({
  removal_date: calendarDate,
  entered_care: opt(calendarDate),
  discharge_date: calendarDate,
  discharge_reason: z.enum(DISCHARGE_REASONS),
});

const removal = z.strictObject({
  date: calendarDate,
  manner: z.enum(REMOVAL_MANNERS),
  reasons: z.array(z.enum(REMOVAL_REASONS)).min(1),
  adjudication_date: opt(calendarDate),
  prior_episodes: opt(z.array(priorEpisode)),
  /** The current episode's end: the case closed (AFCARS date and reason for discharge). */
  discharge: opt(z.strictObject({ date: calendarDate, reason: z.enum(DISCHARGE_REASONS) })),
});

const finding = z.strictObject({ type: z.enum(FINDING_TYPES), made: z.boolean() });

const hearing = z.strictObject({
  date: calendarDate,
  type: z.enum(HEARING_TYPES),
  outcome: opt(narrativeText),
  orders: opt(z.array(narrativeText)),
  findings: opt(z.array(finding)),
  /** The hearing did not go ahead; `next_date` reschedules it (same type). */
  continued: opt(z.boolean()),
  next_date: opt(calendarDate),
  /** What a hearing of type `other` is ("Petition for permanent custody"). */
  title: opt(text),
});

export const STANDING_ORDER_KINDS = ['caseworker_visits', 'family_time', 'sibling_visits'] as const;

/** A frequency the court ordered (case-format.md `court.standing_orders`), compared with what happened. */
const standingOrder = z.strictObject({
  kind: z.enum(STANDING_ORDER_KINDS),
  /** For family time: whose. */
  parent: opt(z.enum(['mother', 'father', 'putative_father', 'legal_guardian', 'other'])),
  at_least: z.number().int().min(1),
  per: z.enum(['week', 'month']),
  from: calendarDate,
  until: opt(calendarDate),
});

const court = z.strictObject({
  name: text,
  county: text,
  docket: text,
  judge: opt(text),
  hearings: z.array(hearing),
  standing_orders: opt(z.array(standingOrder)),
});

const permanency = z.strictObject({
  goal: z.enum(PERMANENCY_GOALS),
  concurrent_goal: opt(z.enum(PERMANENCY_GOALS)),
  goal_established: calendarDate,
  target_date: opt(calendarDate),
  /** Why no TPR petition at 15 of 22 months (42 U.S.C. 675(5)(E)). */
  tpr_exception: opt(
    z.strictObject({
      type: z.enum(TPR_EXCEPTIONS),
      documented: calendarDate,
      reason: narrativeText,
    }),
  ),
});

/** The roles a parent record can have (a treatment passage names its parent by one). */
export const PARENT_ROLES = ['mother', 'father', 'putative_father', 'legal_guardian', 'other'] as const;
export type ParentRole = (typeof PARENT_ROLES)[number];

const parent = z.strictObject({
  name: text,
  role: z.enum(PARENT_ROLES),
  rights: z.enum(PARENT_RIGHTS),
  address: opt(address),
  phone: opt(text),
  email: opt(text),
  language: opt(text),
  interpreter: opt(z.boolean()),
  /** Address and phone withheld from parties (e.g. domestic violence). */
  confidential: opt(z.boolean()),
  attorney: opt(person),
  incarcerated: opt(z.boolean()),
  /** A protective or no-contact order against this parent: the child's location becomes confidential. */
  no_contact: opt(z.strictObject({ ordered: calendarDate, by: text, terms: text })),
  tpr: opt(z.strictObject({ petition_filed: opt(calendarDate), granted: opt(calendarDate) })),
});

const placement = z.strictObject({
  start: calendarDate,
  end: opt(calendarDate),
  setting: z.enum(PLACEMENT_SETTINGS),
  home: opt(id),
  provider: opt(text),
  county: text,
  reason_for_change: opt(narrativeText),
  /** A group home or institution that is a Qualified Residential Treatment Program (42 U.S.C. 675a(c)). */
  qrtp: opt(z.strictObject({ assessment: opt(calendarDate), court_approval: opt(calendarDate) })),
});

const sibling = z.strictObject({
  name: text,
  dob: opt(calendarDate),
  case_id: opt(id),
  placed_together: z.boolean(),
  placement: opt(text),
  contact: opt(text),
});

const education = z.strictObject({
  school: text,
  /** The school district, which a placement's school stability is judged by (`casepress match`). */
  school_district: opt(text),
  grade: z.union([text, z.number().int().min(0).max(12)], { error: expecting('grade') }),
  iep: z.boolean(),
  plan_504: z.boolean(),
  school_changes_since_removal: opt(z.number().int().min(0)),
  best_interest_determination: opt(calendarDate),
  notes: opt(narrativeText),
});

const medication = z.strictObject({
  name: text,
  dose: text,
  prescriber: text,
  psychotropic: z.boolean(),
  consent_date: opt(calendarDate),
});

const health = z.strictObject({
  medicaid_id_last4: opt(last4),
  last_physical: opt(calendarDate),
  last_dental: opt(calendarDate),
  last_vision: opt(calendarDate),
  immunizations_current: z.boolean(),
  diagnoses: opt(z.array(text)),
  medications: opt(z.array(medication)),
  therapy: opt(z.strictObject({ provider: text, type: text, frequency: text })),
});

/**
 * What an older youth has received under the federal transition rules, by date: each free
 * consumer credit report (yearly from 14, 42 U.S.C. 675(5)(I)) and each NYTD outcomes
 * survey (the baseline at 17 in cohort years, 45 CFR 1356.82). `due` reads them.
 */
const youth = z.strictObject({
  credit_reports: opt(z.array(calendarDate)),
  nytd_surveys: opt(z.array(calendarDate)),
});

export const caseRecord = z
  .strictObject({
    id,
    caseworker: id,
    supervisor: id,
    child,
    removal,
    court,
    permanency,
    parents: z.array(parent),
    others: opt(z.array(person)),
    placements: z.array(placement).min(1),
    siblings: opt(z.array(sibling)),
    education: opt(education),
    health: opt(health),
    youth: opt(youth),
  })
  .meta({ title: 'casepress case.yaml', description: "One child's case: removal, court, parents, placements." });

export type CaseRecord = z.infer<typeof caseRecord>;
export type Placement = z.infer<typeof placement>;
export type Parent = z.infer<typeof parent>;
export type Hearing = z.infer<typeof hearing>;
