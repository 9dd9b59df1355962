/**
 * The real disk, as the build engine's file system port (build/ports.ts
 * FileSystem; io sits below build, so the shape is matched, not imported).
 */
import { readFile, rm } from 'node:fs/promises';
import { statFiles, statTree } from './stat-tree.js';
import { writeFileAtomic } from './write-atomic.js';

export const nodeFileSystem = {
  read: (path: string): Promise<Uint8Array | undefined> => readFile(path).catch(() => undefined),
  list: statTree,
  stat: statFiles,
  writeAtomic: writeFileAtomic,
  remove: (path: string): Promise<void> => rm(path, { force: true }),
};
