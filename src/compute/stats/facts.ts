/** The caseload statistics' facts (templates/caseload-stats.md.hbs): see documents/facts/common.ts for the conventions. */
import { z } from '../../model/zod.js';
import { DISCHARGE_REASONS, PLACEMENT_SETTINGS } from '../../model/case.js';
import { CERTIFICATE_TYPES, CHECK_TYPES } from '../../model/home.js';
import { DUE_KINDS } from '../due-item.js';
import { count, date, text } from '../documents/facts/common.js';
import { MEASURES } from './figures.js';

const hidden = z.enum(['fewer_than_5', 'complementary']).describe('label: stats_hidden').nullable();

/** One figure as this copy prints it (cells.ts). */
export const cell = z.object({
  numerator: count().nullable().describe('null when hidden (numerator_hidden says why)'),
  numerator_hidden: hidden,
  denominator: count().nullable().describe('null for a count, or when hidden'),
  denominator_hidden: hidden,
  rate: z.number().nullable().describe('per the measure (a percentage; per 1,000 days; children per caseworker), one decimal; null for a count or when hidden'),
  small: z.boolean().describe('the denominator is under 10: "small number"'),
});

const measure = z.enum(MEASURES).describe('label: stats_measure');
const period = z.object({ id: text().describe('2026-10 or 2026-Q3'), first: date(), last: date() });

export const unitSummary = z.object({
  id: text().describe('staff id'),
  name: text().nullable().describe('as agency.yaml names them'),
  children_in_care_last: cell,
  visits: cell,
  moves: cell,
  moves_per_1000_days: cell,
  overdue_items: cell,
  family_time: cell,
  plans_current: cell,
});

const child = { case_id: text(), child: text(), caseworker: text().describe("the caseworker's name (the staff id when agency.yaml has no such staff member)") };

export const caseloadStatsFacts = z.object({
  audience: z.enum(['internal', 'public']),
  as_of: date(),
  period: period.extend({ kind: z.enum(['month', 'quarter']) }),
  worker: z.object({ id: text(), name: text().nullable() }).nullable().describe('--worker: the caseworker the report is limited to'),
  caseload_standard: count().nullable().describe('agency.yaml caseload_standard'),
  /** The agency's figures for the period, every measure (a breakdown's parts carry their `key`). */
  agency: z.array(
    z.object({
      measure,
      key: text().nullable().describe('the part of a breakdown: a discharge reason, hearing type, parent role or who cancelled'),
      per: count().describe('100: a percentage; 1000: per 1,000 days in care; 1: a ratio or a count'),
      cell,
    }),
  ),
  /** The agency's exits in the period by reason (the parts of `agency`'s exits_by_reason), for the table a chart draws from. */
  exits_by_reason: z.array(z.object({ reason: z.enum(DISCHARGE_REASONS).describe('label: discharge_reason'), cell })),
  /** The agency's main figures, period by period, oldest first; the period last. */
  trend: z.array(
    z.object({ period, children_in_care_last: cell, entries: cell, exits: cell, visits: cell, moves_per_1000_days: cell, family_time: cell }),
  ),
  supervisors: z.array(unitSummary).describe('internal copy only'),
  caseworkers: z.array(unitSummary).describe('internal copy only'),
  appendix: z
    .object({
      missed_visits: z.array(z.object({ ...child, month: text().describe('YYYY-MM') })),
      moves: z.array(z.object({ ...child, date: date(), setting: z.enum(PLACEMENT_SETTINGS).describe('label: placement_setting'), home: text().nullable() })),
      overdue: z.array(
        z.object({
          subject: text().describe('case or home id'),
          child: text().nullable(),
          caseworker: text().nullable(),
          kind: z.enum(DUE_KINDS).describe('label: due_kind'),
          due: date(),
          person: text().nullable(),
          check: z.enum(CHECK_TYPES).nullable().describe('label: check_name; which background check, for a background_check item'),
          certificate: z.enum(CERTIFICATE_TYPES).nullable().describe('label: certificate; which certificate, for a certification item'),
        }),
      ),
    })
    .nullable()
    .describe('internal copy only'),
});

export type CaseloadStatsFacts = z.infer<typeof caseloadStatsFacts>;
export type UnitSummary = z.infer<typeof unitSummary>;

/** One row of the CSV and the JSON: a measure for a unit and a period. */
export interface StatsRow extends z.infer<typeof cell> {
  readonly unit: 'agency' | 'supervisor' | 'caseworker';
  readonly unit_id: string | null;
  readonly period: string;
  readonly measure: (typeof MEASURES)[number];
  readonly key: string | null;
  readonly per: number;
}
