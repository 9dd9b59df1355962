/**
 * `build --preflight [profile]` (issue 16 point 2) in this process, on a copy
 * of the example agency with two e-filing profiles: a court copy that fails
 * its profile is a failed document (CP3005, naming the file), not written,
 * and the build exits 1; the internal copies are not checked; one that passes
 * is written, and turning --preflight on checks court copies made without it.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs, type JobFilter } from '../src/build/jobs.js';
import type { PlanJobs } from '../src/build/run.js';
import { build, type BuildOptions } from '../src/cli/commands/build.js';
import { UsageError } from '../src/cli/exit.js';
import { REPO } from './helpers/fixture-root.js';

const AS_OF = '2026-12-01';
const COURT_COPY = 'children/C-2025-0142/court-report-2026-12-10.pdf';
const PLAN_COPY = 'children/C-2025-0142/service-plan-2026-09-24.pdf';
/** One child's court report (a court copy), and (`docs`) its service plan (internal). */
const planOf = (docs: JobFilter['docs']): PlanJobs => (root, asOf) => planJobs(root, asOf, { cases: ['C-2025-0142'], docs });
let work: string;
let root: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-build-preflight-'));
  root = join(work, 'cases');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  const agency = await readFile(join(root, 'agency.yaml'), 'utf8');
  // "tiny" no PDF can meet; "lenient" every one of ours does, tagged or not.
  await writeFile(join(root, 'agency.yaml'), `${agency}\nefiling:\n  profiles:\n    tiny: { max_mb: 0.001 }\n    lenient: { tagged: false }\n`);
});
afterAll(async () => rm(work, { recursive: true, force: true }));

async function run(out: string, options: Partial<BuildOptions> = {}, docs: JobFilter['docs'] = ['court-report']) {
  const lines: string[] = [];
  const say = (text: string) => void lines.push(text.replace(/\x1b\[[0-9;]*m/g, ''));
  const outcome = await build(root, { out: join(work, out), asOf: AS_OF, format: ['pdf'], jobs: 1, ...options }, planOf(docs), say, say);
  return { ...outcome, printed: lines.join('\n') };
}

describe('build --preflight', () => {
  it('a court copy that fails its profile is not written and fails the build, naming the file and what fails', async () => {
    const { code, built, failed, printed } = await run('tiny', { preflight: { profile: 'tiny' } }, ['court-report', 'service-plan']);
    expect(code).toBe(1);
    expect(failed.map((f) => f.output)).toEqual([COURT_COPY.replace(/\.pdf$/, '')]);
    expect(built).toEqual([PLAN_COPY.replace(/\.pdf$/, '')]);
    expect(printed).toMatch(new RegExp(`${join(work, 'tiny', COURT_COPY).replace(/[.\\/]/g, '\\$&')} error CP3005 fails e-filing profile "tiny", so it was not written: is \\d+(\\.\\d+)? MB, over the profile's cap of 0\\.001 MB`));
    expect(existsSync(join(work, 'tiny', COURT_COPY))).toBe(false);
    expect(existsSync(join(work, 'tiny', PLAN_COPY))).toBe(true);
  });

  it('one that passes is written; a second build finds it up to date; turning --preflight on checks a copy made without it', async () => {
    const first = await run('lenient', { preflight: { profile: 'lenient' } });
    expect(first.code).toBe(0);
    expect(existsSync(join(work, 'lenient', COURT_COPY))).toBe(true);
    expect((await run('lenient', { preflight: { profile: 'lenient' } })).built).toEqual([]);
    // Without it the court copy is made again (its fingerprint no longer names a profile); with it, checked again.
    expect((await run('lenient')).built).toEqual([COURT_COPY.replace(/\.pdf$/, '')]);
    expect((await run('lenient', { preflight: { profile: 'tiny' } })).code).toBe(1);
  });

  it('a profile agency.yaml does not have is a wrong command line', async () => {
    await expect(run('unknown', { preflight: { profile: 'tinny' } })).rejects.toThrow(new UsageError('there is no e-filing profile "tinny"; did you mean "tiny"? (profiles: default, tiny, lenient; agency.yaml efiling.profiles names them)'));
  });
});
