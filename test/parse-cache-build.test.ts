/**
 * A build that reuses the parses kept under <out>/.casepress-cache says and
 * writes what a clean build says and writes: the same diagnostics (warnings,
 * errors with their positions and code frames), the same documents and
 * manifest after an edit; and a damaged cache is ignored, never trusted.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import { build } from '../src/cli/commands/build.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

const CASE = 'children/C-2025-0142/case.yaml';
const NOTE = 'children/C-2025-0142/contacts/2026-07-24-phone.md';
let work: string;
let root: string;
let outs = 0;

/** Builds into `out` (a fresh folder unless given); returns what it printed, timings masked, and the folder. */
async function run(out = join(work, `out-${++outs}`)): Promise<{ printed: string; out: string }> {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => lines.push(String(chunk)) > 0);
  try {
    await build(root, { out, asOf: '2026-11-23', format: ['docx'], prune: true, quiet: true, renderer: jsonRenderer }, (r, a) => planJobs(r, a), (line) => lines.push(`${line}\n`));
  } finally {
    write.mockRestore();
  }
  return { printed: lines.join('').replace(/\d+\.\d s/g, '#.# s'), out };
}

/** Every output file and the manifest (not the snapshot of stamps, not the cache) → its text. */
async function outputs(out: string): Promise<Record<string, string>> {
  const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const paths = files.map((e) => join(e.parentPath, e.name).slice(out.length + 1)).filter((p) => !p.startsWith('.casepress-')).sort();
  return Object.fromEntries(await Promise.all(paths.map(async (p) => [p, await readFile(join(out, p), 'utf8')] as const)));
}

const edit = async (path: string, change: (text: string) => string) => writeFile(join(root, path), change(await readFile(join(root, path), 'utf8')));

/** Damages every file of the cache a different way: a flipped character, a cut, garbage. */
async function damageCache(out: string): Promise<void> {
  const dir = join(out, '.casepress-cache');
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  expect(files.length).toBeGreaterThan(5);
  const damages = [(t: string) => t.replace('"sha256":"', '"sha256":"0'), (t: string) => t.slice(0, t.length / 2), () => 'not a cache', (t: string) => t.replace(/"date":"2026/g, '"date":"2025')];
  await Promise.all(files.map(async (e, i) => writeFile(join(e.parentPath, e.name), damages[i % damages.length]!(await readFile(join(e.parentPath, e.name), 'utf8')))));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-parse-cache-'));
  root = join(work, 'cases');
  await cp(join(REPO, 'cases'), root, { recursive: true });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('a build from cached parses', () => {
  it('prints the same warnings and errors as a clean build, also from a damaged cache', async () => {
    const { out } = await run();
    // A warning in one file (a byte order mark), an error found across files (a placement in a home that does not exist).
    await edit(NOTE, (t) => `\uFEFF${t}`);
    await edit(CASE, (t) => t.replace('home: H-0017', 'home: H-9999'));
    const clean = await run();
    expect(clean.printed).toContain('H-9999');
    expect(clean.printed).toContain('CP');
    // Data with errors creates no output folder, not even for the cache.
    await expect(readdir(clean.out)).rejects.toThrow();
    for (let i = 0; i < 2; i++) expect((await run(out)).printed).toBe(clean.printed);
    await damageCache(out);
    for (let i = 0; i < 2; i++) expect((await run(out)).printed).toBe(clean.printed);
  });

  it('after an edit, writes the documents and manifest of a clean build, also from a damaged cache', async () => {
    await edit(CASE, (t) => t.replace('home: H-9999', 'home: H-0017'));
    const { out } = await run();
    await edit(NOTE, (t) => `${t}\nThe caseworker called the school again.\n`);
    const incremental = await run(out);
    const clean = await run();
    expect(incremental.printed).toContain('1 of 1 documents built');
    expect(await outputs(incremental.out)).toEqual(await outputs(clean.out));

    await damageCache(out);
    await edit(NOTE, (t) => t.replace('again', 'once more'));
    await run(out);
    expect(await outputs(out)).toEqual(await outputs((await run()).out));
  });
});
