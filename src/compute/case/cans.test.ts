import { describe, expect, it } from 'vitest';
import { cansChanges, cansSummary } from './cans.js';
import { cans } from './fixtures.js';

describe('CANS (domain.md §7.1)', () => {
  const first = cans('2026-04-09', [
    ['life_functioning', 'school_achievement', 3],
    ['life_functioning', 'sleep', 1],
    ['behavioral_emotional_needs', 'anxiety', 2],
    ['strengths', 'talents_interests', 2],
    ['strengths', 'resiliency', 1],
    ['trauma', 'neglect', 'no'],
    ['risk_behaviors', 'runaway', 0],
  ]);
  const latest = cans('2026-10-08', [
    ['life_functioning', 'school_achievement', 2], // need 3 → 2: improved, still actionable
    ['life_functioning', 'sleep', 2], // need 1 → 2: worsened, now actionable
    ['behavioral_emotional_needs', 'anxiety', 2], // unchanged
    ['strengths', 'talents_interests', 1], // strength 2 → 1: improved, now useful
    ['strengths', 'resiliency', 3], // strength 1 → 3: worsened (no strength identified)
    ['trauma', 'neglect', 'yes'], // yes/no: changed
    ['caregiver', 'supervision', 0], // new item
  ]);

  it('lists needs rated 2-3 and strengths rated 0-1 of the latest CANS, whatever order the files come in', () => {
    const summary = cansSummary([latest, first, { ...first, tool: 'FAST', date: '2026-11-01' }]);
    expect(summary.latest?.date).toBe('2026-10-08');
    expect(summary.previous?.date).toBe('2026-04-09');
    expect(summary.needs.map((r) => r.item)).toEqual(['school_achievement', 'sleep', 'anxiety']);
    expect(summary.strengths.map((r) => r.item)).toEqual(['talents_interests']);
  });

  it('compares item by item: lower is better for needs and strengths alike', () => {
    expect(cansChanges(first, latest).map((c) => `${c.item} ${c.previous ?? '-'}→${c.latest ?? '-'} ${c.change}`)).toEqual([
      'school_achievement 3→2 improved',
      'sleep 1→2 worsened',
      'talents_interests 2→1 improved',
      'resiliency 1→3 worsened',
      'neglect no→yes changed',
      'supervision -→0 new',
      'runaway 0→- dropped',
    ]);
  });

  it('has no changes with a single CANS and nothing without one', () => {
    expect(cansSummary([first]).changes).toEqual([]);
    expect(cansSummary([])).toEqual({ needs: [], strengths: [], changes: [] });
  });
});
