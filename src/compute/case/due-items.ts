/**
 * The case items of `casepress due` (cli.md, "What `due` reports"): one per
 * deadline, with its status on the as-of date, the dates used in words and the
 * rule's citation.
 */
import type { Assessment } from '../../model/assessment.js';
import type { CaseRecord } from '../../model/case.js';
import type { Contact, Visit } from '../../model/notes.js';
import type { Plan } from '../../model/plan.js';
import type { Transition } from '../../model/transition.js';
import type { DueDetail, DueDetailOf } from '../due-detail.js';
import { openStatus, type DueItem, type DueStatus } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';
import { tprClock, TPR_CITATION, type FifteenOfTwentyTwo } from './fifteen-of-twenty-two.js';
import { periodicReviewDue, permanencyHearingDue, type CourtDate, type HearingDue } from './hearings.js';
import { currentMonthVisit, VISIT_CITATION } from './visits.js';
import { TRANSITION_CITATION, transitionPlanStatus, YOUTH_PLANNING_AGE } from './youth.js';

/**
 * A child's loaded files, as far as the case clocks read them. The loader's
 * `ChildFolder` (src/model/case-root.ts) has this shape.
 */
export interface CaseFiles {
  readonly id: string;
  readonly case?: { readonly data: CaseRecord } | undefined;
  readonly plan?: { readonly data: Plan } | undefined;
  readonly transition?: { readonly data: Transition } | undefined;
  readonly contacts: readonly { readonly data: Contact }[];
  readonly visits: readonly { readonly data: Visit }[];
  readonly assessments: readonly { readonly data: Assessment }[];
}

/** 42 U.S.C. 675(5)(B): the case plan is reviewed at least every 6 months. */
export const CASE_PLAN_REVIEW_CITATION = '42 U.S.C. 675(5)(B)';


/** A scheduled hearing as a `due` detail names it. */
export function hearingRef(date: CourtDate): DueDetailOf<'hearing'>['hearing'] {
  return { type: date.type, title: date.title ?? null, date: date.date, continued_from: date.continuedFrom ?? null };
}

function hearingItem(subject: string, kind: 'permanency_hearing' | 'periodic_review', clock: HearingDue, asOf: string, rule: string): DueItem {
  const status: DueStatus = clock.satisfiedBy ? 'ok' : openStatus(clock.due, asOf);
  const next = clock.satisfiedBy ?? clock.nextScheduled;
  const detail: DueDetail = {
    kind: 'hearing_clock',
    months: clock.months,
    from: clock.basis.from,
    from_date: clock.basis.date,
    held_type: clock.basis.from === 'hearing' ? clock.basis.type : null,
    wanted: kind === 'permanency_hearing' ? 'permanency' : 'review_or_permanency',
    next: next ? hearingRef(next) : null,
    in_time: clock.satisfiedBy !== undefined,
  };
  return { subject, kind, due: clock.due, status, detail, rule };
}

function tprItem(subject: string, tpr: FifteenOfTwentyTwo, asOf: string): DueItem | undefined {
  if (!tpr.date) return undefined; // never reached while the current situation lasts (e.g. an open trial home visit)
  const petition = tpr.petitions[0];
  const detail: DueDetail = {
    kind: 'tpr',
    reached: tpr.reached !== undefined,
    date: tpr.reached ?? tpr.date,
    entered_care: tpr.enteredCare,
    prior_episodes: tpr.priorEpisodesCounted,
    trial_home_visit_days: tpr.excluded.trial_home_visit,
    runaway_days: tpr.excluded.runaway,
    petition: petition ? { date: petition.date, role: petition.role } : null,
    exception: !petition && tpr.exception ? { documented: tpr.exception.documented, type: tpr.exception.type } : null,
  };
  return { subject, kind: 'tpr_15_of_22', due: tpr.date, status: tpr.satisfied ? 'ok' : openStatus(tpr.date, asOf), detail, rule: TPR_CITATION };
}

function monthlyVisitItem(subject: string, contacts: readonly Contact[], asOf: string): DueItem {
  const current = currentMonthVisit(contacts, asOf);
  const detail: DueDetail = { kind: 'monthly_visit', month: current.month, seen: current.visit ? { date: current.visit.date, type: current.visit.type } : null };
  return { subject, kind: 'monthly_visit', due: current.due, status: current.visit ? 'ok' : openStatus(current.due, asOf), detail, rule: VISIT_CITATION };
}

function transitionItem(subject: string, record: CaseRecord, transition: Transition | undefined, asOf: string): DueItem | undefined {
  const plan = transitionPlanStatus(record.child.dob, transition, asOf);
  if (plan.age < YOUTH_PLANNING_AGE) return undefined;
  return {
    subject,
    kind: 'transition_plan',
    due: plan.due,
    status: plan.met ? 'ok' : openStatus(plan.due, asOf),
    detail: { kind: 'transition_plan', eighteenth_birthday: plan.eighteenthBirthday, plan_date: plan.planDate ?? null, met: plan.met, plan_after_as_of: plan.planDate !== undefined && plan.planDate > asOf },
    rule: TRANSITION_CITATION,
  };
}

/**
 * cli.md "What `due` reports", the case items: permanency_hearing,
 * periodic_review, tpr_15_of_22 (while the count can reach it), case_plan_review
 * (with a plan.yaml), monthly_visit, transition_plan (youth 14 and older). All
 * are returned whatever their due date; `--within` filters.
 */
export function caseDueItems(child: CaseFiles, asOf: string, rules: RuleSet): DueItem[] {
  return caseDueClock(child, rules)(asOf);
}

/** caseDueItems for one child on any as-of date: the 15 of 22 count is worked out once (tprClock), for the statistics' five period ends. */
export function caseDueClock(child: CaseFiles, rules: RuleSet): (asOf: string) => DueItem[] {
  const record = child.case?.data;
  if (!record) return () => [];
  const subject = record.id;
  const tpr = tprClock(record);
  return (asOf) => {
    const items: (DueItem | undefined)[] = [
      hearingItem(subject, 'permanency_hearing', permanencyHearingDue(record, asOf, rules), asOf, rules.permanencyHearing.citation),
      hearingItem(subject, 'periodic_review', periodicReviewDue(record, asOf, rules), asOf, rules.periodicReviewMonths.citation),
      tprItem(subject, tpr(asOf), asOf),
    ];
    const plan = child.plan?.data;
    if (plan) {
      items.push({
        subject,
        kind: 'case_plan_review',
        due: plan.review_date,
        status: openStatus(plan.review_date, asOf),
        detail: { kind: 'case_plan_review', plan_date: plan.plan_date },
        rule: CASE_PLAN_REVIEW_CITATION,
      });
    }
    items.push(monthlyVisitItem(subject, child.contacts.map((c) => c.data), asOf));
    items.push(transitionItem(subject, record, child.transition?.data, asOf));
    return items.filter((i): i is DueItem => i !== undefined);
  };
}
