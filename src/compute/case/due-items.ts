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
import { codeWords, openStatus, type DueItem, type DueStatus } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';
import { fifteenOfTwentyTwo, TPR_CITATION } from './fifteen-of-twenty-two.js';
import { periodicReviewDue, permanencyHearingDue, type CourtDate, type DueBasis, type HearingDue } from './hearings.js';
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


function basisWords(months: number, basis: DueBasis): string {
  switch (basis.from) {
    case 'defc':
      return `${months} months after the date entered foster care (${basis.date})`;
    case 'removal':
      return `${months} months after the removal date (${basis.date})`;
    case 'hearing':
      return `${months} months after the ${codeWords(basis.type)} hearing held on ${basis.date}`;
  }
}

function scheduledWords(date: CourtDate): string {
  return `${codeWords(date.type)} hearing scheduled for ${date.date}${date.continuedFrom ? ` (continued from ${date.continuedFrom})` : ''}`;
}

function hearingItem(subject: string, kind: 'permanency_hearing' | 'periodic_review', clock: HearingDue, asOf: string, rule: string, what: string): DueItem {
  const status: DueStatus = clock.satisfiedBy ? 'ok' : openStatus(clock.due, asOf);
  const tail = clock.satisfiedBy
    ? scheduledWords(clock.satisfiedBy)
    : clock.nextScheduled
      ? `the ${scheduledWords(clock.nextScheduled)} is after the due date`
      : `no ${what} scheduled`;
  return { subject, kind, due: clock.due, status, detail: `${basisWords(clock.months, clock.basis)}; ${tail}`, rule };
}

function tprItem(subject: string, record: CaseRecord, asOf: string): DueItem | undefined {
  const tpr = fifteenOfTwentyTwo(record, asOf);
  if (!tpr.date) return undefined; // never reached while the current situation lasts (e.g. an open trial home visit)
  const parts = [
    tpr.reached
      ? `15 of the most recent 22 months in care reached on ${tpr.reached}`
      : `15 of the most recent 22 months in care will be reached on ${tpr.date} if the child stays in care`,
    `(date entered foster care ${tpr.enteredCare}${tpr.priorEpisodesCounted ? `; ${tpr.priorEpisodesCounted} prior episode${tpr.priorEpisodesCounted > 1 ? 's' : ''} counted` : ''})`,
  ];
  const excluded = [
    tpr.excluded.trial_home_visit ? `${tpr.excluded.trial_home_visit} trial home visit days` : '',
    tpr.excluded.runaway ? `${tpr.excluded.runaway} runaway days` : '',
  ].filter(Boolean);
  let detail = parts.join(' ');
  if (excluded.length) detail += `; ${excluded.join(' and ')} not counted`;
  const petition = tpr.petitions[0];
  if (petition) detail += `; TPR petition filed ${petition.date} (${codeWords(petition.role)})`;
  else if (tpr.exception) detail += `; exception documented ${tpr.exception.documented} (${codeWords(tpr.exception.type)})`;
  else detail += '; no TPR petition filed and no exception documented';
  return { subject, kind: 'tpr_15_of_22', due: tpr.date, status: tpr.satisfied ? 'ok' : openStatus(tpr.date, asOf), detail, rule: TPR_CITATION };
}

function monthlyVisitItem(subject: string, contacts: readonly Contact[], asOf: string): DueItem {
  const current = currentMonthVisit(contacts, asOf);
  const detail = current.visit
    ? `face-to-face visit with the child each calendar month; seen on ${current.visit.date} (${codeWords(current.visit.type)})`
    : `face-to-face visit with the child each calendar month; none recorded in ${current.month} yet (due by the end of the month)`;
  return { subject, kind: 'monthly_visit', due: current.due, status: current.visit ? 'ok' : openStatus(current.due, asOf), detail, rule: VISIT_CITATION };
}

function transitionItem(subject: string, record: CaseRecord, transition: Transition | undefined, asOf: string): DueItem | undefined {
  const plan = transitionPlanStatus(record.child.dob, transition, asOf);
  if (plan.age < YOUTH_PLANNING_AGE) return undefined;
  const tail = plan.met
    ? `met by the transition plan dated ${plan.planDate}`
    : plan.planDate
      ? `the transition plan on file is dated ${plan.planDate}, ${plan.planDate > asOf ? 'after the as-of date' : 'before that day'}`
      : 'no transition plan on file';
  return {
    subject,
    kind: 'transition_plan',
    due: plan.due,
    status: plan.met ? 'ok' : openStatus(plan.due, asOf),
    detail: `90 days before the 18th birthday (${plan.eighteenthBirthday}); ${tail}`,
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
  const record = child.case?.data;
  if (!record) return [];
  const subject = record.id;
  const items: (DueItem | undefined)[] = [
    hearingItem(subject, 'permanency_hearing', permanencyHearingDue(record, asOf, rules), asOf, rules.permanencyHearing.citation, 'permanency hearing'),
    hearingItem(subject, 'periodic_review', periodicReviewDue(record, asOf, rules), asOf, rules.periodicReviewMonths.citation, 'review or permanency hearing'),
    tprItem(subject, record, asOf),
  ];
  const plan = child.plan?.data;
  if (plan) {
    items.push({
      subject,
      kind: 'case_plan_review',
      due: plan.review_date,
      status: openStatus(plan.review_date, asOf),
      detail: `review date of the service plan dated ${plan.plan_date}`,
      rule: CASE_PLAN_REVIEW_CITATION,
    });
  }
  items.push(monthlyVisitItem(subject, child.contacts.map((c) => c.data), asOf));
  items.push(transitionItem(subject, record, child.transition?.data, asOf));
  return items.filter((i): i is DueItem => i !== undefined);
}
