import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courtReportJob, nextHearing } from '../build/jobs.js';
import type { Report } from '../build/ports.js';
import { runBuild } from '../build/run.js';
import { systemClock } from '../io/clock.js';
import { nodeFileSystem } from '../io/file-system.js';
import { PACKAGE_ROOT } from '../io/package-files.js';
import { nodeSources } from './build-ports.js';

const ROOT = join(PACKAGE_ROOT, 'cases');
const AS_OF = '2026-11-23';
const silent: Report = { diagnostics() {}, dataErrors() {}, nothingDue() {}, start() {}, warning() {}, done() {}, stop() {}, pruned() {}, finished() {} };

describe('the words shaped when casepress is built', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casepress-bundled-'));
    // As `npm run build` runs it: in a process of its own (this one may have shaped the words already).
    execFileSync(process.execPath, [join(PACKAGE_ROOT, 'dist', 'write-bundled-shapes.cjs'), join(dir, 'shapes')], { stdio: 'pipe' });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** C-2025-0142's court report, as `court-summary` builds it, into a new folder, in this process, with no shipped caches. */
  const courtSummaryHere = async (out: string) => {
    const { bundledCache: _shipped, ...sources } = nodeSources;
    const result = await runBuild(
      ROOT,
      { out, asOf: AS_OF, format: ['pdf'], jobs: 1, read: { children: new Set(['C-2025-0142']) } },
      (root, asOf) => root.children.filter((c) => c.id === 'C-2025-0142').map((c) => courtReportJob(c, nextHearing(c, asOf)!)),
      { files: nodeFileSystem, clock: systemClock, report: silent, sources },
    );
    expect(result.built).toHaveLength(1);
    return `${result.built[0]!}.pdf`;
  };

  it('are one cache file holding the templates\' wording and the example agency\'s words', async () => {
    const files = await readdir(join(dir, 'shapes'));
    expect(files).toHaveLength(1);
    const text = await readFile(join(dir, 'shapes', files[0]!), 'utf8');
    const runs = JSON.parse(text.slice(text.indexOf('\n') + 1)) as Record<string, Record<string, string>>;
    expect(Object.keys(runs.regular!).length).toBeGreaterThan(1000);
    for (const word of ['Court', 'Report', 'Permanency', 'Placement']) expect(Object.keys({ ...runs.regular, ...runs.bold }), word).toContain(word);
  });

  it('give a first court report in a new process the bytes of one whose words were shaped, and shape none of them again', async () => {
    const out = await mkdtemp(join(tmpdir(), 'casepress-first-'));
    try {
      // This process shaped its words itself (src/ has no shipped caches).
      const pdf = await courtSummaryHere(join(out, 'afresh'));
      // The command in a process of its own, with the words `npm run build` kept (the tests' pretest builds them as this file does).
      execFileSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'casepress'), 'court-summary', 'C-2025-0142', ROOT, '--format', 'pdf', '--as-of', AS_OF, '--out', join(out, 'seeded')], { stdio: 'pipe' });
      expect((await readFile(join(out, 'seeded', pdf))).equals(await readFile(join(out, 'afresh', pdf)))).toBe(true);
      // Every word was found: nothing new to keep beside the outputs.
      expect(existsSync(join(out, 'seeded', '.casepress-cache', 'shapes'))).toBe(false);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
