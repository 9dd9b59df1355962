/**
 * A build killed (SIGKILL) at several points, then built again, leaves no
 * temporary file and the same folder as a clean build. The kill is exact: the
 * spawned build kills itself once it has written its Nth temporary file, before
 * renaming it (io/write-atomic.ts, CASEPRESS_TEST_KILL_AFTER_WRITES). Spawns
 * the CLI from dist/: run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { build } from '../src/cli/commands/build.js';
import { isTemporaryName } from '../src/io/write-atomic.js';
import { buildRoot, REPO } from './helpers/fixture-root.js';

const AS_OF = '2026-11-23';
const ARGS = ['--as-of', AS_OF, '--format', 'docx', '--jobs', '1'];
let work: string;
let root: string;
let clean: Record<string, string>;

/** Every file of an output folder by path, with its bytes (base64); not the caches, nor the snapshot (it holds modification times). */
async function folder(out: string): Promise<Record<string, string>> {
  const names = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const paths = names.map((e) => join(e.parentPath, e.name).slice(out.length + 1)).filter((p) => !p.startsWith('.casepress-cache/') && p !== '.casepress-snapshot.json');
  return Object.fromEntries(await Promise.all(paths.sort().map(async (p) => [p, (await readFile(join(out, p))).toString('base64')] as const)));
}

const temporaryFiles = async (out: string) => (await readdir(out, { recursive: true })).filter((p) => isTemporaryName(p.slice(p.lastIndexOf('/') + 1)));

const rebuild = (out: string) => build(root, { out, asOf: AS_OF, format: ['docx'], prune: true, jobs: 1, quiet: true }, (r, a) => planJobs(r, a), () => {}, () => {});

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'crash-'));
  // One document, so each killed build takes about a second: the starter root's home study.
  root = await buildRoot(undefined, { remove: ['children/C-0001'] });
  expect((await rebuild(join(work, 'clean'))).code).toBe(0);
  clean = await folder(join(work, 'clean'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

/** The build's writes, in order: 2 cached parses, the templates' partials, the home study, the manifest, warnings.txt, the snapshot. */
const KILLS = [
  [1, 'at the cached parses'],
  [4, 'at the document'],
  [5, 'at the manifest'],
  [6, 'at warnings.txt'],
  [7, 'at the snapshot'],
] as const;

/** A build that kills itself after its nth temporary file: how it ended, and what it said on stderr. */
function killedBuild(n: number): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [join(REPO, 'bin/casepress'), 'build', root, '--out', join(work, `killed-${n}`), ...ARGS], {
    env: { ...process.env, NO_COLOR: '1', CASEPRESS_TEST_KILL_AFTER_WRITES: String(n) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (_code, signal) => resolve({ signal, stderr })));
}

describe('a build killed while it writes', () => {
  // The killed builds run side by side, each into its own folder.
  let killed: Map<number, Promise<{ signal: NodeJS.Signals | null; stderr: string }>>;
  beforeAll(() => {
    killed = new Map(KILLS.map(([n]) => [n, killedBuild(n)]));
  });

  it.each(KILLS)('at write %i (%s): the next build removes what it left half-written, and the folder equals a clean build', async (n) => {
    const out = join(work, `killed-${n}`);
    const { signal, stderr } = await killed.get(n)!;
    expect(signal, stderr).toBe('SIGKILL');
    expect(await temporaryFiles(out)).toHaveLength(1);
    expect(existsSync(join(out, '.casepress-cache/lock')), 'the killed build left its lock').toBe(true);
    const again = await rebuild(out);
    expect(again.code).toBe(0);
    expect(await temporaryFiles(out)).toEqual([]);
    expect(existsSync(join(out, '.casepress-cache/lock'))).toBe(false);
    expect(await folder(out)).toEqual(clean);
  });
});
