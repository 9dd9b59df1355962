/**
 * `casepress match` (issue 15) on the example agency and on a copy of it, in
 * this process: the rankings point 6 asks the example to show (kin first, a
 * sibling group, a therapeutic need, an ICWA case), the worksheet as PDF and
 * DOCX through the build engine, and the worksheet of a child no home can take.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { match, matchFacts } from '../src/cli/commands/match.js';
import { UsageError } from '../src/cli/exit.js';
import type { HomeMatchFacts, MatchingWorksheetFacts } from '../src/compute/match/facts.js';
import type { LoadResult } from '../src/load/load-root.js';
import { loadRoot, REPO } from './helpers/fixture-root.js';

const AS_OF = '2026-12-01';
let example: LoadResult;
let work: string;
beforeAll(async () => {
  example = await loadRoot(join(REPO, 'cases'));
  work = await mkdtemp(join(tmpdir(), 'casepress-match-'));
});
afterAll(async () => rm(work, { recursive: true, force: true }));

const forChild = (id: string) => matchFacts(example.root, example.root.agency!.data, AS_OF, id, undefined) as MatchingWorksheetFacts;
const ranking = (facts: MatchingWorksheetFacts) => facts.shortlist.map((s) => [s.home_id, s.points, s.tie_break]);
const excluded = (facts: MatchingWorksheetFacts) => facts.excluded.map((e) => [e.home_id, e.reasons.map((r) => r.reason)]);

describe('casepress match on the example agency, as of 2026-12-01', () => {
  it('prints its summary in words: each factor and rating, and why each home is excluded', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await match('C-2025-0143', join(REPO, 'cases'), { asOf: AS_OF })).toBe(0);
    } finally {
      spy.mockRestore();
      quiet.mockRestore();
    }
    const text = written.join('');
    expect(text).toContain('1. H-0075 (11 points): Kin or fictive kin low; Former caregiver low; Siblings together high;');
    expect(text).toContain('excluded H-0017: the child lives there now');
    expect(text).toContain('excluded H-0042: license not active, or expiring within 30 days; no room under its license; a check, certificate or inspection overdue');
    expect(text).not.toMatch(/former_caregiver|capacity_license/);
  });

  it('Kaden (ICWA reason to know): his aunt first as extended family and kin, then by points, a tie broken by the children in the home', () => {
    const kaden = forChild('C-2026-0058');
    expect(kaden.icwa_order).toBe(true);
    expect(ranking(kaden)).toEqual([['H-0081', 6, null], ['H-0075', 6, null], ['H-0063', 6, 'children_in_home']]);
    expect(kaden.shortlist[0]!.factors.slice(0, 2).map((f) => [f.factor, f.level])).toEqual([['icwa', 'high'], ['kin', 'high']]);
    expect(excluded(kaden)).toEqual([['H-0017', ['current_placement']], ['H-0042', ['license', 'capacity_license', 'overdue']]]);
  });

  it('Joey and Ana: the Spanish-speaking home with room for the sibling group first', () => {
    const joey = forChild('C-2025-0142');
    expect(ranking(joey)).toEqual([['H-0075', 10, null], ['H-0081', 7, null]]);
    const siblings = joey.shortlist[0]!.factors.find((f) => f.factor === 'siblings');
    expect(siblings).toMatchObject({ level: 'high', room_for: 1, needing: [{ case_id: 'C-2025-0143' }], group_max: 2 });
    expect(excluded(joey)).toEqual([['H-0017', ['overdue']], ['H-0042', ['current_placement']], ['H-0063', ['ages']]]);
    expect(ranking(forChild('C-2025-0143'))[0]).toEqual(['H-0075', 11, null]);
  });

  it("Zoë's therapeutic need: only the therapeutic home with room can take her", () => {
    const zoe = forChild('C-2024-0087');
    expect(zoe.child.levels).toEqual(['therapeutic']);
    expect(zoe.child.therapeutic_items.map((i) => i.item)).toEqual(['depression', 'anxiety', 'adjustment_to_trauma', 'non_suicidal_self_injury', 'runaway']);
    expect(ranking(zoe)).toEqual([['H-0075', 6, null]]);
    expect(excluded(zoe)).toEqual([['H-0017', ['ages', 'level', 'overdue']], ['H-0042', ['current_placement']], ['H-0063', ['ages', 'level']], ['H-0081', ['level']]]);
  });

  it("Aaliyah: her grandmother's home is kin and is where she lives, listed among the excluded as such", () => {
    const aaliyah = forChild('C-2024-0211');
    expect(aaliyah.excluded.map((e) => [e.home_id, e.kin])).toEqual([['H-0017', false], ['H-0042', false], ['H-0063', true]]);
    expect(ranking(aaliyah)).toEqual([['H-0081', 8, null], ['H-0075', 6, null]]);
  });

  it('--home: the children in care a home could take, and an unknown id is a wrong command line', () => {
    const facts = matchFacts(example.root, example.root.agency!.data, AS_OF, undefined, 'H-0063') as HomeMatchFacts;
    expect(facts.candidates.map((c) => c.case_id)).toEqual(['C-2026-0058', 'C-2025-0143', 'C-2025-0219']);
    expect(facts.excluded.map((e) => e.case_id)).toEqual(['C-2024-0087', 'C-2024-0211', 'C-2025-0142']);
    expect(() => matchFacts(example.root, example.root.agency!.data, AS_OF, 'C-2025-014', undefined)).toThrow(UsageError);
    expect(() => matchFacts(example.root, example.root.agency!.data, AS_OF, undefined, 'H-9')).toThrow(/no home "H-9"/);
    expect(() => matchFacts(example.root, example.root.agency!.data, AS_OF, 'C-2025-0142', 'H-0063')).toThrow(/not both/);
  });
});

describe('the matching worksheet', () => {
  const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // Paragraphs (and so table cells) a space apart: a cell's text reads whole, where the PDF's layout wraps it.
  const docxText = (file: string) =>
    execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }).replace(/<\/w:p>/g, ' ').replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").replace(/\s+/g, ' ');

  it("writes Joey's worksheet as PDF and DOCX: needs, shortlist with factors, gaps and supports, excluded homes, the decision", async () => {
    const out = join(work, 'out-joey');
    const code = await match('C-2025-0142', join(REPO, 'cases'), { asOf: AS_OF, format: ['pdf', 'docx'], out, quiet: true });
    expect(code).toBe(0);
    const file = join(out, 'children/C-2025-0142/matching-2026-12-01');
    const pdf = pdfText(`${file}.pdf`);
    for (const expected of [
      'Homes for José Luis Núñez-García', 'Level of care: basic foster care, by the CANS of September 10, 2026',
      '1. Home H-0075: Lucía Arriaga and Tomás Arriaga', 'School stability (low): A best-interest determination on the school of origin',
      'Placement decision', 'Home chosen', 'Marisol Rivera Kavita Patel Case manager Supervisor', 'INTERNAL — NOT FOR FILING',
    ]) expect(pdf).toContain(expected);
    expect(pdf).not.toMatch(/white|hispanic/i);
    const docx = docxText(`${file}.docx`);
    for (const expected of [
      'Homes for José Luis Núñez-García',
      'Siblings together High Ana Sofía Núñez-García elsewhere; room for 1 more child, sibling groups up to 2',
      'H-0017 Grace Okafor and Daniel Okafor overdue: state registry check (Daniel Okafor), due October 14, 2026',
      "H-0063 Gloria Tate takes ages 0 to 12 (family's preference); the child is 14",
    ]) expect(docx).toContain(expected);
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { outputs: Record<string, { type: string; audience: string }> };
    expect(manifest.outputs['children/C-2025-0142/matching-2026-12-01.pdf']).toMatchObject({ type: 'matching-worksheet', audience: 'internal' });
  });

  it('says so, and why, when no home can take the child', async () => {
    const root = join(work, 'cases');
    await cp(join(REPO, 'cases'), root, { recursive: true });
    const h75 = join(root, 'homes/H-0075/home.yaml');
    await writeFile(h75, (await readFile(h75, 'utf8')).replace('  status: active', '  status: on_hold'));
    const out = join(work, 'out-zoe');
    expect(await match('C-2024-0087', root, { asOf: AS_OF, format: ['pdf'], out, quiet: true })).toBe(0);
    expect(await match('C-2024-0087', root, { asOf: AS_OF, format: ['docx'], out, quiet: true })).toBe(0);
    const file = join(out, 'children/C-2024-0087/matching-2026-12-01');
    expect(pdfText(`${file}.pdf`)).toContain("No home can take Zoë now None of the agency's homes can take Zoë as of December 1, 2026");
    const docx = docxText(`${file}.docx`);
    expect(docx).toContain('H-0075 Lucía Arriaga and Tomás Arriaga license on hold, expires August 31, 2027');
    expect(docx).toContain('H-0081 Rhonda Perkins and Wayne Perkins no therapeutic foster care (the home type gives basic foster care)');
  });

  it("in Indiana a therapeutic home is held to 4 children, the family's own included, and 2 foster children (465 IAC 2-1.5)", async () => {
    const root = join(work, 'cases-in');
    await cp(join(REPO, 'cases'), root, { recursive: true });
    const agency = join(root, 'agency.yaml');
    await writeFile(agency, (await readFile(agency, 'utf8')).replace(/^state: KY$/m, 'state: IN'));
    const out = join(work, 'out-in');
    expect(await match('C-2025-0143', root, { asOf: AS_OF, format: ['docx'], out, quiet: true })).toBe(0);
    // H-0042: Zoë and José placed, two of the Whitfields' own under 18
    const docx = docxText(join(out, 'children/C-2025-0143/matching-2026-12-01.docx'));
    expect(docx).toContain("over the state's limit of 4 children in a therapeutic home, the family's own included (4 now; 465 IAC 2-1.5); over the state's limit of 2 foster children in a therapeutic home (2 placed now; 465 IAC 2-1.5)");
  });

  it('refuses --format with --home', async () => {
    await expect(match(undefined, join(REPO, 'cases'), { home: 'H-0063', format: ['pdf'], out: join(work, 'x') })).rejects.toThrow(UsageError);
  });
});
