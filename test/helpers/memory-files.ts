/**
 * An in-memory file system for the build engine (build/ports.ts FileSystem):
 * files as bytes with a size and a modification time that moves on with every
 * write, and a log of what was written and removed. A path can be made to fail.
 */
import { sha256 } from '../../src/core/hash.js';
import { readsBytes, type FileStamp, type ListedEntry, type RootListing } from '../../src/core/listing.js';
import type { FileSystem } from '../../src/build/ports.js';

export interface MemoryFiles extends FileSystem {
  readonly files: Map<string, { bytes: Uint8Array; mtime: number }>;
  /** Every write and removal, in order: `write path`, `remove path`. */
  readonly log: string[];
  /** Writes to paths this says are refused with this error code. */
  refuse(test: (path: string) => boolean, code?: string): void;
  text(path: string): string | undefined;
  /** The files under a folder as a case root listing (every file stamped and hashed, case text files and images with their bytes). */
  listing(folder: string): RootListing;
}

const encoder = new TextEncoder();

export function memoryFiles(initial: Record<string, string | Uint8Array> = {}): MemoryFiles {
  let clock = 1_000;
  const files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  const put = (path: string, data: string | Uint8Array | Iterable<string | Uint8Array>) =>
    files.set(path, { bytes: typeof data === 'string' ? encoder.encode(data) : data instanceof Uint8Array ? data : Buffer.concat([...data].map((piece) => (typeof piece === 'string' ? encoder.encode(piece) : piece))), mtime: clock++ });
  for (const [path, data] of Object.entries(initial)) put(path, data);
  const log: string[] = [];
  let refused: { test: (path: string) => boolean; code: string } | undefined;
  const under = (folder: string) => (folder.endsWith('/') ? folder : `${folder}/`);
  return {
    files,
    log,
    refuse: (test, code = 'EACCES') => void (refused = { test, code }),
    text: (path) => {
      const file = files.get(path);
      return file && new TextDecoder().decode(file.bytes);
    },
    read: async (path) => files.get(path)?.bytes,
    list(folder, known) {
      const prefix = under(folder);
      const stamps: FileStamp[] = [];
      for (const [path, { bytes, mtime }] of files) {
        if (!path.startsWith(prefix)) continue;
        const rel = path.slice(prefix.length);
        stamps.push([rel, bytes.length, mtime, known(rel, bytes.length, mtime) ?? sha256(bytes)]);
      }
      return stamps.length ? stamps.sort((a, b) => (a[0] < b[0] ? -1 : 1)) : undefined;
    },
    listing(folder) {
      const prefix = under(folder);
      const entries: ListedEntry[] = [];
      const dirs = new Set<string>();
      for (const [path, { bytes, mtime }] of files) {
        if (!path.startsWith(prefix)) continue;
        const rel = path.slice(prefix.length);
        entries.push({ type: 'file', path: rel, size: bytes.length, mtimeMs: mtime, sha256: sha256(bytes), ...(readsBytes(rel) ? { bytes } : {}) });
        const parts = rel.split('/');
        for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
      }
      for (const path of dirs) entries.push({ type: 'dir', path });
      return { entries: entries.sort((a, b) => (a.path < b.path ? -1 : 1)), listedAt: clock + 10_000 };
    },
    stat: (folder, paths) =>
      paths.flatMap((path) => {
        const file = files.get(`${under(folder)}${path}`);
        return file ? [[path, file.bytes.length, file.mtime] as const] : [];
      }),
    async writeAtomic(path, data) {
      if (refused?.test(path)) throw Object.assign(new Error(`${refused.code}: ${path}`), { code: refused.code });
      put(path, data);
      log.push(`write ${path}`);
    },
    async remove(path) {
      if (files.delete(path)) log.push(`remove ${path}`);
    },
    scratch(path) {
      if (refused?.test(path)) throw Object.assign(new Error(`${refused.code}: ${path}`), { code: refused.code });
      let bytes = new Uint8Array(0);
      return {
        append(more) {
          const at = bytes.length;
          bytes = Buffer.concat([bytes, more]);
          return at;
        },
        read: (offset, length) => bytes.slice(offset, offset + length),
        close() {},
      };
    },
    openRead(path) {
      // As a file opened is: what is written to the path after is not seen.
      const bytes = files.get(path)?.bytes;
      return bytes && { size: bytes.length, read: (offset, length) => bytes.slice(offset, offset + length), close() {} };
    },
  };
}
