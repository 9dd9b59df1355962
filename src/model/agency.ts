/** agency.yaml: the agency, its staff and its rule set (case-format.md). */
import { z } from './zod.js';
import { efiling } from './efiling.js';
import { address, id, languageTag, opt, text, timeZone } from './primitives.js';

/** Printed in every footer when agency.yaml sets no confidentiality_notice. */
export const DEFAULT_CONFIDENTIALITY_NOTICE =
  'CONFIDENTIAL: contains information protected by state and federal law. Do not copy or disclose except as the court or the law allows.';

export const RULE_SETS = ['KY', 'PA', 'IN', 'generic'] as const;
export const HOME_TYPES = ['foster', 'kinship', 'therapeutic_foster', 'medically_complex', 'pre_adoptive'] as const;

const months = z.number().int().min(1).max(120);

/** Overrides of the built-in rule set (rules.md); the citation is shown beside them. */
/** The rules of a rule set by their agency.yaml names (rules.md, "Built-in rule sets"). */
export const RULE_NAMES = [
  'permanency_hearing_months', 'periodic_review_months', 'annual_training_hours', 'uncounted_topics', 'cpr_first_aid_required',
  'background_check_months', 'household_child_checks', 'inspection_months', 'capacity', 'health_exam_months', 'dental_exam_months', 'cans_months',
  'therapeutic_need', 'medically_complex_need',
] as const;

export const ruleOverrides = z.strictObject({
  permanency_hearing_months: opt(months),
  periodic_review_months: opt(months),
  annual_training_hours: opt(z.partialRecord(z.enum(HOME_TYPES), z.number().min(0).max(200))),
  background_check_months: opt(months),
  inspection_months: opt(months),
  health_exam_months: opt(months),
  dental_exam_months: opt(months),
  cans_months: opt(months),
  citation: opt(text),
  /** Rules whose built-in value the agency has checked against the regulation: no more "not verified" warnings for them. */
  confirmed: opt(z.array(z.enum(RULE_NAMES))),
});

export const staffMember = z.strictObject({
  id,
  name: text,
  title: text,
  phone: opt(text),
  email: opt(text),
});

export const agency = z
  .strictObject({
    name: text,
    address,
    phone: opt(text),
    logo: opt(text),
    state: z.enum(RULE_SETS),
    time_zone: opt(timeZone),
    /** The language the documents are written in (BCP 47, default en-US): the PDF's /Lang and the DOCX's language, for screen readers. */
    language: opt(languageTag.meta({ description: 'The language the documents are written in, a BCP 47 tag such as en-US (the default) or es-US: screen readers read them in it.' })),
    confidentiality_notice: opt(text),
    rules: opt(ruleOverrides),
    /** How many days before a hearing its court report is due (default 10). */
    court_report_days_before: opt(z.number().int().min(0).max(60)),
    /** Re-licensing packets are built for homes whose license expires within this many days (default 90). */
    relicense_window_days: opt(z.number().int().min(0).max(366)),
    /** Children per caseworker the agency holds to; `stats` prints caseloads beside it. */
    caseload_standard: opt(z.number().int().min(1).max(100)),
    /** What the courts' e-filing portals accept (`casepress preflight`, `build --preflight`). */
    efiling: opt(efiling),
    staff: z.array(staffMember).min(1),
  })
  .meta({ title: 'casepress agency.yaml', description: 'The agency, its staff and its rule set.' });

export type Agency = z.infer<typeof agency>;
export type StaffMember = z.infer<typeof staffMember>;
