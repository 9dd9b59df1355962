/**
 * The pieces every document's facts share, as zod types: the builders return
 * `z.infer` of their document's type (so a renamed field is a compile error in
 * compute/), and the template check reads the same types as JSON Schema (so a
 * template reading a field the facts lack is CP2003 at its line).
 *
 * Facts hold no English: codes stay codes (labels.yaml beside the templates
 * gives their words), dates stay YYYY-MM-DD, counts stay numbers. Names and
 * staff-written text are the data's own words, shown as this copy may print
 * them (a withheld value is the marker).
 */
import { z } from '../../../model/zod.js';
import { RULE_SETS } from '../../../model/agency.js';
import { PARENT_ROLES, PLACEMENT_SETTINGS } from '../../../model/case.js';
import { AUDIENCES } from '../../audience.js';

/** A calendar date, YYYY-MM-DD; the template formats it (`{{date x}}`). */
export const date = () => z.string().describe('date (YYYY-MM-DD)');
/** Text from the case data or the staff, as this copy may print it. */
export const text = () => z.string();
export const count = () => z.number().int().nonnegative();

/** What prose calls the child after the first mention (the full legal name comes first). */
export const called = () => text().describe('the preferred name, else the first name: what prose calls the child after the first mention');

/** Whose copy this is. */
export const audience = z.enum(AUDIENCES);

/** In a parent's copy, whose it is. */
export const reader = z.object({ name: text(), role: z.enum(PARENT_ROLES).describe('label: parent_role') }).nullable();

export const agency = z.object({ name: text(), state: z.enum(RULE_SETS).describe('label: state') });

/** A staff member as agency.yaml lists them (an unlisted id prints as itself). */
export const staff = z.object({ id: text(), name: text(), title: text().nullable(), phone: text().nullable(), email: text().nullable() });

/**
 * A person the structured data names, as this copy may print them (the partial
 * person-name prints it): the name, or, where the copy withholds a foster family's
 * names, the marker and who they are ("Foster parent, home H-0042").
 */
export const shownPerson = {
  name: text().describe('the name, or the marker where `foster` says who the person is'),
  foster: z
    .object({ member: z.enum(['parent', 'member']).describe('label: foster_person'), home: text().nullable().describe('the home id, when known') })
    .nullable(),
};

/** A postal address: the partial postal-address joins the parts; `withheld`: the street is the marker and nothing else prints. */
export const postalAddress = z.object({ street: text(), city: text(), state: text(), zip: text(), county: text().nullable(), withheld: z.boolean() });
export type PostalAddress = z.infer<typeof postalAddress>;

/** Who signs: a name and what they sign as (a role code labelled by `signer_role`). */
export const signer = z.object({ name: text(), role: text(), date: date().nullable() });

/** Where a child lives or lived, as this copy may print it (the partial placement-where prints it). */
export const placementWhere = z.object({
  setting: z.enum(PLACEMENT_SETTINGS).describe('label: placement_setting'),
  home: text().nullable().describe('the home id, e.g. H-0063'),
  names: z.array(text()).describe('the caregivers, or the marker where withheld'),
  provider: text().nullable(),
  county: text().describe('the county\'s name, or the marker where the location is withheld'),
  county_withheld: z.boolean(),
});

/** The facts every document has. */
export const base = {
  as_of: date(),
  audience,
  reader,
  agency,
};

/** The child's schooling (case.yaml `education`), the school as this copy may print it. */
export const education = z
  .object({
    school: text(),
    grade: text(),
    iep: z.boolean(),
    plan_504: z.boolean(),
    school_changes: count().nullable().describe('school changes since removal'),
    best_interest_determination: date().nullable(),
    notes: text().nullable(),
  })
  .nullable();

/** The child's last checkups (case.yaml `health`), as both the court report and the service plan print them. */
export const checkups = {
  last_physical: date().nullable(),
  last_dental: date().nullable(),
  last_vision: date().nullable(),
  immunizations_current: z.boolean(),
};
