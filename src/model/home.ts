/** homes/<home-id>/home.yaml and study.md front matter (case-format.md). */
import { z } from './zod.js';
import { HOME_TYPES } from './agency.js';
import { SEXES } from './case.js';
import { address, calendarDate, id, opt, stateCode, text } from './primitives.js';

export const CHECK_TYPES = ['state_registry', 'fbi_fingerprint', 'sex_offender_registry', 'out_of_state_registry'] as const;
export const TRAINING_TOPICS = [
  'trauma_informed', 'behavior_management', 'psychotropic_medication', 'sexual_abuse',
  'cultural_competency', 'medical', 'court_advocacy', 'cpr', 'first_aid', 'universal_precautions', 'other',
] as const;

export const CHECK_RESULTS = ['clear', 'findings', 'pending'] as const;
export const HOUSEHOLD_ROLES = ['applicant', 'co_applicant', 'child', 'other_adult'] as const;
export const LICENSE_STATUSES = ['pending', 'active', 'on_hold', 'suspended', 'closed'] as const;
export const TRAINING_FORMATS = ['classroom', 'online', 'conference'] as const;
export const CERTIFICATE_TYPES = ['cpr', 'first_aid', 'other'] as const;
export const INSPECTION_TYPES = ['home_safety', 'fire', 'health', 'other'] as const;
export const INSPECTION_RESULTS = ['pass', 'corrections_required', 'fail'] as const;
export const STUDY_TYPES = ['initial', 'update', 'annual_reevaluation'] as const;
export const RECOMMENDATIONS = ['approve', 'approve_with_conditions', 'deny', 'continue'] as const;
/** Levels of care a family can give (`preferences.levels`; default by home type: compute/match/levels.ts). */
export const CARE_LEVELS = ['basic', 'therapeutic', 'medically_complex'] as const;

const checkResult = z.enum(CHECK_RESULTS);
const check = z.strictObject({ date: calendarDate, result: checkResult });

const ageRange = z.strictObject({ min: z.number().int().min(0).max(21), max: z.number().int().min(0).max(21) });

/** Who the family can take (case-format.md, home.yaml `preferences`): what `casepress match` reads. */
const preferences = z.strictObject({
  /** Within license.ages, which is the default. */
  ages: opt(ageRange),
  /** Default: any. */
  sexes: opt(z.array(z.enum(SEXES)).min(1)),
  /** The largest sibling group the family will keep together. */
  sibling_group_max: opt(z.number().int().min(1).max(12)),
  levels: opt(z.array(z.enum(CARE_LEVELS)).min(1)),
  /** Behaviors the family cannot manage, as CANS item names (fire_setting, sexual_behavior …). */
  not_accepted: opt(z.array(text)),
  languages: opt(z.array(text)),
  school_district: opt(text),
  /** The county the family lives in, when the address does not say. */
  county: opt(text),
  /** Open to permanency (adoption or guardianship) if reunification fails. */
  will_adopt: opt(z.boolean()),
});

const householdMember = z.strictObject({
  name: text,
  role: z.enum(HOUSEHOLD_ROLES),
  dob: calendarDate,
  checks: opt(
    z.strictObject({
      state_registry: opt(check),
      fbi_fingerprint: opt(check),
      sex_offender_registry: opt(check),
      /** States lived in during the last 5 years. */
      out_of_state_registry: opt(check.extend({ states: opt(z.array(stateCode)) })),
    }),
  ),
  medical_statement: opt(calendarDate),
});

export const home = z
  .strictObject({
    id,
    type: z.enum(HOME_TYPES),
    licensing_worker: id,
    /** Always confidential: printed only for internal copies. */
    address,
    phone: opt(text),
    license: z.strictObject({
      number: text,
      issued: calendarDate,
      expires: calendarDate,
      status: z.enum(LICENSE_STATUSES),
      capacity: z.number().int().min(0).max(20),
      ages: opt(ageRange),
    }),
    household: z.array(householdMember).min(1),
    training: opt(
      z.array(
        z.strictObject({
          date: calendarDate,
          title: text,
          hours: z.number().positive().max(100),
          topic: z.enum(TRAINING_TOPICS),
          attendee: text,
          format: z.enum(TRAINING_FORMATS),
        }),
      ),
    ),
    certifications: opt(
      z.array(z.strictObject({ type: z.enum(CERTIFICATE_TYPES), holder: text, expires: calendarDate })),
    ),
    inspections: opt(
      z.array(
        z.strictObject({
          type: z.enum(INSPECTION_TYPES),
          date: calendarDate,
          result: z.enum(INSPECTION_RESULTS),
          notes: opt(text),
          resolved: opt(calendarDate),
        }),
      ),
    ),
    references: opt(
      z.array(z.strictObject({ name: text, relationship: text, contacted: opt(calendarDate), summary: opt(text) })),
    ),
    incidents: opt(
      z.array(z.strictObject({ date: calendarDate, type: text, summary: text, resolved: opt(calendarDate) })),
    ),
    preferences: opt(preferences),
    /** Kinship and fictive-kin homes: the children (case ids) this family is related to or known to. */
    kin_of: opt(z.array(id)),
    /**
     * The Indian tribes (as case.yaml `child.icwa.tribes` names them) that licensed, approved or
     * specified this home: the second ICWA foster-care preference, 25 U.S.C. 1915(b)(ii).
     */
    tribe_approved: opt(z.array(text)),
  })
  .meta({ title: 'casepress home.yaml', description: 'One foster home: license, household, checks, training.' });

export const study = z
  .strictObject({
    date: calendarDate,
    type: z.enum(STUDY_TYPES),
    author: id,
    recommendation: z.enum(RECOMMENDATIONS),
    conditions: opt(z.array(text)),
  })
  .meta({ title: 'casepress home study (front matter)' });

export type Home = z.infer<typeof home>;
export type Study = z.infer<typeof study>;
