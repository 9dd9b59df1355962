import type { ParentRole } from '../model/case.js';
import type { DueDetail } from './due-detail.js';

/**
 * One deadline or compliance item, as `casepress due` reports it (cli.md, "What
 * `due` reports"). Case clocks and home checks each produce these; the command
 * filters, sorts and prints them.
 */
export const DUE_KINDS = [
  'permanency_hearing',
  'periodic_review',
  'tpr_15_of_22',
  'case_plan_review',
  'monthly_visit',
  'transition_plan',
  'license_renewal',
  'annual_training',
  'background_check',
  'certification',
  'inspection',
  'hearing',
  'court_report',
  'caregiver_notice',
  'qrtp_assessment',
  'qrtp_approval',
  'trial_home_visit',
  'reasonable_efforts_finding',
  'credit_report',
  'nytd_survey',
  'health_exam',
  'dental_exam',
  'cans',
  'standing_order',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/**
 * overdue: due before the as-of date and not satisfied; due_soon: not satisfied,
 * due on or after the as-of date; ok: satisfied.
 */
export type DueStatus = 'overdue' | 'due_soon' | 'ok';

export interface DueItem {
  /** A case id or a home id. */
  readonly subject: string;
  readonly kind: DueKind;
  /** YYYY-MM-DD: the last day on which it is on time. */
  readonly due: string;
  readonly status: DueStatus;
  /** How the date was reached, as facts; templates/due-words.ts words it ("12 months after the date entered foster care (2025-02-14)"). */
  readonly detail: DueDetail;
  /** The rule's citation, or where a date comes from when no rule sets it. */
  readonly rule: DueRule;
  /** The household member an item is about (name as written). */
  readonly person?: string;
  /** The check or certificate: state_registry, fbi_fingerprint, sex_offender_registry, out_of_state_registry, cpr, first_aid. */
  readonly item?: string;
}

/**
 * Where a due date comes from when it is not a rule's citation: the court's
 * calendar, an agency.yaml setting (its default when agency.yaml does not say),
 * a standing court order (of the day it was made, for a parent). Worded by
 * templates/due-words.ts like the detail.
 */
export type DueRule =
  | string
  | { readonly kind: 'set_by_court' }
  | { readonly kind: 'agency_setting'; readonly setting: 'court_report_days_before'; readonly default: number | null }
  | { readonly kind: 'court_order'; readonly from: string; readonly parent: ParentRole | null };

/** The status of an unsatisfied item on the as-of date (cli.md). */
export function openStatus(due: string, asOf: string): DueStatus {
  return due < asOf ? 'overdue' : 'due_soon';
}

/** A code in a warning or a `due` item's detail: "permanency_hearing" → "permanency hearing". */
export const codeWords = (code: string): string => code.replaceAll('_', ' ');
