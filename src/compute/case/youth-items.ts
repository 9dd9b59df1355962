/**
 * The `due` items of an older youth in care (cli.md, "What `due` reports"):
 * the yearly free credit report from 14 and the NYTD baseline survey at 17 in
 * cohort years, read from case.yaml `youth:`. Only for a child in care on the
 * as-of date: the removal is on or before it and a placement covers it, as the
 * placement clocks decide.
 */
import { addDays, addMonths } from '../../core/calendar-date.js';
import type { CaseRecord } from '../../model/case.js';
import { openStatus, type DueItem } from '../due-item.js';
import { currentPlacement } from './placements.js';
import { birthday } from './youth.js';

/** 42 U.S.C. 675(5)(I): each child in foster care who is 14 or older gets a free consumer credit report every year until discharged. */
export const CREDIT_REPORT = { age: 14, months: 12, citation: '42 U.S.C. 675(5)(I)' } as const;
/**
 * 45 CFR 1356.82 (baseline population, 1356.81(b)): youth in foster care who turn 17 in
 * federal fiscal year 2011 or every third year after are surveyed within 45 days after
 * the 17th birthday (domain.md §6.4).
 */
export const NYTD_BASELINE = { age: 17, days: 45, firstCohort: 2011, everyYears: 3, citation: '45 CFR 1356.82' } as const;

function inCare(record: CaseRecord, asOf: string): boolean {
  return record.removal.date <= asOf && currentPlacement(record.placements, asOf) !== undefined;
}

/** The federal fiscal year a day falls in: FY2026 runs 2025-10-01 to 2026-09-30. */
export function federalFiscalYear(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5, 7) >= '10' ? year + 1 : year;
}

/** FY2011 and every third year after (FY2014, …, FY2026, FY2029). */
export function isNytdCohortYear(fiscalYear: number): boolean {
  return fiscalYear >= NYTD_BASELINE.firstCohort && (fiscalYear - NYTD_BASELINE.firstCohort) % NYTD_BASELINE.everyYears === 0;
}

/**
 * The next credit report. Only reports dated from the 14th birthday through the
 * as-of date count. With none, the first is due on the 14th birthday; after
 * that, 12 months after the latest report. Like the exam cadences the item is
 * always the next report to obtain, never `ok`: a report on file moves it 12
 * months on, so it is `due_soon` until its day and `overdue` after it.
 */
export function creditReportItem(record: CaseRecord, asOf: string): DueItem {
  const fourteenth = birthday(record.child.dob, CREDIT_REPORT.age);
  const latest = (record.youth?.credit_reports ?? []).filter((d) => d >= fourteenth && d <= asOf).sort().at(-1);
  const due = latest ? addMonths(latest, CREDIT_REPORT.months) : fourteenth;
  const detail = { kind: 'credit_report', months: CREDIT_REPORT.months, last: latest ?? null, fourteenth_birthday: fourteenth, birthday_passed: fourteenth <= asOf } as const;
  return { subject: record.id, kind: 'credit_report', due, status: openStatus(due, asOf), detail, rule: CREDIT_REPORT.citation };
}

/**
 * The NYTD baseline survey, for a youth whose 17th birthday falls in a cohort
 * year and whose current stay in care began by the end of the 45 days after it
 * (otherwise none). Due 45 days after the birthday; `ok` once a survey dated
 * from the birthday to that day (and on or before the as-of date) is on file.
 * A survey outside the window does not count: the baseline is that window's.
 */
export function nytdSurveyItem(record: CaseRecord, asOf: string): DueItem | undefined {
  const seventeenth = birthday(record.child.dob, NYTD_BASELINE.age);
  const fiscalYear = federalFiscalYear(seventeenth);
  const due = addDays(seventeenth, NYTD_BASELINE.days);
  if (!isNytdCohortYear(fiscalYear) || record.removal.date > due) return undefined;
  const taken = (record.youth?.nytd_surveys ?? []).filter((d) => d >= seventeenth && d <= due && d <= asOf).sort()[0];
  return {
    subject: record.id,
    kind: 'nytd_survey',
    due,
    status: taken ? 'ok' : openStatus(due, asOf),
    detail: { kind: 'nytd_survey', days: NYTD_BASELINE.days, seventeenth_birthday: seventeenth, fiscal_year: fiscalYear, taken: taken ?? null },
    rule: NYTD_BASELINE.citation,
  };
}

/** The credit report and NYTD survey items of a child in care on the as-of date. */
export function youthDueItems(record: CaseRecord, asOf: string): DueItem[] {
  if (!inCare(record, asOf)) return [];
  const survey = nytdSurveyItem(record, asOf);
  return [creditReportItem(record, asOf), ...(survey ? [survey] : [])];
}
