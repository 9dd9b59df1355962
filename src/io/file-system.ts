/**
 * The real disk, as the build engine's file system port (build/ports.ts
 * FileSystem; io sits below build, so the shape is matched, not imported).
 */
import { closeSync, fstatSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { statFiles, statTree } from './stat-tree.js';
import { writeFileAtomic } from './write-atomic.js';

export const nodeFileSystem = {
  read: (path: string): Promise<Uint8Array | undefined> => readFile(path).catch(() => undefined),
  list: statTree,
  stat: statFiles,
  writeAtomic: writeFileAtomic,
  remove: (path: string): Promise<void> => rm(path, { force: true }),
  scratch,
  openRead,
};

/** A scratch file (build/ports.ts ScratchFile): synchronous, as its reads and writes are small and many. */
function scratch(path: string) {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w+');
  let size = 0;
  return {
    append(bytes: Uint8Array): number {
      const at = size;
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
      size += bytes.length;
      return at;
    },
    read(offset: number, length: number): Uint8Array {
      const bytes = readAt(fd, offset, length);
      if (bytes.length < length) throw new Error(`${path} is shorter than what was written to it`);
      return bytes;
    },
    close(): void {
      closeSync(fd);
      rmSync(path, { force: true });
    },
  };
}

/** A file to read by offset (build/ports.ts ReadableFile), or undefined when it cannot be opened. */
function openRead(path: string) {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return undefined;
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    return undefined;
  }
  return {
    size: stat.size,
    read: (offset: number, length: number): Uint8Array => readAt(fd, offset, length),
    close: () => closeSync(fd),
  };
}

/** Up to `length` bytes from `offset` (fewer only at the end of the file). */
function readAt(fd: number, offset: number, length: number): Uint8Array {
  const bytes = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const read = readSync(fd, bytes, done, length - done, offset + done);
    if (read === 0) break;
    done += read;
  }
  return done < length ? bytes.subarray(0, done) : bytes;
}
