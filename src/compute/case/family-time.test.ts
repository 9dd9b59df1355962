import { describe, expect, it } from 'vitest';
import { familyTime } from './family-time.js';
import { visit } from './fixtures.js';

describe('family time attendance (rules.md)', () => {
  const visits = [
    visit('2026-09-04', 'yes'),
    visit('2026-09-11', 'late'),
    visit('2026-09-18', 'no'),
    visit('2026-09-25', 'cancelled', 'parent'),
    visit('2026-10-02', 'cancelled', 'agency'),
    visit('2026-10-09', 'cancelled', 'foster_parent'),
    visit('2026-10-16', 'cancelled', 'child'),
    visit('2026-10-23', 'cancelled', null),
    visit('2026-10-24', 'yes', null, ['sibling']),
    visit('2026-11-06', 'yes'), // after the period
  ];

  it('counts yes and late over the visits not cancelled by anyone but the parent', () => {
    // 9 visits in the period; the agency's, the foster parent's, the child's and an unrecorded canceller's
    // cancellations leave 5 offered (a parent's own cancellation stays offered); yes, late, yes (sibling) = 3.
    const result = familyTime(visits, { from: '2026-09-01', to: '2026-10-31' });
    expect(result).toMatchObject({ offered: 5, attended: 3, late: 1, missed: 1 });
    expect(result.rate).toBeCloseTo(3 / 5);
    expect(result.cancellations).toEqual({ parent: 1, agency: 1, foster_parent: 1, child: 1, unknown: 1 });
  });

  it('keeps only the visits with one participant when asked (sibling visits apart)', () => {
    expect(familyTime(visits, { from: '2026-09-01', to: '2026-10-31' }, 'sibling')).toMatchObject({ offered: 1, attended: 1, cancellations: {} });
  });

  it('has no rate when nothing was offered', () => {
    const result = familyTime([visit('2026-10-02', 'cancelled', 'agency')], { from: '2026-10-01', to: '2026-10-31' });
    expect(result.offered).toBe(0);
    expect(result.rate).toBeUndefined();
  });
});
