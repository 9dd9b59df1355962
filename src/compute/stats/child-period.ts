/**
 * One child's part in one period's statistics (rules.md, "Caseload
 * statistics"): plain numbers and lists, from the case clocks (compute/case),
 * never a second reading of their rules.
 */
import { addDays, ageOn, dayNumber } from '../../core/calendar-date.js';
import type { CaseRecord, Hearing } from '../../model/case.js';
import type { DueItem } from '../due-item.js';
import type { RuleSet } from '../rule-sets.js';
import { episodes, type Episode } from '../case/entered-care.js';
import { caseDueClock, type CaseFiles } from '../case/due-items.js';
import { familyTime, type CancelledBy } from '../case/family-time.js';
import { courtCalendar } from '../case/hearings.js';
import { placementMoves } from '../case/placements.js';
import { daysWithin } from '../case/spans.js';
import { careTimeline } from '../case/time-in-care.js';
import { monthBounds, visitCompliance } from '../case/visits.js';
import { AGE_OF_MAJORITY, transitionPlanStatus, YOUTH_PLANNING_AGE } from '../case/youth.js';
import type { Period } from './period.js';

/** Youth from this age are counted for the transition plan due 90 days before 18 (rules.md, plans: 17+). */
export const TRANSITION_DUE_AGE = 17;

export type DischargeReason = NonNullable<Episode['discharge']>['reason'];

/** A move counted in the period: the new setting and the day it began. */
export interface CountedMove {
  readonly date: string;
  readonly setting: CaseRecord['placements'][number]['setting'];
  readonly home: string | null;
}

/** A parent's family time in the period. */
export interface ParentTime {
  readonly role: CaseRecord['parents'][number]['role'];
  readonly offered: number;
  readonly attended: number;
}

export interface ChildPeriod {
  readonly caseId: string;
  readonly caseworker: string;
  readonly supervisor: string;
  readonly inCareFirst: boolean;
  readonly inCareLast: boolean;
  /** Removals (this episode's and earlier ones') dated within the period. */
  readonly entries: number;
  readonly exits: readonly { readonly date: string; readonly reason: DischargeReason }[];
  /** The child-months of the period (full months in care, under 18 on the 1st) and whether each had a visit. */
  readonly childMonths: readonly { readonly month: string; readonly met: boolean }[];
  /** In-person visits with the child seen, and of them at the residence. */
  readonly visitsInPerson: number;
  readonly visitsInResidence: number;
  readonly moves: readonly CountedMove[];
  /** Days in care within P1…P2, trial home visit and runaway days excluded. */
  readonly daysInCare: number;
  readonly hearingsHeld: readonly Hearing['type'][];
  /** The child's items overdue on P2 (in care on P2 only), monthly visits left out: the child-months say those. */
  readonly overdue: readonly DueItem[];
  /** Reached 15 of 22 by P2 with neither a petition nor an exception (in care on P2). */
  readonly fifteenOf22: string | null;
  readonly familyTime: readonly ParentTime[];
  readonly cancellations: Readonly<Partial<Record<CancelledBy, number>>>;
  /** In care on P2: whether the service plan is current (review_date on or after P2); null without a plan. */
  readonly planCurrent: boolean | null;
  /** In care on P2 and 14 or older: has a transition plan dated by P2. */
  readonly transition14: boolean | null;
  /** In care on P2 with the transition plan due by P2 (90 days before 18): met. */
  readonly transitionDue: boolean | null;
}

/** rules.md "children in care": removed on or before the day and not discharged (a discharge on the day ends it). */
function inCareOn(spells: readonly Episode[], day: string): boolean {
  return spells.some((e) => e.removalDate <= day && (!e.discharge || e.discharge.date > day));
}

/** In care every day of [first, last]: one episode covers it. */
function inCareThrough(spells: readonly Episode[], first: string, last: string): boolean {
  return spells.some((e) => e.removalDate <= first && (!e.discharge || e.discharge.date > last));
}

type Open = CaseFiles & { readonly case: { readonly data: CaseRecord } };

/**
 * The child's part in each of the periods, in their order. The clocks that
 * read the record up to a day give every earlier day's answer too, so they run
 * once, to the latest P2: the moves counted and the hearings held by then
 * (each period keeps those dated within it), and the days in care (counted in
 * each period's days). The items `due` reports are statuses on each P2: their
 * clock is made once (caseDueClock) and asked per period.
 */
export function childPeriods(child: Open, periods: readonly Period[], rules: RuleSet): ChildPeriod[] {
  // A build's view of the root records each read (compute/documents/root-view.ts): the files every period reads are read once.
  const files: Open = {
    id: child.id,
    case: child.case,
    transition: child.transition,
    contacts: child.contacts,
    visits: child.visits,
    // Read only when a period asks, as before: the plan of a child never in care on a P2 is not an input.
    get plan() {
      return child.plan;
    },
    get assessments() {
      return child.assessments;
    },
  };
  const record = files.case.data;
  const latest = periods.reduce((day, p) => (p.last > day ? p.last : day), '');
  const spells = episodes(record.removal);
  const contacts = files.contacts.map((c) => c.data);
  const moves = placementMoves(record, latest).counted.slice(1);
  const held = courtCalendar(record.court.hearings, latest).held;
  const counted = careTimeline(record, Infinity).counted;
  const visitNotes = files.visits.map((v) => v.data);
  const roles = [...new Set(record.parents.map((p) => p.role))];
  const transitionPlan = files.transition?.data;
  let dueOn: ((asOf: string) => DueItem[]) | undefined;
  return periods.map(({ first: P1, last: P2 }) => {
    const within = (date: string) => date >= P1 && date <= P2;
    const inCareLast = inCareOn(spells, P2);
    // 42 U.S.C. 622(b)(17): the visits of every month of the period (the period ends by P2, so each is listed).
    const visits = visitCompliance(contacts, { from: P1, to: P2 }, P1, P2);
    const childMonths = visits.months.flatMap((m) => {
      const { first, last } = monthBounds(m.month);
      return inCareThrough(spells, first, last) && ageOn(record.child.dob, first) < AGE_OF_MAJORITY ? [{ month: m.month, met: m.met }] : [];
    });
    const items = inCareLast ? (dueOn ??= caseDueClock(files, rules))(P2) : [];
    // 15 of 22 reached by P2 (on P2 itself too: `due_soon` then) with neither a petition nor an exception: the `due` item's own reading.
    const tpr = items.find((i) => i.kind === 'tpr_15_of_22' && i.status !== 'ok' && i.detail.kind === 'tpr' && i.detail.reached);
    const allTime = familyTime(visitNotes, { from: P1, to: P2 });
    const age = ageOn(record.child.dob, P2);
    const transition = transitionPlanStatus(record.child.dob, transitionPlan, P2);
    return {
      caseId: record.id,
      caseworker: record.caseworker,
      supervisor: record.supervisor,
      inCareFirst: inCareOn(spells, P1),
      inCareLast,
      entries: spells.filter((e) => within(e.removalDate)).length,
      exits: spells.flatMap((e) => (e.discharge && within(e.discharge.date) ? [{ date: e.discharge.date, reason: e.discharge.reason }] : [])),
      childMonths,
      visitsInPerson: visits.inPersonVisits,
      visitsInResidence: visits.inResidence,
      moves: moves.filter((p) => within(p.start)).map((p) => ({ date: p.start, setting: p.setting, home: p.home ?? null })),
      daysInCare: daysWithin(counted, dayNumber(P1), dayNumber(addDays(P2, 1))),
      hearingsHeld: held.filter((h) => within(h.date)).map((h) => h.type),
      overdue: items.filter((i) => i.status === 'overdue' && i.kind !== 'monthly_visit'),
      fifteenOf22: tpr?.detail.kind === 'tpr' ? tpr.detail.date : null,
      familyTime: roles.map((role) => {
        const time = familyTime(allTime.visits, { from: P1, to: P2 }, role);
        return { role, offered: time.offered, attended: time.attended };
      }),
      cancellations: allTime.cancellations,
      planCurrent: inCareLast && files.plan ? files.plan.data.review_date >= P2 : null,
      transition14: inCareLast && age >= YOUTH_PLANNING_AGE && age < AGE_OF_MAJORITY ? transitionPlan !== undefined && transitionPlan.plan_date <= P2 : null,
      transitionDue: inCareLast && age >= TRANSITION_DUE_AGE && transition.due <= P2 ? transition.met : null,
    };
  });
}
