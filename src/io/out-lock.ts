/**
 * One writer per output folder. A command that writes documents holds
 * <out>/.casepress-cache/lock, a file naming its process, for as long as it
 * writes (watch: while it runs). A second writer is refused, naming the
 * holder; the lock of a process that no longer runs (killed, crashed) is taken
 * over, and the temporary files it left half-written are removed.
 */
import { readFileSync, rmdirSync, rmSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { isTemporaryName, temporaryName } from './write-atomic.js';

/** Also what marks a folder as casepress's (cli/out-folder.ts). */
export const CACHE_DIR = '.casepress-cache';
const LOCK_FILE = 'lock';

interface Holder {
  readonly pid: number;
  readonly host: string;
}

export type LockOutcome =
  | {
      readonly kind: 'locked';
      /** Removes the lock, if it is still this process's. */
      readonly release: () => Promise<void>;
      /** The process whose stale lock was taken over, and the temporary files it left (paths under the folder). */
      readonly tookOver?: { readonly pid: number; readonly removed: readonly string[] };
    }
  | { readonly kind: 'held'; readonly pid: number; readonly host: string; readonly lock: string };

export async function lockOut(out: string): Promise<LockOutcome> {
  const dir = join(out, CACHE_DIR);
  const lock = join(dir, LOCK_FILE);
  // The folders this makes are removed with the lock when nothing else was put in them (a build of data with errors writes nothing).
  const first = await mkdir(dir, { recursive: true });
  const made = first === undefined ? [] : resolve(first) === resolve(dir) ? [dir] : [dir, out];
  const me: Holder = { pid: process.pid, host: hostname() };
  const text = `${JSON.stringify(me)}\n`;
  let tookOver: { pid: number; removed: string[] } | undefined;
  // A stale lock is moved aside, then the lock is taken; a few rounds at most, when others race for it too.
  for (let attempt = 0; attempt < 3; attempt++) {
    const taken = await createExclusive(lock, text).catch((error: NodeJS.ErrnoException) => {
      // The process that held the lock removed, while this one made its own, the half-made locks in its folder
      // (below) or, done, the folder itself: whoever holds the lock now is looked at again.
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (taken === undefined) {
      await mkdir(dir, { recursive: true });
      continue;
    }
    if (taken) {
      // A process that ends at once (process.exit, a closed pipe) lets go too; one killed leaves a stale lock.
      const releaseNow = () => {
        if (readText(lock) !== text) return;
        rmSync(lock, { force: true });
        for (const folder of made) if (!removeIfEmpty(folder)) break;
      };
      process.once('exit', releaseNow);
      const release = async () => {
        process.off('exit', releaseNow);
        releaseNow();
      };
      // What a killed build left: its temporary files anywhere in the folder; a lock being made, in its own.
      if (tookOver) tookOver.removed.push(...(await removeTemporaryFiles(out)));
      else await removeTemporaryFiles(dir, false);
      return { kind: 'locked', release, ...(tookOver ? { tookOver } : {}) };
    }
    const holder = parseHolder(await readFile(lock, 'utf8').catch(() => undefined));
    if (holder && isRunning(holder)) return { kind: 'held', ...holder, lock };
    // Stale (or unreadable). Moved aside under this process's name, so two processes taking it over cannot both succeed.
    const aside = temporaryName(lock, 'stale');
    if (!(await rename(lock, aside).then(() => true, () => false))) continue;
    const moved = parseHolder(await readFile(aside, 'utf8').catch(() => undefined));
    if (moved && isRunning(moved)) {
      // Another process took the stale lock over between our read and our move: give it back.
      await link(aside, lock).catch(() => undefined);
      await rm(aside, { force: true });
      return { kind: 'held', ...moved, lock };
    }
    await rm(aside, { force: true });
    tookOver = { pid: moved?.pid ?? holder?.pid ?? 0, removed: [] };
  }
  const holder = parseHolder(await readFile(lock, 'utf8').catch(() => undefined));
  return { kind: 'held', pid: holder?.pid ?? 0, host: holder?.host ?? '', lock };
}

/**
 * Writes the lock whole under a temporary name, then links it into place: the
 * link fails if a lock exists, and no reader sees half of one. Where links
 * are not to be had (some network and FAT drives), the lock is created
 * exclusively and written.
 */
async function createExclusive(lock: string, text: string): Promise<boolean> {
  const temp = temporaryName(lock);
  await writeFile(temp, text);
  try {
    await link(temp, lock);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    return writeFile(lock, text, { flag: 'wx' }).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'EEXIST') return false;
        throw e;
      },
    );
  } finally {
    await rm(temp, { force: true });
  }
}

function removeIfEmpty(folder: string): boolean {
  try {
    rmdirSync(folder);
    return true;
  } catch {
    return false;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function parseHolder(text: string | undefined): Holder | undefined {
  try {
    const value = JSON.parse(text ?? '') as Partial<Holder>;
    return Number.isInteger(value.pid) && typeof value.host === 'string' ? { pid: value.pid!, host: value.host } : undefined;
  } catch {
    return undefined;
  }
}

/** A process of another machine (a shared drive) cannot be looked at: it is taken to be running. */
function isRunning(holder: Holder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes every temporary file (write-atomic.ts names them) in the folder, and under it when `recursive`; returns their paths under it, sorted. */
async function removeTemporaryFiles(folder: string, recursive = true): Promise<string[]> {
  const names = await readdir(folder, { recursive }).catch(() => [] as string[]);
  const found = names.filter((name) => isTemporaryName(basename(name))).sort();
  for (const name of found) await rm(join(folder, name), { force: true });
  return found;
}
