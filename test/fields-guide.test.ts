/**
 * templates/FIELDS.md lists every field each document's template receives,
 * from the facts types; it must say what the types say today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldsGuide } from '../src/cli/write-fields.js';
import { REPO } from './helpers/fixture-root.js';

describe('the templates guide field list', () => {
  it('templates/FIELDS.md is current (run `npm run fields` after changing a facts type)', () => {
    expect(readFileSync(join(REPO, 'templates', 'FIELDS.md'), 'utf8')).toBe(fieldsGuide());
  });

  it('lists nested fields, list items, codes with their vocabulary, nullable fields and kinds of item', () => {
    const guide = fieldsGuide();
    expect(guide).toContain('| `placement.where.setting` | one of `pre_adoptive`,');
    expect(guide).toContain('(label: placement_setting)');
    expect(guide).toContain('| `life_skills[].date` | date, or null |');
    expect(guide).toContain('| `attention[].leaves` | date; when kind is "documents_needed" |');
  });
});
