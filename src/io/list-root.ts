/**
 * Reads a case root from disk into a listing: every entry with its type, size
 * and modification time, and the bytes of each case text file. The root is a
 * boundary: a symbolic link is followed only when its target is inside it, and
 * only regular files are read. Defends against what a shared drive can hold:
 * link loops, huge files, special files, unreadable folders.
 */
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { sha256 } from '../core/hash.js';
import { readsBytes, type KnownHash, type ListedEntry, type RootListing } from '../core/listing.js';

export interface ListOptions {
  /** Files above this size are listed but not read. */
  readonly maxFileBytes: number;
  /**
   * Hash every file (up to `maxFileBytes`), but those whose stamp this vouches
   * for: their hash is its, and a case text file among them is read only when
   * its bytes are first asked for.
   */
  readonly known?: KnownHash;
  /** The case root, when listing a folder inside it (io/relist.ts): no link may lead out of it. Default: the folder listed. */
  readonly boundary?: string;
  /** What a part of the root leaves out (load/root-part.ts leavesOut): such a folder is listed but not walked into, such a file neither listed nor read. */
  readonly leavesOut?: (path: string) => boolean;
}

/** Deeper than any layout in case-format.md; a guard against link mazes. */
const MAX_DEPTH = 8;
/** Folders not worth walking into. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
/** Open without waiting: a pipe put in place of a file after it was looked at must not hang the build. */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** A file that is not the one its stamp vouched for: it changed while the build ran. */
export class ChangedWhileReading extends Error {
  override readonly name = 'ChangedWhileReading';
}

/**
 * Synchronous on purpose: a 2,000-child root has 50,000 files, and reading
 * them one after the other with the *Sync calls (one descriptor open at a
 * time, so no EMFILE) costs a fifth of the CPU of promises through the libuv
 * pool (open, fstat, read, close each a round trip). Every file is stamped
 * (by its stat); with `known`, an unchanged file is not opened at all.
 */
export async function listCaseRoot(root: string, options: ListOptions): Promise<RootListing> {
  const listedAt = Date.now();
  const entries: ListedEntry[] = [];
  // realpath(3) in one call: the JavaScript realpathSync lstats every component of every folder's path.
  const realRoot = realpathSync.native(options.boundary ?? root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  // The real paths of the folders being walked into: a link back to one of them is a loop (a second way into a folder beside them is not).
  const realStart = realpathSync.native(root);
  const ancestors = new Set<string>([realStart]);

  /** `real`: the folder's real path (a folder that is no link is where its parent really is). */
  function walk(dir: string, real: string, rel: string, depth: number): void {
    let items: Dirent[];
    try {
      items = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (error) {
      entries.push({ type: 'problem', path: rel || '.', problem: 'unreadable', detail: reason(error) });
      return;
    }
    for (const item of items) {
      const name = item.name;
      if (SKIPPED_FOLDERS.has(name)) continue;
      const path = rel ? `${rel}/${name}` : name;
      // (Not path.join: it normalizes every one of 50,000 paths, and `dir` is normalized already.)
      const full = `${dir}${sep}${name}`;
      const out = options.leavesOut?.(path) === true;
      // (A link may lead to a folder: it is looked at, and rootPart drops it when it is a file.)
      if (out && !item.isDirectory() && !item.isSymbolicLink()) continue;
      const entry = describe(item, full, path);
      if (entry.type === 'dir') {
        let target = join(real, name);
        if (item.isSymbolicLink()) {
          try {
            target = realpathSync.native(full);
          } catch {
            // described already
          }
        }
        if (ancestors.has(target) || depth >= MAX_DEPTH) {
          entries.push({ type: 'problem', path, problem: 'loop', detail: ancestors.has(target) ? 'it leads back to a folder that holds it' : 'folders nested too deep' });
          continue;
        }
        ancestors.add(target);
        entries.push(entry);
        if (!out) walk(full, target, path, depth + 1);
        ancestors.delete(target);
      } else {
        entries.push(entry);
      }
    }
  }

  function describe(item: Dirent, full: string, path: string): ListedEntry {
    try {
      if (item.isSymbolicLink()) {
        // What a link points to is read only when it stays inside the root (a court note linked to a file elsewhere must not print).
        const target = realpathSync.native(full);
        if (!inside(target)) return { type: 'problem', path, problem: 'outside', detail: `it points to ${target}, outside the case root` };
      }
      if (item.isDirectory()) return { type: 'dir', path };
      const text = readsBytes(path);
      // Reading a file stamps it too (fstat); only a file that may go unread, or whose type readdir did not give, needs a stat first.
      if (item.isFile() && text && !options.known) return readCaseFile(full, path, options.maxFileBytes);
      const info = statSync(full);
      if (info.isDirectory()) return { type: 'dir', path };
      if (!info.isFile()) return special(path);
      const { size, mtimeMs } = info;
      if (!options.known || size > options.maxFileBytes) return text ? readCaseFile(full, path, options.maxFileBytes) : { type: 'file', path, size, mtimeMs };
      const known = options.known(path, size, mtimeMs);
      if (known) return text ? new UnreadFile(full, path, size, mtimeMs, known) : { type: 'file', path, size, mtimeMs, sha256: known };
      // Changed, new, or too recent to trust: read now and hashed (the loader reads only the bytes of case text files).
      const read = readCaseFile(full, path, options.maxFileBytes);
      if (read.type !== 'file' || !read.bytes) return read;
      const hash = sha256(read.bytes);
      return text ? { ...read, sha256: hash } : { type: 'file', path, size: read.size, mtimeMs: read.mtimeMs, sha256: hash };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') return { type: 'problem', path, problem: 'loop', detail: 'the link points back at itself' };
      if (code === 'ENOENT') return { type: 'problem', path, problem: 'broken_link', detail: 'its target is missing' };
      return { type: 'problem', path, problem: 'unreadable', detail: reason(error) };
    }
  }

  walk(normalize(root).replace(/(.)[\\/]+$/, '$1'), realStart, '', 0);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, listedAt };
}

function special(path: string): ListedEntry {
  return { type: 'problem', path, problem: 'special', detail: 'a device, socket or pipe' };
}

/**
 * A file its stamp vouches for: its bytes are read when first asked for, and
 * must still hash as they did. (A class, not an object with a getter of its
 * own: a root holds 50,000 of them, and a closure each kept the collector busy.)
 */
class UnreadFile {
  readonly type = 'file';
  #bytes: Uint8Array | undefined;

  constructor(
    private readonly full: string,
    readonly path: string,
    readonly size: number,
    readonly mtimeMs: number,
    readonly sha256: string,
  ) {}

  get bytes(): Uint8Array {
    if (this.#bytes) return this.#bytes;
    const read = readCaseFile(this.full, this.path, Infinity);
    if (read.type !== 'file' || !read.bytes || sha256(read.bytes) !== this.sha256) throw new ChangedWhileReading(`${this.path} changed while casepress was reading the case root; build again`);
    return (this.#bytes = read.bytes);
  }
}

/** A regular file's stamp, and its bytes unless it is larger than `maxBytes` (then it is never read). */
function readCaseFile(full: string, path: string, maxBytes: number): ListedEntry {
  let fd: number;
  try {
    fd = openSync(full, OPEN_FLAGS);
  } catch (error) {
    // A file too large to read is listed by its size even when it could not be opened.
    const info = statSync(full, { throwIfNoEntry: false });
    if (info && info.size > maxBytes) return { type: 'file', path, size: info.size, mtimeMs: info.mtimeMs };
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return special(path);
    const { size, mtimeMs } = info;
    if (size > maxBytes) return { type: 'file', path, size, mtimeMs };
    const bytes = Buffer.allocUnsafeSlow(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { type: 'file', path, size, mtimeMs, bytes: read < size ? bytes.subarray(0, read) : bytes };
  } finally {
    closeSync(fd);
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : (e.code ?? e.message);
}
