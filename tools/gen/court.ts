/**
 * A child's hearings from the emergency custody hearing to the next one:
 * adjudication, disposition, six-monthly reviews, permanency hearings a year
 * apart, a TPR hearing where rights were terminated, now and then a hearing
 * continued to a later date. The next hearing always falls within 60 days of
 * the as-of date, so every child in care gets a court report.
 */
import type { Hearing } from '../../src/model/case.js';
import { addDays, addMonths, dateBetween, onWeekday } from './dates.js';
import { enteredCare, type Child } from './family.js';
import type { Random } from './random.js';
import { capitalize, fill } from './text.js';

type Finding = NonNullable<Hearing['findings']>[number];

const OUTCOMES: Readonly<Record<Hearing['type'], readonly string[]>> = {
  emergency_custody: [
    'Temporary custody granted to the Cabinet for Health and Family Services; {child} to remain in foster care through the agency.',
    'Emergency custody order confirmed. {Parents} appeared and were appointed counsel; the court found probable cause to continue removal.',
  ],
  adjudication: [
    '{reasonWords} adjudicated by stipulation of {parentWho}.',
    'After testimony from the investigating worker, the court found {reasonWords} by a preponderance of the evidence.',
  ],
  disposition: [
    '{child} committed to the Cabinet; the goal of {goal} approved with a concurrent plan.',
    'Disposition entered. The case plan was reviewed and adopted as an order of the court; the goal of {goal} approved.',
  ],
  review: [
    'The court reviewed the case plan. {ParentWho} {progress}. {child} is stable in placement.',
    'Progress reviewed. {ParentWho} {progress}. Placement and services continued.',
    'The court heard from the caseworker and the guardian ad litem. {ParentWho} {progress}.',
  ],
  permanency: [
    'Goal of {goal} continued. {ParentWho} {progress}. The court found reasonable efforts to finalize the permanency plan.',
    'Permanency hearing held. The court approved the goal of {goal} and found the agency made reasonable efforts to finalize it.',
  ],
  tpr: ['Parental rights terminated as to both parents; {child} freed for adoption. Goal of adoption approved.'],
  adoption: ['Adoption finalized.'],
  other: ['Status hearing. The court reviewed placement stability and services; no change to the orders.'],
};

const PROGRESS = [
  'has completed the parenting program and attends visits consistently',
  'is partially compliant: attends visits but missed several drug screens',
  'completed a substance use assessment and is engaged in outpatient treatment',
  'has stable housing and employment and is progressing toward unsupervised visits',
  'has not engaged in services since the last hearing',
  'relapsed in the spring, re-entered treatment and has tested negative since',
  'is attending individual counseling and domestic violence advocacy',
];

const ORDERS: Readonly<Record<Hearing['type'], readonly string[]>> = {
  emergency_custody: ['Temporary custody to the Cabinet.', 'Supervised visitation at least weekly.', 'Parents to submit to a drug screen today.', 'No contact with the alleged perpetrator pending adjudication.', 'Sibling visits at least twice monthly.'],
  adjudication: ['Parents to complete assessments and follow all recommendations.', 'Random drug screens.', 'Parenting education.'],
  disposition: ['Parents to comply with the case plan.', 'Visits remain supervised.', 'Agency to explore relative placements.', 'Child to continue therapy.'],
  review: ['Continue commitment and current placement.', 'Visits may progress at the agency\'s discretion.', 'Continue services as in the case plan.', 'Agency to complete a home assessment of the parent\'s residence.'],
  permanency: ['Continue commitment.', 'Continue reunification services.', 'Agency to pursue the concurrent plan.'],
  tpr: ['Agency to proceed with adoptive placement.', 'Sibling contact to continue after adoption where possible.'],
  adoption: [],
  other: ['Revised safety plan adopted.'],
};

const REASON_WORDS: Readonly<Record<string, string>> = {
  neglect: 'Neglect', physical_abuse: 'Physical abuse', sexual_abuse: 'Sexual abuse', abandonment: 'Abandonment', caretaker_inability: 'Dependency',
};

const GOAL_WORDS: Readonly<Record<string, string>> = {
  reunification: 'return to parent', adoption: 'adoption', guardianship: 'permanent custody to a suitable caregiver', live_with_relative: 'permanent placement with a relative', appla: 'another planned permanent living arrangement',
};

interface Slot {
  readonly date: string;
  readonly type: Hearing['type'];
}

/** The hearing dates of a family's case (the children share them), split at the as-of date. */
function calendar(rng: Random, child: Child, asOf: string): Slot[] {
  const family = child.family;
  const slots: Slot[] = [{ date: onWeekday(addDays(family.removal, rng.int(1, 3))), type: 'emergency_custody' }];
  const adjudication = family.adjudication ?? onWeekday(addDays(family.removal, rng.int(30, 55)));
  slots.push({ date: adjudication > slots[0]!.date ? adjudication : addDays(slots[0]!.date, 30), type: 'adjudication' });
  slots.push({ date: onWeekday(addDays(slots[1]!.date, rng.int(21, 42))), type: 'disposition' });
  let permanencyDue = addMonths(enteredCare(family), 12);
  let cursor = slots[2]!.date;
  while (cursor <= asOf) {
    const next = onWeekday(addDays(addMonths(cursor, 6), -rng.int(0, 25)));
    const type = addDays(next, 45) >= permanencyDue ? 'permanency' : 'review';
    if (type === 'permanency') permanencyDue = addMonths(next, 12);
    if (family.tpr?.granted && family.tpr.granted > cursor && family.tpr.granted < next) slots.push({ date: family.tpr.granted, type: 'tpr' });
    slots.push({ date: next, type });
    cursor = next;
  }
  // Keep the first hearing after the as-of date within 60 days of it.
  const upcoming = slots.findIndex((s) => s.date > asOf);
  const cut = upcoming === -1 ? slots.length : upcoming;
  const kept = slots.slice(0, cut + 1);
  const last = kept[kept.length - 1]!;
  if (last.date > asOf && last.date > addDays(asOf, 60)) kept[kept.length - 1] = { ...last, date: onWeekday(dateBetween(rng, addDays(asOf, 7), addDays(asOf, 56))) };
  return kept;
}

export function hearings(rng: Random, child: Child, asOf: string, icwaActive: boolean, names: { child: string; parents: string; parentWho: string }): Hearing[] {
  const family = child.family;
  const out: Hearing[] = [];
  const slots = calendar(rng, child, asOf);
  const residential = child.placements.find((p) => p.setting === 'group_home' || p.setting === 'institution');
  let qrtpFound = false;
  for (const [i, slot] of slots.entries()) {
    if (slot.date > asOf) {
      out.push({ date: slot.date, type: slot.type });
      continue;
    }
    // Now and then a hearing is continued and held on a later date.
    if (i > 0 && rng.chance(0.08)) {
      const first = onWeekday(addDays(slot.date, -rng.int(14, 35)));
      if (first > out[out.length - 1]!.date) {
        out.push({ date: first, type: slot.type, continued: true, next_date: slot.date, outcome: rng.pick(['Continued on the court\'s motion (docket conflict).', 'Continued at the request of the father\'s counsel, who had not received the agency\'s report.', 'Continued because the interpreter was not available.']) });
      }
    }
    const goal = GOAL_WORDS[child.goal]!;
    const vars = {
      child: names.child,
      parents: names.parents,
      Parents: capitalize(names.parents),
      parentWho: names.parentWho,
      ParentWho: capitalize(names.parentWho),
      reasonWords: REASON_WORDS[family.reasons[0]!] ?? 'Neglect',
      goal,
      progress: rng.pick(PROGRESS),
    };
    const findings: Finding[] = [];
    if (slot.type === 'emergency_custody') findings.push({ type: 'contrary_to_welfare', made: true }, { type: 'reasonable_efforts_prevent_removal', made: true });
    if (slot.type === 'permanency') findings.push({ type: 'reasonable_efforts_finalize_plan', made: true });
    if (slot.type === 'permanency' && child.goal === 'appla') findings.push({ type: 'appla_compelling_reasons', made: true });
    if (residential && !qrtpFound && slot.date >= residential.start) {
      findings.push({ type: 'qrtp_approval', made: true });
      qrtpFound = true;
    }
    if (icwaActive && slot.type !== 'emergency_custody') findings.push({ type: 'icwa_active_efforts', made: true });
    const orders = rng.sample(ORDERS[slot.type], rng.int(1, 3));
    out.push({
      date: slot.date,
      type: slot.type,
      outcome: fill(rng.pick(OUTCOMES[slot.type]), vars),
      ...(orders.length ? { orders } : {}),
      ...(findings.length ? { findings } : {}),
    });
  }
  // A continued hearing right before the next one: rescheduled into the coming weeks.
  const next = out[out.length - 1]!;
  if (next.date > asOf && rng.chance(0.1)) {
    const first = onWeekday(addDays(asOf, -rng.int(3, 20)));
    if (first > out[out.length - 2]!.date && first < next.date) {
      out.splice(out.length - 1, 0, { date: first, type: next.type, continued: true, next_date: next.date, outcome: 'Continued at the request of the guardian ad litem to allow time for an updated assessment.' });
    }
  }
  return out;
}
