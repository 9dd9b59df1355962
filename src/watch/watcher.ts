/**
 * Watches the case root and the templates folder with chokidar and feeds the
 * change queue: each batch of changes, once the files are quiet, becomes one
 * call of `rebuild`. Hidden files, editor backups and swap files, and the
 * output folder (when it lies inside a watched folder) are never watched.
 */
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { watch as chokidarWatch } from 'chokidar';
import { createChangeQueue, type Change, type ChangeKind, type Timer } from './queue.js';

export interface WatcherOptions {
  /** The folders to watch: the case root and the templates folder. */
  readonly folders: readonly string[];
  /** Never watched, nor anything under it: where the documents go. */
  readonly out: string;
  /** Each batch of changes, with absolute paths. Never called twice at once. */
  readonly rebuild: (changes: readonly Change[]) => Promise<void>;
  /** A rebuild that threw, or a watcher error; the watcher carries on. */
  readonly onError: (error: unknown) => void;
  readonly debounceMs?: number;
  readonly timer?: Timer;
  /** How long a file's size must hold still before its event counts (ms). */
  readonly stabilityThreshold?: number;
  /** Where file events come from: chokidar on `folders`, never reporting a path `ignored` says (tests feed events by hand). */
  readonly events?: (folders: string[], ignored: (path: string) => boolean) => FileEvents;
}

/** What the watcher uses of chokidar's FSWatcher. */
export interface FileEvents {
  on(event: 'all', listener: (event: string, path: string) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  once(event: 'ready', listener: () => void): unknown;
  close(): Promise<void>;
}

export interface Watcher {
  /** Resolves once the folders are scanned and events flow. */
  readonly ready: Promise<void>;
  /** Asks for a rebuild though no file changed (a new day); `reason` is passed as the batch's path. */
  poke(reason: string): void;
  /** Stops watching; resolves once a rebuild under way is done. */
  close(): Promise<void>;
}

/** Editor leftovers: `note.md~`, vim's `.note.md.swp` and its `4913` probe, emacs's `#note.md#`. */
const EDITOR_FILE = /(~|\.sw[a-p]|\.tmp)$|^#.*#$|^4913$/;

/** Whether a path under one of `folders` is never watched. Pure, so it is tested without a file system. */
export function isIgnored(path: string, folders: readonly string[], out: string): boolean {
  const absolute = resolve(path);
  const outDir = resolve(out);
  if (absolute === outDir || absolute.startsWith(outDir + sep)) return true;
  const folder = folders.map((f) => resolve(f)).find((f) => absolute === f || absolute.startsWith(f + sep));
  // Only the part below the watched folder counts: a root may itself sit in a hidden folder.
  const below = folder === undefined ? basename(absolute) : relative(folder, absolute);
  if (below === '' || isAbsolute(below)) return false;
  return below.split(sep).some((part) => part.startsWith('.') || EDITOR_FILE.test(part));
}

export function startWatcher(options: WatcherOptions): Watcher {
  const folders = [...new Set(options.folders.map((f) => resolve(f)))];
  const queue = createChangeQueue({
    run: options.rebuild,
    onError: options.onError,
    ...(options.debounceMs !== undefined ? { debounceMs: options.debounceMs } : {}),
    ...(options.timer ? { timer: options.timer } : {}),
  });
  const chokidar = (paths: string[], ignored: (path: string) => boolean): FileEvents =>
    chokidarWatch(paths, { ignoreInitial: true, ignored, awaitWriteFinish: { stabilityThreshold: options.stabilityThreshold ?? 50, pollInterval: 10 } });
  const watcher = (options.events ?? chokidar)(folders, (path) => isIgnored(path, folders, options.out));
  watcher.on('all', (event, path) => {
    if (event === 'add' || event === 'change' || event === 'unlink' || event === 'addDir' || event === 'unlinkDir') {
      queue.push(resolve(path), event satisfies ChangeKind);
    }
  });
  watcher.on('error', (error: unknown) => options.onError(error));
  const ready = new Promise<void>((done) => watcher.once('ready', () => done()));
  return {
    ready,
    poke: (reason) => queue.push(reason, 'change'),
    async close() {
      await watcher.close();
      await queue.close();
    },
  };
}
