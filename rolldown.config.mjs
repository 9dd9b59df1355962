/**
 * The one build of casepress's code (`npm run build`, run by `npm ci`): the
 * TypeScript sources and the packages they use, bundled into dist/. Loading
 * 275 separate modules cost a one-off command more than a third of its time; a
 * bundle is a few files. Each command's code
 * stays in a chunk loaded when the command runs (main.ts imports commands
 * lazily), so `court-summary` does not load the DOCX writer, chokidar or the
 * statistics.
 *
 * The bundle is CommonJS (.cjs files; the sources stay ES modules), so that
 * bin/casepress can load it with V8's code cache (cli/code-cache.ts: vm.Script
 * and its cached data, which an ES module cannot be given on Node 20; Node
 * 22's own compile cache keeps only each module's top level). With the cache,
 * a one-off court report spends about a fifth less CPU on every Node. So no
 * module of casepress awaits at its top level.
 *
 * Every chunk sits in dist/ itself: code that finds a file beside it through
 * `import.meta.url` (the render worker, the bundled caches) finds it there.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'rolldown';

rmSync(new URL('./dist/', import.meta.url), { recursive: true, force: true });

/**
 * pdfkit finds its own files (its colour profile for PDF/A, its standard
 * fonts' metrics) from `import.meta.url`: bundled, that would be dist/. They
 * are read from where pdfkit is installed (its CommonJS entry sits in the same
 * folder as the module bundled here).
 */
const pdfkitFilesFromItsPackage = {
  name: 'pdfkit-files-from-its-package',
  transform: {
    filter: { id: /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ },
    handler(code) {
      if (!code.includes('import.meta.url')) throw new Error('pdfkit no longer finds its files through import.meta.url: check its data paths');
      return { code: code.replaceAll('import.meta.url', "require('node:url').pathToFileURL(require.resolve('pdfkit')).href"), map: null };
    },
  },
};

/**
 * fontkit reads WOFF2 fonts with brotli, whose dictionary is decoded when it
 * is loaded (40 ms of every PDF run). casepress embeds TrueType files only
 * (io/fonts.ts), so brotli is left out.
 */
const noWoff2 = {
  name: 'no-woff2',
  resolveId: {
    filter: { id: /^brotli\/decompress\.js$/ },
    handler: () => '\0no-woff2',
  },
  load: {
    filter: { id: /^\0no-woff2$/ },
    handler: () => "export default function () { throw new Error('casepress reads TrueType fonts, not WOFF2'); }",
  },
};

/**
 * pdfkit loads AES for encrypted PDFs, and building its tables on load cost
 * 5–16 ms of every PDF run. casepress never encrypts a PDF (an e-filing portal
 * refuses one: preflight checks it), so AES is left out.
 */
const noEncryption = {
  name: 'no-encryption',
  resolveId: {
    filter: { id: /^@noble\/ciphers\/aes$/ },
    handler: () => '\0no-encryption',
  },
  load: {
    filter: { id: /^\0no-encryption$/ },
    handler: () => `const refuse = () => { throw new Error('casepress does not encrypt PDFs'); };
export { refuse as cbc, refuse as ecb };`,
  },
};

/**
 * Handlebars maps the code it compiles back to the template with the
 * source-map package, when that loads; casepress never asks for the map, and
 * loading it was 77 kB of code on every run. Without it, Handlebars joins the
 * same code as plain strings (its own fallback).
 */
const noTemplateSourceMaps = {
  name: 'no-template-source-maps',
  resolveId: {
    filter: { id: /^source-map$/ },
    handler: (_source, importer) => {
      if (!/[\\/]handlebars[\\/]/.test(importer ?? '')) throw new Error(`only Handlebars was expected to load source-map, not ${importer}`);
      return '\0no-source-map';
    },
  },
  load: {
    filter: { id: /^\0no-source-map$/ },
    handler: () => 'export const SourceNode = undefined;',
  },
};

/**
 * fontkit, unicode-properties and linebreak each build Unicode lookup tables
 * (unicode-trie) when they are loaded: inflating them was 50–100 ms of every
 * PDF run, and most are never read (the Indic, Arabic and Universal shapers'
 * tables for Latin text; linebreak's, as casepress breaks its own lines). A
 * table is built on its first look-up instead; what it answers is the same.
 */
const unicodeTrie = createRequire(import.meta.url).resolve('unicode-trie');
const lazyUnicodeTries = {
  name: 'lazy-unicode-tries',
  resolveId: {
    filter: { id: /^unicode-trie$/ },
    handler: (_source, importer) => (importer === '\0lazy-unicode-trie' ? unicodeTrie : '\0lazy-unicode-trie'),
  },
  load: {
    filter: { id: /^\0lazy-unicode-trie$/ },
    handler: () => `import UnicodeTrie from 'unicode-trie';
export default class LazyUnicodeTrie {
  #data;
  #trie;
  constructor(data) { this.#data = data; }
  get(codePoint) {
    if (this.#trie === undefined) { this.#trie = new UnicodeTrie(this.#data); this.#data = undefined; }
    return this.#trie.get(codePoint);
  }
}`,
  },
};

/**
 * fontkit decodes a mark-positioning lookup whole when text first needs the
 * lookup: every anchor of every base glyph and mark (Noto Serif's are most of
 * 0.3 s per face, before the first word is set). The anchor arrays are read
 * when a mark is attached to a glyph, so they are decoded then (restructure's
 * lazy pointer: the same values, from the same bytes). Latin text without
 * combining marks never needs them.
 */
const ANCHOR_ARRAYS = /\b(markArray|baseArray|ligatureArray|mark1Array|mark2Array): new (\$\w+\$Pointer)\((\$\w+\$uint16), (\$\w+\$var\$\w+)\)/g;
const lazyAnchorArrays = {
  name: 'lazy-anchor-arrays',
  transform: {
    filter: { id: /[\\/]node_modules[\\/]fontkit[\\/]dist[\\/]module\.mjs$/ },
    handler(code) {
      const found = code.match(ANCHOR_ARRAYS)?.length ?? 0;
      if (found !== 6) throw new Error(`fontkit's anchor arrays changed (${found} of 6 found): check lazyAnchorArrays`);
      return { code: code.replace(ANCHOR_ARRAYS, '$1: new $2($3, $4, { lazy: true })'), map: null };
    },
  },
};

/**
 * The caches (parsed files, prepared templates, shaped words) keep a value only
 * for the code that made it (io/cache-shards.ts codeIdentity). Bundled, that
 * code is every chunk; hashing the 3 MB of chunks on every run cost a one-off
 * court report about 10 ms, so the bundle carries the hash of its chunks,
 * written with them. The code cache (cli/code-cache.ts) is found by it too.
 */
const codeIdentityFile = {
  name: 'code-identity-file',
  generateBundle(_options, bundle) {
    const hash = createHash('sha256');
    for (const name of Object.keys(bundle).sort()) {
      const output = bundle[name];
      if (output.type === 'chunk') hash.update(`${name}\n${output.code}\n`);
    }
    this.emitFile({ type: 'asset', fileName: 'code-identity.txt', source: `${hash.digest('hex')}\n` });
  },
};

export default defineConfig({
  input: {
    // bin/casepress runs this.
    casepress: 'src/cli/main.ts',
    // Loaded by each render thread (build/renderer.ts: render-worker.cjs beside it).
    'render-worker': 'src/build/render-worker.ts',
    // Started by a load with most of the root to parse (cli/parse-ahead.ts: parse-worker.cjs beside it).
    'parse-worker': 'src/cli/parse-worker.ts',
    // Installed by bin/casepress before it loads the rest.
    'code-cache': 'src/cli/code-cache.ts',
    // Run by npm scripts after bundling.
    'write-prepared-templates': 'src/cli/write-prepared-templates.ts',
    'write-bundled-shapes': 'src/cli/write-bundled-shapes.ts',
    'write-fields': 'src/cli/write-fields.ts',
    'write-reference-docx': 'src/cli/write-reference-docx.ts',
  },
  platform: 'node',
  // The code knows it runs bundled (io/package-files.ts CODE_DIR, io/cache-shards.ts codeIdentity).
  transform: { define: { 'import.meta.bundled': 'true' } },
  // piscina starts its threads from a file of its own package. The queue's client (bullmq, ioredis) and the
  // PDF reader preflight uses (pdfjs-dist, which loads its own files and patches globals) are loaded from
  // node_modules as they ship: only `build --queue`, `worker` and `preflight` load them. `yaml` is loaded from
  // node_modules too: the full parser is required lazily (load/yaml-document.ts), and `init` and `data` import
  // it, so every command that needs it has the same one copy.
  external: ['piscina', 'bullmq', 'ioredis', /^pdfjs-dist(\/|$)/, 'yaml'],
  plugins: [pdfkitFilesFromItsPackage, noWoff2, noEncryption, noTemplateSourceMaps, lazyUnicodeTries, lazyAnchorArrays, codeIdentityFile],
  output: {
    dir: 'dist',
    format: 'cjs',
    // A package loaded when needed (piscina, bullmq, pdfjs-dist) is required, not imported: code compiled from
    // the code cache has no import() (cli/code-cache.ts). Node 20.19 and later require ES modules too (pdfjs-dist).
    dynamicImportInCjs: false,
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name]-[hash].cjs',
  },
});
