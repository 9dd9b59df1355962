import { describe, expect, it } from 'vitest';
import { affectedBy, type RootChange } from './affected.js';

const courtReport = { output: 'children/C-1/court-report-2026-12-10' };
const siblingReport = { output: 'children/C-2/court-report-2026-12-11' };
const packet = { output: 'homes/H-1/relicensing-packet-2026-12-31' };
const otherPacket = { output: 'homes/H-2/relicensing-packet-2027-01-31' };
const read = (...inputs: string[]) => ({ inputs: Object.fromEntries(inputs.map((i) => [i, 'hash'])) });

const change = (path: string, kind: RootChange['kind'] = 'change'): RootChange => ({ path, kind });

describe('affectedBy', () => {
  it('a contact note affects its child\'s documents and those that read its folder, no other', () => {
    const affects = affectedBy([change('children/C-1/contacts/2026-11-05-home.md')])!;
    expect(affects(courtReport, read('children/C-1/case.yaml'))).toBe(true);
    // C-2's report read its sibling's case file: it may show what changed.
    expect(affects(siblingReport, read('children/C-2/case.yaml', 'children/C-1/case.yaml'))).toBe(true);
    expect(affects({ output: 'children/C-3/court-report-2026-12-12' }, read('children/C-3/case.yaml'))).toBe(false);
    // The packet of the home C-1 lives in read C-1's case; the other home's did not.
    expect(affects(packet, read('homes/H-1/home.yaml', 'children/C-1/case.yaml'))).toBe(true);
    expect(affects(otherPacket, read('homes/H-2/home.yaml'))).toBe(false);
  });

  it('a case.yaml may move a child into any home: every home document is looked at', () => {
    const affects = affectedBy([change('children/C-1/case.yaml')])!;
    expect(affects(otherPacket, read('homes/H-2/home.yaml'))).toBe(true);
    expect(affects({ output: 'children/C-3/court-report-2026-12-12' }, read('children/C-3/case.yaml'))).toBe(false);
  });

  it('a document never built before is always looked at', () => {
    expect(affectedBy([change('homes/H-1/training.yaml')])!({ output: 'children/C-9/service-plan-2026-10-01' }, undefined)).toBe(true);
  });

  it('agency.yaml, assets and anything outside the case and home folders affect every document', () => {
    expect(affectedBy([change('agency.yaml')])).toBeUndefined();
    expect(affectedBy([change('assets/logo.png')])).toBeUndefined();
    expect(affectedBy([change('children/C-1/case.yaml'), change('notes.txt', 'add')])).toBeUndefined();
  });

  it('a case folder added or removed counts as its case file', () => {
    const affects = affectedBy([change('children/C-7', 'unlinkDir')])!;
    expect(affects(otherPacket, read('homes/H-2/home.yaml'))).toBe(true);
  });

  it('a home saved affects every document that read the foster families (a court copy guards against them all)', () => {
    const affects = affectedBy([change('homes/H-9/home.yaml')])!;
    expect(affects(courtReport, read('children/C-1/case.yaml', '@foster-families'))).toBe(true);
    expect(affects(courtReport, read('children/C-1/case.yaml'))).toBe(false);
    expect(affectedBy([change('children/C-3/contacts/2026-11-05-home.md')])!(courtReport, read('children/C-1/case.yaml', '@foster-families'))).toBe(false);
  });

  it('a case.yaml affects every document that read which children a home has', () => {
    const affects = affectedBy([change('children/C-3/case.yaml')])!;
    expect(affects(siblingReport, read('children/C-2/case.yaml', '@children-placed-in/H-1'))).toBe(true);
    expect(affectedBy([change('children/C-3/contacts/a.md', 'add')])!(siblingReport, read('children/C-2/case.yaml', '@children-placed-in/H-1'))).toBe(false);
  });
});
