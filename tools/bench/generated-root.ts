/** The benches' generated case roots (npm run gen), written once under the work folder and reused. */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeGeneratedAgency } from '../generate.js';

export interface GeneratedRootOptions {
  readonly work: string;
  readonly children: number;
  readonly seed: number;
  readonly asOf: string;
  /** Told how long a new root took to write. */
  readonly say?: (line: string) => void;
}

/** The root for these options: four children per home, as the generator's default; made complete or not at all. */
export function generatedRoot({ work, children, seed, asOf, say }: GeneratedRootOptions): string {
  const root = join(work, `agency-${children}-seed${seed}-${asOf}`);
  const done = join(root, '.generated');
  if (existsSync(done)) return root;
  rmSync(root, { recursive: true, force: true });
  const started = performance.now();
  const { files, bytes } = writeGeneratedAgency(root, { children, homes: Math.round(children / 5), seed, asOf });
  writeFileSync(done, '');
  say?.(`generated ${children} children: ${files} files, ${Math.round(bytes / 1e5) / 10} MB in ${Math.round((performance.now() - started) / 100) / 10} s`);
  return root;
}
