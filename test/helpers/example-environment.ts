/**
 * The example agency (cases/) read as `build` reads it, and the environment its
 * jobs run in (build/job-environment.ts), for tests that run jobs in-process.
 */
import { join } from 'node:path';
import { createJobEnvironment, type PreparedJobEnvironment } from '../../src/build/job-environment.js';
import type { Format } from '../../src/build/render-document.js';
import { readRoot } from '../../src/cli/read-root.js';
import { loadFonts } from '../../src/io/fonts.js';
import { readAssets, readTemplate } from '../../src/io/package-files.js';
import type { CaseRoot } from '../../src/model/case-root.js';
import { EXAMPLE_ROOT } from './document-context.js';
import { REPO } from './fixture-root.js';

export interface ExampleEnvironment {
  readonly root: CaseRoot;
  readonly env: PreparedJobEnvironment;
  readonly fonts: Awaited<ReturnType<typeof loadFonts>>;
}

/** `templates`: the template files to prepare (every document type's when not given). */
export async function exampleEnvironment(asOf: string, formats: readonly Format[], templates?: readonly string[]): Promise<ExampleEnvironment> {
  const read = await readRoot(EXAMPLE_ROOT);
  const fonts = await loadFonts();
  const env = await createJobEnvironment({
    root: read.root,
    agency: read.root.agency!.data,
    asOf,
    templatesDir: join(REPO, 'templates'),
    readTemplate,
    formats,
    fonts,
    images: await readAssets(EXAMPLE_ROOT),
    bytesOf: read.bytesOf,
    ...(templates ? { templates } : {}),
  });
  return { root: read.root, env, fonts };
}
