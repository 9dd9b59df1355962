/**
 * `casepress init [dir]`: a small valid case root (one child, one home) to
 * start from, its dates moved to the month init runs in, so its first build
 * warns only about what the starter's README says it demonstrates.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { monthsBetween, shiftFileDates, shiftNameDate } from '../../load/shift-dates.js';
import { today } from '../../io/clock.js';
import { PACKAGE_ROOT } from '../../io/package-files.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { writeSchemas } from './schema.js';

/** The starter root ships with the package, beside dist/. */
const STARTER = join(PACKAGE_ROOT, 'starter');

/**
 * The month the starter's dates are written for: init moves each of them by the
 * whole months from this one to today's. (Every starter date is on or before
 * the 28th, and the only one in this month is the 1st, so none lands after
 * today nor changes its order: test/init-starter.test.ts.)
 */
export const STARTER_MONTH = '2026-11';

export interface InitOptions {
  /** The day to write the starter for (default: today in the starter agency's time zone). */
  readonly today?: string;
}

export async function init(dir: string, log: (line: string) => void, options: InitOptions = {}): Promise<ExitCode> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new UsageError(`"${dir}" is a file; casepress init writes a new folder`);
    throw error;
  });
  if (existing.length > 0) {
    throw new UsageError(`"${dir}" already exists and is not empty; casepress init never overwrites files. Choose a new folder.`);
  }
  // The starter agency's time zone is the default one.
  const months = monthsBetween(STARTER_MONTH, options.today ?? today());
  for (const file of await filesUnder(STARTER)) {
    const bytes = await readFile(join(STARTER, file));
    const to = join(dir, dirname(file), shiftNameDate(basename(file), months));
    await mkdir(dirname(to), { recursive: true });
    await writeFile(to, /\.(ya?ml|md)$/i.test(file) ? shiftFileDates(file, bytes.toString('utf8'), months) : bytes, { flag: 'wx' });
  }
  await writeSchemas(join(dir, 'schema'), () => undefined);
  log(`Wrote a starter case root to ${dir}: one child (children/C-0001), one home (homes/H-0001), JSON Schemas in schema/; its README.md says what the first build warns about.`);
  log(`Next: edit ${join(dir, 'agency.yaml')}, then run: casepress validate ${dir}`);
  return EXIT.ok;
}

/** Every file under a folder, as paths relative to it, in a stable order. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)))
    .sort();
}
