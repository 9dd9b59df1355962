/**
 * The build engine's ports on this machine (build/ports.ts): the disk and the
 * clock from io/, the case root read as every command reads it, the bundled
 * templates and fonts, and the caches beside the outputs.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Sources } from '../build/ports.js';
import { codeIdentity, readShards, writeShards } from '../io/cache-shards.js';
import { loadFonts } from '../io/fonts.js';
import { listedEntryCodec } from '../io/list-root.js';
import { CODE_DIR, PACKAGE_ROOT, readAssets, readTemplate, TemplateFileError } from '../io/package-files.js';
import { UsageError } from './exit.js';
import { listRoot, readRoot } from './read-root.js';

const { version } = createRequire(import.meta.url)(join(PACKAGE_ROOT, 'package.json')) as { version: string };

/** Caches made by `npm run build` beside the compiled code (write-prepared-templates.ts). */
export const BUNDLED_CACHE = join(CODE_DIR, 'cache');

export const nodeSources: Sources = {
  version,
  templatesDir: join(PACKAGE_ROOT, 'templates'),
  listRoot,
  listingCodec: listedEntryCodec,
  bundledCache: BUNDLED_CACHE,
  readRoot,
  readTemplate: (path) =>
    readTemplate(path).catch((error: unknown) => {
      throw new UsageError(`the template "${path}" cannot be read${error instanceof TemplateFileError ? `: ${error.message}` : ''}`);
    }),
  readAssets,
  loadFonts,
  readCache: (dir, shard, code) => readShards(dir, [shard], codeIdentity(code.folders, code.packages)).get(shard),
  writeCache: (dir, shard, value, code) => writeShards(dir, new Map([[shard, value]]), new Set([shard]), codeIdentity(code.folders, code.packages)),
};
