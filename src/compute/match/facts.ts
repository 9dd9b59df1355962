/**
 * The matching facts: what `casepress match --json` prints and the matching
 * worksheet (templates/matching-worksheet.md.hbs) reads. See
 * documents/facts/common.ts for the conventions: codes, dates and counts, no English.
 */
import { z } from '../../model/zod.js';
import { PERMANENCY_GOALS, PLACEMENT_SETTINGS, SEXES } from '../../model/case.js';
import { CARE_LEVELS } from '../../model/home.js';
import { HOME_TYPES, RULE_SETS } from '../../model/agency.js';
import { count, date, text } from '../documents/facts/common.js';

const level = z.enum(CARE_LEVELS).describe('label: care_level');
const item = z.object({ domain: text(), item: text().describe('the CANS item (label: cans_item)'), rating: count() });
const named = z.object({ name: text(), case_id: text().nullable() });

/** Why a home cannot take the child (or a child the home), each with what it was judged by. */
export const exclusion = z.discriminatedUnion('reason', [
  z.object({ reason: z.literal('current_placement') }).describe('the child lives there now'),
  z.object({ reason: z.literal('license'), status: text().describe('label: license_status'), expires: date(), within_days: count() })
    .describe('the license is not active, or expires within `within_days` of the as-of date'),
  z.object({ reason: z.literal('capacity_license'), licensed: count(), placed: count() }),
  z.object({
    reason: z.literal('capacity_rule'), limit: count(), counted: count().describe('children now, the family\'s own included'),
    therapeutic: z.boolean().describe("the limit is the rule set's for therapeutic foster homes"), citation: text(),
  }),
  z.object({ reason: z.literal('capacity_rule_foster'), limit: count(), placed: count(), citation: text() })
    .describe("the rule set's limit on foster children in a therapeutic foster home (Indiana: 2)"),
  z.object({ reason: z.literal('ages'), min: count(), max: count(), from: z.enum(['preferences', 'license']), age: count() }),
  z.object({ reason: z.literal('sexes'), sexes: z.array(z.enum(SEXES).describe('label: sex')), sex: z.enum(SEXES).describe('label: sex') }),
  z.object({ reason: z.literal('level'), needed: level, levels: z.array(level), from: z.enum(['preferences', 'home_type']) }),
  z.object({ reason: z.literal('behaviors'), needs: z.array(item) }).describe("needs rated 2+ among the family's `not_accepted`"),
  z.object({
    reason: z.literal('overdue'),
    lapsed: z.array(z.object({
      kind: z.enum(['background_check', 'certification', 'inspection']).describe('label: due_kind'),
      item: text().nullable().describe('the check (label: check_name) or the certificate (label: certificate); null for an inspection'),
      person: text().nullable(),
      due: date(),
    })),
  }),
  z.object({ reason: z.literal('allegation'), incidents: z.array(z.object({ date: date(), type: text() })) }).describe('unresolved allegation incidents'),
]);

export const FACTOR_LEVELS = ['high', 'medium', 'low', 'not_applicable'] as const;
const factorLevel = z.enum(FACTOR_LEVELS).describe('label: match_level');

/** One ranked factor with its evidence (`factor` names it; labels.yaml `match_factor`). */
export const factor = z.discriminatedUnion('factor', [
  z.object({ factor: z.literal('icwa'), level: factorLevel, preference: z.enum(['extended_family', 'tribe_approved', 'other']).describe('label: icwa_preference'), tribes: z.array(text()) })
    .describe('25 U.S.C. 1915(b): only with ICWA reason to know'),
  z.object({ factor: z.literal('kin'), level: factorLevel, of: z.enum(['child', 'sibling', 'none']), sibling: text().nullable() }),
  z.object({ factor: z.literal('former_caregiver'), level: factorLevel, from: date().nullable(), to: date().nullable() }),
  z.object({
    factor: z.literal('siblings'), level: factorLevel,
    in_care: count().describe('siblings in care'), there: z.array(named).describe('already in the home'),
    room_for: count().describe('places left after the child'), needing: z.array(named).describe('siblings in care elsewhere'),
    group_max: count().nullable().describe('preferences.sibling_group_max'),
  }),
  z.object({
    factor: z.literal('school'), level: factorLevel, school: text().nullable(),
    child_district: text().nullable(), home_district: text().nullable(), child_county: text().nullable(), home_county: text().nullable(),
  }),
  z.object({
    factor: z.literal('proximity'), level: factorLevel, home_county: text().nullable(),
    people: z.array(z.object({ name: text(), role: text().describe('label: role'), county: text(), near: z.boolean() })),
  }),
  z.object({ factor: z.literal('language'), level: factorLevel, child: z.array(text()), home: z.array(text()).nullable(), shared: z.array(text()) }),
  z.object({ factor: z.literal('permanency'), level: factorLevel, goal: z.enum(PERMANENCY_GOALS).describe('label: permanency_goal').nullable(), will_adopt: z.boolean().nullable() }),
  z.object({
    factor: z.literal('fit'), level: factorLevel, high_needs: z.boolean().describe('the child needs therapeutic care'),
    children: z.array(z.object({ name: text(), age: count(), placed: z.boolean(), high_needs: z.boolean() })),
  }),
]);

export const FACTORS = ['icwa', 'kin', 'former_caregiver', 'siblings', 'school', 'proximity', 'language', 'permanency', 'fit'] as const;

/** The factors a family or the agency can work on: a gap in one (Medium or Low) has a support that would close it. */
export const CLOSABLE_FACTORS = ['siblings', 'school', 'proximity', 'language', 'permanency', 'fit'] as const;

/** A factor at medium or low that the agency can work on, and the support that would close it (labels.yaml `match_support`). */
const gap = z.object({ factor: z.enum(CLOSABLE_FACTORS).describe('label: match_support'), level: factorLevel });

/** What a candidate's ranking rests on (rank.ts). */
const ranking = {
  rank: count(),
  points: count().describe('high 2, medium 1 per factor'),
  tie_break: z.enum(['children_in_home', 'id']).nullable().describe('tied with the one above on preference, kin and points; placed below it by this'),
  factors: z.array(factor),
  gaps: z.array(gap),
};

const home = {
  home_id: text(),
  home_type: z.enum(HOME_TYPES).describe('label: home_type'),
  caregivers: z.array(text()),
  county: text().nullable(),
  vacancies: count(),
};

const rule = z.object({ citation: text(), unverified: z.boolean() });

/** The child's side of a match: what the worksheet's needs summary prints. */
export const matchChild = z.object({
  case_id: text(),
  name: text(),
  called: text(),
  dob: date(),
  age: count(),
  sex: z.enum(SEXES).describe('label: sex'),
  caseworker: text().describe("the caseworker's name (the staff id when agency.yaml has none)"),
  supervisor: text().describe("the supervisor's name (the staff id when agency.yaml has none)"),
  current: z.object({ setting: z.enum(PLACEMENT_SETTINGS).describe('label: placement_setting'), home: text().nullable(), county: text(), since: date() }).nullable(),
  cans_date: date().nullable(),
  levels: z.array(level).describe('levels of care beyond basic the CANS calls for'),
  therapeutic_items: z.array(item),
  medical_items: z.array(item),
  needs: z.array(item).describe('every CANS need rated 2 or 3'),
  languages: z.array(text()),
  education: z.object({ school: text(), district: text().nullable(), iep: z.boolean(), plan_504: z.boolean() }).nullable(),
  siblings: z.array(z.object({ name: text(), case_id: text().nullable(), in_care: z.boolean(), home: text().nullable(), county: text().nullable() })),
  goal: z.enum(PERMANENCY_GOALS).describe('label: permanency_goal'),
  concurrent_goal: z.enum(PERMANENCY_GOALS).describe('label: permanency_goal').nullable(),
  icwa: z.object({ reason_to_know: z.boolean(), tribes: z.array(text()) }),
});

/** `casepress match <case-id>`: the homes for one child, and the matching worksheet's facts. */
export const matchingWorksheetFacts = z.object({
  as_of: date(),
  audience: z.literal('internal'),
  agency: z.object({ name: text(), state: z.enum(RULE_SETS).describe('label: state') }),
  child: matchChild,
  icwa_order: z.boolean().describe('ICWA reason to know: the 1915(b) preferences rank first'),
  shortlist: z.array(z.object({ ...home, ...ranking })),
  excluded: z.array(z.object({ ...home, kin: z.boolean().describe('kin_of names the child: a kin home is worth the work to clear what excludes it'), reasons: z.array(exclusion) })),
  rules: z.object({ therapeutic: rule, medically_complex: rule, capacity: rule, license_days: count() }),
});

/** `casepress match --home <home-id>`: the children in care a home could take. */
export const homeMatchFacts = z.object({
  as_of: date(),
  home: z.object(home),
  candidates: z.array(z.object({ case_id: text(), name: text(), age: count(), ...ranking })),
  excluded: z.array(z.object({ case_id: text(), name: text(), age: count(), reasons: z.array(exclusion) })),
});

export type Exclusion = z.infer<typeof exclusion>;
export type Factor = z.infer<typeof factor>;
export type FactorLevel = (typeof FACTOR_LEVELS)[number];
export type MatchingWorksheetFacts = z.infer<typeof matchingWorksheetFacts>;
export type HomeMatchFacts = z.infer<typeof homeMatchFacts>;
export type MatchChildFacts = z.infer<typeof matchChild>;
