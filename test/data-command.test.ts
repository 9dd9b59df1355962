/**
 * `casepress data`: what a template receives, as the audience's copy receives it
 * (issue 10, point 1): the reference an agency's data person edits templates against.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printData } from '../src/cli/commands/data.js';
import { REPO } from './helpers/fixture-root.js';

const ROOT = join(REPO, 'cases');
const AS_OF = '2026-12-01';

async function data(...args: Parameters<typeof printData>): Promise<string> {
  let text = '';
  const code = await printData(args[0], args[1], args[2], args[3], (t) => (text += t));
  expect(code).toBe(0);
  return text;
}

describe('casepress data', () => {
  it("prints a court report's facts as JSON, with what the copy withheld named but not shown", async () => {
    const shown = JSON.parse(await data('court-report', 'C-2024-0087', ROOT, { asOf: AS_OF, json: true }, () => {})) as {
      document: { audience: string; date: string };
      facts: { case_id: string; child: { name: string } };
      withheld: { kind: string; field: string }[];
    };
    expect(shown.document).toMatchObject({ audience: 'court', date: '2026-12-03' });
    expect(shown.facts.case_id).toBe('C-2024-0087');
    expect(shown.facts.child.name).toBe("Zoë O'Brien");
    expect(shown.withheld.map((w) => w.kind)).toContain('confidential_address');
  });

  it("shows sensitive values as the audience sees them: the father's copy has no school, the internal copy has it", async () => {
    const father = await data('court-report', 'C-2024-0087', ROOT, { asOf: AS_OF, audience: 'parent', parent: 'father' }, () => {});
    const internal = await data('court-report', 'C-2024-0087', ROOT, { asOf: AS_OF, audience: 'internal' }, () => {});
    expect(internal).toContain('East Jessamine High School');
    expect(father).not.toContain('East Jessamine High School');
    expect(father).toContain('reader:\n    name: Patrick O\'Brien');
  });

  it('says why there is no such document', async () => {
    await expect(printData('home-study', 'H-9999', ROOT, { asOf: AS_OF }, () => {})).rejects.toThrow(/there is no home "H-9999"/);
    await expect(printData('court-report', 'C-2024-0087', ROOT, { asOf: AS_OF, audience: 'parent', parent: 'aunt' }, () => {})).rejects.toThrow(/has no parent "aunt"/);
  });
});
