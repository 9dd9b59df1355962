/** The transition plan's facts (templates/transition-plan.md.hbs): see common.ts for the conventions. */
import { z } from '../../../model/zod.js';
import { AREA_STATUSES, DOCUMENT_STATUSES } from '../../../model/transition.js';
import { base, called, count, date, placementWhere, shownPerson, staff, text } from './common.js';

export const EXIT_DOCUMENTS = ['birth_certificate', 'social_security_card', 'state_id', 'health_insurance_card', 'medical_records'] as const;

const areaStatus = z.enum(AREA_STATUSES).describe('label: area_status');
const area = z.object({ plan: text(), status: areaStatus });
const person = z.object({ ...shownPerson, relationship: text(), phone: text().nullable() });

/** What the plan needs attention for; the template words each kind. */
const attention = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('window_before'), window_opens: date() }),
  z.object({ kind: z.literal('window_after'), eighteenth_birthday: date() }),
  z.object({ kind: z.literal('youth_not_participating') }),
  z.object({ kind: z.literal('documents_needed'), leaves: date(), documents: z.array(z.enum(EXIT_DOCUMENTS).describe('label: exit_document')) }),
  z.object({ kind: z.literal('extended_care_undecided') }),
]);

export const transitionPlanFacts = z.object({
  ...base,
  youth: z.object({ name: text(), called: called(), dob: date(), age: count(), age_at_plan: count(), case_id: text() }),
  plan: z.object({ date: date(), youth_participated: z.boolean(), expected_exit: date() }),
  /** The 90 days before the 18th birthday (42 U.S.C. 675(5)(H)). */
  timing: z.object({
    eighteenth_birthday: date(),
    window_opens: date(),
    window: z.enum(['before', 'within', 'after']).describe('when the plan was made against the 90-day window'),
    within_window: z.boolean(),
    met: z.boolean(),
    citation: text(),
  }),
  extended_care: z.object({ eligible: z.boolean(), elected: z.boolean().nullable() }).nullable(),
  placement: z.object({ where: placementWhere, since: date() }).nullable(),
  caseworker: staff,
  supervisor: staff,
  housing: area,
  education: area,
  employment: area,
  health_insurance: z.object({ plan: text(), coverage_until: date().nullable() }),
  health_care_proxy_discussed: z.boolean(),
  mentors: z.array(person),
  supports: z.array(person),
  life_skills: z.array(z.object({ skill: text(), status: areaStatus, date: date().nullable() })),
  life_skill_counts: z.partialRecord(z.enum(AREA_STATUSES), count()).describe('label: area_status'),
  documents: z.array(z.object({ key: z.enum(EXIT_DOCUMENTS).describe('label: exit_document'), status: z.enum(DOCUMENT_STATUSES).nullable().describe('label: exit_document_status'), obtained: z.boolean() })),
  documents_obtained: count(),
  documents_total: count(),
  attention: z.array(attention),
});

export type TransitionPlanFacts = z.infer<typeof transitionPlanFacts>;
