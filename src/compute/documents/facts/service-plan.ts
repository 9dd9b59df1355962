/** The individualized service plan's facts (templates/service-plan.md.hbs): see common.ts for the conventions. */
import { z } from '../../../model/zod.js';
import { PLAN_REQUIRED, type PlanRequired } from '../readiness.js';
import { PERMANENCY_GOALS } from '../../../model/case.js';
import { GOAL_AREAS, GOAL_FOR, OBJECTIVE_STATUSES, PARTICIPATION_METHODS, PLAN_TYPES, SERVICE_STATUSES } from '../../../model/plan.js';
import { ROLES } from '../../../model/primitives.js';
import { base, called, checkups, count, date, education, placementWhere, shownPerson, staff, text } from './common.js';

const objectiveStatus = z.enum(OBJECTIVE_STATUSES);

/** How far the objectives have come (the partial service-plan-objectives words it). */
const progress = z.object({
  total: count(),
  by_status: z.partialRecord(objectiveStatus, count()).describe('counts by objective_status'),
  same_status: objectiveStatus.nullable().describe('label: objective_status — the status of every objective, when they all share one'),
});

/** A step or objective not finished by its date. */
const pastDue = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('objective'), number: text(), target_date: date() }),
  z.object({ kind: z.literal('step'), task: text(), goal: count(), due: date() }),
]);

/** What the plan needs attention for; the partial service-plan-attention words each kind. */
const attention = z.discriminatedUnion('kind', [
  /** The review is more than six months after the plan date (42 U.S.C. 675(5)(B)). */
  z.object({ kind: z.literal('review_too_late'), review_date: date(), latest: date() }),
  z.object({ kind: z.literal('review_past_due'), review_date: date() }),
  /** A youth of 14 or more not recorded as taking part (42 U.S.C. 675(1)(B)). */
  z.object({ kind: z.literal('youth_not_participating') }),
  z.object({ kind: z.literal('past_due'), items: z.array(pastDue) }),
]);

const permanencyGoal = z.enum(PERMANENCY_GOALS).describe('label: permanency_goal');

const task = z.object({
  task: text(),
  responsible: z.object(shownPerson).describe('who does it (the partial person-name prints it)'),
  due: date().nullable(),
  status: objectiveStatus.describe('label: task_status'),
  past_due: z.boolean(),
});

const objective = z.object({
  number: text().describe('goal and objective, e.g. 1.2'),
  statement: text(),
  target_date: date().nullable(),
  status: objectiveStatus.describe('label: objective_status'),
  past_due: z.boolean().describe('target date passed, not started or in progress'),
  tasks: z.array(task),
});

/** A service, or (withheld: true) the marker where this copy may not show a parent's treatment. */
const service = z.discriminatedUnion('withheld', [
  z.object({
    withheld: z.literal(false),
    provider: text(),
    type: text(),
    frequency: text().nullable(),
    start: date().nullable(),
    end: date().nullable(),
    status: z.enum(SERVICE_STATUSES).describe('label: service_status'),
  }),
  z.object({
    withheld: z.literal(true),
    reason: z.enum(['no_consent', 'parent_treatment']).describe("no consent to share substance use treatment records (42 CFR Part 2), or a parent's treatment this audience may not read"),
    provider: text(),
    type: text(),
  }),
]);

const goal = z.object({
  number: count(),
  id: text(),
  for: z.enum(GOAL_FOR).describe('label: goal_for'),
  names: z.array(text()).describe("whose goal, by name: the child, the parent, the foster parents (none where this copy withholds them), the agency"),
  home: text().nullable().describe("for the foster parents' goal: their home's id"),
  area: z.enum(GOAL_AREAS).describe('label: goal_area'),
  statement: text(),
  progress,
  objectives: z.array(objective),
  services: z.array(service),
  services_withheld: z.boolean(),
});

export const servicePlanFacts = z.object({
  ...base,
  child: z.object({
    name: text(),
    preferred_name: text().nullable(),
    called: called(),
    dob: date(),
    age: count(),
    case_id: text(),
    languages: z.array(text()).nullable(),
  }),
  plan: z.object({ date: date(), type: z.enum(PLAN_TYPES).describe('label: plan_type'), review_date: date(), court: text(), docket: text() }),
  caseworker: staff,
  supervisor: staff,
  placement: z.object({ where: placementWhere, since: date() }).nullable(),
  permanency: z.object({ goal: permanencyGoal, concurrent_goal: permanencyGoal.nullable(), established: date(), target_date: date().nullable() }),
  progress,
  goals: z.array(goal),
  education,
  health: z
    .object({
      ...checkups,
      diagnoses: z.array(text()).nullable(),
      medications: z.array(z.object({ name: text(), dose: text(), prescriber: text(), psychotropic: z.boolean(), consent_date: date().nullable() })),
      therapy: z.object({ provider: text(), type: text(), frequency: text() }).nullable(),
    })
    .nullable(),
  youth: z.object({
    age: count().describe('age on the plan date'),
    required: z.boolean().describe('14 or older on the plan date: takes part in case planning (42 U.S.C. 675(1)(B))'),
    participated: z.boolean(),
    recorded: z.boolean().nullable().describe('plan.yaml youth_participated as written'),
    needs_note: z.boolean(),
    transition: z
      .object({ eighteenth_birthday: date(), due: date().describe('90 days before the 18th birthday'), plan_date: date().nullable(), met: z.boolean() })
      .nullable(),
  }),
  participants: z.array(
    z.object({
      ...shownPerson,
      role: z.enum(ROLES).describe('label: role ("Youth" for a child of 14 or more)'),
      method: z.enum(PARTICIPATION_METHODS).describe('label: participation_method'),
      took_part: z.boolean().describe('false when the method is declined or unavailable'),
      agrees: z.boolean().nullable(),
      signed: date().nullable(),
      comment: text().nullable(),
    }),
  ),
  /** Who signs, in order: the family and team members who sign, then the case manager and the supervisor (who sign with their title). */
  signers: z.array(z.object({ ...shownPerson, role: z.enum(ROLES).describe('label: role'), title: text().nullable(), date: date().nullable() })),
  attention: z.array(attention),
  /** Filing readiness (readiness.ts): the parts the plan must have before it is filed. */
  readiness: z.object({
    ready: z.boolean(),
    missing: z.array(z.enum(PLAN_REQUIRED).describe('label: required_section')),
    not_provided: z.object(Object.fromEntries(PLAN_REQUIRED.map((s) => [s, z.boolean()])) as Record<PlanRequired, z.ZodBoolean>),
  }),
});

export type ServicePlanFacts = z.infer<typeof servicePlanFacts>;
