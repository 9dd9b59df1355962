/**
 * Progress of a long build: on a terminal, a bar (cli-progress) with documents
 * done, rate and time left, and lines printed above it; otherwise plain lines,
 * one per document for a small build and one every few seconds for a big one.
 */
import { createRequire } from 'node:module';

/** cli-progress is loaded only to draw a bar: a one-document command or a build without a terminal never needs it. */
const cliProgress = (): typeof import('cli-progress') => createRequire(import.meta.url)('cli-progress') as typeof import('cli-progress');

export interface Progress {
  /** A document is done (built, up to date or failed); `line` is what a small build prints for it. */
  done(line?: string): void;
  /** A line that must be seen whatever the size of the build (a failure, a warning). */
  log(line: string): void;
  stop(): void;
}

/** Builds with more documents than this get a bar or periodic lines instead of a line per document. */
export const PER_DOCUMENT_LINES = 20;
const PERIOD_MS = 5_000;

export interface ProgressOptions {
  readonly total: number;
  readonly log: (line: string) => void;
  /** A terminal to draw the bar on (stderr), or undefined for plain lines. */
  readonly terminal?: NodeJS.WriteStream;
  readonly now?: () => number;
}

export function startProgress(options: ProgressOptions): Progress {
  const { total, log } = options;
  if (total <= PER_DOCUMENT_LINES) return lineProgress(log);
  return options.terminal ? barProgress(total, options.terminal) : periodicProgress(total, log, options.now ?? (() => performance.now()));
}

/** A line per document that says something. */
export function lineProgress(log: (line: string) => void): Progress {
  return { done: (line) => line !== undefined && log(line), log, stop: () => {} };
}

function barProgress(total: number, stream: NodeJS.WriteStream): Progress {
  const { MultiBar, Presets } = cliProgress();
  const bars = new MultiBar(
    {
      stream,
      format: ' {bar} {value}/{total} documents | {rate} per second | {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
      fps: 5,
    },
    Presets.shades_classic,
  );
  const started = performance.now();
  const bar = bars.create(total, 0, { rate: '0.0' });
  let count = 0;
  return {
    done() {
      count++;
      bar.update(count, { rate: (count / ((performance.now() - started) / 1000)).toFixed(1) });
    },
    log: (line) => bars.log(`${line}\n`),
    stop: () => bars.stop(),
  };
}

function periodicProgress(total: number, log: (line: string) => void, now: () => number): Progress {
  const started = now();
  let last = started;
  let count = 0;
  return {
    done() {
      count++;
      const at = now();
      if (at - last < PERIOD_MS || count === total) return;
      last = at;
      const rate = count / ((at - started) / 1000);
      log(`  ${count} of ${total} documents (${Math.floor((100 * count) / total)}%), ${rate.toFixed(1)} per second, about ${duration((total - count) / rate)} left`);
    },
    log,
    stop: () => {},
  };
}

/** "45 s", "3 min 05 s". */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
