/**
 * Every file under a folder with its size and modification time, without
 * reading any: what a no-change build compares against its last snapshot.
 * Synchronous on purpose: 50,000 lstat calls in a row beat as many promises.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { FileStamp } from '../core/listing.js';

/** Folders not worth walking into (as list-root skips them). */
const SKIPPED = new Set(['node_modules', '.git']);

/** The files under `folder`, sorted by path; `skip` (absolute) is never entered. Undefined when the folder cannot be read. */
export function statTree(folder: string, skip?: string): FileStamp[] | undefined {
  const stamps: FileStamp[] = [];
  const skipped = skip ? resolve(skip) : undefined;
  const walk = (dir: string, rel: string): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const entry of entries) {
      if (SKIPPED.has(entry.name)) continue;
      const full = join(dir, entry.name);
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (skipped && (full === skipped || full.startsWith(skipped + sep))) continue;
        if (!walk(full, path)) return false;
      } else {
        // Links and special files are stamped by what they are, not what they point to: any change to them is a change.
        const info = lstatSync(full, { throwIfNoEntry: false });
        if (!info) return false;
        stamps.push([path, info.size, info.mtimeMs]);
      }
    }
    return true;
  };
  if (!walk(resolve(folder), '')) return undefined;
  return stamps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The stamps of some files (missing ones are left out: a missing output is a change). */
export function statFiles(folder: string, paths: readonly string[]): FileStamp[] {
  return paths.flatMap((path) => {
    const info = lstatSync(join(folder, path), { throwIfNoEntry: false });
    return info?.isFile() ? [[path, info.size, info.mtimeMs] as const] : [];
  });
}
