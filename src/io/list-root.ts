/**
 * Reads a case root from disk into a listing: every entry with its type, and
 * the bytes of each case text file. Defends against what a shared drive can
 * hold: symbolic link loops, huge files, special files, unreadable folders.
 */
import { lstat, readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { isCaseTextFile, type ListedEntry, type RootListing } from '../core/listing.js';

export interface ListOptions {
  /** Files above this size are listed but not read. */
  readonly maxFileBytes: number;
}

/** Deeper than any layout in case-format.md; a guard against link mazes. */
const MAX_DEPTH = 8;
/** Files open at once: a 2,000-child root has 50,000 files, and the process's descriptors are limited (EMFILE). */
const OPEN_AT_ONCE = 64;
/** Folders not worth walking into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export async function listCaseRoot(root: string, options: ListOptions): Promise<RootListing> {
  const entries: ListedEntry[] = [];
  const visited = new Set<string>([await realpath(root)]);
  const limit = pLimit(OPEN_AT_ONCE);

  async function walk(dir: string, rel: string, depth: number): Promise<void> {
    let names: string[];
    try {
      names = (await limit(() => readdir(dir))).sort();
    } catch (error) {
      entries.push({ type: 'problem', path: rel || '.', problem: 'unreadable', detail: reason(error) });
      return;
    }
    await Promise.all(
      names.map(async (name) => {
        if (SKIPPED_FOLDERS.has(name)) return;
        const path = rel ? `${rel}/${name}` : name;
        const full = join(dir, name);
        const entry = await limit(() => describe(full, path));
        if (entry.type === 'dir') {
          const real = await realpath(full).catch(() => full);
          if (visited.has(real) || depth >= MAX_DEPTH) {
            entries.push({ type: 'problem', path, problem: 'loop', detail: visited.has(real) ? 'it leads to a folder already read' : 'folders nested too deep' });
            return;
          }
          visited.add(real);
          entries.push(entry);
          await walk(full, path, depth + 1);
        } else {
          entries.push(entry);
        }
      }),
    );
  }

  async function describe(full: string, path: string): Promise<ListedEntry> {
    try {
      const link = await lstat(full);
      const info = link.isSymbolicLink() ? await stat(full) : link;
      if (info.isDirectory()) return { type: 'dir', path };
      if (!info.isFile()) return { type: 'problem', path, problem: 'special', detail: 'a device, socket or pipe' };
      if (!isCaseTextFile(path) || info.size > options.maxFileBytes) return { type: 'file', path, size: info.size };
      return { type: 'file', path, size: info.size, bytes: await readFile(full) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { type: 'problem', path, problem: 'loop', detail: 'the link points back at itself' };
      if (code === 'ENOENT') return { type: 'problem', path, problem: 'broken_link', detail: 'its target is missing' };
      return { type: 'problem', path, problem: 'unreadable', detail: reason(error) };
    }
  }

  await walk(root, '', 0);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries };
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : (e.code ?? e.message);
}
