/**
 * The layers of architecture.md hold: a lower layer never imports a higher one,
 * and only io/, watch/ and cli/ may touch the file system, the process or the
 * clock — the build engine (build/) reaches them through its ports. The
 * generator and the benches (tools/) are not shipped: src/ never imports them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/fixture-root.js';

const SRC = join(REPO, 'src');
const TOOLS = join(REPO, 'tools');
/** What each layer may import from src/ (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  model: ['core'],
  load: ['core', 'model'],
  // architecture.md: core ← model ← compute ← templates (the words of compute's typed facts, e.g. a `due` detail).
  templates: ['core', 'compute'],
  document: ['core'],
  render: ['core', 'document'],
  // compute reads the loaded case root as model/case-root.ts types it: the records with where they came from.
  compute: ['core', 'model'],
  // preflight (issue 16) reads PDF bytes with a parser; cli and build call it.
  preflight: ['core', 'model'],
  build: ['core', 'model', 'load', 'compute', 'templates', 'document', 'render', 'preflight'],
  io: ['core', 'render'],
  watch: ['core', 'build', 'io', 'load'],
  // The build's renders through a queue on Redis (build --queue, worker): the build's renderer and ports, over the network.
  queue: ['core', 'build'],
  cli: ['core', 'model', 'load', 'io', 'compute', 'templates', 'document', 'render', 'preflight', 'build', 'watch', 'queue'],
};
/** npm packages a layer may use. */
const PACKAGES: Record<string, readonly string[]> = {
  core: [],
  model: ['zod'],
  load: ['yaml', 'js-yaml', 'zod'],
  templates: ['handlebars'],
  document: ['markdown-it'],
  render: ['pdfkit', 'fast-png', 'jpeg-js'],
  compute: ['zod'],
  preflight: ['pdfjs-dist', 'saxes'],
  build: ['piscina'],
  io: [],
  watch: ['chokidar'],
  queue: ['bullmq', 'ioredis'],
  cli: ['commander', 'picocolors', 'cli-progress', 'cli-table3', 'yaml'],
};
const EFFECTFUL = /\b(node:fs|node:child_process|process\.|Date\.now\(|new Date\(\)|performance\.now\()/;
/** The layers that may reach the file system, the process and the clock. */
const EFFECTS_ALLOWED = ['io', 'watch', 'cli'];

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
    if (!EFFECTS_ALLOWED.includes(layer)) {
      expect(text.replace(/^\s*(\/\/|\*).*$/gm, ''), `${file} reaches the file system, process or clock`).not.toMatch(EFFECTFUL);
    }
  });

  it('the build engine is free of node:fs, the process and the clock (it has ports for them)', () => {
    const engine = files.filter((f) => relative(SRC, f).startsWith('build/'));
    expect(engine.map((f) => relative(SRC, f))).toContain('build/run.ts');
    for (const file of engine) expect(readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, ''), file).not.toMatch(EFFECTFUL);
  });
});

describe('tools (the generator and the benches)', () => {
  const files = sources(TOOLS);

  // The generator is pure: records in (src/model, src/core), YAML and Markdown text out; tools/generate.ts writes them.
  it.each(files.map((f) => relative(REPO, f)).filter((f) => f.startsWith('tools/gen/')))('%s is pure and imports only core, model and yaml', (file) => {
    const text = readFileSync(join(REPO, file), 'utf8');
    for (const [, spec] of text.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
      if (!spec!.startsWith('.')) expect(['yaml'], `${file} imports ${spec}`).toContain(spec);
      else if (!spec!.startsWith('./')) expect(['src/core', 'src/model'], `${file} imports ${spec}`).toContain(relative(REPO, join(REPO, file, '..', spec!)).split('/').slice(0, 2).join('/'));
    }
    expect(text.replace(/^\s*(\/\/|\*).*$/gm, ''), file).not.toMatch(EFFECTFUL);
  });

  it('nothing shipped imports them', () => {
    for (const file of sources(SRC)) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from '(\.\.\/)+tools\//);
  });
});
