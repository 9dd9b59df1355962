/** children/<case-id>/plan.yaml: the individualized service plan (case-format.md). */
import { z } from './zod.js';
import { calendarDate, id, narrativeText, opt, role, text } from './primitives.js';

export const OBJECTIVE_STATUSES = ['not_started', 'in_progress', 'met', 'partially_met', 'not_met', 'discontinued'] as const;
export const SERVICE_STATUSES = ['referred', 'active', 'completed', 'discontinued', 'waitlisted'] as const;
export const GOAL_AREAS = [
  'safety', 'substance_use', 'mental_health', 'parenting', 'housing', 'employment', 'education',
  'health', 'visitation', 'permanency', 'independent_living', 'other',
] as const;
export const PLAN_TYPES = ['initial', 'review', 'revision'] as const;
/** Whose goal it is. */
export const GOAL_FOR = ['mother', 'father', 'child', 'foster_parent', 'family', 'agency'] as const;
/** How a participant took part in the planning (declined and unavailable: did not). */
export const PARTICIPATION_METHODS = ['in_person', 'phone', 'video', 'declined', 'unavailable'] as const;

const task = z.strictObject({
  task: text,
  responsible: text,
  due: opt(calendarDate),
  status: z.enum(OBJECTIVE_STATUSES),
});

const objective = z.strictObject({
  statement: text,
  target_date: opt(calendarDate),
  status: z.enum(OBJECTIVE_STATUSES),
  tasks: opt(z.array(task)),
});

const service = z.strictObject({
  provider: text,
  type: text,
  frequency: opt(text),
  start: opt(calendarDate),
  end: opt(calendarDate),
  status: z.enum(SERVICE_STATUSES),
  /** 42 CFR Part 2: treatment details print only with consent on file. */
  substance_use_treatment: opt(z.boolean()),
  consent_on_file: opt(z.boolean()),
});

const goal = z.strictObject({
  id,
  for: z.enum(GOAL_FOR),
  area: z.enum(GOAL_AREAS),
  statement: text,
  objectives: z.array(objective).min(1),
  services: opt(z.array(service)),
});

const participant = z.strictObject({
  name: text,
  role,
  method: z.enum(PARTICIPATION_METHODS),
  agrees: opt(z.boolean()),
  signed: opt(calendarDate),
  comment: opt(narrativeText),
});

export const plan = z
  .strictObject({
    plan_date: calendarDate,
    review_date: calendarDate,
    plan_type: z.enum(PLAN_TYPES),
    youth_participated: opt(z.boolean()),
    goals: z.array(goal).min(1),
    participants: z.array(participant),
  })
  .meta({ title: 'casepress plan.yaml', description: 'The individualized service plan.' });

export type Plan = z.infer<typeof plan>;
