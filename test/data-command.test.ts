/**
 * `casepress data`: what a template receives, as the audience's copy receives it
 * (issue 10, point 1): the reference an agency's data person edits templates against.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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

  it("prints a court packet's cover facts: its caption and the parts it binds, each with its date", async () => {
    const shown = JSON.parse(await data('court-packet', 'C-2024-0087', ROOT, { asOf: AS_OF, json: true }, () => {})) as {
      document: { type: string; audience: string; date: string };
      facts: { case_id: string; parts: { part: string; date: string }[] };
    };
    expect(shown.document).toMatchObject({ type: 'court-packet', audience: 'court', date: '2026-12-03' });
    expect(shown.facts.case_id).toBe('C-2024-0087');
    expect(shown.facts.parts).toEqual([
      { part: 'court_report', date: '2026-12-03' },
      { part: 'service_plan', date: '2026-08-12' },
      { part: 'cans_summary', date: '2026-07-29' },
      { part: 'transition_plan', date: '2026-11-05' },
    ]);
  });

  it("shows sensitive values as the audience sees them: the father's copy has no school, the internal copy has it", async () => {
    const father = await data('court-report', 'C-2024-0087', ROOT, { asOf: AS_OF, audience: 'parent', parent: 'father' }, () => {});
    const internal = await data('court-report', 'C-2024-0087', ROOT, { asOf: AS_OF, audience: 'internal' }, () => {});
    expect(internal).toContain('East Jessamine High School');
    expect(father).not.toContain('East Jessamine High School');
    expect(father).toContain('reader:\n    name: Patrick O\'Brien');
  });

  it('prints the facts the caseload statistics template receives, for the period and copy asked for', async () => {
    type Shown = {
      document: { type: string; subject: string; date: string; audience: string };
      facts: { period: { id: string }; agency: { measure: string; key: string | null; cell: { numerator: number; denominator: number } }[]; appendix: unknown; caseworkers: unknown[] };
    };
    const internal = JSON.parse(await data('caseload-stats', undefined, ROOT, { asOf: AS_OF, quarter: '2026-Q3', json: true }, () => {})) as Shown;
    expect(internal.document).toEqual({ type: 'caseload-stats', subject: '2026-Q3', date: '2026-09-30', audience: 'internal', as_of: AS_OF });
    expect(internal.facts.agency.find((m) => m.measure === 'visits' && m.key === null)!.cell).toMatchObject({ numerator: 18, denominator: 18 });
    expect(internal.facts.appendix).not.toBeNull();
    const shown = JSON.parse(await data('caseload-stats', undefined, ROOT, { asOf: AS_OF, quarter: '2026-Q3', audience: 'public', json: true }, () => {})) as Shown;
    expect(shown.document.audience).toBe('public');
    expect(shown.facts.appendix).toBeNull();
    expect(shown.facts.caseworkers).toEqual([]);
    // Without a period: the last full month before the as-of date, as `stats` chooses it; one caseworker's copy names them.
    expect(await data('caseload-stats', undefined, ROOT, { asOf: AS_OF, worker: 'mrivera' }, () => {})).toMatch(/^  subject: 2026-11 mrivera$/m);
  });

  it('reads for the caseload statistics what `stats` reads: a broken assessment, court note or home study does not stop them', async () => {
    const root = await mkdtemp(join(tmpdir(), 'data-stats-'));
    try {
      await cp(ROOT, root, { recursive: true });
      for (const file of ['children/C-2025-0142/assessments/cans-2026-09.yaml', 'children/C-2025-0142/court/2026-12-10-orders.md', 'homes/H-0042/study.md']) {
        await writeFile(join(root, file), 'date: [unclosed\n');
      }
      const shown = JSON.parse(await data('caseload-stats', undefined, root, { asOf: AS_OF, quarter: '2026-Q3', json: true }, () => {})) as { facts: { period: { id: string } } };
      expect(shown.facts.period.id).toBe('2026-Q3');
      expect(await printData('court-report', 'C-2025-0142', root, { asOf: AS_OF }, () => {})).toBe(1);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('says why there is no such document', async () => {
    await expect(printData('caseload-stats', undefined, ROOT, { asOf: AS_OF, quarter: '2026-Q4' }, () => {})).rejects.toThrow(/2026-Q4 ends on 2026-12-31, not before the as-of date/);
    await expect(printData('caseload-stats', undefined, ROOT, { asOf: AS_OF, audience: 'court' }, () => {})).rejects.toThrow(/an internal and a public copy, not a court copy/);
    await expect(printData('court-report', undefined, ROOT, { asOf: AS_OF }, () => {})).rejects.toThrow(/casepress data court-report <case-id>/);
    await expect(printData('court-report', 'C-2024-0087', ROOT, { asOf: AS_OF, quarter: '2026-Q3' }, () => {})).rejects.toThrow(/--quarter and --worker are for the caseload statistics/);
    await expect(printData('home-study', 'H-9999', ROOT, { asOf: AS_OF }, () => {})).rejects.toThrow(/there is no home "H-9999"/);
    await expect(printData('court-report', 'C-2024-0087', ROOT, { asOf: AS_OF, audience: 'parent', parent: 'aunt' }, () => {})).rejects.toThrow(/has no parent "aunt"/);
  });
});
