/**
 * The `due` items a court date brings (cli.md, "What `due` reports"): each
 * upcoming hearing, its court report's filing date, and in Indiana the notice
 * to the caregivers; and the findings and placement reviews the court must make
 * on a clock: QRTP assessment and approval, a trial home visit past six
 * months, the finding of reasonable efforts to finalize the permanency plan.
 */
import { addDays, addMonths } from '../../core/calendar-date.js';
import type { Agency } from '../../model/agency.js';
import type { CaseRecord } from '../../model/case.js';
import { openStatus, type DueItem, type DueRule, type DueStatus } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';
import { dateEnteredFosterCare } from './entered-care.js';
import { hearingRef } from './due-items.js';
import { courtCalendar } from './hearings.js';

/** Days before a hearing its court report is due when agency.yaml does not say (cli.md). */
const COURT_REPORT_DAYS_BEFORE = 10;
/** IC 31-34-21-4: the caregivers are notified of a hearing at least 7 days before it. */
export const CAREGIVER_NOTICE = { days: 7, citation: 'IC 31-34-21-4' } as const;
/** 42 U.S.C. 675a(c): a qualified individual's assessment within 30 days of a QRTP placement, court approval within 60. */
export const QRTP = { assessmentDays: 30, approvalDays: 60, citation: '42 U.S.C. 675a(c)' } as const;
/** 45 CFR 1356.21(e): a trial home visit longer than six months needs a court order, or the child counts as returned home. */
export const TRIAL_HOME_VISIT = { months: 6, citation: '45 CFR 1356.21(e)' } as const;
/** 45 CFR 1356.21(b)(2): the finding of reasonable efforts to finalize the permanency plan, within 12 months of DEFC and every 12 months after. */
export const REASONABLE_EFFORTS = { months: 12, citation: '45 CFR 1356.21(b)(2)' } as const;


/**
 * Whether the court report for a hearing has every part required before filing
 * (compute/documents/readiness.ts): nothing records a report as filed, so a
 * ready report is what satisfies its item; without this, none is.
 */
export type ReportReady = (hearing: string) => boolean;

/** The hearing, court report and (Indiana) caregiver notice items of every scheduled hearing. */
export function courtDateItems(record: CaseRecord, asOf: string, agency: Pick<Agency, 'court_report_days_before'>, rules: RuleSet, reportReady: ReportReady = () => false): DueItem[] {
  const subject = record.id;
  const daysBefore = agency.court_report_days_before ?? COURT_REPORT_DAYS_BEFORE;
  const reportRule: DueRule = { kind: 'agency_setting', setting: 'court_report_days_before', default: agency.court_report_days_before == null ? COURT_REPORT_DAYS_BEFORE : null };
  return courtCalendar(record.court.hearings, asOf).scheduled.flatMap((date) => {
    const hearing = hearingRef(date);
    const items: DueItem[] = [{ subject, kind: 'hearing', due: date.date, status: 'due_soon', detail: { kind: 'hearing', hearing, court: record.court.name }, rule: { kind: 'set_by_court' } }];
    const report = addDays(date.date, -daysBefore);
    const ready = reportReady(date.date);
    items.push({
      subject,
      kind: 'court_report',
      due: report,
      status: ready ? 'ok' : openStatus(report, asOf),
      detail: { kind: 'court_report', hearing, days_before: daysBefore, ready },
      rule: reportRule,
    });
    if (rules.id === 'IN') {
      const notice = addDays(date.date, -CAREGIVER_NOTICE.days);
      items.push({ subject, kind: 'caregiver_notice', due: notice, status: openStatus(notice, asOf), detail: { kind: 'caregiver_notice', hearing, days_before: CAREGIVER_NOTICE.days }, rule: CAREGIVER_NOTICE.citation });
    }
    return items;
  });
}

/** The current placement's QRTP and trial home visit clocks. */
export function placementClockItems(record: CaseRecord, asOf: string): DueItem[] {
  const subject = record.id;
  const current = record.placements.find((p) => p.start <= asOf && (p.end == null || p.end > asOf));
  if (!current) return [];
  const items: DueItem[] = [];
  if (current.qrtp) {
    const assessmentDue = addDays(current.start, QRTP.assessmentDays);
    const assessed = current.qrtp.assessment;
    items.push({
      subject,
      kind: 'qrtp_assessment',
      due: assessmentDue,
      status: assessed ? 'ok' : openStatus(assessmentDue, asOf),
      detail: { kind: 'qrtp', step: 'assessment', days: QRTP.assessmentDays, placed: current.start, done: assessed ?? null, late: assessed != null && assessed > assessmentDue },
      rule: QRTP.citation,
    });
    const approvalDue = addDays(current.start, QRTP.approvalDays);
    const finding = courtCalendar(record.court.hearings, asOf).held.find((d) => d.date >= current.start && d.hearing?.findings?.some((f) => f.type === 'qrtp_approval' && f.made));
    const approved = current.qrtp.court_approval ?? finding?.date;
    items.push({
      subject,
      kind: 'qrtp_approval',
      due: approvalDue,
      status: approved ? 'ok' : openStatus(approvalDue, asOf),
      detail: { kind: 'qrtp', step: 'approval', days: QRTP.approvalDays, placed: current.start, done: approved ?? null, late: approved != null && approved > approvalDue },
      rule: QRTP.citation,
    });
  }
  if (current.setting === 'trial_home_visit') {
    const due = addMonths(current.start, TRIAL_HOME_VISIT.months);
    items.push({
      subject,
      kind: 'trial_home_visit',
      due,
      status: openStatus(due, asOf),
      detail: { kind: 'trial_home_visit', since: current.start },
      rule: TRIAL_HOME_VISIT.citation,
    });
  }
  return items;
}

/** The finding of reasonable efforts to finalize the permanency plan: 12 months after DEFC, then after each finding made. */
export function reasonableEffortsItem(record: CaseRecord, asOf: string): DueItem {
  const calendar = courtCalendar(record.court.hearings, asOf);
  const last = calendar.held.filter((d) => d.date >= record.removal.date && d.hearing?.findings?.some((f) => f.type === 'reasonable_efforts_finalize_plan' && f.made)).at(-1);
  const enteredCare = dateEnteredFosterCare(record.removal);
  const due = addMonths(last?.date ?? enteredCare, REASONABLE_EFFORTS.months);
  const next = calendar.scheduled.find((d) => d.date <= due);
  const status: DueStatus = openStatus(due, asOf);
  return {
    subject: record.id,
    kind: 'reasonable_efforts_finding',
    due,
    status,
    detail: {
      kind: 'reasonable_efforts',
      months: REASONABLE_EFFORTS.months,
      finding: last ? { hearing: hearingRef(last), date: last.date } : null,
      entered_care: enteredCare,
      next: next ? hearingRef(next) : null,
    },
    rule: REASONABLE_EFFORTS.citation,
  };
}

/**
 * The court calendar's items for `casepress due`: hearings, court report and
 * notice dates, QRTP and trial home visit clocks, the reasonable efforts finding.
 */
export function courtDueItems(record: CaseRecord, asOf: string, agency: Pick<Agency, 'court_report_days_before'>, rules: RuleSet, reportReady?: ReportReady): DueItem[] {
  return [...courtDateItems(record, asOf, agency, rules, reportReady), ...placementClockItems(record, asOf), reasonableEffortsItem(record, asOf)];
}
