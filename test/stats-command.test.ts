/**
 * `casepress stats` (issue 14) on a copy of the example agency, in this
 * process: the document as PDF and DOCX through the build engine (in the
 * manifest, up to date on a second run, never pruned by a full build), the CSV
 * and JSON beside it, and the public copy without names, case ids or counts
 * under 5.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import type { Manifest } from '../src/build/manifest.js';
import { build } from '../src/cli/commands/build.js';
import { stats, type StatsOptions } from '../src/cli/commands/stats.js';
import { UsageError } from '../src/cli/exit.js';
import { CSV_COLUMNS } from '../src/compute/stats/export.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

const AS_OF = '2026-12-01';
let work: string;
let root: string;
let out: string;

async function run(options: Partial<StatsOptions> = {}): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await stats(root, { out, asOf: AS_OF, quarter: '2026-Q3', format: ['pdf', 'docx', 'csv', 'json'], audience: 'internal', quiet: true, ...options }, (line) => lines.push(line));
  return { code, lines };
}

const text = (file: string) => execFileSync('pdftotext', ['-layout', join(out, file), '-'], { encoding: 'utf8' });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-stats-'));
  root = join(work, 'cases');
  out = join(work, 'output');
  await cp(join(REPO, 'cases'), root, { recursive: true });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('casepress stats', () => {
  it('writes the internal copy as PDF, DOCX, CSV and JSON, the document in the manifest', async () => {
    const { code, lines } = await run();
    expect(code, lines.join('\n')).toBe(0);
    const pdf = text('stats/caseload-2026-Q3.pdf');
    expect(pdf).toContain('Quarter 2026-Q3');
    expect(pdf).toMatch(/Monthly caseworker visits \(child-months met\)\s+18\s+18\s+100%/);
    expect(pdf).toContain('2025-Q3');
    expect(pdf).toContain('By caseworker');
    const docx = execFileSync('unzip', ['-p', join(out, 'stats/caseload-2026-Q3.docx'), 'word/document.xml'], { encoding: 'utf8' });
    expect(docx).toContain('Every measure for the agency');
    // The five charts, each drawn in both formats from the rows of the table printed after it.
    for (const title of ['Children in care on the last day', 'Monthly caseworker visits met', 'Placement moves per 1,000 days in care', "Case items overdue on the period's last day, by caseworker"]) {
      expect(pdf.replace(/\s+/g, ' ')).toContain(title);
    }
    const parts = execFileSync('unzip', ['-Z1', join(out, 'stats/caseload-2026-Q3.docx')], { encoding: 'utf8' }).split('\n');
    expect(parts.filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(4);
    const csv = await readFile(join(out, 'stats/caseload-2026-Q3.csv'), 'utf8');
    expect(csv.split('\r\n')).toContain('agency,,2026-Q3,visits,,18,18,100,100,false,,');
    const json = JSON.parse(await readFile(join(out, 'stats/caseload-2026-Q3.json'), 'utf8')) as { period: { id: string }; appendix: { overdue: { subject: string; person: string | null; check: string | null }[] } };
    expect(json.period.id).toBe('2026-Q3');
    // A household member owes several checks: each overdue item says which.
    const owed = json.appendix.overdue.filter((i) => i.subject === 'H-0042' && i.person === 'Dana Whitfield').map((i) => i.check);
    expect(owed).toEqual(['state_registry', 'fbi_fingerprint', 'sex_offender_registry']);
    expect(pdf.replace(/\s+/g, ' ')).toContain('Background check: FBI');
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.outputs['stats/caseload-2026-Q3.pdf']).toMatchObject({ type: 'caseload-stats', audience: 'internal' });
  });

  it('is up to date on a second run, and a full build keeps it', async () => {
    const before = await readFile(join(out, 'stats/caseload-2026-Q3.pdf'));
    const lines: string[] = [];
    const again = await stats(root, { out, asOf: AS_OF, quarter: '2026-Q3', format: ['pdf', 'docx', 'csv'], audience: 'internal' }, (line) => lines.push(line));
    expect(again).toBe(0);
    expect(lines.join('\n')).toMatch(/caseload-stats │ +0 │ +1 │/);
    expect(await readFile(join(out, 'stats/caseload-2026-Q3.pdf'))).toEqual(before);
    const outcome = await build(root, { out, asOf: AS_OF, format: ['pdf'], prune: true, quiet: true, renderer: jsonRenderer }, (r, a) => planJobs(r, a, { docs: ['service-plan'] }), () => undefined);
    expect(outcome.code).toBe(0);
    expect(outcome.removed).not.toContain('stats/caseload-2026-Q3.pdf');
  });

  it('writes a public copy without names or case ids, counts from 1 to 4 as "fewer than 5"', async () => {
    const { code } = await run({ audience: 'public', format: ['pdf', 'csv'] });
    expect(code).toBe(0);
    const pdf = text('stats/caseload-2026-Q3-public.pdf');
    expect(pdf).toContain('fewer than 5');
    expect(pdf).not.toMatch(/C-20\d\d-\d{4}/);
    expect(pdf).not.toContain('By caseworker');
    expect(pdf).not.toContain('Appendix');
    // Aggregate figures for a board: neither the child-record notice nor the internal mark.
    expect(pdf).not.toContain('CONFIDENTIAL');
    expect(pdf).not.toContain('INTERNAL');
    const csv = await readFile(join(out, 'stats/caseload-2026-Q3-public.csv'), 'utf8');
    expect(csv).not.toContain('caseworker,');
    expect(csv).toContain('fewer_than_5');
  });

  it('is documented in the README: the CSV columns in their order, and the JSON keys', async () => {
    const readme = await readFile(join(REPO, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| column | holds |'));
    const listed = [...table.slice(0, table.indexOf('\n\n')).matchAll(/^\| (`[^|]+) \|/gm)].flatMap((m) => [...m[1]!.matchAll(/`(\w+)`/g)].map((c) => c[1]));
    expect(listed).toEqual([...CSV_COLUMNS]);
    const json = JSON.parse(await readFile(join(out, 'stats/caseload-2026-Q3.json'), 'utf8')) as Record<string, unknown>;
    const shown = JSON.parse(/The JSON is one object:\n\n```json\n([^`]+)```/.exec(readme)![1]!) as Record<string, unknown>;
    expect(Object.keys(shown)).toEqual(Object.keys(json));
    const keys = (value: unknown) => Object.keys(value as object);
    type Shape = { rows: object[]; appendix: { overdue: object[] } };
    expect(keys((shown as Shape).rows[0])).toEqual(keys((json as Shape).rows[0]));
    expect(keys(shown.appendix)).toEqual(keys(json.appendix));
    expect(keys((shown as Shape).appendix.overdue[0])).toEqual(keys((json as Shape).appendix.overdue[0]));
  });

  it('refuses a period that has not ended, and an unknown caseworker', async () => {
    await expect(run({ quarter: '2026-Q4' })).rejects.toThrow(UsageError);
    await expect(run({ worker: 'nobody' })).rejects.toThrow(/no case names "nobody"/);
  });
});
