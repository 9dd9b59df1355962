/**
 * Builds a case root for a test in a temporary folder: the starter root
 * (starter/, the same one `casepress init` writes) with a fixture's files laid
 * over it, some removed, and hostile things made that git cannot hold.
 */
import { cp, mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { narrativeDiagnostics } from '../../src/build/narrative-check.js';
import { sortDiagnostics } from '../../src/core/diagnostic.js';
import { listCaseRoot } from '../../src/io/list-root.js';
import { MAX_FILE_BYTES } from '../../src/load/decode.js';
import { loadCaseRoot, type LoadResult } from '../../src/load/load-root.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const STARTER = join(REPO, 'starter');

/** Things a fixture cannot commit: made in the temporary root by name. */
export const SETUPS: Record<string, (root: string) => Promise<void>> = {
  /** A 50 MB contact note: refused by size, never read. */
  'huge-file': async (root) => {
    const big = Buffer.alloc(50 * 1024 * 1024, 'a');
    await writeFile(join(root, 'children/C-0001/contacts/huge.md'), big);
  },
  /** A link that points at itself, and a folder link back to the case root. */
  'symlink-loop': async (root) => {
    await symlink('loop.md', join(root, 'children/C-0001/contacts/loop.md'));
    await symlink('../..', join(root, 'children/C-0001/visits/back-to-root'));
  },
  /** The logo as a link to an image beside it (validate and build both follow it). */
  'symlinked-logo': async (root) => {
    await rename(join(root, 'assets/logo.png'), join(root, 'assets/logo-2026.png'));
    await symlink('logo-2026.png', join(root, 'assets/logo.png'));
  },
  /** A link to a file that does not exist. */
  'broken-link': async (root) => {
    await symlink('does-not-exist.md', join(root, 'children/C-0001/contacts/2026-04-01.md'));
  },
};

export interface FixtureSpec {
  readonly remove?: readonly string[];
  readonly setup?: string;
}

export async function buildRoot(overlay: string | undefined, spec: FixtureSpec = {}): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'casepress-'));
  await cp(STARTER, root, { recursive: true });
  for (const path of spec.remove ?? []) await rm(join(root, path), { recursive: true, force: true });
  if (overlay) await cp(overlay, root, { recursive: true, force: true });
  if (spec.setup) {
    const setup = SETUPS[spec.setup];
    if (!setup) throw new Error(`unknown fixture setup "${spec.setup}"`);
    await setup(root);
  }
  return root;
}

/** The root loaded as `validate` loads it (cli/read-root.ts): the loader's diagnostics and the narratives'. */
export async function loadRoot(root: string): Promise<LoadResult> {
  const listing = await listCaseRoot(root, { maxFileBytes: MAX_FILE_BYTES });
  const loaded = loadCaseRoot(listing);
  const texts = new Map(listing.entries.flatMap((e) => (e.type === 'file' && e.bytes ? [[e.path, new TextDecoder().decode(e.bytes)] as const] : [])));
  return { root: loaded.root, diagnostics: sortDiagnostics([...loaded.diagnostics, ...narrativeDiagnostics(loaded.root, (file) => texts.get(file))]) };
}

export async function writeFiles(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}
