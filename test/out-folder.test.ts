/**
 * --out is checked and held before a command writes to it (cli/out-folder.ts):
 * the reproductions of issue 13 — two builds into one folder, --out inside the
 * case root, a stranger's folder overwritten.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { build } from '../src/cli/commands/build.js';
import { watch } from '../src/cli/commands/watch.js';
import { UsageError } from '../src/cli/exit.js';
import { claimOutFolder } from '../src/cli/out-folder.js';
import { buildRoot } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

let work: string;
let root: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'out-folder-'));
  root = await buildRoot(undefined);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

const quiet = (_line: string): undefined => undefined;
const buildInto = (out: string, asOf: string, force = false) =>
  build(root, { out, asOf, format: ['pdf'], prune: true, jobs: 1, force, quiet: true, renderer: jsonRenderer }, (r, a) => planJobs(r, a), quiet, quiet);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof UsageError ? error.message : `not a usage error: ${String(error)}`),
  );

describe('--out', () => {
  it('two builds into one folder at once: one builds, the other exits 2 naming the process that holds it', async () => {
    const out = join(work, 'shared');
    const [a, b] = await Promise.allSettled([buildInto(out, '2026-11-23'), buildInto(out, '2026-12-20')]);
    const done = [a, b].filter((r) => r.status === 'fulfilled');
    const refused = [a, b].filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(done).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(UsageError);
    expect(String(refused[0]!.reason.message)).toContain(`another casepress (process ${process.pid}`);
    // The one that built holds nothing any more: the next build goes ahead.
    expect((await buildInto(out, '2026-12-20')).code).toBe(0);
  });

  it('is refused when it is the case root or inside it, also through a link', async () => {
    const link = join(work, 'root-link');
    await symlink(root, link);
    for (const out of [root, join(root, 'output'), join(root, 'children/C-0001'), join(link, 'output')]) {
      expect(await refusal(claimOutFolder(out, { root }, quiet))).toMatch(/is the case root or inside it, so documents would mix with the case folders/);
    }
    expect(await readdir(root)).not.toContain('output');
    // Beside the root is fine, and so is a root inside --out.
    const release = await claimOutFolder(join(work, 'beside'), { root }, quiet);
    await release();
  });

  it("refuses a folder with a stranger's files (a web app's manifest.json too) unless --force, and leaves it as it was", async () => {
    const out = join(work, 'site');
    await mkdir(out);
    await writeFile(join(out, 'manifest.json'), '{ "name": "Agency intranet", "icons": [] }');
    await writeFile(join(out, 'index.html'), '<h1>intranet</h1>');
    expect(await refusal(buildInto(out, '2026-11-23'))).toMatch(/holds files casepress did not write .*add --force/);
    expect((await readdir(out)).sort()).toEqual(['index.html', 'manifest.json']);
    expect((await buildInto(out, '2026-11-23', true)).code).toBe(0);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe('<h1>intranet</h1>');
    // Now casepress's (its manifest): no --force needed.
    expect((await buildInto(out, '2026-11-24')).code).toBe(0);
  });

  it('watch holds it while it runs, and lets go when it stops', async () => {
    const out = join(work, 'watched');
    const stop = new AbortController();
    let started!: () => void;
    const watching = new Promise<void>((resolve) => (started = resolve));
    const running = watch(root, { out, asOf: '2026-11-23', format: ['pdf'], jobs: 1, renderer: jsonRenderer }, (line) => void (line.includes('watching') && started()), { signal: stop.signal });
    await watching;
    expect(await refusal(buildInto(out, '2026-11-23'))).toContain(`another casepress (process ${process.pid}`);
    stop.abort();
    expect(await running).toBe(0);
    expect((await buildInto(out, '2026-11-23')).code).toBe(0);
  });

  it('is refused when it is a file', async () => {
    const file = join(work, 'a-file');
    await writeFile(file, 'x');
    expect(await refusal(claimOutFolder(file, { root }, quiet))).toBe(`--out ${file} is a file, not a folder`);
  });
});
