import { describe, expect, it } from 'vitest';
import type { Plan } from '../../model/plan.js';
import { planProgress } from './plan-progress.js';

const objective = (status: Plan['goals'][number]['objectives'][number]['status']) => ({ statement: 'x', status });

describe('service plan progress', () => {
  it('counts objectives by status, overall and per goal', () => {
    const goals: Plan['goals'] = [
      { id: 'G1', for: 'mother', area: 'substance_use', statement: 's', objectives: [objective('in_progress'), objective('met')] },
      { id: 'G2', for: 'child', area: 'education', statement: 's', objectives: [objective('met'), objective('not_met'), objective('discontinued')] },
    ];
    const result = planProgress({ goals });
    expect(result.objectives).toEqual({ not_started: 0, in_progress: 1, met: 2, partially_met: 0, not_met: 1, discontinued: 1, total: 5 });
    expect(result.goals.map((g) => [g.id, g.objectives.met, g.objectives.total])).toEqual([['G1', 1, 2], ['G2', 1, 3]]);
  });
});
