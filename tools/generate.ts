/**
 * `npm run gen`: writes a synthetic agency — a complete, valid case root that
 * looks like a real agency's — for benchmarks and tests.
 *
 *   npm run gen -- --children 2000 --homes 400 --seed 7 --out /tmp/big [--as-of 2026-11-23]
 *
 *   --children N   children in care (default 20); about 23 files each
 *   --homes N      foster homes (default a quarter of the children); 1-2 files each
 *   --seed N       any integer (default 1); the same seed and as-of give byte-identical files
 *   --out DIR      the case root to create; it must not exist or be empty
 *   --as-of DATE   YYYY-MM-DD the records run up to (default: today's date in UTC, printed)
 *
 * Every child has a hearing within 60 days after the as-of date, so
 * `casepress build DIR --as-of DATE` makes a court report for each child, a
 * service plan for most, a transition plan for youth 14 and older, and a home
 * study and a re-licensing packet per home. `casepress validate DIR` is clean.
 *
 * Benchmarks call `writeGeneratedAgency(out, options)` directly. The generator
 * itself (tools/gen/) is pure; this file does the writing, one file at a time
 * (synchronous writes never run out of file handles).
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { isRealDate } from '../src/core/calendar-date.js';
import { generateAgency, type GenerateOptions } from './gen/index.js';
import { EXIT, UsageError } from '../src/cli/exit.js';

export interface WriteSummary {
  readonly files: number;
  readonly bytes: number;
}

/** Writes the generated case root under `out` (created if missing; it should be empty). */
export function writeGeneratedAgency(out: string, options: GenerateOptions): WriteSummary {
  const made = new Set<string>();
  let files = 0;
  let bytes = 0;
  for (const file of generateAgency(options)) {
    const target = join(out, ...file.path.split('/'));
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const data = Buffer.from(file.text, 'utf8');
    writeFileSync(target, data);
    files++;
    bytes += data.length;
  }
  return { files, bytes };
}

function count(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}

function isNonEmptyFolder(path: string): boolean {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return false;
  if (!info.isDirectory()) throw new UsageError(`--out "${path}" is a file; give a new or empty folder`);
  return readdirSync(path).length > 0;
}

function main(argv: readonly string[]): number {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      children: { type: 'string' },
      homes: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'as-of': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.out) throw new UsageError('--out DIR is required (the folder to write the case root to)');
  const children = count(values.children, 'children', 20, 1);
  const options: GenerateOptions = {
    children,
    homes: count(values.homes, 'homes', Math.max(1, Math.round(children / 4)), 1),
    seed: count(values.seed, 'seed', 1, Number.MIN_SAFE_INTEGER),
    asOf: values['as-of'] ?? new Date().toISOString().slice(0, 10),
  };
  if (!isRealDate(options.asOf)) throw new UsageError(`--as-of must be a date in YYYY-MM-DD form, not "${options.asOf}"`);
  if (isNonEmptyFolder(values.out)) throw new UsageError(`--out "${values.out}" is not empty; give a new or empty folder (nothing was written)`);
  if (values['as-of'] === undefined) process.stdout.write(`as-of ${options.asOf} (today, UTC)\n`);
  const started = performance.now();
  const { files, bytes } = writeGeneratedAgency(values.out, options);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`wrote ${files} files (${options.children} children, ${options.homes} homes, ${(bytes / 1048576).toFixed(1)} MB) to ${values.out} as of ${options.asOf}, seed ${options.seed}, in ${seconds.toFixed(1)} s\n`);
  return EXIT.ok;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`casepress gen: ${error.message}\n`);
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`casepress gen: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = EXIT.internal;
    }
  }
}
