/**
 * Building blocks shared by every record of case-format.md: dates, ids,
 * addresses, people, roles. Each leaf that has a form of its own carries an
 * "expected …" phrase, so a diagnostic can say exactly what belongs there.
 */
import { z } from './zod.js';
import { isRealDate } from '../core/calendar-date.js';
import type { Code } from '../core/codes.js';

/** What a field expects, in words, and the diagnostic code a mismatch gets. */
export const EXPECTATIONS = {
  date: { code: 'CP1203', text: 'a calendar date in YYYY-MM-DD form, e.g. 2026-03-14' },
  id: {
    code: 'CP1206',
    text: 'an id of letters, digits, ".", "_" or "-" that starts with a letter or digit (at most 64 characters)',
  },
  zip: { code: 'CP1208', text: 'a ZIP code in quotes, e.g. "40507" or "40507-1234"' },
  state: { code: 'CP1208', text: 'a two-letter state code in capitals, e.g. KY' },
  last4: { code: 'CP1208', text: 'exactly the last four digits in quotes, e.g. "4821" (never a full identifier)' },
  timeZone: { code: 'CP1208', text: 'an IANA time zone such as America/New_York' },
  language: { code: 'CP1208', text: 'a language tag (BCP 47) such as en-US or es-US' },
  rating: { code: 'CP1204', text: '0, 1, 2 or 3, or yes, no or na' },
  grade: { code: 'CP1202', text: 'a grade such as "8", "K" or "12"' },
  text: { code: 'CP1202', text: 'text that is not empty' },
} as const satisfies Record<string, { code: Code; text: string }>;

export type Expectation = keyof typeof EXPECTATIONS;

/** Schema-level error: the expectation's words, for a wrong value and for a missing one. */
export function expecting(kind: Expectation) {
  return () => EXPECTATIONS[kind].text;
}

/** An optional field; `null` (or `~`) means the same as leaving it out. */
export const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const calendarDate = z
  .string({ error: expecting('date') })
  .refine(isRealDate, { error: expecting('date') })
  .meta({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });

export const id = z.string({ error: expecting('id') }).regex(ID_PATTERN, { error: expecting('id') });

export const text = z.string({ error: expecting('text') }).min(1, { error: expecting('text') });

/**
 * Free text that may hold treatment passages (model/passages.ts): the fields
 * the documents read them in. Only the schema's description differs from `text`.
 */
export const narrativeText = text.meta({
  description:
    "Free text. A parent's treatment detail in it goes between a line ':::treatment{parent=mother}' (or ':::treatment') and a line ':::', with the value written as a literal block (|); copies whose readers may not see it withhold it.",
});

export const stateCode = z
  .string({ error: expecting('state') })
  .regex(/^[A-Z]{2}$/, { error: expecting('state') });

export const zip = z
  .string({ error: expecting('zip') })
  .regex(/^\d{5}(-\d{4})?$/, { error: expecting('zip') });

export const last4 = z.string({ error: expecting('last4') }).regex(/^\d{4}$/, { error: expecting('last4') });

export const timeZone = z
  .string({ error: expecting('timeZone') })
  .refine(isTimeZone, { error: expecting('timeZone') });

// A first DateTimeFormat with a time zone reads ICU's zone data (about 10 ms,
// a fortieth of a one-off court report); the list of canonical zones costs a
// tenth of that. Other names Intl accepts (aliases, other letter case) still
// go through DateTimeFormat, so what is accepted is unchanged.
let canonicalZones: ReadonlySet<string> | undefined;

function isTimeZone(name: string): boolean {
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(name)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag (en-US, es-US): what Intl accepts as a locale. */
export const languageTag = z
  .string({ error: expecting('language') })
  .refine(isLanguageTag, { error: expecting('language') });

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export const minutes = z.number().int().min(0).max(24 * 60);

/** Roles, wherever a role is asked for (case-format.md, Conventions). */
export const ROLES = [
  'child', 'mother', 'father', 'putative_father', 'legal_guardian', 'foster_parent', 'sibling',
  'relative', 'caseworker', 'supervisor', 'therapist', 'gal', 'casa', 'attorney', 'teacher',
  'tribe_representative', 'other',
] as const;
export const role = z.enum(ROLES);

export const address = z.strictObject({
  street: text,
  city: text,
  state: stateCode,
  zip,
  county: opt(text),
  /** Printed only for audiences allowed to see it (case-format.md, Audiences). */
  confidential: opt(z.boolean()),
});

/**
 * A person record (an attorney, a GAL, a therapist …): `role` is free text as
 * the caseworker writes it ("Guardian ad litem", "Vietnamese interpreter");
 * `recognizedRole` reads the common ones.
 */
export const person = z.strictObject({
  name: text,
  role: opt(text),
  phone: opt(text),
  email: opt(text),
  address: opt(address),
});

/** The words people write for the roles casepress knows, case-insensitively (case-format.md, Conventions). */
const ROLE_WORDS: Readonly<Record<string, Role>> = {
  'guardian ad litem': 'gal',
  'court appointed special advocate': 'casa',
  'court-appointed special advocate': 'casa',
  'casa volunteer': 'casa',
  'casa advocate': 'casa',
  lawyer: 'attorney',
  counsel: 'attorney',
  "child's attorney": 'attorney',
  counselor: 'therapist',
  'tribal representative': 'tribe_representative',
  'tribe representative': 'tribe_representative',
  'foster parent': 'foster_parent',
  'case worker': 'caseworker',
  'case manager': 'caseworker',
  'putative father': 'putative_father',
  'legal guardian': 'legal_guardian',
};

export type Role = (typeof ROLES)[number];

/** The role a person's free-text role names, when it is one casepress knows; undefined for any other text. */
export function recognizedRole(written: string | null | undefined): Role | undefined {
  if (!written) return undefined;
  const key = written.trim().toLowerCase().replace(/\s+/g, ' ');
  const code = key.replace(/[ -]/g, '_');
  return (ROLES as readonly string[]).includes(code) ? (code as Role) : ROLE_WORDS[key];
}

export type Address = z.infer<typeof address>;
export type Person = z.infer<typeof person>;
