import { describe, expect, it } from 'vitest';
import type { Plan } from '../../model/plan.js';
import { redactor, type Audience } from '../audience.js';
import { WITHHELD_MARKER } from '../redaction/marker.js';
import { consentOnFile, narratives } from './narrative.js';

type Service = NonNullable<Plan['goals'][number]['services']>[number];
const service = (more: Partial<Service>): Service => ({ provider: 'New Vista', type: 'IOP', status: 'active', ...more });
const plan = (...goals: [Plan['goals'][number]['for'], Service[]][]): Plan =>
  ({ goals: goals.map(([who, services], i) => ({ id: `G${i}`, for: who, area: 'substance_use', statement: 'Stay sober.', objectives: [], services })) }) as unknown as Plan;

describe('consentOnFile', () => {
  it("is true only when every substance-use service of that parent's goals has consent on file", () => {
    const consented = consentOnFile(plan(['mother', [service({ substance_use_treatment: true, consent_on_file: true }), service({ type: 'Screens' })]], ['father', [service({ substance_use_treatment: true, consent_on_file: true }), service({ substance_use_treatment: true })]]));
    expect(consented('mother')).toBe(true);
    expect(consented('father')).toBe(false);
    expect(consented('putative_father')).toBe(false);
    expect(consented('legal_guardian')).toBe(false);
  });

  it('is false for a parent with no substance-use service, and without a plan', () => {
    expect(consentOnFile(plan(['mother', [service({})]]))('mother')).toBe(false);
    expect(consentOnFile(undefined)('mother')).toBe(false);
  });

  it("reads a putative father's consent from the father's goals", () => {
    expect(consentOnFile(plan(['father', [service({ substance_use_treatment: true, consent_on_file: true })]]))('putative_father')).toBe(true);
  });
});

describe('narratives', () => {
  const consented = plan(['mother', [service({ substance_use_treatment: true, consent_on_file: true })]]);
  const value = 'Goal continued.\n:::treatment{parent=mother}\nCompleted IOP.\n:::\n:::treatment{parent=father}\nRelapse in July.\n:::';
  const shown = (audience: Audience, p: Plan | undefined = consented) => {
    const redact = redactor(audience);
    return { text: narratives(redact, p).text(value, 'case.yaml outcome'), withheld: redact.withheld.map((w) => [w.kind, w.field, w.value]) };
  };

  it('prints every passage without its fences for the internal copy', () => {
    expect(shown('internal')).toEqual({ text: 'Goal continued.\nCompleted IOP.\nRelapse in July.', withheld: [] });
  });

  it("prints to the court what a parent consented to disclose, and withholds the rest (42 CFR Part 2)", () => {
    expect(shown('court')).toEqual({
      text: `Goal continued.\nCompleted IOP.\n${WITHHELD_MARKER}`,
      withheld: [['treatment_without_consent', 'case.yaml outcome (treatment passage 2)', 'Relapse in July.']],
    });
    expect(shown('court', plan()).text).toBe(`Goal continued.\n${WITHHELD_MARKER}\n${WITHHELD_MARKER}`);
  });

  it("withholds every parent's treatment from a foster parent, consent or not", () => {
    expect(shown('foster_parent')).toEqual({
      text: `Goal continued.\n${WITHHELD_MARKER}\n${WITHHELD_MARKER}`,
      withheld: [
        ['parent_treatment', 'case.yaml outcome (treatment passage 1)', 'Completed IOP.'],
        ['parent_treatment', 'case.yaml outcome (treatment passage 2)', 'Relapse in July.'],
      ],
    });
  });

  it('treats a passage that names no parent as the strictest case: withheld from the court even with consent on file', () => {
    const redact = redactor('court');
    expect(narratives(redact, consented).text(':::treatment\nCompleted IOP.\n:::', 'f')).toBe(WITHHELD_MARKER);
  });

  it("sets the marker in a note's Markdown as literal text, indented like the passage, and withholds a `treatment: true` note whole", () => {
    const redact = redactor('foster_parent');
    const n = narratives(redact, consented);
    expect(n.note('1. Visits.\n   :::treatment{parent=mother}\n   Screens negative.\n   :::', 'note.md', undefined)).toBe(`1. Visits.\n   ${WITHHELD_MARKER.replace(/[[\]()]/g, '\\$&')}`);
    expect(n.note('All about the relapse.\n\nMore.', 'whole.md', true)).toBe(WITHHELD_MARKER.replace(/[[\]()]/g, '\\$&'));
    expect(narratives(redactor('internal'), consented).note('A.\n:::treatment\nB.\n:::', 'whole.md', true)).toBe('A.\nB.');
  });

  it("prints a parent's own passages in that parent's copy, and withholds the other parent's and unnamed ones", () => {
    const redact = redactor('parent', 0);
    expect(narratives(redact, undefined, 'mother').text(`${value}\n:::treatment\nUnnamed.\n:::`, 'f')).toBe(`Goal continued.\nCompleted IOP.\n${WITHHELD_MARKER}\n${WITHHELD_MARKER}`);
    expect(redact.withheld.map((w) => w.value)).toEqual(['Relapse in July.', 'Unnamed.']);
  });

  it('returns text without fences as it is', () => {
    const text = 'No passages: a 3:2 vote.';
    expect(narratives(redactor('foster_parent'), undefined).text(text, 'f')).toBe(text);
  });
});
