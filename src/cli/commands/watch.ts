/**
 * `casepress watch [root]`: build every document once, then keep them current
 * while case managers write. Each batch of saved files runs `build` again; the
 * fingerprints make it rebuild only the documents that read a changed file.
 * One line per rebuild says what changed, what was rebuilt and how long it took.
 *
 * Data with errors builds nothing: build prints the diagnostics, the last good
 * documents stay as they are, and watching goes on. Ctrl-C (or SIGTERM) stops
 * watching once a rebuild under way has finished writing, and exits 0.
 * Without --as-of, the documents are rebuilt when the agency's day changes.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import pc from 'picocolors';
import { planJobs } from '../../build/jobs.js';
import { today } from '../../io/clock.js';
import { PACKAGE_ROOT } from '../../io/package-files.js';
import type { RootListing } from '../../core/listing.js';
import { listCaseRoot } from '../../io/list-root.js';
import { relist, type ChangedPath } from '../../io/relist.js';
import { MAX_FILE_BYTES } from '../../load/decode.js';
import type { MemoizedFile } from '../../load/load-root.js';
import { affectedBy, type RootChange } from '../../watch/affected.js';
import type { Change } from '../../watch/queue.js';
import { startWatcher } from '../../watch/watcher.js';
import { EXIT, type ExitCode } from '../exit.js';
import type { ReadRootOptions } from '../../build/ports.js';
import { build, type BuildOptions, type BuildOutcome } from './build.js';

export type WatchOptions = Omit<BuildOptions, 'prune'>;

export interface WatchControl {
  /** Stops watching when aborted (tests); by default SIGINT and SIGTERM do. */
  readonly signal?: AbortSignal;
  readonly debounceMs?: number;
  /** How often to look whether the agency's day has changed (ms). */
  readonly dayCheckMs?: number;
  /** Today's date in a time zone (tests move it past midnight). */
  readonly today?: (timeZone?: string) => string;
}

const MAX_LISTED = 3;
/**
 * Quiet time before a rebuild. chokidar already holds each file's event until
 * its size has stood still for 50 ms (awaitWriteFinish), and an editor's
 * save-by-rename comes as events a few ms apart: 40 ms more batches them.
 */
const DEBOUNCE_MS = 40;

export async function watch(rootArg: string, options: WatchOptions, log: (line: string) => void, control: WatchControl = {}): Promise<ExitCode> {
  const stop = stopSignal(control.signal);
  try {
    // Like `build` without filters: every document, and outputs whose job is gone removed;
    // --audience narrows the documents, so nothing is pruned then.
    // --force rebuilds everything once, at the start; after that only what a change affects.
    const clock = control.today ?? today;
    const buildOptions: BuildOptions = { ...options, prune: !options.audience, force: false, quiet: true, today: clock };
    const filter = { ...(options.audience ? { audience: options.audience } : {}), ...(options.parent ? { parent: options.parent } : {}) };
    const plan = (root: Parameters<typeof planJobs>[0], asOf: string) => planJobs(root, asOf, filter);
    /** The as-of day of the last build that knew it, and the agency's time zone. */
    let day: BuildOutcome['day'];

    // The root as last read: each rebuild lists again only the folders that changed, and parses only the files that did.
    const memo = new Map<string, MemoizedFile>();
    let listing: RootListing | undefined;
    const read = (changed: readonly ChangedPath[] | undefined): ReadRootOptions => ({
      memo,
      list: async () =>
        (listing = listing && changed ? await relist(rootArg, listing, changed, { maxFileBytes: MAX_FILE_BYTES }) : await listCaseRoot(rootArg, { maxFileBytes: MAX_FILE_BYTES })),
    });

    day = (await build(rootArg, { ...buildOptions, force: options.force === true, read: read(undefined) }, plan, log)).day;
    if (stop.signal.aborted) return EXIT.ok;

    const root = resolve(rootArg);
    const templates = resolve(options.templates ?? join(PACKAGE_ROOT, 'templates'));
    const shown = (path: string) => {
      if (!isAbsolute(path)) return path;
      const base = path === root || path.startsWith(root + sep) ? root : process.cwd();
      const rel = relative(base, path);
      return rel.startsWith('..') ? path : rel || '.';
    };

    const rebuild = async (changes: readonly Change[]) => {
      const started = performance.now();
      // Build's own lines are kept back (the diagnostics it prints are not): the outcome makes the one line.
      // Only the documents the saved files can change are looked at (a template or a new day: all).
      const inside = underRoot(root, changes);
      const affects = inside && affectedBy(inside);
      const changed = inside?.map((c) => ({ path: c.path, folder: c.kind === 'addDir' || c.kind === 'unlinkDir' }));
      const outcome = await build(rootArg, { ...buildOptions, read: read(changed), ...(affects ? { affects } : {}) }, plan, () => {});
      day = outcome.day ?? day;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(rebuildLine(changes.map((c) => `${shown(c.path)}${c.kind === 'unlink' || c.kind === 'unlinkDir' ? ' (deleted)' : c.kind === 'add' ? ' (new)' : ''}`), outcome, seconds));
    };

    const watcher = startWatcher({
      folders: [root, templates],
      out: options.out,
      rebuild,
      onError: (error) => log(`${time()} ${pc.red('✖')} could not rebuild: ${error instanceof Error ? error.message : String(error)}; still watching`),
      debounceMs: control.debounceMs ?? DEBOUNCE_MS,
    });
    // A new day moves the as-of date, and with it every document: rebuild then.
    const dayTimer = options.asOf
      ? undefined
      : setInterval(() => {
          if (day && clock(day.timeZone) !== day.asOf) watcher.poke(`(a new day: ${clock(day.timeZone)})`);
        }, control.dayCheckMs ?? 60_000);
    await watcher.ready;
    log(`${pc.cyan('watching')} ${rootArg} and ${shown(templates)} for changes; Ctrl-C stops`);

    await stop.stopped;
    if (dayTimer) clearInterval(dayTimer);
    await watcher.close();
    log('stopped watching');
    return EXIT.ok;
  } finally {
    stop.dispose();
  }
}

/** The batch as paths under the case root; undefined when a change lies outside it (a template, a new day). */
function underRoot(root: string, changes: readonly Change[]): RootChange[] | undefined {
  const inside: RootChange[] = [];
  for (const change of changes) {
    // A poke ("(a new day: …)") is not a path.
    if (!isAbsolute(change.path)) return undefined;
    const rel = relative(root, change.path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    inside.push({ path: rel.split(sep).join('/'), kind: change.kind });
  }
  return inside;
}

/** One line for one rebuild, from what the build did. */
export function rebuildLine(changed: readonly string[], outcome: BuildOutcome, seconds: string): string {
  const parts: string[] = [];
  if (outcome.dataErrors) {
    parts.push(`${pc.red('the data has errors (above)')}: nothing rebuilt; the last good documents are kept`);
  } else {
    if (outcome.built.length) parts.push(`${pc.green('rebuilt')} ${list(outcome.built, 'document')}`);
    if (outcome.failed.length) parts.push(`${pc.red('failed')} ${list(outcome.failed.map((f) => f.output), 'document')}`);
    if (outcome.removed.length) parts.push(`${pc.cyan('removed')} ${list(outcome.removed, 'file')}`);
    if (!parts.length) parts.push(outcome.code === EXIT.ok ? 'no document affected' : pc.red('nothing rebuilt (see above)'));
  }
  const mark = outcome.code === EXIT.ok ? pc.green('✔') : pc.red('✖');
  const what = changed.length === 1 ? changed[0]! : `${changed.length} files (${changed.slice(0, MAX_LISTED).join(', ')}${changed.length > MAX_LISTED ? ` and ${changed.length - MAX_LISTED} more` : ''})`;
  return `${time()} ${mark} ${what} changed: ${parts.join('; ')} (${seconds} s)`;
}

function list(items: readonly string[], noun: string): string {
  const head = items.slice(0, MAX_LISTED).join(', ');
  const more = items.length > MAX_LISTED ? ` and ${items.length - MAX_LISTED} more` : '';
  return items.length === 1 ? head : `${items.length} ${noun}s: ${head}${more}`;
}

function time(): string {
  return pc.dim(new Date().toTimeString().slice(0, 8));
}

/** Resolves on the first SIGINT or SIGTERM (or when `signal` aborts); a second Ctrl-C is the default: exit at once. */
function stopSignal(signal: AbortSignal | undefined) {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  if (signal?.aborted) controller.abort();
  else if (signal) signal.addEventListener('abort', onSignal, { once: true });
  else {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  const stopped = new Promise<void>((done) => {
    if (controller.signal.aborted) done();
    else controller.signal.addEventListener('abort', () => done(), { once: true });
  });
  return {
    signal: controller.signal,
    stopped,
    dispose: () => {
      signal?.removeEventListener('abort', onSignal);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
