/**
 * Issue 10's incremental bug: renaming "Andre Tate" to "Andre Hale" in
 * homes/H-0063/home.yaml left C-2025-0142's court report "up to date" while it
 * still printed the new name a clean build withholds: the report guards
 * against every foster family, but those homes were not among its inputs. Now
 * the foster families are one recorded input, hashed as exactly what a copy
 * reads of them (names, roles, streets, phones): renaming a member rebuilds the
 * court reports; a home's training hours rebuild only what reads that home.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { build } from '../src/cli/commands/build.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

const REPORT = 'children/C-2025-0142/court-report-2026-12-10';
let work: string;
let root: string;

const run = async () => {
  const outcome = await build(root, { out: join(work, 'output'), asOf: '2026-11-23', format: ['docx'], prune: true, quiet: true, renderer: jsonRenderer }, (r, a) => planJobs(r, a), () => {});
  expect(outcome.code).toBe(0);
  return outcome.built;
};
const edit = async (path: string, from: string, to: string) => {
  const file = join(root, path);
  const text = await readFile(file, 'utf8');
  expect(text).toContain(from);
  await writeFile(file, text.replaceAll(from, to));
};

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-traced-'));
  root = join(work, 'cases');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  await run();
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('a foster family renamed', () => {
  it('rebuilds the court reports, which guard against every foster family', async () => {
    await edit('homes/H-0063/home.yaml', 'Andre Tate', 'Andre Hale');
    const built = await run();
    expect(built).toContain(REPORT);
    const report = await readFile(join(work, 'output', `${REPORT}.docx`), 'utf8');
    expect(report).toContain('Hale');
  });

  it("a home's training hours rebuild only what reads that home, not every court report", async () => {
    await edit('homes/H-0063/home.yaml', 'hours: 3, topic: other', 'hours: 4, topic: other');
    const built = await run();
    expect(built).not.toContain(REPORT);
    // H-0063's own documents, and C-2024-0211's, who lives there.
    expect(built.some((b) => b.startsWith('homes/H-0063/'))).toBe(true);
    expect(built.every((b) => b.startsWith('homes/H-0063/') || b.startsWith('children/C-2024-0211/'))).toBe(true);
  });
});
