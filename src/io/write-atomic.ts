/**
 * Writes a file so that readers see the old content or the new, never half of
 * one, even after a crash or a power cut: the bytes go to a temporary sibling,
 * are flushed to the disk, and the sibling is renamed over the target; then
 * the folder is flushed, so the rename itself lasts. A temporary file a killed
 * process leaves is found by its name (isTemporaryName) and removed by the next
 * writer of the folder (out-lock.ts).
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `.<name>.<pid>.<random>.tmp`, beside the file it becomes. */
export function temporaryName(path: string, tag = Math.random().toString(36).slice(2)): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${tag}.tmp`);
}

const TEMPORARY = /^\..+\.\d+\.[0-9a-z]+\.tmp$/;

export function isTemporaryName(name: string): boolean {
  return TEMPORARY.test(name);
}

/**
 * For the crash tests only: the process kills itself (SIGKILL) once this many
 * temporary files are written, before the last one is renamed.
 */
const KILL_AFTER = Number(process.env['CASEPRESS_TEST_KILL_AFTER_WRITES'] ?? 0);
let written = 0;
function killAtThisWrite(): void {
  if (KILL_AFTER > 0 && ++written === KILL_AFTER) process.kill(process.pid, 'SIGKILL');
}

export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = temporaryName(path);
  try {
    const file = await open(temp, 'w');
    try {
      if (typeof data === 'string' || data instanceof Uint8Array) await file.writeFile(data);
      // (writeFile, not write: it writes all of each piece from where the last one ended.)
      else for (const piece of data) await file.writeFile(piece);
      await file.sync();
    } finally {
      await file.close();
    }
    killAtThisWrite();
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dir);
}

/**
 * Replaces a file as writeFileAtomic does (readers see the old content or the
 * new), in its existing folder, but not flushed to the disk: for a cache whose
 * reader checks what it reads (cache-shards.ts), so a file a crash left half
 * written reads as absent. Two flushes per file are what made writing the
 * parse cache of a 2,000-child root take seconds.
 */
export function replaceCacheFile(path: string, data: string | Uint8Array): void {
  const temp = temporaryName(path);
  try {
    writeFileSync(temp, data);
    killAtThisWrite();
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Flushes a folder's entries; a file system that cannot (some network drives) is left to do its best. */
async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r').catch(() => undefined);
  if (!folder) return;
  await folder.sync().catch(() => undefined);
  await folder.close();
}
