/**
 * `casepress stats` (rules.md, "Caseload statistics"): every measure for the
 * agency, per supervisor and per caseworker, for the period and the periods
 * before it, as the copy prints them (cells.ts), with the appendix that lets a
 * supervisor act on each miss. Pure: the case root's records in, facts and the
 * flat table of the CSV and JSON out.
 */
import type { Agency } from '../../model/agency.js';
import type { CaseRecord } from '../../model/case.js';
import { CERTIFICATE_TYPES, CHECK_TYPES } from '../../model/home.js';
import type { DueItem } from '../due-item.js';
import type { CaseFiles } from '../case/due-items.js';
import type { ChildSource, HomeSource } from '../home/sources.js';
import type { RuleSet } from '../rule-sets.js';
import { cellsFor, type Audience, type Cell } from './cells.js';
import { childPeriods, type ChildPeriod, type DischargeReason } from './child-period.js';
import { childFigures, type Figure, type Measure } from './figures.js';
import { homesOnP2 } from './homes.js';
import { trendPeriods, type Period } from './period.js';
import type { CaseloadStatsFacts, StatsRow, UnitSummary } from './facts.js';

export interface StatsSource {
  readonly agency: Agency;
  readonly rules: RuleSet;
  readonly children: readonly CaseFiles[];
  readonly homes: readonly HomeSource[];
  readonly period: Period;
  readonly asOf: string;
  readonly audience: Audience;
  /** `--worker ID`: only this caseworker's children. */
  readonly worker?: string;
}

export interface CaseloadStats {
  readonly facts: CaseloadStatsFacts;
  /** One row per measure per unit and period: the CSV's and the JSON's. */
  readonly table: readonly StatsRow[];
}

type UnitKind = 'agency' | 'supervisor' | 'caseworker';

interface Unit {
  readonly kind: UnitKind;
  readonly id: string | null;
  /** Figures per period, in the order of the periods. */
  readonly figures: readonly (readonly Figure[])[];
}

/** The measures the tables comparing supervisors and caseworkers show. */
const SUMMARY: readonly (keyof Omit<UnitSummary, 'id' | 'name'>)[] = ['children_in_care_last', 'visits', 'moves', 'moves_per_1000_days', 'overdue_items', 'family_time', 'plans_current'];
/** The measures the trend table shows, period by period. */
const TREND = ['children_in_care_last', 'entries', 'exits', 'visits', 'moves_per_1000_days', 'family_time'] as const satisfies readonly Measure[];

type Open = CaseFiles & { readonly case: { readonly data: CaseRecord } };

/** Which check or certificate an overdue home item is about: a household member can owe several. */
function itemOf(item: DueItem): { check: (typeof CHECK_TYPES)[number] | null; certificate: (typeof CERTIFICATE_TYPES)[number] | null } {
  const check = item.kind === 'background_check' ? CHECK_TYPES.find((t) => t === item.item) : undefined;
  const certificate = item.kind === 'certification' ? CERTIFICATE_TYPES.find((t) => t === item.item) : undefined;
  return { check: check ?? null, certificate: certificate ?? null };
}

export function caseloadStats(source: StatsSource): CaseloadStats {
  const { agency, rules, period, audience } = source;
  const periods = trendPeriods(period);
  const children = source.children.filter((c): c is Open => c.case !== undefined && (!source.worker || c.case.data.caseworker === source.worker));
  // Each child's parts, period by period (the clocks run once per child, child-period.ts); parts[i] is period i's list.
  const byChild = children.map((c) => childPeriods(c, periods, rules));
  const parts: ChildPeriod[][] = periods.map((_, i) => byChild.map((c) => c[i]!));
  const current = parts.at(-1)!;
  const placedIn = new Map<string, ChildSource[]>();
  for (const child of source.children) {
    for (const home of new Set(child.case?.data.placements.flatMap((p) => (p.home ? [p.home] : [])) ?? [])) {
      const placed = placedIn.get(home);
      if (placed) placed.push(child);
      else placedIn.set(home, [child]);
    }
  }
  const homes = source.worker ? [] : homesOnP2(source.homes, placedIn, periods, rules);
  const caseworkersOf = (list: readonly ChildPeriod[]) => new Set(list.filter((c) => c.inCareLast).map((c) => c.caseworker)).size;
  /** `members`: the unit's children as indexes into each period's list, in its order; null for all. */
  const unitOf = (kind: UnitKind, id: string | null, members: readonly number[] | null): Unit => ({
    kind,
    id,
    figures: parts.map((list, i) => {
      const mine = members ? members.map((at) => list[at]!) : list;
      return [...childFigures(mine, caseworkersOf(mine)), ...(kind === 'agency' ? (homes[i]?.figures ?? []) : [])];
    }),
  });
  /** The units of one kind, by id in sorted order, each with its children: one pass over the children, not one per unit. */
  const unitsBy = (kind: UnitKind, of: (c: ChildPeriod) => string): Unit[] => {
    const members = new Map<string, number[]>();
    current.forEach((c, at) => {
      const mine = members.get(of(c));
      if (mine) mine.push(at);
      else members.set(of(c), [at]);
    });
    return [...members.keys()].sort().map((id) => unitOf(kind, id, members.get(id)!));
  };
  const agencyUnit = unitOf('agency', null, null);
  const supervisors = unitsBy('supervisor', (c) => c.supervisor);
  const caseworkers = unitsBy('caseworker', (c) => c.caseworker);
  // The public copy prints the agency's figures only: a caseworker's small caseload would point at children.
  const units = audience === 'public' ? [agencyUnit] : [agencyUnit, ...supervisors, ...caseworkers];
  const cells = (unit: Unit, at: number) => cellsFor(unit.figures[at]!, audience);
  const last = periods.length - 1;
  const staffName = (id: string) => agency.staff.find((s) => s.id === id)?.name ?? null;
  const cellOf = (unit: Unit, at: number, measure: Measure): Cell => cells(unit, at).find((c) => c.figure.measure === measure && c.figure.key === null)!.cell;
  const summary = (unit: Unit): UnitSummary => ({
    id: unit.id!,
    name: staffName(unit.id!),
    ...(Object.fromEntries(SUMMARY.map((m) => [m, cellOf(unit, last, m)])) as Omit<UnitSummary, 'id' | 'name'>),
  });
  const childName = new Map(children.map((c) => [c.case.data.id, c.case.data.child.name]));
  const internal = audience === 'internal';
  const facts: CaseloadStatsFacts = {
    audience,
    as_of: source.asOf,
    period: { id: period.id, kind: period.kind, first: period.first, last: period.last },
    worker: source.worker ? { id: source.worker, name: staffName(source.worker) } : null,
    caseload_standard: agency.caseload_standard ?? null,
    agency: cells(agencyUnit, last).map(({ figure, cell }) => ({ measure: figure.measure, key: figure.key, per: figure.per, cell })),
    exits_by_reason: cells(agencyUnit, last).flatMap(({ figure, cell }) => (figure.measure === 'exits_by_reason' ? [{ reason: figure.key as DischargeReason, cell }] : [])),
    trend: periods.map((p, i) => ({
      period: { id: p.id, first: p.first, last: p.last },
      ...(Object.fromEntries(TREND.map((m) => [m, cellOf(agencyUnit, i, m)])) as Record<(typeof TREND)[number], Cell>),
    })),
    supervisors: internal ? supervisors.map(summary) : [],
    caseworkers: internal ? caseworkers.map(summary) : [],
    appendix: internal
      ? {
          missed_visits: current.flatMap((c) => c.childMonths.filter((m) => !m.met).map((m) => ({ case_id: c.caseId, child: childName.get(c.caseId)!, caseworker: staffName(c.caseworker) ?? c.caseworker, month: m.month }))),
          moves: current.flatMap((c) => c.moves.map((m) => ({ case_id: c.caseId, child: childName.get(c.caseId)!, caseworker: staffName(c.caseworker) ?? c.caseworker, date: m.date, setting: m.setting, home: m.home }))),
          overdue: [
            ...current.flatMap((c) => c.overdue.map((i) => ({ subject: c.caseId, child: childName.get(c.caseId)!, caseworker: staffName(c.caseworker) ?? c.caseworker, kind: i.kind, due: i.due, person: i.person ?? null, ...itemOf(i) }))),
            ...(homes[last]?.overdue ?? []).map((i) => ({ subject: i.subject, child: null, caseworker: null, kind: i.kind, due: i.due, person: i.person ?? null, ...itemOf(i) })),
          ],
        }
      : null,
  };
  const table = units.flatMap((unit) =>
    periods.flatMap((p, i) =>
      cells(unit, i).map(({ figure, cell }): StatsRow => ({ unit: unit.kind, unit_id: unit.id, period: p.id, measure: figure.measure, key: figure.key, per: figure.per, ...cell })),
    ),
  );
  return { facts, table };
}
