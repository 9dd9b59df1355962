/**
 * A casepress command in a process of its own, as a user runs it: its wall
 * time, and the CPU time (every thread's) and peak RSS of that process, which
 * the preloaded peak-rss.ts writes as it exits.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PACKAGE_ROOT } from '../../src/io/package-files.js';

export interface CommandUsage {
  readonly seconds: number;
  readonly cpu_seconds: number;
  readonly peak_rss_mb: number;
}

const BIN = join(PACKAGE_ROOT, 'bin/casepress');

/** Runs `casepress ARGS` with this Node (or `node`); `work` holds the usage file. A failed command throws with its output. */
export function measureCommand(args: readonly string[], work: string, node = process.execPath): CommandUsage {
  const usageFile = join(work, 'command-usage.json');
  mkdirSync(work, { recursive: true });
  const started = performance.now();
  const run = spawnSync(node, ['--import', new URL('./peak-rss.js', import.meta.url).href, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CASEPRESS_BENCH_USAGE: usageFile },
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`casepress ${args.join(' ')} exited ${run.status}:\n${run.stdout.slice(-2000)}${run.stderr.slice(-2000)}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
  return { seconds, cpu_seconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6, peak_rss_mb: usage.maxRSS / 1024 };
}
