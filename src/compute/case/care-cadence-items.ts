/**
 * The `due` items of a child's care on a cadence (cli.md): physical and dental
 * exams and CANS reassessment at the rule set's intervals, and the frequencies
 * the court ordered (`court.standing_orders`) compared with what the case
 * notes record, period by period.
 */
import { addDays, addMonths, daysBetween, daysInMonth } from '../../core/calendar-date.js';
import type { CaseRecord } from '../../model/case.js';
import type { Contact, Visit } from '../../model/notes.js';
import { openStatus, type DueItem } from '../due-item.js';
import type { Rule, RuleSet } from '../rule-sets.js';
import type { CaseFiles } from './due-items.js';
import { isFaceToFace } from './visits.js';

/** An exam or reassessment due `rule` months after the last one; with none on file, due now. */
function cadenceItem(subject: string, kind: 'health_exam' | 'dental_exam' | 'cans', last: string | null | undefined, rule: Rule<number>, asOf: string): DueItem {
  const detail = { kind: 'cadence', what: kind, months: rule.value, last: last ?? null } as const;
  if (!last) return { subject, kind, due: asOf, status: 'overdue', detail, rule: rule.citation };
  const due = addMonths(last, rule.value);
  return { subject, kind, due, status: openStatus(due, asOf), detail, rule: rule.citation };
}

export function wellbeingItems(child: CaseFiles, asOf: string, rules: RuleSet): DueItem[] {
  const record = child.case?.data;
  if (!record) return [];
  const cans = child.assessments.map((a) => a.data).filter((a) => a.tool === 'CANS').map((a) => a.date).sort().at(-1);
  return [
    cadenceItem(record.id, 'health_exam', record.health?.last_physical, rules.healthExamMonths, asOf),
    cadenceItem(record.id, 'dental_exam', record.health?.last_dental, rules.dentalExamMonths, asOf),
    cadenceItem(record.id, 'cans', cans, rules.cansMonths, asOf),
  ];
}

type StandingOrder = NonNullable<CaseRecord['court']['standing_orders']>[number];

const A_MONDAY = '2024-01-01';

/** The period (Monday-to-Sunday week or calendar month) that holds `date`. */
export function periodOf(per: StandingOrder['per'], date: string): { first: string; last: string } {
  if (per === 'month') {
    const first = `${date.slice(0, 7)}-01`;
    return { first, last: `${date.slice(0, 7)}-${String(daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))).padStart(2, '0')}` };
  }
  const weekday = ((daysBetween(A_MONDAY, date) % 7) + 7) % 7; // Monday 0
  const first = addDays(date, -weekday);
  return { first, last: addDays(first, 6) };
}

/** What counts toward an order: face-to-face caseworker visits, attended family time with that parent, sibling visits held. */
function counted(order: StandingOrder, record: CaseRecord, contacts: readonly Contact[], visits: readonly Visit[]): string[] {
  if (order.kind === 'caseworker_visits') return contacts.filter(isFaceToFace).map((c) => c.date);
  const held = visits.filter((v) => v.attended === 'yes' || v.attended === 'late');
  if (order.kind === 'sibling_visits') return held.filter((v) => v.participants.includes('sibling')).map((v) => v.date);
  const parent = record.parents.find((p) => p.role === order.parent);
  return held.filter((v) => (order.parent ? v.participants.includes(order.parent) || (parent !== undefined && v.participants.includes(parent.name)) : true)).map((v) => v.date);
}

/**
 * Each standing order, for the last full period before the as-of date (not met:
 * overdue) and the current one (due at its end): "1 of 2 caseworker visits
 * with the child in 2026-11: not met". A period before the order's `from` or
 * after its `until` is not judged.
 */
export function standingOrderItems(child: CaseFiles, asOf: string): DueItem[] {
  const record = child.case?.data;
  if (!record) return [];
  const contacts = child.contacts.map((c) => c.data);
  const visits = child.visits.map((v) => v.data);
  return (record.court.standing_orders ?? []).flatMap((order) => {
    const dates = counted(order, record, contacts, visits);
    const current = periodOf(order.per, asOf);
    const previous = periodOf(order.per, addDays(current.first, -1));
    const rule = { kind: 'court_order', from: order.from, parent: order.parent ?? null } as const;
    return [previous, current].flatMap((period) => {
      if (period.first < order.from || (order.until != null && period.first > order.until)) return [];
      const n = dates.filter((d) => d >= period.first && d <= period.last && d <= asOf).length;
      const met = n >= order.at_least;
      const verdict = met ? 'met' : period.last < asOf ? 'not_met' : 'not_met_yet';
      return [{
        subject: record.id,
        kind: 'standing_order' as const,
        due: period.last,
        status: met ? ('ok' as const) : openStatus(period.last, asOf),
        detail: { kind: 'standing_order' as const, held: n, at_least: order.at_least, order: order.kind, per: order.per, period: period.first, verdict } as const,
        rule,
      }];
    });
  });
}
