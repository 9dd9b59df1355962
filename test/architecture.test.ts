/**
 * The layers of architecture.md hold: a lower layer never imports a higher one,
 * and only io/ and cli/ touch the file system, the process or the clock.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture-root.js';

const SRC = join(REPO, 'src');
/** What each layer may import from src/ (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  model: ['core'],
  load: ['core', 'model'],
  templates: ['core'],
  document: ['core'],
  render: ['core', 'document'],
  // compute reads the loaded case root as model/case-root.ts types it: the records with where they came from.
  compute: ['core', 'model'],
  build: ['core', 'model', 'load', 'compute', 'templates', 'document', 'render'],
  bench: ['core', 'model', 'load', 'compute', 'templates', 'document', 'render', 'build', 'io', 'gen', 'watch', 'cli'],
  // The synthetic agency generator: records in, YAML and Markdown text out.
  gen: ['core', 'model'],
  io: ['core', 'render'],
  watch: ['core', 'build', 'io', 'load'],
  cli: ['core', 'model', 'load', 'io', 'compute', 'templates', 'document', 'render', 'build', 'watch', 'gen'],
};
/** npm packages a layer may use. */
const PACKAGES: Record<string, readonly string[]> = {
  core: [],
  model: ['zod'],
  load: ['yaml', 'js-yaml', 'zod'],
  templates: ['handlebars'],
  document: ['markdown-it'],
  render: ['pdfkit', 'docx', 'fflate'],
  compute: ['zod'],
  build: ['piscina'],
  bench: [],
  gen: ['yaml'],
  io: [],
  watch: ['chokidar'],
  cli: ['commander', 'picocolors', 'cli-progress', 'cli-table3', 'yaml'],
};
const EFFECTFUL = /\b(node:fs|node:child_process|process\.|Date\.now\(|new Date\(\))/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('layering', () => {
  const files = sources(SRC);

  it.each(files.map((f) => relative(SRC, f)))('%s imports only what its layer may', (file) => {
    const layer = file.split('/')[0]!;
    expect(Object.keys(ALLOWED), `unknown layer ${layer}`).toContain(layer);
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const [, spec] of text.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
      if (spec!.startsWith('.')) {
        const target = relative(SRC, join(SRC, file, '..', spec!)).split('/')[0]!;
        if (target !== layer) expect(ALLOWED[layer], `${file} imports ${spec}`).toContain(target);
      } else if (!spec!.startsWith('node:')) {
        expect(PACKAGES[layer], `${file} imports ${spec}`).toContain(spec!.split('/')[0]);
      }
    }
    // The two writers never import each other: each reads only the document tree.
    if (file.startsWith('render/pdf/')) expect(text).not.toMatch(/from '\.\.\/docx\//);
    if (file.startsWith('render/docx/')) expect(text).not.toMatch(/from '\.\.\/pdf\//);
    if (!['io', 'cli', 'bench'].includes(layer)) {
      expect(text.replace(/^\s*(\/\/|\*).*$/gm, ''), `${file} reaches the file system, process or clock`).not.toMatch(EFFECTFUL);
    }
  });
});
