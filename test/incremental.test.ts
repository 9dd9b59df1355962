/**
 * Incremental builds (issue 5): `casepress build` on a copy of the example
 * agency, run again after each kind of change, rebuilds exactly the documents
 * whose fingerprint changed, removes the recorded outputs whose job is gone,
 * and ends with the manifest a clean build writes.
 *
 * The builds run in this process, as the command runs them (its plans, its
 * words on stdout), with a stand-in renderer (helpers/json-renderer.ts): which
 * documents are rebuilt does not depend on how a PDF is drawn.
 */
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtReportJob, nextHearing, planJobs } from '../src/build/jobs.js';
import type { PlanJobs } from '../src/build/run.js';
import type { Audience } from '../src/compute/audience.js';
import { build as runBuild } from '../src/cli/commands/build.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

const AS_OF = '2026-11-23';
let work: string;
let root: string;
let out: string;
let templates: string;

interface Entry { type: string; subject: string; inputs: Record<string, string>; fingerprint: string; sha256: string; requested?: true }
interface Manifest { outputs: Record<string, Entry> }

interface Run { asOf?: string; templates?: string; force?: boolean; out?: string; audience?: Audience }

/** A build as the command runs it: its exit code and what it printed (without colors). */
async function run(plan: PlanJobs, { asOf = AS_OF, out: into = out, ...rest }: Run, prune: boolean) {
  const lines: string[] = [];
  const say = (text: string) => void lines.push(text.replace(/\x1b\[[0-9;]*m/g, ''));
  const outcome = await runBuild(root, { out: into, asOf, format: ['pdf', 'docx'], prune, renderer: jsonRenderer, ...rest }, plan, say, say);
  return { code: outcome.code, stdout: `${lines.join('\n')}\n` };
}
/** `casepress build <root> --out <out>` and its options. */
const build = (options: Run = {}) => run((r, asOf) => planJobs(r, asOf), options, true);
/** `casepress court-summary C-2025-0142 <root>` and its options. */
const courtSummary = (options: Run) =>
  run((r, asOf) => {
    const child = r.children.find((c) => c.id === 'C-2025-0142')!;
    return [courtReportJob(child, nextHearing(child, asOf)!, options.audience)];
  }, options, false);
const manifest = async (dir = out) => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
/** Output path → modification time, for every recorded output. */
async function mtimes(): Promise<Record<string, number>> {
  const paths = Object.keys((await manifest()).outputs);
  return Object.fromEntries(await Promise.all(paths.map(async (p) => [p, (await stat(join(out, p))).mtimeMs] as const)));
}
/** The job outputs (without extension) the CLI says it built. */
const builtLines = (stdout: string) => [...stdout.matchAll(/^built .*?\/((?:children|homes)\/[^{]+)\.\{/gm)].map((m) => m[1]!).sort();
const jobsOf = (m: Manifest) => [...new Set(Object.keys(m.outputs).map((p) => p.replace(/\.(pdf|docx)$/, '')))].sort();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-incremental-'));
  root = join(work, 'cases');
  out = join(work, 'output');
  templates = join(work, 'templates');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  await cp(join(REPO, 'templates'), templates, { recursive: true });
  const first = await build();
  expect(first.code, first.stdout).toBe(0);
}, 120_000);
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('incremental build', () => {
  it('records a fingerprint beside each output hash', async () => {
    const m = await manifest();
    expect(Object.keys(m.outputs).length).toBeGreaterThanOrEqual(20);
    for (const entry of Object.values(m.outputs)) expect(entry.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('builds nothing when nothing changed, and touches no file', async () => {
    const before = await mtimes();
    const bytes = await readFile(join(out, 'children/C-2025-0142/court-report-2026-12-10.pdf'));
    const jobs = jobsOf(await manifest()).length;
    const again = await build();
    expect(again.code, again.stdout).toBe(0);
    expect(builtLines(again.stdout)).toEqual([]);
    expect(again.stdout).toContain(`All ${jobs} documents were up to date`);
    // Nothing was even read: the last build's snapshot of file stamps matched.
    expect(again.stdout).toContain('no file changed since the last build');
    // …and the shortfalls are still said.
    expect(again.stdout).toMatch(/warning homes\/H-0042\/relicensing-packet-[\d-]+: NOT MET/);
    expect(await mtimes()).toEqual(before);
    expect(await readFile(join(out, 'children/C-2025-0142/court-report-2026-12-10.pdf'))).toEqual(bytes);
  }, 60_000);

  it('reads and hashes a file saved unchanged, and still rebuilds nothing: files are compared by content', async () => {
    const note = join(root, 'children/C-2025-0142/contacts/2026-11-05-home.md');
    await writeFile(note, await readFile(note));
    const again = await build();
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('no file changed since the last build');
    expect(again.stdout).toMatch(/All \d+ documents were up to date/);
    expect(builtLines(again.stdout)).toEqual([]);
  }, 60_000);

  it('sees a same-size edit that kept the modification time of a save made just before the last build (racy stamps are not trusted)', async () => {
    const note = join(root, 'children/C-2025-0142/contacts/2026-11-05-home.md');
    // A save, stamped as the last build lists it: on a file system with coarse times a later save can keep that stamp.
    await writeFile(note, `${await readFile(note, 'utf8')}\nMet at school.\n`);
    // Whole seconds, as such a file system keeps them (and as utimes can set them back exactly).
    const mtime = Math.floor(Date.now() / 1000);
    await utimes(note, mtime, mtime);
    expect(builtLines((await build()).stdout)).toEqual(['children/C-2025-0142/court-report-2026-12-10']);
    await writeFile(note, (await readFile(note, 'utf8')).replace('Met at school.', 'Met at a park.'));
    await utimes(note, mtime, mtime);
    const again = await build();
    expect(again.stdout).not.toContain('no file changed since the last build');
    expect(builtLines(again.stdout)).toEqual(['children/C-2025-0142/court-report-2026-12-10']);
  }, 60_000);

  it('rebuilds only the documents that read an edited contact note', async () => {
    const note = 'children/C-2025-0142/contacts/2026-11-05-home.md';
    const { outputs } = await manifest();
    const readers = jobsOf({ outputs }).filter((job) => note in (outputs[`${job}.pdf`]?.inputs ?? {}));
    expect(readers).toEqual(['children/C-2025-0142/court-report-2026-12-10']);
    const before = await mtimes();
    await appendFile(join(root, note), '\nThe child asked about the school play.\n');
    const again = await build();
    expect(again.code, again.stdout).toBe(0);
    expect(builtLines(again.stdout)).toEqual(readers);
    expect(again.stdout).toMatch(/✔ 1 of 1 documents built as of 2026-11-23 .*; \d+ up to date, skipped/);
    const after = await mtimes();
    for (const path of Object.keys(before)) {
      if (readers.some((job) => path.startsWith(job))) expect(after[path], path).toBeGreaterThan(before[path]!);
      else expect(after[path], path).toBe(before[path]);
    }
  }, 60_000);

  it('rebuilds every document of a type whose template changed, and no other', async () => {
    // The copy has the same sources as the bundled templates: nothing to rebuild yet.
    expect(builtLines((await build({ templates })).stdout)).toEqual([]);
    await appendFile(join(templates, 'service-plan.md.hbs'), '\nReviewed with the supervisor.\n');
    const again = await build({ templates });
    expect(again.code, again.stdout).toBe(0);
    const plans = jobsOf(await manifest()).filter((job) => job.includes('/service-plan-'));
    expect(plans.length).toBeGreaterThanOrEqual(5);
    expect(builtLines(again.stdout)).toEqual(plans);
  }, 60_000);

  it('rebuilds everything when agency.yaml or the as-of date changes', async () => {
    await appendFile(join(root, 'agency.yaml'), '\n# reviewed\n');
    const agency = await build({ templates });
    expect(agency.code, agency.stdout).toBe(0);
    expect(builtLines(agency.stdout)).toEqual(jobsOf(await manifest()));
    expect(agency.stdout).not.toContain('up to date, skipped');
    // The summary table: every document built, none up to date, none failed.
    expect(agency.stdout).toMatch(/│ all +│ +\d+ │ +0 │ +0 │/);

    // A new day rebuilds every document that speaks from it; a signed plan or home study speaks from its own date and stays as signed.
    const later = await build({ asOf: '2026-11-24', templates });
    expect(later.code, later.stdout).toBe(0);
    const signed = (job: string) => /\/((service|transition)-plan|home-study)-/.test(job);
    expect(builtLines(later.stdout)).toEqual(jobsOf(await manifest()).filter((job) => !signed(job)));
    expect(jobsOf(await manifest()).some(signed)).toBe(true);
  }, 120_000);

  it('court-summary builds its one document and removes nothing', async () => {
    const jobs = jobsOf(await manifest());
    const one = await courtSummary({ asOf: '2026-11-24', templates, force: true });
    expect(one.code, one.stdout).toBe(0);
    expect(builtLines(one.stdout)).toEqual(['children/C-2025-0142/court-report-2026-12-10']);
    expect(one.stdout).not.toMatch(/removed/);
    expect(jobsOf(await manifest())).toEqual(jobs);
  }, 60_000);

  it('removes the recorded outputs of a deleted case, and never a file it did not write', async () => {
    const gone = 'children/C-2026-0058/';
    const recorded = Object.keys((await manifest()).outputs);
    expect(recorded.filter((p) => p.startsWith(gone)).length).toBeGreaterThan(0);
    await writeFile(join(out, 'stray.pdf'), 'not ours');
    await writeFile(join(out, gone, 'notes.pdf'), 'not ours either');
    await rm(join(root, gone), { recursive: true });
    const again = await build({ asOf: '2026-11-24', templates });
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(/removed .*children\/C-2026-0058\/court-report-[\d-]+\.pdf: its case C-2026-0058 no longer exists/);
    const after = Object.keys((await manifest()).outputs);
    expect(after).toEqual(recorded.filter((p) => !p.startsWith(gone)));
    for (const path of recorded) expect(existsSync(join(out, path)), path).toBe(!path.startsWith(gone));
    expect(await readFile(join(out, 'stray.pdf'), 'utf8')).toBe('not ours');
    expect(await readFile(join(out, gone, 'notes.pdf'), 'utf8')).toBe('not ours either');
  }, 60_000);

  it('rebuilds a missing or altered output', async () => {
    const pdf = 'homes/H-0042/home-study-2026-11-16.pdf';
    const docx = 'children/C-2024-0087/service-plan-2026-08-12.docx';
    await rm(join(out, pdf));
    await writeFile(join(out, docx), 'edited by hand');
    const again = await build({ asOf: '2026-11-24', templates });
    expect(builtLines(again.stdout)).toEqual([docx, pdf].map((p) => p.replace(/\.(pdf|docx)$/, '')).sort());
  }, 60_000);

  it('--force rebuilds all, and the manifest equals a clean build\'s', async () => {
    const forced = await build({ asOf: '2026-11-24', templates, force: true });
    expect(forced.code, forced.stdout).toBe(0);
    expect(builtLines(forced.stdout)).toEqual(jobsOf(await manifest()));
    const fresh = join(work, 'fresh');
    const clean = await build({ out: fresh, asOf: '2026-11-24', templates });
    expect(clean.code, clean.stdout).toBe(0);
    expect(await manifest()).toEqual(await manifest(fresh));
  }, 120_000);

  it('the incremental manifest, without --force, also equals the clean one', async () => {
    // Edit, build incrementally, and compare with a clean build of the same root.
    await appendFile(join(root, 'children/C-2025-0143/contacts/2026-07-06-home.md'), '\nFollow-up call made.\n');
    expect((await build({ asOf: '2026-11-24', templates })).code).toBe(0);
    const fresh = join(work, 'fresh-2');
    expect((await build({ out: fresh, asOf: '2026-11-24', templates })).code).toBe(0);
    expect(await manifest()).toEqual(await manifest(fresh));
  }, 120_000);

  it('a full build keeps the copy court-summary made for another audience (it said "its case no longer has that document")', async () => {
    const copy = 'children/C-2025-0142/court-report-2026-12-10-foster_parent.pdf';
    const one = await courtSummary({ asOf: '2026-11-24', templates, audience: 'foster_parent' });
    expect(one.code, one.stdout).toBe(0);
    expect((await manifest()).outputs[copy]).toMatchObject({ audience: 'foster_parent', requested: true });
    const full = await build({ asOf: '2026-11-24', templates });
    expect(full.code, full.stdout).toBe(0);
    expect(full.stdout).not.toMatch(/removed/);
    expect(existsSync(join(out, copy))).toBe(true);
    expect(Object.keys((await manifest()).outputs)).toContain(copy);
  }, 60_000);
});
