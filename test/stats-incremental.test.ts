/**
 * The caseload statistics as outputs of the build engine (issue 14, point 1):
 * the CSV and JSON beside the document, each in the manifest with the inputs
 * it read and its own hash, up to date on a second run, the one missing file
 * made again alone, every file made again after a case file it read changed —
 * equal, byte for byte, to what a clean run writes — and kept current by a
 * watch session (its events handed in as the watcher would).
 *
 * In this process, with the stand-in renderer for the PDF and DOCX
 * (helpers/json-renderer.ts); the CSV and JSON are the real ones.
 */
import { cp, mkdtemp, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../src/build/fingerprint.js';
import type { Manifest } from '../src/build/manifest.js';
import type { BuildResult } from '../src/build/run.js';
import { nodeSources } from '../src/cli/build-ports.js';
import { textReport } from '../src/cli/build-report.js';
import { rebuildLine } from '../src/cli/commands/watch.js';
import { stats, type StatsOptions } from '../src/cli/commands/stats.js';
import { systemClock } from '../src/io/clock.js';
import { nodeFileSystem } from '../src/io/file-system.js';
import { watchSession } from '../src/watch/session.js';
import type { WatcherOptions } from '../src/watch/watcher.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

const AS_OF = '2026-12-01';
const STATS = 'stats/caseload-2026-Q3';
const PUBLIC = 'stats/caseload-2026-Q3-public';
/** A July home visit of C-2025-0142: the child was seen, so July is a child-month met. */
const VISIT = 'children/C-2025-0142/contacts/2026-07-14-home.md';
let work: string;
let root: string;
let out: string;

const plain = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, '');

/** `casepress stats <root> --quarter 2026-Q3 --as-of 2026-12-01` and its options: the exit code and what it said (its diagnostics too). */
async function run(options: Partial<StatsOptions> = {}): Promise<{ code: number; said: string }> {
  const lines: string[] = [];
  const code = await stats(root, { out, asOf: AS_OF, quarter: '2026-Q3', format: ['pdf', 'docx', 'csv', 'json'], audience: 'internal', renderer: jsonRenderer, ...options }, (line) => lines.push(plain(line)), (text) => lines.push(plain(text)));
  return { code, said: lines.join('\n') };
}
const manifest = async (dir = out) => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const mtime = async (path: string) => (await stat(join(out, path))).mtimeMs;
/** Every recorded statistics file's bytes, by path. */
async function statsFiles(dir: string): Promise<Record<string, string>> {
  const paths = Object.keys((await manifest(dir)).outputs).filter((p) => p.startsWith('stats/'));
  return Object.fromEntries(await Promise.all(paths.map(async (p) => [p, sha256(await readFile(join(dir, p)))] as const)));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-stats-incremental-'));
  root = join(work, 'cases');
  out = join(work, 'output');
  await cp(join(REPO, 'cases'), root, { recursive: true });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('the statistics as outputs of the build engine', () => {
  it('records the CSV and JSON in the manifest, with the inputs they read and their own hashes', async () => {
    const { code, said } = await run();
    expect(code, said).toBe(0);
    expect(said).toContain(`built ${join(out, STATS)}.{pdf,docx,csv,json}`);
    const { outputs } = await manifest();
    for (const format of ['csv', 'json']) {
      const entry = outputs[`${STATS}.${format}`]!;
      expect(entry).toMatchObject({ type: 'caseload-stats', subject: '2026-Q3', audience: 'internal', asOf: AS_OF, date: '2026-09-30', requested: true });
      expect(entry.sha256).toBe(sha256(await readFile(join(out, `${STATS}.${format}`))));
      expect(entry.inputs).toEqual(outputs[`${STATS}.pdf`]!.inputs);
      expect(Object.keys(entry.inputs)).toContain(VISIT);
      // Its own fingerprint: a data file does not depend on the template or the fonts.
      expect(entry.fingerprint).not.toBe(outputs[`${STATS}.pdf`]!.fingerprint);
    }
    expect(outputs[`${STATS}.docx`]!.fingerprint).toBe(outputs[`${STATS}.pdf`]!.fingerprint);
    expect(await readFile(join(out, `${STATS}.csv`), 'utf8')).toContain('\r\nagency,,2026-Q3,visits,,18,18,100,100,false,,\r\n');
  });

  it('is up to date on a second run, whichever of its data files are asked for', async () => {
    const before = await statsFiles(out);
    const times = await Promise.all(['pdf', 'csv', 'json'].map((f) => mtime(`${STATS}.${f}`)));
    // (The PDF and DOCX are made together, as `build` makes every document: asking for one alone makes it again.)
    for (const format of [['pdf', 'docx', 'csv', 'json'], ['csv'], ['json', 'docx', 'pdf'], ['json']] as const) {
      const { code, said } = await run({ format });
      expect(code).toBe(0);
      expect(said, format.join()).toContain('The document was up to date as of 2026-12-01; none rebuilt');
    }
    expect(await statsFiles(out)).toEqual(before);
    expect(await Promise.all(['pdf', 'csv', 'json'].map((f) => mtime(`${STATS}.${f}`)))).toEqual(times);
  });

  it('makes a missing CSV again alone, without rendering the document', async () => {
    const before = await statsFiles(out);
    const pdf = await mtime(`${STATS}.pdf`);
    await unlink(join(out, `${STATS}.csv`));
    const { said } = await run();
    expect(said).toContain(`built ${join(out, STATS)}.{csv}`);
    expect(await mtime(`${STATS}.pdf`)).toBe(pdf);
    expect(await statsFiles(out)).toEqual(before);
  });

  it('makes every file again when a case file it read changed, as a clean run makes them', async () => {
    await run({ audience: 'public', format: ['csv', 'json'] });
    const before = await statsFiles(out);
    const note = join(root, VISIT);
    await writeFile(note, (await readFile(note, 'utf8')).replace('child_seen: true', 'child_seen: false'));
    const { said } = await run();
    expect(said).toContain(`built ${join(out, STATS)}.{pdf,docx,csv,json}`);
    expect(await readFile(join(out, `${STATS}.csv`), 'utf8')).toContain('\r\nagency,,2026-Q3,visits,,17,18,94.4,100,false,,\r\n');
    // The public copy was not asked for: it stays as it was until it is.
    expect((await statsFiles(out))[`${PUBLIC}.csv`]).toBe(before[`${PUBLIC}.csv`]);
    await run({ audience: 'public', format: ['csv', 'json'] });

    const clean = join(work, 'clean');
    await run({ out: clean });
    await run({ out: clean, audience: 'public', format: ['csv', 'json'] });
    const files = await statsFiles(out);
    expect(Object.keys(files)).toHaveLength(6);
    expect(files).toEqual(await statsFiles(clean));
    expect((await manifest()).outputs).toEqual((await manifest(clean)).outputs);
    expect(files[`${STATS}.csv`]).not.toBe(before[`${STATS}.csv`]);
  });
});

describe('what the statistics read', () => {
  /** Case files of the kinds `stats` leaves unread (jobs.ts NOT_READ_BY_STATS), and one it reads. */
  const UNREAD = ['children/C-2025-0142/assessments/cans-2026-09.yaml', 'children/C-2025-0142/court/2026-12-10-orders.md', 'homes/H-0042/study.md'];
  const CONTACT = 'children/C-2025-0142/contacts/2026-10-08-home.md';

  it('are not the assessments, court notes or home studies: neither a broken one nor an edit stops or rebuilds them', async () => {
    expect((await run()).said).toContain('up to date');
    const inputs = Object.keys((await manifest()).outputs[`${STATS}.pdf`]!.inputs);
    expect(inputs.filter((name) => /\/(assessments|court)\/|study\.md$/.test(name))).toEqual([]);
    const texts = await Promise.all(UNREAD.map((file) => readFile(join(root, file), 'utf8')));
    await Promise.all(UNREAD.map((file) => writeFile(join(root, file), 'date: [unclosed\n')));
    try {
      const { code, said } = await run();
      expect(code, said).toBe(0);
      expect(said).toContain('The document was up to date as of 2026-12-01; none rebuilt');
      for (const file of UNREAD) expect(said).not.toContain(file);
    } finally {
      await Promise.all(UNREAD.map((file, i) => writeFile(join(root, file), texts[i]!)));
    }
  });

  it('stop at an error in a file they read, located', async () => {
    const note = join(root, CONTACT);
    const text = await readFile(note, 'utf8');
    await writeFile(note, text.replace(/^date: \S+$/m, 'date: 2026-13-45'));
    try {
      const { code, said } = await run();
      expect(code).toBe(1);
      expect(said).toMatch(new RegExp(`${CONTACT}:\\d+:\\d+`));
    } finally {
      await writeFile(note, text);
    }
    expect((await run()).said).toContain('up to date');
  });
});

describe('a watch session', () => {
  it('keeps the statistics the manifest records current: a saved note rebuilds them, in the formats recorded', async () => {
    const stop = new AbortController();
    let watcher: WatcherOptions | undefined;
    let rebuilt: BuildResult | undefined;
    let watching: () => void = () => {};
    const started = new Promise<void>((done) => (watching = done));
    const before = await statsFiles(out);
    const session = watchSession({
      root,
      options: { out, asOf: AS_OF, format: ['pdf'], renderer: jsonRenderer },
      ports: { files: nodeFileSystem, clock: systemClock, sources: nodeSources },
      report: {
        build: () => textReport({ log: () => {}, print: () => {}, quiet: true }),
        watching: () => watching(),
        rebuilt: (_changes, result) => void (rebuilt = result),
        error: (error) => {
          throw error;
        },
        stopped: () => {},
      },
      signal: stop.signal,
      debounceMs: 40,
      dayCheckMs: 60_000,
      watcher: (options) => {
        watcher = options;
        return { ready: Promise.resolve(), poke: () => {}, close: async () => {} };
      },
    });
    try {
      await started;
      // The first build finds them up to date.
      expect(await statsFiles(out)).toEqual(before);

      const note = join(root, VISIT);
      await writeFile(note, (await readFile(note, 'utf8')).replace('child_seen: false', 'child_seen: true'));
      await watcher!.rebuild([{ path: note, kind: 'change' }]);
      expect(rebuilt!.built).toEqual(expect.arrayContaining([STATS, PUBLIC]));
      expect(plain(rebuildLine([VISIT], rebuilt!, '0.0'))).toContain(`${STATS}`);
      expect(await readFile(join(out, `${STATS}.csv`), 'utf8')).toContain('\r\nagency,,2026-Q3,visits,,18,18,100,100,false,,\r\n');
      // Each in the formats `stats` recorded: no DOCX of the public copy appears, the internal one is kept current.
      const { outputs } = await manifest();
      expect(Object.keys(outputs).filter((p) => p.startsWith('stats/')).sort()).toEqual(
        [`${PUBLIC}.csv`, `${PUBLIC}.json`, `${STATS}.csv`, `${STATS}.docx`, `${STATS}.json`, `${STATS}.pdf`],
      );
    } finally {
      stop.abort();
      await session;
    }

    // What watch wrote is what `stats` writes into a clean folder.
    const clean = join(work, 'clean-after-watch');
    await run({ out: clean });
    await run({ out: clean, audience: 'public', format: ['csv', 'json'] });
    expect(await statsFiles(out)).toEqual(await statsFiles(clean));
  });
});
