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
