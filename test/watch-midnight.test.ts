/**
 * `casepress watch` without --as-of rebuilds when the agency's day changes
 * (issue 5, point 6): the clock is moved past midnight and every document is
 * rebuilt as of the new day, with no file saved.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture-root.js';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'casepress-midnight-'));
  await cp(join(REPO, 'starter'), join(work, 'root'), { recursive: true });
});
afterAll(async () => rm(work, { recursive: true, force: true }));

interface Manifest { outputs: Record<string, { asOf: string; type: string }> }

describe('watch at midnight', () => {
  it('rebuilds every document as of the new day when the agency\'s date changes', async () => {
    const { watch } = (await import(pathToFileURL(join(REPO, 'dist/cli/commands/watch.js')).href)) as typeof import('../src/cli/commands/watch.js');
    const { build } = (await import(pathToFileURL(join(REPO, 'dist/cli/commands/build.js')).href)) as typeof import('../src/cli/commands/build.js');
    const { planJobs } = (await import(pathToFileURL(join(REPO, 'dist/build/jobs.js')).href)) as typeof import('../src/build/jobs.js');
    const out = join(work, 'output');
    let date = '2026-11-23';
    const zones: (string | undefined)[] = [];
    const lines: string[] = [];
    const stop = new AbortController();
    // The days the documents speak from, signed plans and home studies (computed as of their own date) apart.
    const asOfs = async () => [...new Set(Object.values((JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as Manifest).outputs).filter((e) => !/-plan$|^home-study$/.test(e.type)).map((e) => e.asOf))];
    const until = async (seen: (line: string) => boolean) => {
      for (let i = 0; i < 600 && !lines.some(seen); i++) await new Promise((r) => setTimeout(r, 100));
      return lines.find(seen);
    };

    // Colors are on where CI=true: keep the plain text.
    // Built once before watching starts: watch's first build then finds nothing changed and reads nothing,
    // and must still learn the agency's day to notice midnight.
    await build(join(work, 'root'), { out, format: ['pdf'], prune: true, today: () => date }, (root, asOf) => planJobs(root, asOf), () => {});
    const watching = watch(join(work, 'root'), { out, format: ['pdf'] }, (line) => lines.push(line.replace(/\x1b\[[0-9;]*m/g, '')), {
      signal: stop.signal,
      dayCheckMs: 50,
      today: (zone) => {
        zones.push(zone);
        return date;
      },
    });
    expect(await until((l) => l.startsWith('watching'))).toBeDefined();
    expect(lines.some((l) => l.includes('no file changed since the last build'))).toBe(true);
    expect(await asOfs()).toEqual(['2026-11-23']);

    date = '2026-11-24';
    const rebuilt = await until((l) => l.includes('a new day: 2026-11-24'));
    stop.abort();
    expect(await watching).toBe(0);
    expect(rebuilt).toMatch(/rebuilt/);
    expect(await asOfs()).toEqual(['2026-11-24']);
    // The day is the agency's: its time zone was asked for.
    expect(zones).toContain('America/New_York');
  }, 120_000);
});
