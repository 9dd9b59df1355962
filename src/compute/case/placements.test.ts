import { describe, expect, it } from 'vitest';
import { caseRecord, placement } from './fixtures.js';
import { currentPlacement, placementMoves } from './placements.js';

describe('placement moves (rules.md)', () => {
  it('leaves out hospital and runaway segments and the return to the same home after them', () => {
    // The example agency's C-2024-0087: emergency home → hospital → QRTP → H-0042 → runaway → H-0042 again.
    const record = caseRecord({
      removal: { date: '2024-05-14' },
      placements: [
        placement('2024-05-14', '2024-05-30', 'foster_family_nonrelative', { provider: 'Emergency home' }),
        placement('2024-05-30', '2024-06-12', 'hospital'),
        placement('2024-06-12', '2025-01-10', 'group_home', { provider: 'QRTP' }),
        placement('2025-01-10', '2026-07-18', 'therapeutic_foster', { home: 'H-0042' }),
        placement('2026-07-18', '2026-07-22', 'runaway'),
        placement('2026-07-22', undefined, 'therapeutic_foster', { home: 'H-0042' }),
      ],
    });
    const result = placementMoves(record, '2026-11-23');
    expect(result.moves).toBe(2);
    expect(result.counted.map((p) => p.start)).toEqual(['2024-05-14', '2024-06-12', '2025-01-10']);
  });

  it('counts a move to a different home after a trial home visit or detention', () => {
    const record = caseRecord({
      removal: { date: '2025-01-06' },
      placements: [
        placement('2025-01-06', '2025-06-01', 'foster_family_nonrelative', { home: 'H-1' }),
        placement('2025-06-01', '2025-07-01', 'trial_home_visit'),
        placement('2025-07-01', '2025-08-01', 'foster_family_nonrelative', { home: 'H-2' }),
        placement('2025-08-01', '2025-08-05', 'detention'),
        placement('2025-08-05', undefined, 'foster_family_nonrelative', { home: 'H-2' }),
      ],
    });
    expect(placementMoves(record, '2025-12-01').moves).toBe(1);
  });

  it('counts only the current episode and placements begun by the as-of date', () => {
    const record = caseRecord({
      removal: { date: '2025-01-06' },
      placements: [placement('2025-01-06', '2025-03-01', 'foster_family_nonrelative', { home: 'H-1' }), placement('2025-03-01', undefined, 'foster_family_relative', { home: 'H-2' })],
    });
    expect(placementMoves(record, '2025-02-01').moves).toBe(0);
    expect(placementMoves(record, '2025-03-01').moves).toBe(1);
  });

  it('finds the current placement on the as-of date', () => {
    const placements = [placement('2025-01-06', '2025-03-01', 'foster_family_nonrelative', { home: 'H-1' }), placement('2025-03-01', undefined, 'foster_family_relative', { home: 'H-2' })];
    expect(currentPlacement(placements, '2025-02-28')?.home).toBe('H-1');
    expect(currentPlacement(placements, '2025-03-01')?.home).toBe('H-2');
    expect(currentPlacement(placements, '2025-01-01')).toBeUndefined();
  });
});
