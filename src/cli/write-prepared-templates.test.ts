import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_TYPES } from '../build/jobs.js';
import { preparedKey, preparedStore } from '../build/prepared-store.js';
import { PREPARED_CODE } from '../build/run.js';
import { PACKAGE_ROOT, readTemplate } from '../io/package-files.js';
import { nodeSources } from './build-ports.js';
import { writePreparedTemplates } from './write-prepared-templates.js';

describe('the bundled templates prepared when casepress is built', () => {
  it('are found for every document type, whatever folder casepress runs from', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'casepress-prepared-'));
    try {
      await writePreparedTemplates(dir);
      const store = preparedStore(() => undefined, (name) => nodeSources.readCache(dir, name, PREPARED_CODE));
      for (const type of DOC_TYPES) {
        const files = await readTemplate(join(PACKAGE_ROOT, 'templates', `${type}.md.hbs`));
        // Shown by an absolute path (run from elsewhere) rather than as written here: the same key.
        expect(store.get(`${type}.md.hbs`, preparedKey({ ...files, file: join(PACKAGE_ROOT, 'templates', `${type}.md.hbs`) })), type).toBeDefined();
        expect(store.get(`${type}.md.hbs`, preparedKey({ ...files, source: `${files.source}\n` })), type).toBeUndefined();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
