import { describe, expect, it } from 'vitest';
import { RULE_SETS, ruleSetFor } from './rule-sets.js';

describe('rule sets (rules.md, Built-in rule sets)', () => {
  it('hold the tabulated figures', () => {
    expect(RULE_SETS.KY.annualTrainingHours.value).toMatchObject({ foster: 10, therapeutic_foster: 22 });
    expect(RULE_SETS.PA.permanencyHearing.value).toEqual({ months: 6, from: 'removal' });
    expect(RULE_SETS.IN.uncountedTopics.value).toEqual(['cpr', 'first_aid', 'universal_precautions']);
    expect(RULE_SETS.KY.householdChildChecks.value).toEqual([{ age: 12, checks: ['state_registry'] }]);
    expect(RULE_SETS.PA.householdChildChecks.value[0]!.age).toBe(14);
    expect(RULE_SETS.generic.backgroundCheckMonths.value).toBe(24);
  });

  it('lays the agency overrides over the state rules with the agency citation', () => {
    const rules = ruleSetFor({
      state: 'KY',
      rules: { annual_training_hours: { therapeutic_foster: 24 }, background_check_months: 12, citation: 'Agency policy 4.2' },
    });
    expect(rules.annualTrainingHours).toEqual({
      value: { foster: 10, kinship: 10, pre_adoptive: 10, therapeutic_foster: 24, medically_complex: 22 },
      citation: 'Agency policy 4.2',
      overridden: true,
    });
    expect(rules.backgroundCheckMonths.overridden).toBe(true);
    expect(rules.permanencyHearing).toBe(RULE_SETS.KY.permanencyHearing);
  });
});

describe('unverified rule values', () => {
  it('are the ones the documents being built read, until the agency confirms or overrides them', async () => {
    const { unverifiedRules } = await import('./rule-sets.js');
    const ky = ruleSetFor({ state: 'KY' });
    expect(unverifiedRules(ky, ['service-plan'])).toEqual([]);
    // The court report tells the Court of an overdue exam or CANS, by the rule set's cadences.
    expect(unverifiedRules(ky, ['court-report']).map((r) => r.name)).toEqual(['health_exam_months', 'dental_exam_months', 'cans_months']);
    expect(unverifiedRules(ky, ['home-study', 'relicensing-packet']).map((r) => r.name)).toEqual(['annual_training_hours']);
    expect(unverifiedRules(ky, ['due']).map((r) => r.name)).toEqual(['annual_training_hours', 'health_exam_months', 'dental_exam_months', 'cans_months']);
    const confirmed = ruleSetFor({ state: 'KY', rules: { confirmed: ['annual_training_hours', 'cans_months'] } });
    expect(unverifiedRules(confirmed, ['due']).map((r) => r.name)).toEqual(['health_exam_months', 'dental_exam_months']);
    expect(confirmed.annualTrainingHours.citation).toBe(ky.annualTrainingHours.citation);
    const overridden = ruleSetFor({ state: 'KY', rules: { health_exam_months: 12, dental_exam_months: 6 } });
    expect(unverifiedRules(overridden, ['due']).map((r) => r.name)).toEqual(['annual_training_hours', 'cans_months']);
    // Placement matching reads the level-of-care thresholds (no state rule gives them) and the home's clocks.
    expect(unverifiedRules(ky, ['match']).map((r) => r.name)).toEqual(['therapeutic_need', 'medically_complex_need']);
    expect(unverifiedRules(ruleSetFor({ state: 'PA' }), ['matching-worksheet']).map((r) => r.name)).toEqual(['background_check_months', 'therapeutic_need', 'medically_complex_need']);
    const levels = ruleSetFor({ state: 'KY', rules: { confirmed: ['therapeutic_need', 'medically_complex_need'] } });
    expect(unverifiedRules(levels, ['match'])).toEqual([]);
  });

});
