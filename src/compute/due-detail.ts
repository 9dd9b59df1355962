/**
 * How a `due` item's date was reached, as facts: one kind per way of reaching
 * it, with the dates, counts, codes and names used. No words: the templates
 * layer words it (src/templates/due-words.ts, with the phrases of
 * templates/labels.yaml `due_detail`) for `casepress due`, `check` and the
 * court report's Overdue notice alike.
 */
import { z } from '../model/zod.js';
import { CONTACT_TYPES } from '../model/notes.js';
import { HEARING_TYPES, PARENT_ROLES, STANDING_ORDER_KINDS, TPR_EXCEPTIONS } from '../model/case.js';
import { CHECK_RESULTS, LICENSE_STATUSES } from '../model/home.js';
import { count, date, text } from './documents/facts/common.js';

const hearingType = z.enum(HEARING_TYPES);
const months = () => count().describe('months');
const days = () => count().describe('days');
const hours = () => z.number().nonnegative().describe('hours');

/** A scheduled hearing as the detail names it: by its type, or (type `other`) by its title. */
const hearing = z.object({ type: hearingType, title: text().nullable().describe('what a hearing of type other is'), date: date(), continued_from: date().nullable() });

const backgroundCheck = z.enum(['state_registry', 'fbi_fingerprint', 'sex_offender_registry']);

export const dueDetail = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('hearing_clock'),
    months: months(),
    from: z.enum(['defc', 'removal', 'hearing']).describe('counted from: the date entered foster care, the removal, or a hearing held'),
    from_date: date(),
    held_type: hearingType.nullable().describe('the hearing held, when counted from one'),
    wanted: z.enum(['permanency', 'review_or_permanency']).describe('the hearings that meet it'),
    next: hearing.nullable().describe('the next such hearing scheduled'),
    in_time: z.boolean().describe('the next hearing is on or before the due date'),
  }),
  z.object({
    kind: z.literal('tpr'),
    reached: z.boolean().describe('reached by the as-of date (else the date is projected)'),
    date: date(),
    entered_care: date(),
    prior_episodes: count(),
    trial_home_visit_days: days(),
    runaway_days: days(),
    petition: z.object({ date: date(), role: z.enum(PARENT_ROLES) }).nullable(),
    exception: z.object({ documented: date(), type: z.enum(TPR_EXCEPTIONS) }).nullable(),
  }),
  z.object({ kind: z.literal('case_plan_review'), plan_date: date() }),
  z.object({ kind: z.literal('monthly_visit'), month: text().describe('YYYY-MM'), seen: z.object({ date: date(), type: z.enum(CONTACT_TYPES) }).nullable() }),
  z.object({
    kind: z.literal('transition_plan'),
    eighteenth_birthday: date(),
    plan_date: date().nullable(),
    met: z.boolean(),
    plan_after_as_of: z.boolean(),
  }),
  z.object({ kind: z.literal('hearing'), hearing, court: text() }),
  z.object({ kind: z.literal('court_report'), hearing, days_before: days(), ready: z.boolean() }),
  z.object({ kind: z.literal('caregiver_notice'), hearing, days_before: days() }),
  z.object({
    kind: z.literal('qrtp'),
    step: z.enum(['assessment', 'approval']),
    days: days(),
    placed: date(),
    done: date().nullable().describe('assessment made or court approval given'),
    late: z.boolean(),
  }),
  z.object({ kind: z.literal('trial_home_visit'), since: date() }),
  z.object({
    kind: z.literal('reasonable_efforts'),
    months: months(),
    finding: z.object({ hearing, date: date() }).nullable().describe('the last finding made; none: counted from the date entered foster care'),
    entered_care: date(),
    next: hearing.nullable().describe('a hearing scheduled by the due date'),
  }),
  z.object({ kind: z.literal('credit_report'), months: months(), last: date().nullable(), fourteenth_birthday: date(), birthday_passed: z.boolean() }),
  z.object({ kind: z.literal('nytd_survey'), days: days(), seventeenth_birthday: date(), fiscal_year: count(), taken: date().nullable() }),
  z.object({ kind: z.literal('cadence'), what: z.enum(['health_exam', 'dental_exam', 'cans']), months: months(), last: date().nullable() }),
  z.object({
    kind: z.literal('standing_order'),
    held: count(),
    at_least: count(),
    order: z.enum(STANDING_ORDER_KINDS),
    per: z.enum(['week', 'month']),
    period: date().describe('the first day of the week or month'),
    verdict: z.enum(['met', 'not_met', 'not_met_yet']),
  }),
  z.object({ kind: z.literal('license_renewal'), number: text(), status: z.enum(LICENSE_STATUSES), expires: date() }),
  z.object({
    kind: z.literal('annual_training'),
    counted: hours(),
    required: hours(),
    shortfall: hours(),
    uncounted: hours().describe('in topics that do not count'),
    year_start: date(),
    year_end: date(),
    pace: z.enum(['on_pace', 'behind_pace', 'not_met']),
    months_left: months(),
    expires: date(),
  }),
  z.object({ kind: z.literal('certification'), item: z.enum(['cpr', 'first_aid']), expires: date().nullable(), as_of: date() }),
  z.object({
    kind: z.literal('background_check'),
    basis: z.enum(['cadence', 'turned_18', 'missing', 'child_age']),
    item: backgroundCheck,
    months: months().describe('the adult cadence'),
    birthday: date().nullable(),
    age: count().nullable(),
    in_force: z.boolean(),
    last: z.object({ date: date(), result: z.enum(CHECK_RESULTS) }).nullable(),
    pending: date().nullable(),
    predates: date().nullable().describe("a check dated before the 18th birthday, which does not count"),
  }),
  z.object({
    kind: z.literal('inspection'),
    months: months(),
    last: z.object({ date: date(), resolved: date().nullable().describe('corrections resolved; null: passed') }).nullable(),
    open: z.array(z.object({ date: date(), failed: z.boolean().describe('failed; else corrections not yet resolved') })),
  }),
]);

export type DueDetail = z.infer<typeof dueDetail>;
export type DueDetailOf<K extends DueDetail['kind']> = Extract<DueDetail, { kind: K }>;
