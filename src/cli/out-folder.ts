/**
 * Before a command writes documents to --out: the folder must lie outside the
 * case root (outputs would mix into the case folders), must be casepress's or
 * empty (a stranger's same-named files would be overwritten; --force allows
 * it), and no other casepress may be writing to it (io/out-lock.ts). Each
 * refusal is a wrong command line (exit 2).
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CACHE_DIR, lockOut } from '../io/out-lock.js';
import { UsageError } from './exit.js';
import { settled } from './settle.js';

const MANIFEST = 'manifest.json';

export interface OutFolderOptions {
  /** The case root the documents are made from (none for the sample). */
  readonly root?: string;
  /** --force: write into a folder that holds other files. */
  readonly force?: boolean;
}

/** Checks and locks the folder; returns what releases it. */
export async function claimOutFolder(out: string, options: OutFolderOptions, log: (line: string) => void): Promise<() => Promise<void>> {
  if (options.root !== undefined && isWithin(realPath(out), realPath(options.root))) {
    throw new UsageError(`--out ${out} is the case root or inside it, so documents would mix with the case folders; choose a folder outside ${options.root}`);
  }
  if (!options.force && isStrangers(out)) {
    throw new UsageError(`--out ${out} holds files casepress did not write (it has no casepress ${MANIFEST}); its files of the same names would be overwritten. Choose an empty or new folder, or add --force to write into this one`);
  }
  const lock = await lockOut(out);
  if (lock.kind === 'held') {
    throw new UsageError(`another casepress (process ${lock.pid}${lock.host ? ` on ${lock.host}` : ''}) is writing to ${out}; wait for it to finish. If no casepress is running, delete ${lock.lock}`);
  }
  if (lock.tookOver?.removed.length) {
    const n = lock.tookOver.removed.length;
    log(`removed ${n} temporary file${n === 1 ? '' : 's'} left in ${out} by a casepress (process ${lock.tookOver.pid}) that was stopped while writing`);
  }
  // Released once what the command left running beside it (the parse cache's writing) is done.
  return async () => {
    await settled();
    await lock.release();
  };
}

/** The path with its links resolved; the part that does not exist yet is kept as written. */
function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
  }
}

function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** Non-empty, with neither casepress's cache folder nor a manifest in casepress's shape. */
function isStrangers(out: string): boolean {
  let names: string[];
  try {
    names = readdirSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new UsageError(`--out ${out} is a file, not a folder`);
    return false;
  }
  if (names.length === 0 || names.includes(CACHE_DIR)) return false;
  try {
    const manifest = JSON.parse(readFileSync(join(out, MANIFEST), 'utf8')) as { version?: unknown; tool?: unknown; outputs?: unknown };
    return !(manifest.version === 1 && typeof manifest.tool === 'string' && typeof manifest.outputs === 'object' && manifest.outputs !== null);
  } catch {
    return true;
  }
}
