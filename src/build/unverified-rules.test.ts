import { describe, expect, it } from 'vitest';
import { unverifiedRuleLines } from './unverified-rules.js';

describe('the word on an unverified rule value', () => {
  it('offers "set your own value" only for a rule agency.yaml can set', () => {
    const [months] = unverifiedRuleLines({ state: 'KY' }, ['court-report']);
    expect(months).toContain('confirmed: [health_exam_months], or set your own value under rules:');
    const lines = unverifiedRuleLines({ state: 'KY' }, ['matching-worksheet']);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/confirmed: \[(therapeutic_need|medically_complex_need)\]$/);
    }
  });
});
