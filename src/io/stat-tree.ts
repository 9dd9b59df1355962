/**
 * Every file under a folder with its size, modification time and hash: what a
 * no-change build compares against its last snapshot (the templates). A file
 * whose stamp `known` vouches for is not read.
 */
import { lstatSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { sha256 } from '../core/hash.js';
import type { FileStamp, KnownHash } from '../core/listing.js';

/** Folders not worth walking into (as list-root skips them). */
const SKIPPED = new Set(['node_modules', '.git']);

/** Deeper than any templates folder; a guard against a link to a folder above. */
const MAX_DEPTH = 8;

/**
 * The files under `folder`, sorted by path, each with its sha256 (`known`'s
 * or read now). A link is stamped by what it points to (a template linked
 * elsewhere changes when its target does). Undefined when the folder cannot
 * be read, or a link is broken or loops.
 */
export function statTree(folder: string, known: KnownHash): FileStamp[] | undefined {
  const stamps: FileStamp[] = [];
  const walk = (dir: string, rel: string, depth: number): boolean => {
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
      const info = entry.isDirectory() ? undefined : entry.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false }) : lstatSync(full, { throwIfNoEntry: false });
      if (entry.isDirectory() || info?.isDirectory()) {
        if (depth >= MAX_DEPTH || !walk(full, path, depth + 1)) return false;
      } else {
        // Not a regular file (a pipe would never end), or unreadable: no stamps, so no shortcut.
        if (!info?.isFile()) return false;
        const hash = known(path, info.size, info.mtimeMs) ?? hashOf(full);
        if (hash === undefined) return false;
        stamps.push([path, info.size, info.mtimeMs, hash]);
      }
    }
    return true;
  };
  if (!walk(resolve(folder), '', 0)) return undefined;
  return stamps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function hashOf(full: string): string | undefined {
  try {
    return sha256(readFileSync(full));
  } catch {
    return undefined;
  }
}

/** The stamps of some files (missing ones are left out: a missing output is a change). */
export function statFiles(folder: string, paths: readonly string[]): FileStamp[] {
  const stamps: FileStamp[] = [];
  // (Not path.join for each of the thousands of outputs: the folder is normalized once, the paths are the manifest's.)
  const base = join(folder, sep);
  for (const path of paths) {
    const info = lstatSync(base + path, { throwIfNoEntry: false });
    if (info?.isFile()) stamps.push([path, info.size, info.mtimeMs]);
  }
  return stamps;
}
