/**
 * The facts of a home's documents: the home study (templates/home-study.md.hbs)
 * and the annual re-licensing packet (templates/relicensing-packet.md.hbs) share
 * the home, its license, household, inspections, rule set and the study on
 * file, and the partials templates/partials/home-*.md.hbs that print them. See
 * common.ts for the conventions.
 */
import { z } from '../../../model/zod.js';
import { PACKET_REQUIRED, type PacketRequired } from '../readiness.js';
import { HOME_TYPES, RULE_SETS } from '../../../model/agency.js';
import { PLACEMENT_SETTINGS } from '../../../model/case.js';
import {
  CERTIFICATE_TYPES, CHECK_RESULTS, CHECK_TYPES, HOUSEHOLD_ROLES, INSPECTION_RESULTS, INSPECTION_TYPES, LICENSE_STATUSES,
  RECOMMENDATIONS, STUDY_TYPES, TRAINING_FORMATS, TRAINING_TOPICS,
} from '../../../model/home.js';
import { base, count, date, postalAddress, staff, text } from './common.js';

const householdRole = z.enum(HOUSEHOLD_ROLES).describe('label: household_role');
const checkType = z.enum(CHECK_TYPES).describe('label: background_check');
const checkResult = z.enum(CHECK_RESULTS).describe('label: check_result');
const certificate = z.enum(CERTIFICATE_TYPES).describe('label: certificate');
const setting = z.enum(PLACEMENT_SETTINGS).describe('label: placement_setting');
const topic = z.enum(TRAINING_TOPICS).describe('label: training_topic');
/** Where a requirement stands (compute/home/compliance.ts, ComplianceStatus). */
const complianceStatus = z.enum(['met', 'on_pace', 'due_before_renewal', 'behind_pace', 'not_met']).describe('label: compliance_status');
/** Where a caregiver's annual hours stand (compute/home/training.ts, trainingPace). */
const trainingStatus = z.enum(['met', 'on_pace', 'behind_pace', 'not_met']).describe('label: compliance_status');
/** Hours as people write them: 13.5, 22, 0 (rounded to two decimals). */
const hours = () => z.number().nonnegative();

/** The home as both documents name it; address and phone are the marker outside the internal copy. */
const home = z.object({
  id: text(),
  type: z.enum(HOME_TYPES).describe('label: home_type'),
  address: postalAddress,
  phone: text().nullable(),
  licensing_worker: staff.nullable().describe('an id agency.yaml does not list prints as itself, with no title'),
});

const license = z.object({
  number: text(),
  status: z.enum(LICENSE_STATUSES).describe('label: license_status'),
  issued: date(),
  expires: date(),
  capacity: count(),
  ages: z.object({ min: count(), max: count() }).nullable(),
  /**
   * The license year the document speaks of (rules.md, "License year"): the packet's governs on the as-of
   * date; a home study's contains its own date (compute/documents/home-study.ts, studyYear).
   */
  year: z
    .object({
      start: date(),
      end: date(),
      multi_year: z.boolean(),
      earlier_term: z.boolean().describe('the year ends before the license was issued: a year of the term before it, which home.yaml does not keep'),
    })
    .nullable()
    .describe('null: a home study written before the family was licensed (its training is pre-service)'),
});

/** study.md: its front matter and its narrative, one section per `##` heading in the SAFE order. */
const study = z.object({
  present: z.boolean(),
  file: text().nullable(),
  date: date().nullable(),
  type: z.enum(STUDY_TYPES).nullable().describe('label: study_type'),
  author: staff.nullable(),
  recommendation: z.enum(RECOMMENDATIONS).nullable().describe('label: recommendation'),
  conditions: z.array(text()),
  sections: z.array(
    z.object({
      title: text().nullable().describe('null: the text before the first heading; "": a heading without words'),
      body: text().describe('Markdown; empty when the study lacks the section'),
    }),
  ),
});

const householdMember = z.object({ name: text(), role: householdRole, dob: date(), age: count(), medical_statement: date().nullable() });

/** An applicant or co-applicant: who trains, holds certificates and signs. */
const caregiver = z.object({ name: text(), role: householdRole });

const inspectionRow = z.object({
  date: date(),
  type: z.enum(INSPECTION_TYPES).describe('label: inspection_type'),
  result: z.enum(INSPECTION_RESULTS).describe('label: inspection_result'),
  notes: text().nullable(),
  resolved: date().nullable(),
});

/** The last home safety inspection that counts, and a later one that does not yet (failed, or corrections not resolved). */
const inspectionCounted = z.object({ date: date(), result: z.enum(['pass', 'corrections_required']), resolved: date().nullable() });
const inspectionOpen = z.object({ date: date(), result: z.enum(['corrections_required', 'fail']) });

/** The home safety inspection that counts, when the next is due, and the ones still open. */
const inspection = z.object({
  met: z.boolean(),
  last: inspectionCounted.nullable(),
  due: date(),
  open: z.array(inspectionOpen),
  citation: text(),
});

/** The facts both documents have. */
const homeFacts = {
  ...base,
  rule_set: z.enum(RULE_SETS).describe('label: state ("generic": the generic rule set)'),
  home,
  license,
  caregivers: z.array(caregiver),
  supervisor: staff.nullable().describe('who signs beside the licensing worker'),
  household: z.array(householdMember),
  inspections: z.array(inspectionRow),
  inspection,
  study,
};

const licenseYear = z.object({ start: date(), end: date() });

/**
 * What a compliance line requires and the evidence on file (compute/home/compliance.ts,
 * ComplianceRequirement), kind by kind: partials/home-requirement names it, home-evidence words the evidence.
 */
const complianceRequirement = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('license'), number: text(), license_status: z.enum(LICENSE_STATUSES).describe('label: license_status'),
    issued: date(), expires: date(), year: licenseYear,
  }),
  z.object({
    kind: z.literal('training'), required: hours(), counted: hours().describe('in topics that count'), uncounted: hours(), shortfall: hours(), year: licenseYear,
  }),
  z.object({ kind: z.literal('certificate'), certificate, expires: date().nullable() }), // null: none on file
  z.object({
    kind: z.literal('background_check'),
    check: checkType,
    basis: z.enum(['cadence', 'turned_18', 'missing', 'child_age']).describe(
      'cadence: months after the last check; turned_18: due on the 18th birthday; missing: an adult with no completed check, due now; child_age: a household child\'s check from the birthday that brings it',
    ),
    months: count().describe('the adult cadence'),
    // The birthday that brings the check (turned_18, missing, child_age), and the age it brings.
    birthday: date().nullable(),
    age: count().nullable().describe('the age the birthday brings (turned_18, missing, child_age)'),
    completed: z.object({ date: date(), result: checkResult }).nullable().describe('the completed check that counts'),
    // A check requested and not completed; an adult's completed check dated before the 18th birthday, which does not count.
    pending: date().nullable(),
    predates: date().nullable(),
    next_due: date(),
    findings: z.boolean().describe('the check that counts recorded findings: the licensing worker reviews them'),
  }),
  z.object({ kind: z.literal('out_of_state_check'), date: date(), result: checkResult, states: z.array(text()) }),
  z.object({
    kind: z.literal('inspection'),
    months: count(),
    last: inspectionCounted.nullable(),
    open: z.array(inspectionOpen),
    next_due: date(),
  }),
  z.object({ kind: z.literal('capacity_license'), licensed: count(), children: z.array(text()).describe('the foster children placed on the as-of date') }),
  z.object({
    kind: z.literal('capacity_rule'),
    rule_set: z.enum(RULE_SETS).describe('label: capacity_rule (whom the rule counts)'),
    limit: count(),
    counted: count().describe('placed + own'),
    placed: count(),
    own: count().describe("the family's own children under 18"),
  }),
]);

/** A requirement of the compliance checklist, and the household member it concerns. */
const requirement = { requirement: complianceRequirement, person: text().nullable() };

export const homeStudyFacts = z.object({
  ...homeFacts,
  checks: z.array(
    z.object({
      person: text(),
      check: checkType,
      states: z.array(text()),
      date: date().nullable(),
      result: checkResult.nullable(),
      later: date().nullable().describe('none on file on the as-of date: the date of the later check that replaced it in home.yaml'),
    }),
  ),
  /** Each required check not current: its compliance line (background_check or out_of_state_check). */
  checks_not_current: z.array(z.object({ ...requirement, person: text() })),
  check_rule: z.object({ months: count(), citation: text() }),
  training: z.array(
    z.object({
      person: text(),
      role: householdRole,
      sessions_on_file: count().describe('up to the as-of date'),
      hours_on_file: hours(),
      last_session: date().nullable(),
      annual: z
        .object({ counted: hours(), required: hours(), shortfall: hours(), status: trainingStatus, months_left: count() })
        .nullable()
        .describe('the hours of license.year; null when there is none (the sessions on file are pre-service training)'),
    }),
  ),
  training_rule: z.object({ hours: hours(), citation: text() }),
  /**
   * The license term the study recommends: the next one (an annual re-evaluation: the 12 months after its
   * license year), or the one it falls in (an update).
   */
  recommended_term: z
    .object({ start: date(), end: date() })
    .nullable()
    .describe('null: an initial study (the term begins when the license is issued), or no study.md (the license on file)'),
  certifications: z.object({
    required: z.boolean(),
    citation: text(),
    rows: z.array(
      z.object({ holder: text(), certificate, expires: date().nullable(), status: z.enum(['current', 'expired', 'none']) }),
    ),
  }),
  references: z.array(z.object({ name: text(), relationship: text(), contacted: date().nullable(), summary: text().nullable() })),
  placed: z.array(z.object({ name: text(), case_id: text(), dob: date(), age: count(), since: date(), setting })),
});

export type HomeStudyFacts = z.infer<typeof homeStudyFacts>;

/** Where a requirement stands, with what the status cell prints beside it (partials/home-compliance-status). */
const standing = {
  status: complianceStatus,
  due: date().nullable().describe('due_before_renewal: the day it lapses'),
  hours: z.object({ counted: hours(), required: hours(), months_left: count() }).nullable().describe('annual training lines'),
};

/** What a household member's birthday in the license year requires. */
const requires = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('roster') }),
  z.object({ kind: z.literal('adult_checks'), checks: z.array(checkType), citation: text() }),
  z.object({ kind: z.literal('child_checks'), checks: z.array(checkType), citation: text() }),
  z.object({ kind: z.literal('nothing'), age: count() }),
]);

/** What a placement's row notes; the template words each kind. */
const placementNote = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interruption'), setting, start: date(), end: date().nullable() }),
  z.object({ kind: z.literal('left'), reason: text() }),
  z.object({ kind: z.literal('outside_ages'), age: count(), min: count(), max: count() }),
  z.object({ kind: z.literal('turns_18'), date: date() }),
]);

export const relicensingPacketFacts = z.object({
  ...homeFacts,
  /** Filing readiness (readiness.ts): the annual re-evaluation of this license year. */
  readiness: z.object({
    ready: z.boolean(),
    missing: z.array(z.enum(PACKET_REQUIRED).describe('label: required_section')),
    not_provided: z.object(Object.fromEntries(PACKET_REQUIRED.map((s) => [s, z.boolean()])) as Record<PacketRequired, z.ZodBoolean>),
  }),
  /** The citations of the rules agency.yaml overrides. */
  agency_rules: z.array(text()),
  summary: z.object({
    total: count(),
    met: count(),
    on_pace: count().describe('annual training short but on pace'),
    open: count().describe('due before renewal or behind pace'),
    not_met: count(),
    compliant: z.boolean().describe('no line NOT MET'),
  }),
  not_met: z.array(z.object(requirement)),
  /** The lines to act on before the renewal that are not failing: due before renewal, behind pace. */
  open: z.array(z.object({ ...requirement, ...standing })),
  checklist: z.array(z.object({ n: count(), ...requirement, ...standing, citation: text(), agency_override: z.boolean() })),
  training: z.array(
    z.object({
      person: text(),
      role: householdRole,
      required: hours(),
      counted: hours(),
      uncounted: hours(),
      shortfall: hours(),
      status: trainingStatus,
      months_left: count().describe('whole months from the as-of date to the renewal'),
      sessions: z.array(
        z.object({
          date: date(),
          title: text(),
          topic,
          format: z.enum(TRAINING_FORMATS).describe('label: training_format'),
          hours: hours(),
          counts: z.boolean(),
        }),
      ),
      outside: z.array(z.object({ date: date(), title: text(), hours: hours(), later: z.boolean() })),
    }),
  ),
  training_rule: z.object({ hours: hours(), citation: text(), uncounted_topics: z.array(topic) }),
  checks: z.object({
    rows: z.array(
      z.object({
        person: text(),
        age: count().nullable(),
        check: checkType,
        last: date().nullable(),
        result: checkResult.nullable(),
        pending: date().nullable().describe('a check requested and not completed, since when'),
        due: date().nullable(),
        at_eighteen: z.boolean(),
        status: z.enum(['current', 'due_before_renewal', 'findings', 'overdue', 'not_met']).describe('label: check_status'),
      }),
    ),
    out_of_state: z.array(z.object({ person: text(), states: z.array(text()), date: date(), result: checkResult })),
    /** Checks a household child needs from a later birthday. */
    upcoming: z.array(z.object({ person: text(), birthday: date(), checks: z.array(checkType) })),
  }),
  check_rule: z.object({
    months: count(),
    citation: text(),
    children: z.array(z.object({ age: count(), checks: z.array(checkType) })),
    children_citation: text(),
  }),
  certifications: z.object({
    required: z.boolean(),
    citation: text(),
    rows: z.array(
      z.object({
        holder: text(),
        certificate,
        expires: date().nullable(),
        required: z.boolean(),
        status: z.enum(['current', 'expiring', 'due_before_renewal', 'expired', 'none']).describe('due_before_renewal: a required certificate that expires on or before the license does'),
        days_left: count().nullable(),
      }),
    ),
  }),
  changes: z.array(
    z.object({
      date: date(),
      person: text(),
      change: z.discriminatedUnion('kind', [z.object({ kind: z.literal('born') }), z.object({ kind: z.literal('birthday'), age: count() })]),
      requires,
      met: z.boolean().nullable().describe('null: nothing to meet'),
      checked: z.array(date()).describe('when the checks that meet it were done'),
      later: z.boolean().describe('after the as-of date'),
    }),
  ),
  placements: z.array(
    z.object({ name: text(), case_id: text(), dob: date(), age: count(), start: date(), end: date().nullable(), setting, notes: z.array(placementNote) }),
  ),
  capacity: z.object({ placed: count(), licensed: count(), within: z.boolean(), names: z.array(text()) }),
  incidents: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('recorded'), date: date(), type: text().describe("the caseworker's word, often snake_case"), summary: text(), resolved: date().nullable() }),
      z.object({ kind: z.literal('runaway'), date: date(), child: text().describe('the child, as the placements table names them'), returned: date().nullable().describe('back in the home') }),
    ]),
  ).describe('recorded incidents, and runaways from the home that no incident records, in date order'),
});

export type RelicensingPacketFacts = z.infer<typeof relicensingPacketFacts>;
