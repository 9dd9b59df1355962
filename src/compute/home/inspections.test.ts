import { describe, expect, it } from 'vitest';
import { home as homeSchema, type Home } from '../../model/home.js';
import { RULE_SETS } from '../rule-sets.js';
import { inspectionFact } from './inspections.js';

const AS_OF = '2026-11-23';
const makeHome = (inspections: unknown[]): Home =>
  homeSchema.parse({
    id: 'H-I', type: 'foster', licensing_worker: 'w',
    address: { street: '1 Main St', city: 'Town', state: 'KY', zip: '40001' },
    license: { number: 'L-1', issued: '2026-01-01', expires: '2026-12-31', status: 'active', capacity: 2 },
    household: [{ name: 'Pat Doe', role: 'applicant', dob: '1980-05-05' }],
    inspections,
  });
const pass = (date: string) => ({ type: 'home_safety', date, result: 'pass' });
const corrections = (date: string, resolved?: string) => ({ type: 'home_safety', date, result: 'corrections_required', ...(resolved ? { resolved } : {}) });
const fact = (inspections: unknown[]) => inspectionFact(makeHome(inspections), AS_OF, RULE_SETS.KY);

describe('inspectionFact (rules.md, Home safety inspection)', () => {
  it('unresolved corrections do not count: 12 months after the pass of 2025-12-10, and not met', () => {
    const f = fact([pass('2025-12-10'), corrections('2026-11-16')]);
    expect(f).toMatchObject({ due: '2026-12-10', status: 'due_soon', met: false });
    expect(f.open.map((i) => i.date)).toEqual(['2026-11-16']);
  });

  it('resolved corrections count from the inspection date: 2026-11-16 + 12 months = 2027-11-16', () => {
    expect(fact([pass('2025-12-10'), corrections('2026-11-16', '2026-11-20')])).toMatchObject({ due: '2027-11-16', status: 'due_soon', met: true, open: [] });
    // a resolved date after the as-of date has not happened yet
    expect(fact([pass('2025-12-10'), corrections('2026-11-16', '2026-11-30')])).toMatchObject({ due: '2026-12-10', met: false });
  });

  it('due exactly 12 months on: due_soon on the day, overdue the day after', () => {
    expect(fact([pass('2025-11-23')])).toMatchObject({ due: '2026-11-23', status: 'due_soon', met: true });
    expect(fact([pass('2025-11-22')])).toMatchObject({ due: '2026-11-22', status: 'overdue', met: false });
  });

  it('ignores fire and health inspections; a failed one does not count', () => {
    expect(fact([pass('2025-06-01'), { type: 'fire', date: '2026-06-01', result: 'pass' }, { type: 'home_safety', date: '2026-06-02', result: 'fail' }]))
      .toMatchObject({ due: '2026-06-01', status: 'overdue', met: false });
  });

  it('none on file: due on the as-of date and overdue', () => {
    expect(fact([])).toMatchObject({ due: AS_OF, status: 'overdue', met: false, open: [] });
    expect(fact([])).not.toHaveProperty('last');
  });
});
