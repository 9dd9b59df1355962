/** `casepress init [dir]`: a small valid case root (one child, one home) to start from. */
import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../io/package-files.js';
import { EXIT, UsageError, type ExitCode } from '../exit.js';
import { writeSchemas } from './schema.js';

/** The starter root ships with the package, beside dist/. */
const STARTER = join(PACKAGE_ROOT, 'starter');

export async function init(dir: string, log: (line: string) => void): Promise<ExitCode> {
  const existing = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') throw new UsageError(`"${dir}" is a file; casepress init writes a new folder`);
    throw error;
  });
  if (existing.length > 0) {
    throw new UsageError(`"${dir}" already exists and is not empty; casepress init never overwrites files. Choose a new folder.`);
  }
  await cp(STARTER, dir, { recursive: true, errorOnExist: true, force: false });
  await writeSchemas(join(dir, 'schema'), () => undefined);
  log(`Wrote a starter case root to ${dir}: one child (children/C-0001), one home (homes/H-0001), JSON Schemas in schema/.`);
  log(`Next: edit ${join(dir, 'agency.yaml')}, then run: casepress validate ${dir}`);
  return EXIT.ok;
}
