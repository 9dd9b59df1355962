/**
 * Run by `npm run build` (and so by `npm ci`) after the prepared templates:
 * builds the example agency's PDFs and its last quarter's statistics once, in
 * a scratch folder, and keeps the words that shaped (the templates' wording,
 * dates, figures, common English) beside the compiled code (dist/cache/shapes).
 * A first run into a new output folder starts from them instead of shaping
 * every word of its document (build/run.ts). A shaped word is what shaping
 * gives whoever made it, so no output depends on them; they are found only
 * under the hash of the fonts and of the code that shaped them.
 */
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planJobs } from '../build/jobs.js';
import { CACHE_DIR } from '../io/out-lock.js';
import { PACKAGE_ROOT } from '../io/package-files.js';
import { BUNDLED_CACHE } from './build-ports.js';
import { build } from './commands/build.js';
import { stats } from './commands/stats.js';

/** The example agency's date (README) and a quarter that has ended by then: the same words on every machine. */
const AS_OF = '2026-11-23';
const QUARTER = '2026-Q3';

/** Writes the shaped words where `nodeSources` finds them (by default; the test names another folder). */
async function writeBundledShapes(dir = join(BUNDLED_CACHE, 'shapes')): Promise<void> {
  const root = join(PACKAGE_ROOT, 'cases');
  await rm(dir, { recursive: true, force: true });
  const out = await mkdtemp(join(tmpdir(), 'casepress-shapes-'));
  try {
    // Every word shaped here, none taken from words shipped before.
    const common = { out, asOf: AS_OF, jobs: 1, quiet: true, withoutShippedCaches: true } as const;
    const quiet = () => undefined;
    const built = await build(root, { ...common, format: ['pdf'] }, (caseRoot, asOf) => planJobs(caseRoot, asOf), quiet, quiet);
    const counted = await stats(root, { ...common, quarter: QUARTER, format: ['pdf'], audience: 'internal' }, quiet, quiet);
    if (!built.ok || counted !== 0) throw new Error(`the example agency in ${root} did not build (exit ${built.code}, stats exit ${counted})`);
    // The cache files as the build wrote them: each names the fonts and the code it was made for.
    const kept = join(out, CACHE_DIR, 'shapes');
    if ((await readdir(kept).catch(() => [])).length === 0) throw new Error('the example agency\'s build kept no shaped words');
    await cp(kept, dir, { recursive: true });
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

// A process of its own: words this process had shaped before would not be kept as shaped by the build (fonts.ts `fresh`).
if (import.meta.url === `file://${process.argv[1]}`) void writeBundledShapes(process.argv[2]);
