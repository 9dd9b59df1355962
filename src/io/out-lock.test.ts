import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockOut } from './out-lock.js';

let dir: string;
afterEach(async () => rm(dir, { recursive: true, force: true }));

const LOCK = '.casepress-cache/lock';
/** The id of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('lockOut', () => {
  it('holds the folder: a second writer is told who holds it; after release the folder can be locked again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const first = await lockOut(dir);
    expect(first.kind).toBe('locked');
    expect(JSON.parse(await readFile(join(dir, LOCK), 'utf8'))).toEqual({ pid: process.pid, host: hostname() });
    expect(await lockOut(dir)).toEqual({ kind: 'held', pid: process.pid, host: hostname(), lock: join(dir, LOCK) });
    if (first.kind === 'locked') await first.release();
    expect(existsSync(join(dir, LOCK))).toBe(false);
    const again = await lockOut(dir);
    expect(again.kind).toBe('locked');
    if (again.kind === 'locked') await again.release();
  });

  it('many writers at once: each one either holds the folder or is told who does, none stops on a half-made lock the holder tidied away', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lock-'));
    for (let round = 0; round < 20; round++) {
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => lockOut(dir)));
      expect(outcomes.filter((o) => o.kind === 'locked')).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === 'held').every((o) => o.kind === 'held' && o.pid === process.pid)).toBe(true);
      for (const o of outcomes) if (o.kind === 'locked') await o.release();
    }
  });

  it('takes over the lock of a process that has ended, and removes the temporary files it left anywhere in the folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const dead = deadPid();
    await mkdir(join(dir, '.casepress-cache'), { recursive: true });
    await writeFile(join(dir, LOCK), JSON.stringify({ pid: dead, host: hostname() }));
    await mkdir(join(dir, 'children/C-1'), { recursive: true });
    await writeFile(join(dir, 'children/C-1/.court-report-2026-12-01.pdf.4242.k3j9.tmp'), 'half');
    await writeFile(join(dir, '.manifest.json.4242.a1.tmp'), '{');
    await writeFile(join(dir, 'children/C-1/court-report-2026-12-01.docx'), 'kept');
    await writeFile(join(dir, 'children/C-1/.notes.tmp'), 'not ours: kept');
    const lock = await lockOut(dir);
    expect(lock).toMatchObject({ kind: 'locked', tookOver: { pid: dead, removed: ['.manifest.json.4242.a1.tmp', 'children/C-1/.court-report-2026-12-01.pdf.4242.k3j9.tmp'] } });
    expect((await readdir(join(dir, 'children/C-1'))).sort()).toEqual(['.notes.tmp', 'court-report-2026-12-01.docx']);
    expect(JSON.parse(await readFile(join(dir, LOCK), 'utf8')).pid).toBe(process.pid);
    if (lock.kind === 'locked') await lock.release();
  });

  it('leaves a lock of another machine alone (its process cannot be looked at)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await mkdir(join(dir, '.casepress-cache'));
    await writeFile(join(dir, LOCK), JSON.stringify({ pid: deadPid(), host: `not-${hostname()}` }));
    expect(await lockOut(dir)).toMatchObject({ kind: 'held', host: `not-${hostname()}` });
  });

  it('removes on release the folders it made, when nothing else was put in them', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const out = join(dir, 'out');
    const lock = await lockOut(out);
    if (lock.kind === 'locked') await lock.release();
    expect(existsSync(out)).toBe(false);
    const kept = await lockOut(out);
    await writeFile(join(out, 'manifest.json'), '{}');
    if (kept.kind === 'locked') await kept.release();
    expect(await readdir(out)).toEqual(['manifest.json']);
  });
});
