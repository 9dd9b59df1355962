import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupThousands } from './digits.js';

describe('groupThousands', () => {
  it('writes a whole number as en-US number formatting does', () => {
    const intl = new Intl.NumberFormat('en-US');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(groupThousands(String(n))).toBe(intl.format(n));
      }),
      { numRuns: 500 },
    );
    for (const n of [0, 999, 1000, 12345, 1000000]) expect(groupThousands(String(n))).toBe(intl.format(n));
  });
});
