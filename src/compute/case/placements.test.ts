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

  it('counts settings, moves and the other segments apart (issue 11: "6 placements and 1 placement move")', () => {
    // Two foster settings, a hospital stay, a runaway and a trial home visit: seven records.
    const record = caseRecord({
      removal: { date: '2025-01-06' },
      placements: [
        placement('2025-01-06', '2025-03-01', 'foster_family_nonrelative', { home: 'H-1' }),
        placement('2025-03-01', '2025-03-08', 'hospital'),
        placement('2025-03-08', '2025-06-01', 'foster_family_nonrelative', { home: 'H-1' }),
        placement('2025-06-01', '2025-09-01', 'foster_family_relative', { home: 'H-2' }),
        placement('2025-09-01', '2025-09-04', 'runaway'),
        placement('2025-09-04', '2026-01-10', 'foster_family_relative', { home: 'H-2' }),
        placement('2026-01-10', undefined, 'trial_home_visit'),
      ],
    });
    expect(placementMoves(record, '2026-03-01')).toMatchObject({
      settings: 2,
      moves: 1,
      segments: [
        { setting: 'trial_home_visit', count: 1 },
        { setting: 'runaway', count: 1 },
        { setting: 'hospital', count: 1 },
      ],
    });
  });

  it('a move is a change of setting: a second record of the same stay is none, going back to an earlier home is one', () => {
    const record = caseRecord({
      removal: { date: '2025-01-06' },
      placements: [
        placement('2025-01-06', '2025-02-01', 'foster_family_nonrelative', { home: 'H-1' }),
        placement('2025-02-01', '2025-05-01', 'foster_family_nonrelative', { home: 'H-1' }),
        placement('2025-05-01', '2025-08-01', 'group_home', { provider: 'Group home A' }),
        placement('2025-08-01', '2025-08-03', 'detention'),
        placement('2025-08-03', '2025-08-20', 'detention'),
        placement('2025-08-20', undefined, 'foster_family_nonrelative', { home: 'H-1' }),
      ],
    });
    // H-1 → group home → (detention twice) → H-1: two settings, two moves.
    expect(placementMoves(record, '2025-12-01')).toMatchObject({ settings: 2, moves: 2, segments: [{ setting: 'detention', count: 2 }] });
  });
});
