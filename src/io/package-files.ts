/** Files that ship with casepress itself: templates, the starter root, the sample data. */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

/**
 * The package's own folder: the nearest one above this file that holds
 * package.json (dist/io/ when built, src/io/ under the tests, dist-tools/src/io/
 * in the tools' build: tsconfig.tools.json).
 */
export const PACKAGE_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

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

/** A template and every partial beside it (templates/partials/<name>.md.hbs). */
export async function readTemplate(path: string): Promise<TemplateSources> {
  const source = await readFile(path, 'utf8');
  const partialsDir = join(path, '..', 'partials');
  const names = await readdir(partialsDir).catch(() => [] as string[]);
  const partials: Record<string, string> = {};
  for (const name of names.filter((n) => n.endsWith('.md.hbs')).sort()) {
    partials[name.slice(0, -'.md.hbs'.length)] = await readFile(join(partialsDir, name), 'utf8');
  }
  const show = (p: string) => {
    const shown = relative(process.cwd(), p);
    return shown.startsWith('..') ? p : shown;
  };
  const labelsPath = join(path, '..', 'labels.yaml');
  const labels = await readFile(labelsPath, 'utf8').catch(() => undefined);
  return { file: show(path), source, partials, ...(labels !== undefined ? { labels: { file: show(labelsPath), text: labels } } : {}) };
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
