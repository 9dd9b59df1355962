/** The court report's facts (templates/court-report.md.hbs and its court-* partials): see common.ts for the conventions. */
import { z } from '../../../model/zod.js';
import { RULE_SETS } from '../../../model/agency.js';
import { CANS_REASONS } from '../../../model/assessment.js';
import {
  DISCHARGE_REASONS,
  FINDING_TYPES,
  HEARING_TYPES,
  PARENT_RIGHTS,
  PARENT_ROLES,
  PERMANENCY_GOALS,
  PLACEMENT_SETTINGS,
  REMOVAL_MANNERS,
  REMOVAL_REASONS,
  SEXES,
  TPR_EXCEPTIONS,
  TRIBE_STATUSES,
} from '../../../model/case.js';
import { CANCELLED_BY, CONTACT_LOCATIONS, CONTACT_TYPES, VISIT_ATTENDANCE, VISIT_LEVELS } from '../../../model/notes.js';
import { GOAL_AREAS, GOAL_FOR, OBJECTIVE_STATUSES, PLAN_TYPES, SERVICE_STATUSES } from '../../../model/plan.js';
import { ROLES } from '../../../model/primitives.js';
import { DOCUMENT_STATUSES } from '../../../model/transition.js';
import { PROTECTED } from '../../audience.js';
import { NOT_A_MOVE_SETTINGS } from '../../case/placements.js';
import { dueDetail } from '../../due-detail.js';
import { DUE_KINDS } from '../../due-item.js';
import { agency, audience, called, checkups, count, date, education, placementWhere, postalAddress, reader, text } from './common.js';
import { EXIT_DOCUMENTS } from './transition-plan.js';
import { COURT_REQUIRED, type CourtRequired } from '../readiness.js';

/** Therapy types labels.yaml names (`therapy_type`); another prints as the data writes it. */
export const THERAPY_TYPES = ['trauma_focused_cbt', 'play_therapy', 'child_parent_psychotherapy', 'dbt_informed_individual_therapy'] as const;
/** Others the certificate of service lists, by their role in case.yaml `others` (labelled by `served_as`). */
export const SERVED_OTHERS = ['gal', 'casa', 'tribe_representative', 'attorney'] as const;

/** A person named in the data: a role, a name, or a foster parent this copy names by home id only. */
const who = z.object({ role: z.enum(ROLES).nullable().describe('label: participant'), name: text().nullable(), foster_home: text().nullable() });
export type Who = z.infer<typeof who>;

export const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'] as const;
export type Month = (typeof MONTHS)[number];
/** A calendar month: its year and its code (labels.yaml `month`). */
const month = { year: count(), month: z.enum(MONTHS).describe('label: month') };

const hearingType = z.enum(HEARING_TYPES).describe('label: hearing_type');
const parentRole = z.enum(PARENT_ROLES).describe('label: parent_role');
const visitLevel = z.enum(VISIT_LEVELS).describe('label: visit_level');
const cancelledBy = z.enum([...CANCELLED_BY, 'unknown']).describe('label: cancelled_by');
const permanencyGoal = z.enum(PERMANENCY_GOALS).describe('label: permanency_goal');
const setting = z.enum(PLACEMENT_SETTINGS).describe('label: placement_setting');


/** An ASFA clock: when the next hearing of its kind is due, from what, and whether one is set. */
const clock = z.object({
  due: date(),
  months: count(),
  basis: z.enum(['defc', 'removal', 'hearing']).describe('counted from: the date entered foster care, the removal, or a hearing held'),
  basis_hearing: hearingType.nullable(),
  basis_date: date(),
  scheduled_date: date().nullable(),
  scheduled_type: hearingType.nullable(),
  satisfied: z.boolean(),
  overdue: z.boolean(),
  rule: text().nullable(),
});

/** A plan goal's service, or the marker in provider and type where the copy withholds it. */
const service = z.object({
  withheld: z.boolean(),
  part2: z.boolean(),
  provider: who,
  type: text(),
  frequency: text().nullable(),
  start: date().nullable(),
  end: date().nullable(),
  status: z.enum(SERVICE_STATUSES).nullable().describe('label: service_status'),
});

const goal = z.object({
  id: text(),
  for: z.enum(GOAL_FOR).describe('label: goal_for'),
  area: z.enum(GOAL_AREAS).describe('label: goal_area'),
  statement: text(),
  objectives: z.array(z.object({ statement: text(), target_date: date().nullable(), status: z.enum(OBJECTIVE_STATUSES).describe('label: objective_status') })),
  objectives_met: count(),
  objectives_total: count(),
  services: z.array(service),
  services_withheld: z.boolean(),
  goal_withheld: z.boolean(),
  services_part2: z.boolean(),
});

/** Family time in the period, for one parent, for siblings, or for everyone. */
const familyTime = z.object({
  visits: count(),
  offered: count(),
  attended: count(),
  late: count(),
  missed: count(),
  rate_percent: count().nullable(),
  level: visitLevel.nullable(),
  last_visit: date().nullable(),
  cancellations: z.array(z.object({ by: cancelledBy, count: count() })),
  any_cancelled: z.boolean(),
});

/** A court note written for this hearing, in parts: block quotes (a letter) and the text around them. */
const noteBlock = z.object({ title: text().nullable(), parts: z.array(z.object({ quote: z.boolean(), text: text() })) });

const requiredSection = z.enum(COURT_REQUIRED).describe('label: required_section');

const rating = z.object({ domain: text(), item: text(), rating: text() });

export const courtReportFacts = z.object({
  audience,
  reader,
  as_of: date(),
  agency,
  /** The caption's first line (null for the generic rule set). */
  jurisdiction: z.enum(RULE_SETS.filter((s) => s !== 'generic') as ['KY', 'PA', 'IN']).nullable().describe('label: jurisdiction'),
  case_id: text(),
  hearing: z.object({ date: date(), type: hearingType.nullable(), title: text().nullable().describe('what a hearing of type other is'), continued_from: date().nullable() }),
  court: z.object({ name: text(), county: text(), docket: text(), judge: text().nullable() }),
  child: z.object({ name: text(), preferred_name: text().nullable(), called: called(), dob: date(), age: count(), sex: z.enum(SEXES).describe('label: sex'), languages: z.array(text()).nullable() }),
  caseworker: z.object({ name: text(), title: text(), phone: text().nullable(), email: text().nullable() }).nullable(),
  supervisor: z.object({ name: text(), title: text() }).nullable(),
  period: z.object({ from: date(), to: date(), since_hearing: z.boolean() }),
  legal: z.object({
    removal_date: date(),
    removal_manner: z.enum(REMOVAL_MANNERS).describe('label: removal_manner'),
    adjudication_date: date().nullable(),
    disposition_date: date().nullable(),
    entered_care: date(),
    /** The date entered foster care is the adjudication's (earlier than 60 days after removal), or 60 days after the removal. */
    entered_care_from_adjudication: z.boolean(),
    months_in_care: count(),
    days_over_months: count(),
    days_in_care: count(),
    days_current_episode: count(),
    days_prior_episodes: count(),
    permanency_hearing: clock,
    periodic_review: clock,
  }),
  /** 15 of the most recent 22 months (42 U.S.C. 675(5)(E)). */
  tpr: z.object({
    entered_care: date(),
    reached: date().nullable(),
    projected: date().nullable(),
    never: z.boolean(),
    satisfied: z.boolean(),
    open: z.boolean(),
    days_in_window: count(),
    days_required: count(),
    excluded_thv: count(),
    excluded_runaway: count(),
    any_excluded: z.boolean(),
    prior_episodes_counted: count(),
    petitions: z.array(z.object({ parent: text(), role: parentRole, date: date() })),
    exception: z.object({ type: z.enum(TPR_EXCEPTIONS).describe('label: tpr_exception'), documented: date(), reason: text() }).nullable(),
    rule: text(),
  }),
  prior_episodes: z.array(z.object({ removal_date: date(), entered_care: date().nullable(), discharge_date: date(), discharge_reason: z.enum(DISCHARGE_REASONS).describe('label: discharge_reason') })),
  hearings: z.array(z.object({ date: date(), type: hearingType, title: text().nullable().describe('what a hearing of type other is'), status: z.enum(['held', 'continued', 'scheduled', 'unrecorded', 'this_hearing']).describe('label: hearing_status'), pending: z.boolean(), outcome: text().nullable(), continued_to: date().nullable(), continued_from: date().nullable() })),
  findings: z.array(z.object({ date: date(), finding: z.enum(FINDING_TYPES).describe('label: finding'), made: z.boolean() })),
  last_hearing: z.object({ date: date(), type: hearingType, title: text().nullable(), outcome: text().nullable(), orders: z.array(text()) }).nullable(),
  removal: z.object({ reasons: z.array(z.enum(REMOVAL_REASONS).describe('label: removal_reason')), outcome_adjudication: text().nullable() }),
  placements: z.array(
    z.object({
      n: count(),
      start: date(),
      end: date().nullable(),
      setting,
      where: placementWhere,
      reason: text().nullable(),
      current: z.boolean(),
      prior_episode: z.boolean(),
    }),
  ),
  current_placement: z
    .object({
      setting,
      where: placementWhere,
      since: date(),
      days: count(),
      counts_as_care: z.boolean(),
      trial_home_visit: z.boolean(),
      trial_home_visit_six_months: date().nullable(),
    })
    .nullable(),
  /** The current episode's placements (rules.md "Placement moves"): settings, moves between them, and the other segments by kind. */
  placement_history: z.object({
    settings: count().describe('distinct homes or facilities the child was placed in'),
    moves: count().describe('changes from one setting to another'),
    segments: z.array(z.object({ setting: z.enum(NOT_A_MOVE_SETTINGS).describe('label: placement_segment (placement_segments for more than one)'), count: count() })),
  }),
  permanency: z.object({
    goal: permanencyGoal,
    concurrent_goal: permanencyGoal.nullable(),
    established: date(),
    target_date: date().nullable(),
    appla: z.boolean(),
    appla_findings: z.array(date()),
    re_findings: z.array(z.object({ date: date(), made: z.boolean() })),
  }),
  plan: z.object({ date: date(), review_date: date(), type: z.enum(PLAN_TYPES).describe('label: plan_type') }).nullable(),
  plan_goals: z.array(goal),
  child_goals: z.array(goal),
  family_goals: z.array(goal),
  parents: z.array(
    z.object({
      name: text(),
      role: parentRole,
      rights: z.enum(PARENT_RIGHTS).describe('label: parent_rights'),
      address: postalAddress.nullable(),
      address_withheld: z.boolean(),
      attorney: text().nullable(),
      language: text().nullable(),
      interpreter: z.boolean(),
      incarcerated: z.boolean(),
      tpr_petition: date().nullable(),
      tpr_granted: date().nullable(),
      goals: z.array(goal),
      family_time: familyTime,
    }),
  ),
  family_time: z.object({
    visits: z.array(z.object({ date: date(), with: z.array(who), level: visitLevel, minutes: count().nullable(), attended: z.enum(VISIT_ATTENDANCE).describe('label: visit_attendance'), cancelled_by: cancelledBy.nullable() })),
    total: count(),
    offered: count(),
    attended: count(),
    rate_percent: count().nullable(),
    siblings: familyTime,
  }),
  siblings: z.array(z.object({ name: text(), dob: date().nullable(), age: count().nullable(), placed_together: z.boolean(), placement: text().nullable(), contact: text().nullable() })),
  health: z
    .object({
      ...checkups,
      diagnoses: z.array(text()),
      medications: z.array(z.object({ name: text(), dose: text(), prescriber: text(), psychotropic: z.boolean(), consent_date: date().nullable(), consent_missing: z.boolean() })),
      therapy: z.object({ provider: who, type: z.enum(THERAPY_TYPES).nullable().describe('label: therapy_type'), type_other: text().nullable(), frequency: text() }).nullable(),
    })
    .nullable(),
  education,
  cans: z
    .object({
      date: date(),
      version: text().nullable(),
      reason: z.enum(CANS_REASONS).describe('label: cans_reason'),
      previous_date: date().nullable(),
      needs: z.array(rating),
      strengths: z.array(rating),
      changes: z.array(z.object({ domain: text(), item: text(), previous: text().nullable(), latest: text().nullable(), change: z.enum(['improved', 'worsened', 'new', 'dropped', 'changed']).describe('label: cans_change') })),
      improved: count(),
      worsened: count(),
      notes: text().nullable(),
    })
    .nullable(),
  older_youth: z
    .object({
      age: count(),
      eighteenth_birthday: date(),
      plan_due: date(),
      plan_date: date().nullable(),
      plan_met: z.boolean(),
      plan_overdue: z.boolean(),
      youth_participated: z.boolean().nullable(),
      plan_date_of_service_plan: date().nullable(),
      expected_exit: date().nullable(),
      extended_care_eligible: z.boolean().nullable(),
      extended_care_elected: z.boolean().nullable(),
      documents: z.array(z.object({ key: z.enum(EXIT_DOCUMENTS).describe('label: exit_document'), obtained: z.boolean(), status: z.enum(DOCUMENT_STATUSES).nullable().describe('label: exit_document_status') })),
      has_transition: z.boolean(),
    })
    .nullable(),
  icwa: z.object({
    inquiry_dates: z.array(date()),
    inquired: z.boolean(),
    reason_to_know: z.boolean(),
    tribes: z.array(z.object({ name: text(), notice_sent: date().nullable(), method: text().nullable(), response: text().nullable(), status: z.enum(TRIBE_STATUSES).describe('label: tribe_status'), pending: z.boolean() })),
    active_efforts_findings: z.array(date()),
  }),
  child_wishes: z.array(noteBlock),
  assessment: z.array(noteBlock),
  recommendations: z.array(noteBlock),
  other_notes: z.array(noteBlock),
  /** The child's safety and whether the placement is still necessary and appropriate. */
  safety: z.array(noteBlock),
  /** The status of the last hearing's orders. */
  orders_status: z.array(noteBlock),
  /** APPLA youth 16+: the intensive, ongoing efforts to return home or place with a relative, guardian or adoptive parent. */
  appla_efforts: z.array(noteBlock),
  /** APPLA youth 16+: how the youth was consulted about the plan. */
  youth_consultation: z.array(noteBlock),
  /** The current placement when it is a Qualified Residential Treatment Program (42 U.S.C. 675a(c)). */
  qrtp: z.object({ start: date(), assessment: date().nullable(), court_approval: date().nullable() }).nullable(),
  /** Filing readiness (readiness.ts): what the report must say before it is filed, and which parts are not provided. */
  readiness: z.object({
    ready: z.boolean(),
    /** The parts not provided, in the order the report prints them. */
    missing: z.array(requiredSection),
    /** Each part: true when it is required and not provided. */
    not_provided: z.object(Object.fromEntries(COURT_REQUIRED.map((s) => [s, z.boolean()])) as Record<CourtRequired, z.ZodBoolean>),
    /** The child is too young to be asked for wishes (below WISHES_FROM_AGE at the hearing): the report says so instead. */
    wishes_by_age: z.boolean(),
  }),
  contacts: z.object({
    months: z.array(z.object({ ...month, full: z.boolean(), met: z.boolean(), visits: z.array(date()), in_residence: count() })),
    full_months: count(),
    months_met: count(),
    rate_percent: count().nullable(),
    in_person: count(),
    in_residence: count(),
    residence_percent: count().nullable(),
    residence_majority: z.boolean(),
    seen_privately: count(),
    all_met: z.boolean(),
    missed_months: z.array(z.object(month)),
    list: z.array(z.object({ date: date(), type: z.enum(CONTACT_TYPES).describe('label: contact_type'), location: z.enum(CONTACT_LOCATIONS).describe('label: contact_location'), child_seen: z.boolean(), privately: z.boolean(), face_to_face: z.boolean(), with: z.array(who) })),
  }),
  /** Who signs (a staff id agency.yaml does not list signs as itself, with no title). */
  signers: z.object({ caseworker: z.object({ name: text(), title: text().nullable() }), supervisor: z.object({ name: text(), title: text().nullable() }) }),
  /** The certificate of service: each parent, their counsel, and the others the court hears. */
  served: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('parent'), name: text(), role: parentRole }),
      z.object({ kind: z.literal('counsel'), name: text(), role: parentRole }),
      z.object({ kind: z.literal('other'), name: text(), as: z.enum(SERVED_OTHERS).describe('label: served_as') }),
    ]),
  ),
  notices: z.object({
    overdue: z.array(z.object({ what: z.enum(DUE_KINDS).describe('label: due_kind'), due: date(), detail: dueDetail.describe('printed by {{dueDetail detail}}') })),
    immunizations_behind: z.boolean(),
    psychotropic_without_consent: z.array(text()),
    no_hearing: z.boolean(),
    /** What this copy withheld, by kind (in a parent's copy, what it withholds about parents is the other parent's). */
    withheld: z.array(z.enum([...(Object.keys(PROTECTED) as (keyof typeof PROTECTED)[]), 'other_parent_contact', 'other_parent_treatment']).describe('label: withheld')),
  }),
});

export type CourtReportFacts = z.infer<typeof courtReportFacts>;
