import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCaseRoot } from '../io/list-root.js';
import { PACKAGE_ROOT, readTemplate } from '../io/package-files.js';
import { MAX_FILE_BYTES } from '../load/decode.js';
import { loadCaseRoot } from '../load/load-root.js';
import { createJobEnvironment } from './job-environment.js';
import { templateUses } from './template-uses.js';

const environment = async (uses?: ReturnType<typeof templateUses>) => {
  const { root } = loadCaseRoot(await listCaseRoot(join(PACKAGE_ROOT, 'starter'), { maxFileBytes: MAX_FILE_BYTES }));
  return createJobEnvironment({ root, agency: root.agency!.data, asOf: '2026-11-23', templatesDir: join(PACKAGE_ROOT, 'templates'), readTemplate, formats: ['docx'], images: {}, bytesOf: () => undefined, ...(uses ? { templateUses: uses } : {}) });
};

describe('the partials each template uses, kept between builds', () => {
  it('gives the fingerprints of a build that compiles every template, without compiling one', async () => {
    const compiled = await environment();
    const first = templateUses(undefined);
    expect((await environment(first)).templateHashes).toEqual(compiled.templateHashes);
    expect(first.changed()).toBe(true);
    const stored = JSON.parse(JSON.stringify(first.stored())) as unknown;
    // What was stored says which partials each template uses: a lie in it shows in the hashes, so it is what the second build used.
    const again = templateUses(stored);
    expect((await environment(again)).templateHashes).toEqual(compiled.templateHashes);
    expect(again.changed()).toBe(false);
    const lie = templateUses(Object.fromEntries(Object.keys(stored as object).map((key) => [key, []])));
    expect((await environment(lie)).templateHashes).not.toEqual(compiled.templateHashes);
  });

  it('ignores what is not a list of partial names, and keeps only what a build used', () => {
    const uses = templateUses({ a: ['x', 'y'], b: 'x', c: [1], d: null });
    expect(uses.get('a')).toEqual(['x', 'y']);
    expect(uses.get('b')).toBeUndefined();
    expect(uses.get('c')).toBeUndefined();
    expect(uses.changed()).toBe(false);
    uses.set('e', []);
    expect(uses.changed()).toBe(true);
    expect(uses.stored()).toEqual({ a: ['x', 'y'], e: [] });
    expect(templateUses({ a: ['x'], z: ['y'] }).stored()).toEqual({});
  });
});
