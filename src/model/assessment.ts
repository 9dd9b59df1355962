/** children/<case-id>/assessments/*.yaml: CANS and other instruments (case-format.md). */
import { z } from './zod.js';
import { calendarDate, expecting, id, narrativeText, opt, text } from './primitives.js';

/** Needs and strengths are rated 0..3; trauma experience items yes or no; na when not applicable. */
const rating = z.union([z.literal([0, 1, 2, 3]), z.literal(['yes', 'no', 'na'])], { error: expecting('rating') });

export const CANS_REASONS = ['initial', 'reassessment', 'placement_change', 'discharge'] as const;

export const assessment = z
  .strictObject({
    tool: z.enum(['CANS', 'FAST', 'other']),
    version: opt(text),
    date: calendarDate,
    assessor: id,
    reason: z.enum(CANS_REASONS),
    ratings: z.array(z.strictObject({ domain: text, item: text, rating })).min(1),
    notes: opt(narrativeText),
  })
  .meta({ title: 'casepress assessment' });

export type Assessment = z.infer<typeof assessment>;
