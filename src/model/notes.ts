/**
 * Front matter of the Markdown notes in a child's folder: caseworker contacts,
 * family time, and court narrative (case-format.md).
 */
import { z } from './zod.js';
import { calendarDate, id, minutes, opt, role } from './primitives.js';

/**
 * `treatment: true`: the whole note is a parent's treatment detail (as if its
 * body stood in one `:::treatment` fence naming no parent), withheld from every
 * audience that may not read such detail (case-format.md, Audiences).
 */
const treatment = opt(
  z.boolean().meta({
    description:
      "true: the whole note is a parent's treatment detail, withheld like a :::treatment passage that names no parent. To mark part of the body, or to name the parent, put the passage between a line ':::treatment{parent=mother}' and a line ':::'.",
  }),
);

export const CONTACT_TYPES = [
  'home_visit', 'school_visit', 'office', 'community', 'court', 'phone', 'video', 'collateral',
] as const;

export const CONTACT_LOCATIONS = ['residence', 'school', 'office', 'parent_home', 'community', 'other'] as const;
export const VISIT_LEVELS = ['supervised', 'monitored', 'unsupervised', 'therapeutic'] as const;
export const VISIT_ATTENDANCE = ['yes', 'no', 'late', 'cancelled'] as const;
export const CANCELLED_BY = ['parent', 'foster_parent', 'agency', 'child', 'other'] as const;

export const contact = z
  .strictObject({
    date: calendarDate,
    type: z.enum(CONTACT_TYPES),
    with: z.array(role).min(1),
    location: z.enum(CONTACT_LOCATIONS),
    child_seen: z.boolean(),
    seen_privately: opt(z.boolean()),
    duration_minutes: opt(minutes),
    author: id,
    treatment,
  })
  .meta({ title: 'casepress contact note (front matter)' });

export const visit = z
  .strictObject({
    date: calendarDate,
    participants: z.array(z.string().min(1)).min(1),
    level: z.enum(VISIT_LEVELS),
    scheduled_minutes: opt(minutes),
    attended: z.enum(VISIT_ATTENDANCE),
    cancelled_by: opt(z.enum(CANCELLED_BY)),
    supervisor: opt(id),
    treatment,
  })
  .meta({ title: 'casepress family-time note (front matter)' });

/**
 * The parts of a court report staff write for a hearing. Beyond case-format.md's four,
 * the sections filing readiness asks for (issue 11, point 4): the child's safety and
 * whether the placement is still necessary and appropriate, the status of the last
 * hearing's orders, and for APPLA youth 16+ the intensive efforts and the youth's
 * consultation.
 */
export const COURT_SECTIONS = ['child_wishes', 'assessment', 'recommendations', 'safety', 'orders', 'appla_efforts', 'youth_consultation', 'other'] as const;
export type CourtSection = (typeof COURT_SECTIONS)[number];

export const courtNote = z
  .strictObject({
    hearing: calendarDate,
    section: z.enum(COURT_SECTIONS),
    title: opt(z.string().min(1)),
    treatment,
  })
  .meta({ title: 'casepress court narrative (front matter)' });

export type Contact = z.infer<typeof contact>;
export type Visit = z.infer<typeof visit>;
export type CourtNote = z.infer<typeof courtNote>;
