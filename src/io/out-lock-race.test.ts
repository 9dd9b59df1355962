/**
 * lockOut racing another casepress that takes the lock first: that one clears
 * the half-made locks in the folder (its own way of tidying after a killed
 * build), this one's included, before this one links its lock into place.
 * (A file of its own: node:fs/promises is mocked to put that moment there.)
 */
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const gone = vi.hoisted(() => ({ once: true }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return {
    ...fs,
    // The first link of a lock: its temporary file is removed just before, as the holder's tidying would.
    link: async (from: string, to: string) => {
      if (gone.once && to.endsWith('lock')) {
        gone.once = false;
        await fs.rm(from, { force: true });
      }
      return fs.link(from, to);
    },
  };
});

const { mkdir, mkdtemp, rm, writeFile } = await import('node:fs/promises');
const { lockOut } = await import('./out-lock.js');

let dir: string;
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('lockOut, its half-made lock removed by the process that holds the folder', () => {
  it('says who holds the folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lock-race-'));
    await mkdir(join(dir, '.casepress-cache'));
    await writeFile(join(dir, '.casepress-cache/lock'), `${JSON.stringify({ pid: process.pid, host: hostname() })}\n`);
    expect(await lockOut(dir)).toEqual({ kind: 'held', pid: process.pid, host: hostname(), lock: join(dir, '.casepress-cache/lock') });
    expect(gone.once).toBe(false);
  });
});
