/**
 * Service plan progress: objectives by status, overall and per goal
 * (case-format.md, plan.yaml; domain.md §3.3).
 */
import { OBJECTIVE_STATUSES, type Plan } from '../../model/plan.js';

export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export type StatusCounts = Readonly<Record<ObjectiveStatus, number>> & { readonly total: number };

function count(statuses: readonly ObjectiveStatus[]): StatusCounts {
  const counts = Object.fromEntries(OBJECTIVE_STATUSES.map((s) => [s, 0])) as Record<ObjectiveStatus, number>;
  for (const status of statuses) counts[status] += 1;
  return { ...counts, total: statuses.length };
}

export interface PlanProgress {
  readonly objectives: StatusCounts;
  readonly goals: readonly { readonly id: string; readonly for: Plan['goals'][number]['for']; readonly objectives: StatusCounts }[];
}

/** Objective counts by status (42 U.S.C. 675(1)(B): the plan's services and progress, reviewed at 675(5)(B)). */
export function planProgress(plan: Pick<Plan, 'goals'>): PlanProgress {
  return {
    objectives: count(plan.goals.flatMap((g) => g.objectives.map((o) => o.status))),
    goals: plan.goals.map((g) => ({ id: g.id, for: g.for, objectives: count(g.objectives.map((o) => o.status)) })),
  };
}
