/**
 * Run by `npm run build` (and so by `npm ci`): prepares each bundled template
 * once and keeps its code beside the compiled code (dist/cache/prepared), so
 * that even a first run into a new output folder compiles no bundled template
 * (build/prepared-store.ts). The code is found only by the hash of the sources
 * and of the code that made it: an edited template is compiled as before.
 */
import { join } from 'node:path';
import { TEMPLATE_FILES } from '../build/jobs.js';
import { preparedStore } from '../build/prepared-store.js';
import { prepareTemplate } from '../build/render-document.js';
import { PREPARED_CODE } from '../build/run.js';
import { codeIdentity, writeShards } from '../io/cache-shards.js';
import { PACKAGE_ROOT, readTemplate } from '../io/package-files.js';
import { BUNDLED_CACHE } from './build-ports.js';

/** Writes the bundled templates' code where `nodeSources` finds it (by default). */
export async function writePreparedTemplates(dir = join(BUNDLED_CACHE, 'prepared')): Promise<void> {
  const store = preparedStore(() => undefined);
  for (const file of TEMPLATE_FILES) prepareTemplate(await readTemplate(join(PACKAGE_ROOT, 'templates', file)), store);
  // A shard per template: a run reads only the code of the templates it renders.
  const shards = new Map(Object.entries(store.stored()));
  await writeShards(dir, shards, new Set(shards.keys()), codeIdentity(PREPARED_CODE.folders, PREPARED_CODE.packages));
}

if (import.meta.url === `file://${process.argv[1]}`) void writePreparedTemplates();
