/**
 * `casepress watch [root]`: the watch session (watch/session.ts) on the disk,
 * with the system clock and chokidar. The first build says what `build` says;
 * then one line per rebuild says what changed, what was rebuilt and how long
 * it took (data errors print their diagnostics above it). Ctrl-C (or SIGTERM)
 * stops watching once a rebuild under way has finished writing, and exits 0.
 * It holds --out while it runs (out-folder.ts).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import type { BuildResult } from '../../build/run.js';
import { systemClock } from '../../io/clock.js';
import { nodeFileSystem } from '../../io/file-system.js';
import { watchSession, type WatchOptions } from '../../watch/session.js';
import { readReferenceDocx } from '../reference-docx.js';
import { nodeSources } from '../build-ports.js';
import { textReport } from '../build-report.js';
import { EXIT, type ExitCode } from '../exit.js';
import { claimOutFolder } from '../out-folder.js';

export type { WatchOptions };

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

export interface WatchCommandOptions extends Omit<WatchOptions, 'referenceDocx'> {
  /** `--reference-docx`: a Word file whose styles the DOCX takes (read and checked once, before the first build). */
  readonly referenceDocx?: string;
}

export async function watch(rootArg: string, commandOptions: WatchCommandOptions, log: (line: string) => void, control: WatchControl = {}): Promise<ExitCode> {
  const { referenceDocx, ...rest } = commandOptions;
  const reference = referenceDocx && rest.format.includes('docx') ? await readReferenceDocx(referenceDocx) : undefined;
  const options: WatchOptions = reference ? { ...rest, referenceDocx: reference } : rest;
  const release = await claimOutFolder(options.out, { root: rootArg, force: options.force === true }, log);
  const stop = stopSignal(control.signal);
  const print = (text: string) => void process.stdout.write(text);
  const root = resolve(rootArg);
  const shown = (path: string) => {
    if (!isAbsolute(path)) return path;
    const base = path === root || path.startsWith(root + sep) ? root : process.cwd();
    const rel = relative(base, path);
    return rel.startsWith('..') ? path : rel || '.';
  };
  try {
    await watchSession({
      root: rootArg,
      options,
      ports: { files: nodeFileSystem, clock: control.today ? { ...systemClock, today: control.today } : systemClock, sources: nodeSources },
      report: {
        // A rebuild's own lines are kept back (the diagnostics it prints are not): the outcome makes the one line.
        build: (first) => textReport({ log: first ? log : () => {}, print, quiet: true }),
        watching: (templates) => log(`${pc.cyan('watching')} ${rootArg} and ${shown(templates)} for changes; Ctrl-C stops`),
        rebuilt: (changes, result, ms) =>
          log(rebuildLine(changes.map((c) => `${shown(c.path)}${c.kind === 'unlink' || c.kind === 'unlinkDir' ? ' (deleted)' : c.kind === 'add' ? ' (new)' : ''}`), result, (ms / 1000).toFixed(1))),
        error: (error) => log(`${time()} ${pc.red('✖')} could not rebuild: ${error instanceof Error ? error.message : String(error)}; still watching`),
        stopped: () => log('stopped watching'),
      },
      signal: stop.signal,
      debounceMs: control.debounceMs ?? DEBOUNCE_MS,
      dayCheckMs: control.dayCheckMs ?? 60_000,
    });
    return EXIT.ok;
  } finally {
    stop.dispose();
    await release();
  }
}

/** One line for one rebuild, from what the build did. */
export function rebuildLine(changed: readonly string[], result: BuildResult, seconds: string): string {
  const parts: string[] = [];
  if (result.dataErrors) {
    parts.push(`${pc.red('the data has errors (above)')}: nothing rebuilt; the last good documents are kept`);
  } else {
    if (result.built.length) parts.push(`${pc.green('rebuilt')} ${list(result.built, 'document')}`);
    if (result.failed.length) parts.push(`${pc.red('failed')} ${list(result.failed.map((f) => f.output), 'document')}`);
    if (result.removed.length) parts.push(`${pc.cyan('removed')} ${list(result.removed, 'file')}`);
    if (!parts.length) parts.push(result.ok ? 'no document affected' : pc.red('nothing rebuilt (see above)'));
  }
  const mark = result.ok ? pc.green('✔') : pc.red('✖');
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

/** Aborts on the first SIGINT or SIGTERM (or when `signal` aborts); a second Ctrl-C is the default: exit at once. */
function stopSignal(signal: AbortSignal | undefined) {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  if (signal?.aborted) controller.abort();
  else if (signal) signal.addEventListener('abort', onSignal, { once: true });
  else {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return {
    signal: controller.signal,
    dispose: () => {
      signal?.removeEventListener('abort', onSignal);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
