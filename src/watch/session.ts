/**
 * A watch session (`casepress watch`): build every document once, then keep
 * them current while case managers write. Each batch of saved files runs the
 * build engine again; the fingerprints make it rebuild only the documents that
 * read a changed file, and only those a change can affect are looked at
 * (affected.ts). The root is listed again only where it changed and each file
 * parsed again only when its bytes did. Without an as-of date, the documents
 * are rebuilt when the agency's day changes. The caseload statistics the
 * manifest records (made by `casepress stats`) are kept current with the rest
 * (recorded-stats.ts).
 *
 * Data with errors builds nothing: the build's report prints the diagnostics,
 * the last good documents stay as they are, and watching goes on. Stopping
 * (the signal) waits for a rebuild under way to finish writing.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { BuildPorts, Report } from '../build/ports.js';
import { planJobs } from '../build/jobs.js';
import { runBuild, type BuildOptions, type BuildResult } from '../build/run.js';
import type { RootListing } from '../core/listing.js';
import { listCaseRoot } from '../io/list-root.js';
import { relist, type ChangedPath } from '../io/relist.js';
import { MAX_FILE_BYTES } from '../load/decode.js';
import type { MemoizedFile } from '../load/load-root.js';
import { affectedBy, type RootChange } from './affected.js';
import { realTimer, type Change, type Timer } from './queue.js';
import { recordedStats } from './recorded-stats.js';
import { startWatcher, type Watcher, type WatcherOptions } from './watcher.js';

export type WatchOptions = Omit<BuildOptions, 'prune' | 'affects' | 'read' | 'recordedJobs'>;

/** What a watch session says: the builds' own reports, and a line per rebuild. */
export interface WatchReport {
  /** The report of one build: the first says all a build says; a rebuild's, only its diagnostics (the rebuild line says the rest). */
  build(first: boolean): Report;
  /** Watching has begun (the root and templates folders, absolute). */
  watching(templates: string): void;
  /** A batch of changes was rebuilt (`changes`: absolute paths, or a reason such as a new day). */
  rebuilt(changes: readonly Change[], result: BuildResult, elapsedMs: number): void;
  /** A rebuild threw, or the watcher failed; watching goes on. */
  error(error: unknown): void;
  /** Watching has stopped (not said when stopped during the first build). */
  stopped(): void;
}

export interface WatchSession {
  readonly root: string;
  readonly options: WatchOptions;
  readonly ports: Omit<BuildPorts, 'report'>;
  readonly report: WatchReport;
  /** Stops watching when aborted. */
  readonly signal: AbortSignal;
  /** Quiet time before a batch of changes is rebuilt (ms). */
  readonly debounceMs: number;
  /** How often to look whether the agency's day has changed (ms). */
  readonly dayCheckMs: number;
  /** Where file events come from: chokidar (watcher.ts) unless a test feeds them. */
  readonly watcher?: (options: WatcherOptions) => Watcher;
  /** The timer of the debounce and of the day check. */
  readonly timer?: Timer;
}

export async function watchSession(session: WatchSession): Promise<void> {
  const { options, ports, report, signal } = session;
  const rootArg = session.root;
  const timer = session.timer ?? realTimer;
  // Like `build` without filters: every document, and outputs whose job is gone removed;
  // --audience narrows the documents, so nothing is pruned then.
  // --force rebuilds everything once, at the start; after that only what a change affects.
  // The statistics `stats` made are kept current too, unless --audience narrows the documents to one reader's.
  const buildOptions: BuildOptions = { ...options, prune: !options.audience, force: false, ...(options.audience ? {} : { recordedJobs: recordedStats }) };
  const filter = { ...(options.audience ? { audience: options.audience } : {}), ...(options.parent ? { parent: options.parent } : {}) };
  const plan = (root: Parameters<typeof planJobs>[0], asOf: string) => planJobs(root, asOf, filter);
  /** The as-of day of the last build that knew it, and the agency's time zone. */
  let day: BuildResult['day'];
  // The root as last read: each rebuild lists again only the folders that changed, and parses only the files that did.
  const memo = new Map<string, MemoizedFile>();
  let listing: RootListing | undefined;
  const read = (changed: readonly ChangedPath[] | undefined) => ({
    memo,
    list: async () =>
      (listing = listing && changed ? await relist(rootArg, listing, changed, { maxFileBytes: MAX_FILE_BYTES }) : await listCaseRoot(rootArg, { maxFileBytes: MAX_FILE_BYTES })),
  });
  day = (await runBuild(rootArg, { ...buildOptions, force: options.force === true, read: read(undefined) }, plan, { ...ports, report: report.build(true) })).day;
  if (signal.aborted) return;
  const root = resolve(rootArg);
  const templates = resolve(options.templates ?? ports.sources.templatesDir);
  const rebuild = async (changes: readonly Change[]) => {
    const started = ports.clock.now();
    // Only the documents the saved files can change are looked at (a template or a new day: all).
    const inside = underRoot(root, changes);
    const affects = inside && affectedBy(inside);
    const changed = inside?.map((c) => ({ path: c.path, folder: c.kind === 'addDir' || c.kind === 'unlinkDir' }));
    const result = await runBuild(rootArg, { ...buildOptions, read: read(changed), ...(affects ? { affects } : {}) }, plan, { ...ports, report: report.build(false) });
    day = result.day ?? day;
    report.rebuilt(changes, result, ports.clock.now() - started);
  };
  const watcher = (session.watcher ?? startWatcher)({ folders: [root, templates], out: options.out, rebuild, onError: report.error, debounceMs: session.debounceMs, timer });
  // A new day moves the as-of date, and with it every document: rebuild then.
  let dayCheck: unknown;
  const checkDay = () => {
    dayCheck = timer.set(checkDay, session.dayCheckMs);
    const today = day && ports.clock.today(day.timeZone);
    if (day && today !== day.asOf) watcher.poke(`(a new day: ${today})`);
  };
  if (!options.asOf) dayCheck = timer.set(checkDay, session.dayCheckMs);
  await watcher.ready;
  report.watching(templates);
  await new Promise<void>((stopped) => (signal.aborted ? stopped() : signal.addEventListener('abort', () => stopped(), { once: true })));
  if (dayCheck !== undefined) timer.clear(dayCheck);
  await watcher.close();
  report.stopped();
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
