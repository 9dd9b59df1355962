/**
 * A watch session (issue 5) on a copy of the example agency: a saved contact
 * note rebuilds only the documents that read it; broken data builds nothing
 * and keeps the last good documents; fixing it rebuilds; a renamed case folder
 * moves its outputs; a template change rebuilds that type only; the manifest
 * then equals a clean build's; stopping leaves no temporary file behind.
 *
 * The session runs in this process with the stand-in renderer; each batch of
 * changes is handed to it as the watcher would (watcher.test.ts tests the
 * watcher and its queue, watch-cli.test.ts the command with real chokidar).
 */
import { appendFile, cp, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import type { BuildResult } from '../src/build/run.js';
import { nodeSources } from '../src/cli/build-ports.js';
import { textReport } from '../src/cli/build-report.js';
import { build } from '../src/cli/commands/build.js';
import { rebuildLine } from '../src/cli/commands/watch.js';
import { systemClock } from '../src/io/clock.js';
import { nodeFileSystem } from '../src/io/file-system.js';
import type { Change } from '../src/watch/queue.js';
import { watchSession } from '../src/watch/session.js';
import type { Watcher, WatcherOptions } from '../src/watch/watcher.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

const AS_OF = '2026-11-23';
const NOTE = 'children/C-2025-0142/contacts/2026-11-05-home.md';
const READER = 'children/C-2025-0142/court-report-2026-12-10';

let work: string;
let root: string;
let out: string;
let templates: string;
/** What the builds printed (diagnostics), without colors. */
let printed = '';
const stop = new AbortController();
let session: Promise<void>;
let watcher: WatcherOptions;
let stopped = false;

/** Hands a batch to the session as the watcher would, and returns what the rebuild did and the line the command prints for it. */
async function rebuild(...changes: Change[]): Promise<{ result: BuildResult; line: string; printed: string }> {
  const from = printed.length;
  let done: { result: BuildResult; ms: number } | undefined;
  rebuilt = (result, ms) => (done = { result, ms });
  await watcher.rebuild(changes);
  const relative = changes.map((c) => c.path.replace(`${root}/`, '').replace(`${templates}/`, 'templates/'));
  return { result: done!.result, line: rebuildLine(relative, done!.result, '0.0').replace(/\x1b\[[0-9;]*m/g, ''), printed: printed.slice(from) };
}
let rebuilt: (result: BuildResult, ms: number) => void = () => {};

interface Manifest { outputs: Record<string, unknown> }
async function mtimes(): Promise<Record<string, number>> {
  const { outputs } = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest;
  return Object.fromEntries(await Promise.all(Object.keys(outputs).map(async (p) => [p, (await stat(join(out, p))).mtimeMs] as const)));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-watch-'));
  root = join(work, 'cases');
  out = join(work, 'output');
  templates = join(work, 'templates');
  await cp(join(REPO, 'cases'), root, { recursive: true });
  await cp(join(REPO, 'templates'), templates, { recursive: true });
  const say = (text: string) => void (printed += text.replace(/\x1b\[[0-9;]*m/g, ''));
  let watching: () => void = () => {};
  const started = new Promise<void>((done) => (watching = done));
  session = watchSession({
    root,
    options: { out, asOf: AS_OF, format: ['pdf', 'docx'], templates, renderer: jsonRenderer },
    ports: { files: nodeFileSystem, clock: systemClock, sources: nodeSources },
    report: {
      build: () => textReport({ log: () => {}, print: say, quiet: true }),
      watching: () => watching(),
      rebuilt: (_changes, result, ms) => rebuilt(result, ms),
      error: (error) => {
        throw error;
      },
      stopped: () => void (stopped = true),
    },
    signal: stop.signal,
    debounceMs: 40,
    dayCheckMs: 60_000,
    watcher: (options): Watcher => {
      watcher = options;
      return { ready: Promise.resolve(), poke: () => {}, close: async () => {} };
    },
  });
  await started;
}, 60_000);

afterAll(async () => {
  stop.abort();
  await session;
  await rm(work, { recursive: true, force: true });
});

describe('a watch session', () => {
  it('builds everything first, watching the root and the templates', async () => {
    expect(Object.keys(await mtimes()).length).toBeGreaterThanOrEqual(20);
    expect(watcher.folders).toEqual([root, templates]);
    expect(watcher.out).toBe(out);
  });

  it('rebuilds only the documents that read a saved contact note', async () => {
    const before = await mtimes();
    await appendFile(join(root, NOTE), '\nThe child asked about the school play.\n');
    const { result, line } = await rebuild({ path: join(root, NOTE), kind: 'change' });
    expect(result.built).toEqual([READER]);
    expect(line).toMatch(new RegExp(`✔ ${NOTE} changed: rebuilt ${READER} \\(0\\.0 s\\)$`));
    const after = await mtimes();
    for (const path of Object.keys(before)) {
      if (path.startsWith(READER)) expect(after[path], path).toBeGreaterThan(before[path]!);
      else expect(after[path], path).toBe(before[path]);
    }
  });

  it('builds nothing from broken YAML, prints where, keeps the documents, and goes on', async () => {
    const before = await mtimes();
    const good = await readFile(join(root, NOTE), 'utf8');
    await writeFile(join(root, NOTE), good.replace('duration_minutes: 70', 'duration_minutes: [70'));
    const broken = await rebuild({ path: join(root, NOTE), kind: 'change' });
    expect(broken.printed).toMatch(new RegExp(`${NOTE.replace(/[./]/g, '\\$&')}:\\d+:\\d+ error`));
    expect(broken.line).toContain('✖');
    expect(broken.line).toContain('the data has errors (above): nothing rebuilt; the last good documents are kept');
    expect(await mtimes()).toEqual(before);

    await writeFile(join(root, NOTE), `${good}\nDana will call on Friday.\n`);
    const fixed = await rebuild({ path: join(root, NOTE), kind: 'change' });
    expect(fixed.line).toContain(`✔ ${NOTE} changed: rebuilt ${READER} (`);
    expect((await mtimes())[`${READER}.pdf`]).toBeGreaterThan(before[`${READER}.pdf`]!);
  });

  it('follows a case folder renamed (and its id with it): the old outputs go, the new ones come', async () => {
    const [from, to] = ['C-2025-0219', 'C-2025-0299'];
    const before = Object.keys(await mtimes());
    expect(before.some((p) => p.startsWith(`children/${from}/`))).toBe(true);
    const folder = join(root, 'children', to);
    await rename(join(root, 'children', from), folder);
    await writeFile(join(folder, 'case.yaml'), (await readFile(join(folder, 'case.yaml'), 'utf8')).replace(`id: ${from}`, `id: ${to}`));
    const { result, line } = await rebuild({ path: join(root, 'children', from), kind: 'unlinkDir' }, { path: folder, kind: 'addDir' }, { path: join(folder, 'case.yaml'), kind: 'add' });
    expect(line).toContain('✔');
    expect(result.removed.length).toBeGreaterThan(0);
    const after = Object.keys(await mtimes());
    expect(after.filter((p) => p.startsWith(`children/${from}/`))).toEqual([]);
    expect(after.filter((p) => p.startsWith(`children/${to}/`)).map((p) => p.replace(to, from)).sort()).toEqual(before.filter((p) => p.startsWith(`children/${from}/`)).sort());
    await expect(readdir(join(out, 'children', from))).resolves.not.toContain(before.find((p) => p.startsWith(`children/${from}/`))!.split('/')[2]!);
  });

  it('rebuilds every document of a type whose template changed, and no other', async () => {
    const before = await mtimes();
    await appendFile(join(templates, 'service-plan.md.hbs'), '\nReviewed with the family each month.\n');
    const { line } = await rebuild({ path: join(templates, 'service-plan.md.hbs'), kind: 'change' });
    expect(line).toMatch(/✔ templates\/service-plan\.md\.hbs changed: rebuilt/);
    const after = await mtimes();
    const plans = Object.keys(before).filter((p) => p.includes('/service-plan-'));
    expect(plans.length).toBeGreaterThanOrEqual(10);
    for (const path of Object.keys(before)) {
      if (plans.includes(path)) expect(after[path], path).toBeGreaterThan(before[path]!);
      else expect(after[path], path).toBe(before[path]);
    }
  });

  it('after all those edits, has the manifest a clean build writes', async () => {
    const clean = join(work, 'clean');
    const outcome = await build(root, { out: clean, asOf: AS_OF, format: ['pdf', 'docx'], templates, prune: true, renderer: jsonRenderer }, (r, asOf) => planJobs(r, asOf), () => {}, () => {});
    expect(outcome.code).toBe(0);
    const outputs = async (dir: string) => (JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest).outputs;
    expect(await outputs(out)).toEqual(await outputs(clean));
  });

  it('stops when told, and leaves no temporary file', async () => {
    stop.abort();
    await session;
    expect(stopped).toBe(true);
    const files = await readdir(out, { recursive: true });
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
