/**
 * The build engine's ports for tests that build a real root on disk into an
 * output folder in memory (helpers/memory-files.ts, paths under /memory):
 * caches in a map, a fixed day, and every reading of the root noted with the
 * children it was given (undefined: the whole root).
 */
import type { BuildPorts, ReadRootOptions, Report } from '../../src/build/ports.js';
import { nodeSources } from '../../src/cli/build-ports.js';
import { statTree } from '../../src/io/stat-tree.js';
import type { MemoryFiles } from './memory-files.js';

export const MEMORY = '/memory';

export interface MemoryBuild {
  readonly outputs: MemoryFiles;
  readonly caches: Map<string, unknown>;
  /** The children each reading of the root was given, in order. */
  readonly loaded: (ReadonlySet<string> | undefined)[];
  /** The homes each reading of the root was given (undefined: all), in order. */
  readonly homesLoaded?: (ReadonlySet<string> | undefined)[];
  /** What of each child's folder each reading was given (undefined: all), in order. */
  readonly childFilesLoaded?: (ReadonlySet<string> | undefined)[];
}

export function memoryBuildPorts({ outputs, caches, loaded, homesLoaded, childFilesLoaded }: MemoryBuild, today: string, report: Report): BuildPorts {
  return {
    files: { ...outputs, list: (folder, known) => (folder.startsWith(MEMORY) ? outputs.list(folder, known) : statTree(folder, known)) },
    clock: { today: () => today, now: () => 0 },
    report,
    sources: {
      ...nodeSources,
      readRoot: (dir, options: ReadRootOptions) => {
        loaded.push(options.children && new Set(options.children));
        homesLoaded?.push(options.homes && new Set(options.homes));
        childFilesLoaded?.push(options.childFiles && new Set(options.childFiles));
        return nodeSources.readRoot(dir, options);
      },
      readCache: (dir, shard) => caches.get(`${dir} ${shard}`),
      writeCache: async (dir, shard, value) => void caches.set(`${dir} ${shard}`, value),
    },
  };
}

/** The files a build wrote under `dir` (relative path → text), but the snapshot and the caches, which are not outputs. */
export function builtFiles(outputs: MemoryFiles, dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const path of [...outputs.files.keys()].sort()) {
    const rel = path.slice(dir.length + 1);
    if (path.startsWith(`${dir}/`) && rel !== '.casepress-snapshot.json' && !rel.startsWith('.casepress-cache/')) found[rel] = outputs.text(path)!;
  }
  return found;
}
