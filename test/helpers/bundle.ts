/**
 * The bundled code (`npm run build`, rolldown.config.mjs) for the tests that
 * need compiled code: worker threads load a compiled worker, other processes
 * run compiled code. The tests themselves run the sources.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './fixture-root.js';

/** The bundle's render worker (build/render-worker.ts), for `workerRenderer`'s `workerFile`. */
export function bundledWorker(): URL {
  const file = join(REPO, 'dist', 'render-worker.cjs');
  if (!existsSync(file)) throw new Error('dist/ has no render worker: run `npm run build` first');
  return pathToFileURL(file);
}

/** The bundle's parsing thread (cli/parse-worker.ts), for `ParseAhead.start`. */
export function bundledParseWorker(): URL {
  const file = join(REPO, 'dist', 'parse-worker.cjs');
  if (!existsSync(file)) throw new Error('dist/ has no parsing thread: run `npm run build` first');
  return pathToFileURL(file);
}
