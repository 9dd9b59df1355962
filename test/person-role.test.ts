/** A person's role is free text (case-format.md, Conventions); the common words are recognized. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaseFile } from '../src/load/parse-file.js';
import { REPO } from './helpers/fixture-root.js';
import { recognizedRole } from '../src/model/primitives.js';

describe('a person record role', () => {
  it.each([
    ['gal', 'gal'],
    ['Guardian ad litem', 'gal'],
    ['GUARDIAN  AD LITEM', 'gal'],
    ['CASA volunteer', 'casa'],
    ['Court Appointed Special Advocate', 'casa'],
    ['Attorney', 'attorney'],
    ['therapist', 'therapist'],
    ['Tribal representative', 'tribe_representative'],
    ['Vietnamese interpreter', undefined],
    ['Psychiatrist', undefined],
  ])('%s → %s', (written, role) => {
    expect(recognizedRole(written)).toBe(role);
  });

  it('validates as free text in case.yaml others (an Indiana agency writes them so)', () => {
    const text = readFileSync(join(REPO, 'cases/children/C-2025-0143/case.yaml'), 'utf8')
      .replace('role: gal,', 'role: Guardian ad litem,')
      .replace('role: casa,', 'role: Vietnamese interpreter,');
    const parsed = parseCaseFile('children/C-2025-0143/case.yaml', 'case', text);
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.loaded!.data.others!.map((o) => o.role).slice(0, 2)).toEqual(['Guardian ad litem', 'Vietnamese interpreter']);
  });
});

describe("a court report's certificate of service", () => {
  it('serves a person whose role is written in words, as the role it names', async () => {
    const { loadExample, documentContext, childFolder } = await import('./helpers/document-context.js');
    const { courtReportData } = await import('../src/compute/documents/court-report.js');
    const { root } = await loadExample();
    const child = childFolder(root, 'C-2025-0143');
    const record = child.case!.data;
    const others = record.others!.map((o) => (o.role === 'gal' ? { ...o, role: 'Guardian ad litem' } : o.role === 'casa' ? { ...o, role: 'court appointed special advocate' } : o));
    const worded = { ...child, case: { ...child.case!, data: { ...record, others } } };
    const served = courtReportData(documentContext(root, 'court'), worded, '2026-12-10').data.served.filter((s) => s.kind === 'other');
    expect(served).toEqual([
      { kind: 'other', name: 'Thomas Whitaker', as: 'gal' },
      { kind: 'other', name: 'Linda Ferrell', as: 'casa' },
    ]);
  });
});
