/**
 * A watch session without an as-of date rebuilds when the agency's day changes
 * (issue 5, point 6): the clock is moved past midnight, the day check (on a
 * timer moved by hand) notices, and every document is rebuilt as of the new
 * day, with no file saved.
 */
import { EventEmitter } from 'node:events';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planJobs } from '../src/build/jobs.js';
import type { BuildResult } from '../src/build/run.js';
import { nodeSources } from '../src/cli/build-ports.js';
import { textReport } from '../src/cli/build-report.js';
import { build } from '../src/cli/commands/build.js';
import { systemClock } from '../src/io/clock.js';
import { nodeFileSystem } from '../src/io/file-system.js';
import type { Change } from '../src/watch/queue.js';
import { watchSession } from '../src/watch/session.js';
import { startWatcher } from '../src/watch/watcher.js';
import { fakeTimer } from './helpers/fake-timer.js';
import { REPO } from './helpers/fixture-root.js';
import { jsonRenderer } from './helpers/json-renderer.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-midnight-'));
  await cp(join(REPO, 'starter'), join(work, 'root'), { recursive: true });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

/** A watcher's file events where no file is ever saved. */
function noFileEvents() {
  const events = Object.assign(new EventEmitter(), { close: async () => {} });
  queueMicrotask(() => events.emit('ready'));
  return events;
}

interface Manifest { outputs: Record<string, { asOf: string; type: string }> }

describe('watch at midnight', () => {
  it("rebuilds every document as of the new day when the agency's date changes", async () => {
    const root = join(work, 'root');
    const out = join(work, 'output');
    const options = { out, format: ['pdf'] as const, renderer: jsonRenderer };
    let date = '2026-11-23';
    const zones: (string | undefined)[] = [];
    const today = (zone?: string) => {
      zones.push(zone);
      return date;
    };
    // The days the documents speak from, signed plans and home studies (computed as of their own date) apart.
    const asOfs = async () => [...new Set(Object.values((JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest).outputs).filter((e) => !/-plan$|^home-study$/.test(e.type)).map((e) => e.asOf))];

    // Built once before watching starts: the session's first build then finds nothing changed and reads nothing,
    // and must still learn the agency's day to notice midnight.
    await build(root, { ...options, prune: true, today }, (r, asOf) => planJobs(r, asOf), () => {}, () => {});
    const clock = fakeTimer();
    const stop = new AbortController();
    const lines: string[] = [];
    let watching: () => void = () => {};
    const started = new Promise<void>((done) => (watching = done));
    let rebuilt: (batch: { changes: readonly Change[]; result: BuildResult }) => void = () => {};
    const rebuild = new Promise<{ changes: readonly Change[]; result: BuildResult }>((done) => (rebuilt = done));
    const session = watchSession({
      root,
      options,
      ports: { files: nodeFileSystem, clock: { ...systemClock, today }, sources: nodeSources },
      report: {
        build: (first) => textReport({ log: (line) => first && lines.push(line), print: () => {}, quiet: true }),
        watching: () => watching(),
        rebuilt: (changes, result) => rebuilt({ changes, result }),
        error: (error) => {
          throw error;
        },
        stopped: () => {},
      },
      signal: stop.signal,
      debounceMs: 40,
      dayCheckMs: 60_000,
      timer: clock.timer,
      // No file event comes: only the day check can start a rebuild.
      watcher: (watcherOptions) => startWatcher({ ...watcherOptions, events: noFileEvents }),
    });
    await started;
    expect(lines.some((l) => l.includes('no file changed since the last build'))).toBe(true);
    expect(await asOfs()).toEqual(['2026-11-23']);

    clock.advance(60_000);
    date = '2026-11-24';
    clock.advance(60_000);
    clock.advance(40);
    const { changes, result } = await rebuild;
    stop.abort();
    await session;
    expect(changes).toEqual([{ path: '(a new day: 2026-11-24)', kind: 'change' }]);
    expect(result.built.length).toBeGreaterThan(0);
    expect(await asOfs()).toEqual(['2026-11-24']);
    // The day is the agency's: its time zone was asked for.
    expect(zones).toContain('America/New_York');
  }, 60_000);
});
