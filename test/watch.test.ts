/**
 * `casepress watch` (issue 5) on a copy of the example agency, with real
 * chokidar: a saved contact note rebuilds only the documents that read it;
 * broken data builds nothing and keeps the last good documents; fixing it
 * rebuilds; a renamed case folder moves its outputs; a template change
 * rebuilds that type only; the manifest then equals a clean build's; Ctrl-C
 * exits 0 and leaves no temporary file behind.
 *
 * Runs the compiled command (`npm run build` first) in a child process, so the
 * signal is a real SIGINT.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture-root.js';

const BIN = join(REPO, 'bin/casepress');
const COMMAND = join(REPO, 'dist/cli/commands/watch.js');
const AS_OF = '2026-11-23';
const NOTE = 'children/C-2025-0142/contacts/2026-11-05-home.md';
const READER = 'children/C-2025-0142/court-report-2026-12-10';

let work: string;
let root: string;
let out: string;
let templates: string;
let child: ChildProcess;
let stdout = '';
let exited: Promise<number | null>;

/** Waits until stdout, from `from` on, matches; returns the match and where it ends. */
async function waitFor(pattern: RegExp, from: number, ms = 60_000): Promise<{ text: string; end: number }> {
  const until = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(stdout.slice(from));
    if (match) return { text: match[0], end: from + match.index + match[0].length };
    if (Date.now() > until) throw new Error(`no ${pattern} in the output after ${ms} ms:\n${stdout.slice(from)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Manifest { outputs: Record<string, unknown> }
async function mtimes(): Promise<Record<string, number>> {
  const { outputs } = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  return Object.fromEntries(await Promise.all(Object.keys(outputs).map(async (p) => [p, (await stat(join(out, p))).mtimeMs] as const)));
}
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
/** The rebuild line: one per batch. */
const REBUILD = /^.*changed: .*$/m;

beforeAll(async () => {
  if (!existsSync(COMMAND)) throw new Error('dist/ has no watch command: run `npm run build` first');
  work = await mkdtemp(join(tmpdir(), 'casepress-watch-'));
  root = join(work, 'cases');
  out = join(work, 'output');
  templates = join(work, 'templates');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  await cp(join(REPO, 'templates'), templates, { recursive: true });
  child = spawn(process.execPath, [BIN, 'watch', root, '--as-of', AS_OF, '--out', out, '--templates', templates], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  exited = new Promise((done) => child.on('exit', (code) => done(code)));
}, 10_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

describe('casepress watch', () => {
  let seen = 0;

  it('builds everything first, then watches', async () => {
    const first = await waitFor(/documents built as of 2026-11-23/, 0, 120_000);
    seen = (await waitFor(/^watching .*Ctrl-C stops$/m, first.end)).end;
    expect(Object.keys(await mtimes()).length).toBeGreaterThanOrEqual(20);
  }, 150_000);

  it('rebuilds only the documents that read a saved contact note', async () => {
    const before = await mtimes();
    await appendFile(join(root, NOTE), '\nThe child asked about the school play.\n');
    const line = await waitFor(REBUILD, seen);
    seen = line.end;
    expect(line.text).toContain(`${NOTE} changed: rebuilt ${READER} (`);
    expect(line.text).toMatch(/✔ .* \(\d+\.\d s\)$/);
    const after = await mtimes();
    for (const path of Object.keys(before)) {
      if (path.startsWith(READER)) expect(after[path], path).toBeGreaterThan(before[path]!);
      else expect(after[path], path).toBe(before[path]);
    }
  }, 90_000);

  it('builds nothing from broken YAML, prints where, keeps the documents, and keeps watching', async () => {
    const before = await mtimes();
    const good = await readFile(join(root, NOTE), 'utf8');
    await writeFile(join(root, NOTE), good.replace('duration_minutes: 70', 'duration_minutes: [70'));
    const line = await waitFor(REBUILD, seen);
    expect(stdout.slice(seen, line.end)).toMatch(/children\/C-2025-0142\/contacts\/2026-11-05-home\.md:\d+:\d+ error/);
    seen = line.end;
    expect(line.text).toContain('✖');
    expect(line.text).toContain('the data has errors (above): nothing rebuilt; the last good documents are kept');
    expect(await mtimes()).toEqual(before);

    await writeFile(join(root, NOTE), `${good}\nDana will call on Friday.\n`);
    const fixed = await waitFor(REBUILD, seen);
    seen = fixed.end;
    expect(fixed.text).toContain(`✔ ${NOTE} changed: rebuilt ${READER} (`);
    expect((await mtimes())[`${READER}.pdf`]).toBeGreaterThan(before[`${READER}.pdf`]!);
  }, 120_000);

  it('follows a case folder renamed (and its id with it): the old outputs go, the new ones come', async () => {
    const [from, to] = ['C-2025-0219', 'C-2025-0299'];
    const before = Object.keys(await mtimes());
    expect(before.some((p) => p.startsWith(`children/${from}/`))).toBe(true);
    const folder = join(root, 'children', to);
    await rename(join(root, 'children', from), folder);
    await writeFile(join(folder, 'case.yaml'), (await readFile(join(folder, 'case.yaml'), 'utf8')).replace(`id: ${from}`, `id: ${to}`));
    const line = await waitFor(/^.*changed: .*removed.*$/m, seen);
    seen = line.end;
    expect(line.text).toContain('✔');
    const after = Object.keys(await mtimes());
    expect(after.filter((p) => p.startsWith(`children/${from}/`))).toEqual([]);
    expect(after.filter((p) => p.startsWith(`children/${to}/`)).map((p) => p.replace(to, from)).sort()).toEqual(before.filter((p) => p.startsWith(`children/${from}/`)).sort());
    expect(existsSync(join(out, 'children', from, before.find((p) => p.startsWith(`children/${from}/`))!.split('/')[2]!))).toBe(false);
  }, 120_000);

  it('rebuilds every document of a type whose template changed, and no other', async () => {
    const before = await mtimes();
    await appendFile(join(templates, 'service-plan.md.hbs'), '\nReviewed with the family each month.\n');
    const line = await waitFor(/^.*service-plan\.md\.hbs changed: .*$/m, seen);
    seen = line.end;
    expect(line.text).toContain('✔');
    const after = await mtimes();
    const plans = Object.keys(before).filter((p) => p.includes('/service-plan-'));
    expect(plans.length).toBeGreaterThanOrEqual(10);
    for (const path of Object.keys(before)) {
      if (plans.includes(path)) expect(after[path], path).toBeGreaterThan(before[path]!);
      else expect(after[path], path).toBe(before[path]);
    }
  }, 120_000);

  it('after all those edits, has the manifest a clean build writes', async () => {
    const clean = join(work, 'clean');
    const result = spawnSync(process.execPath, [BIN, 'build', root, '--as-of', AS_OF, '--out', clean, '--templates', templates], { cwd: REPO, encoding: 'utf8' });
    expect(result.status, result.stdout).toBe(0);
    const outputs = async (dir: string) => (JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest).outputs;
    expect(await outputs(out)).toEqual(await outputs(clean));
  }, 120_000);

  it('stops on Ctrl-C with exit 0 and no temporary file left', async () => {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout.slice(seen)).toContain('stopped watching');
    expect((await files(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
