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
import type { EntryCodec } from '../core/parted-listing.js';

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
  /**
   * With `known`: a file read to be hashed is not held (its bytes are read again
   * when first asked for, and must hash the same). A full build lists the whole
   * root first, and a large root's bytes are more than its parts hold at once.
   */
  readonly dropBytes?: boolean;
  /** Called with each file as it is listed (its bytes read): a caller may start on it while the rest is listed (cli/parse-ahead.ts). */
  readonly onFile?: (file: Extract<ListedEntry, { type: 'file' }>) => void;
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
      const entry = describe(item, dir, name, full, path);
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
        if (entry.type === 'file') options.onFile?.(entry);
      }
    }
  }

  /** (`dir` and `name` are kept by a file's entry, not `full`: one string fewer for each of 50,000 files.) */
  function describe(item: Dirent, dir: string, name: string, full: string, path: string): ListedEntry {
    try {
      if (item.isSymbolicLink()) {
        // What a link points to is read only when it stays inside the root (a court note linked to a file elsewhere must not print).
        const target = realpathSync.native(full);
        if (!inside(target)) return { type: 'problem', path, problem: 'outside', detail: `it points to ${target}, outside the case root` };
      }
      if (item.isDirectory()) return { type: 'dir', path };
      const text = readsBytes(path);
      // Reading a file stamps it too (fstat); only a file that may go unread, or whose type readdir did not give, needs a stat first.
      if (item.isFile() && text && !options.known) return listRead(dir, name, path, options.maxFileBytes);
      const info = statSync(full);
      if (info.isDirectory()) return { type: 'dir', path };
      if (!info.isFile()) return special(path);
      const { size, mtimeMs } = info;
      if (!options.known || size > options.maxFileBytes) return text ? listRead(dir, name, path, options.maxFileBytes) : { type: 'file', path, size, mtimeMs };
      const known = options.known(path, size, mtimeMs);
      if (known) return text ? new ListedFile(dir, path, size, mtimeMs, known) : { type: 'file', path, size, mtimeMs, sha256: known };
      // Changed, new, or too recent to trust: read now and hashed (the loader reads only the bytes of case text files).
      const read = readCaseFile(full, options.maxFileBytes);
      if (!('bytes' in read)) return describeUnread(read, path);
      const hash = sha256(read.bytes);
      return text ? new ListedFile(dir, path, read.size, read.mtimeMs, hash, options.dropBytes ? undefined : read.bytes) : { type: 'file', path, size: read.size, mtimeMs: read.mtimeMs, sha256: hash };
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
 * A case text file (or an image the loader checks) as listed. Its bytes, read
 * with its stamp or, when its stamp vouched for it, when first asked for, are
 * kept until `release` (the loader's, once it has parsed the file): the main
 * process keeps each file's hash and size, not its bytes (a 20,000-child root
 * holds 700 MB of them). Asked for after that, they are read again and must
 * hash as they did. (A class with its folder, not an object with a getter
 * and a full path of its own: a 20,000-child root holds 470,000 of them.)
 */
export class ListedFile {
  readonly type = 'file';
  #bytes: Uint8Array | undefined;
  /** The hash a read must match: the stamp's (sha256), or the bytes' as first read, taken at release. */
  #hash: string | undefined;
  #released = false;
  /** Its folder on disk; its name is the last part of `path` (kept once, as that). */
  readonly #dir: string;

  constructor(
    dir: string,
    readonly path: string,
    readonly size: number,
    readonly mtimeMs: number,
    /** Set when the listing hashed the file (a stamp vouched for it, or `known` was given). */
    readonly sha256?: string,
    bytes?: Uint8Array,
  ) {
    this.#dir = dir;
    this.#bytes = bytes;
    this.#hash = sha256;
  }

  get bytes(): Uint8Array {
    if (this.#bytes) return this.#bytes;
    let read: FileRead | undefined;
    try {
      read = readCaseFile(`${this.#dir}${sep}${this.path.slice(this.path.lastIndexOf('/') + 1)}`, Infinity);
    } catch {
      // (Gone, or no longer readable: changed all the same.)
    }
    if (!read || !('bytes' in read) || sha256(read.bytes) !== this.#hash) throw new ChangedWhileReading(`${this.path} changed while casepress was reading the case root; build again`);
    // A file never read before is kept (the loader reads it once, then releases it); one released is read each time it is asked for.
    if (!this.#released) this.#bytes = read.bytes;
    return read.bytes;
  }

  /** Lets the bytes go: asked for again, they are read from disk (and checked against the hash they had). */
  release(): void {
    if (this.#released) return;
    if (this.#hash === undefined && this.#bytes) this.#hash = sha256(this.#bytes);
    this.#bytes = undefined;
    this.#released = true;
  }

  /**
   * What a scratch file keeps of it (core/parted-listing.ts): its folder, path,
   * stamp and hashes, never its bytes (they are read again when asked for).
   */
  stored(): StoredFile {
    const hash = this.#hash ?? (this.#bytes && sha256(this.#bytes));
    const stamp = [this.#dir, this.path, this.size, this.mtimeMs, this.sha256 ?? null] as const;
    // (The hash its bytes must have is nearly always the one its stamp vouched for: written once then.)
    return hash === this.sha256 ? [...stamp] : [...stamp, hash ?? null];
  }

  static revive([dir, path, size, mtimeMs, listed, ...hash]: StoredFile): ListedFile {
    const file = new ListedFile(dir, path, size, mtimeMs, listed ?? undefined);
    file.#hash = hash.length ? (hash[0] ?? undefined) : (listed ?? undefined);
    return file;
  }

  /** The same file under another path (io/relist.ts lists a folder of the root, whose paths are relative to it). */
  at(path: string): ListedFile {
    const moved = new ListedFile(this.#dir, path, this.size, this.mtimeMs, this.sha256, this.#bytes);
    moved.#hash = this.#hash;
    moved.#released = this.#released;
    return moved;
  }
}

/** A ListedFile as JSON holds it: folder, path, size, mtime, the hash its stamp vouched for, the hash its bytes must have. */
type StoredFile = [dir: string, path: string, size: number, mtimeMs: number, listed: string | null, hash?: string | null];

/** A listing's entries written down and read back (core/parted-listing.ts). */
export const listedEntryCodec: EntryCodec = {
  encode: (entry) => (entry instanceof ListedFile ? entry.stored() : entry),
  decode: (value) => (Array.isArray(value) ? ListedFile.revive(value as StoredFile) : (value as ListedEntry)),
};

/** Lets go of the bytes of every file of a listing that holds them (ListedFile.release). */
export function releaseBytes(entries: Iterable<ListedEntry>): void {
  for (const entry of entries) if (entry.type === 'file') entry.release?.();
}

type FileRead = { readonly size: number; readonly mtimeMs: number; readonly bytes: Uint8Array } | { readonly size: number; readonly mtimeMs: number } | { readonly special: true };

/** A file read while listing: its entry, its bytes kept until released. */
function listRead(dir: string, name: string, path: string, maxBytes: number): ListedEntry {
  const read = readCaseFile(`${dir}${sep}${name}`, maxBytes);
  return 'bytes' in read ? new ListedFile(dir, path, read.size, read.mtimeMs, undefined, read.bytes) : describeUnread(read, path);
}

function describeUnread(read: Exclude<FileRead, { bytes: Uint8Array }>, path: string): ListedEntry {
  return 'special' in read ? special(path) : { type: 'file', path, size: read.size, mtimeMs: read.mtimeMs };
}

/** A regular file's stamp, and its bytes unless it is larger than `maxBytes` (then it is never read). */
function readCaseFile(full: string, maxBytes: number): FileRead {
  let fd: number;
  try {
    fd = openSync(full, OPEN_FLAGS);
  } catch (error) {
    // A file too large to read is listed by its size even when it could not be opened.
    const info = statSync(full, { throwIfNoEntry: false });
    if (info && info.size > maxBytes) return { size: info.size, mtimeMs: info.mtimeMs };
    throw error;
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { special: true };
    const { size, mtimeMs } = info;
    if (size > maxBytes) return { size, mtimeMs };
    const bytes = Buffer.allocUnsafeSlow(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { size, mtimeMs, bytes: read < size ? bytes.subarray(0, read) : bytes };
  } finally {
    closeSync(fd);
  }
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : (e.code ?? e.message);
}
