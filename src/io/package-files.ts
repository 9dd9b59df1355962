/** Files that ship with casepress itself: templates, the starter root, the sample data. */
import { constants, existsSync } from 'node:fs';
import { open, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative, sep } from 'node:path';

/**
 * The package's own folder: the nearest one above this file that holds
 * package.json (dist/io/ when built, src/io/ under the tests, dist-tools/src/io/
 * in the tools' build: tsconfig.tools.json).
 */
export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

declare global {
  interface ImportMeta {
    /** True in the bundle that `npm run build` makes (rolldown.config.mjs defines it); undefined when the sources run. */
    readonly bundled?: boolean;
  }
}

/**
 * The folder of the running code: dist/ when bundled (every chunk sits there),
 * the source folder (src/) when the tests run the sources.
 */
export const CODE_DIR = import.meta.bundled ? dirname(fileURLToPath(import.meta.url)) : dirname(dirname(fileURLToPath(import.meta.url)));

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export interface TemplateSources {
  /** As shown in messages: relative to the working folder when inside it. */
  readonly file: string;
  readonly source: string;
  readonly partials: Record<string, string>;
  /** labels.yaml beside the template: the words every document prints for codes. */
  readonly labels?: { readonly file: string; readonly text: string };
}

/** Why a template's file was refused: it is shown to the user after the template's name. */
export class TemplateFileError extends Error {
  override readonly name = 'TemplateFileError';
}

/**
 * A template and every partial beside it (templates/partials/<name>.md.hbs).
 * Its folder is a boundary: every file is resolved and must stay inside it,
 * and only regular files are read (a pipe named like a partial would never end).
 */
export async function readTemplate(path: string): Promise<TemplateSources> {
  const folder = await realpath(dirname(path));
  const source = await readInside(path, folder);
  const partialsDir = join(path, '..', 'partials');
  const names = await readdir(partialsDir).catch(() => [] as string[]);
  const partials: Record<string, string> = {};
  for (const name of names.filter((n) => n.endsWith('.md.hbs')).sort()) {
    partials[name.slice(0, -'.md.hbs'.length)] = await readInside(join(partialsDir, name), folder);
  }
  const show = (p: string) => {
    const shown = relative(process.cwd(), p);
    return shown.startsWith('..') ? p : shown;
  };
  const labelsPath = join(path, '..', 'labels.yaml');
  const labels = existsSync(labelsPath) ? await readInside(labelsPath, folder) : undefined;
  return { file: show(path), source, partials, ...(labels !== undefined ? { labels: { file: show(labelsPath), text: labels } } : {}) };
}

/** A regular file's text, when it resolves to a place inside `folder` (a real path). */
async function readInside(path: string, folder: string): Promise<string> {
  const real = await realpath(path);
  if (real !== folder && !real.startsWith(folder.endsWith(sep) ? folder : folder + sep)) throw new TemplateFileError(`${path} leads out of the templates folder (to ${real})`);
  // Opened without waiting, then checked: a pipe is refused, never read.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await handle.stat()).isFile()) throw new TemplateFileError(`${path} is not a regular file (a pipe, socket or device)`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Every file under <root>/assets, keyed as templates write them ("assets/logo.png"). */
export async function readAssets(root: string): Promise<Record<string, Uint8Array>> {
  const images: Record<string, Uint8Array> = {};
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      // A link is followed, as the listing that validate checks follows it (io/list-root.ts).
      const kind = entry.isSymbolicLink() ? await stat(full).catch(() => undefined) : entry;
      if (kind?.isDirectory()) await walk(full);
      else if (kind?.isFile() && /\.(png|jpe?g)$/i.test(entry.name)) images[relative(root, full).split('\\').join('/')] = await readFile(full);
    }
  };
  await walk(join(root, 'assets'));
  return images;
}
