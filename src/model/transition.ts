/** children/<case-id>/transition.yaml: the transition plan, youth 14 and older (case-format.md). */
import { z } from './zod.js';
import { calendarDate, opt, text } from './primitives.js';

export const AREA_STATUSES = ['not_started', 'in_progress', 'completed', 'not_applicable'] as const;
export const DOCUMENT_STATUSES = ['obtained', 'requested', 'not_started', 'not_applicable'] as const;

const area = z.strictObject({ plan: text, status: z.enum(AREA_STATUSES) });
const supportPerson = z.strictObject({ name: text, relationship: text, phone: opt(text) });
const documentStatus = opt(z.enum(DOCUMENT_STATUSES));

export const transition = z
  .strictObject({
    plan_date: calendarDate,
    youth_participated: z.boolean(),
    expected_exit: calendarDate,
    extended_care: opt(z.strictObject({ eligible: z.boolean(), elected: opt(z.boolean()) })),
    housing: area,
    education: area,
    employment: area,
    health_insurance: z.strictObject({ plan: text, coverage_until: opt(calendarDate) }),
    health_care_proxy_discussed: z.boolean(),
    mentors: opt(z.array(supportPerson)),
    life_skills: opt(
      z.array(z.strictObject({ skill: text, status: z.enum(AREA_STATUSES), date: opt(calendarDate) })),
    ),
    supports: opt(z.array(supportPerson)),
    /** Documents at exit (42 U.S.C. 675(5)(I)). */
    documents: z.strictObject({
      birth_certificate: documentStatus,
      social_security_card: documentStatus,
      state_id: documentStatus,
      health_insurance_card: documentStatus,
      medical_records: documentStatus,
    }),
  })
  .meta({ title: 'casepress transition.yaml', description: 'Transition plan for a youth 14 or older.' });

export type Transition = z.infer<typeof transition>;
