import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../io/file-system.js';
import { MadeEntries } from './made-entries.js';
import { entryText } from './manifest-text.js';
import type { ManifestEntry } from './manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'casepress-entries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const entry = (subject: string, sha256: string): ManifestEntry => ({
  type: 'court-report', subject, audience: 'court', template: 'court-report.md.hbs', asOf: '2026-11-23', inputs: { [`children/${subject}/case.yaml`]: 'a', 'homes/H-1/home.yaml': 'Hương' }, withheld: [], fingerprint: 'f', sha256,
});

describe('the entries a build makes', () => {
  it('are kept in a scratch file, not in memory, each given back as the manifest prints it; the file goes when closed', () => {
    const file = join(dir, '.casepress-cache', 'manifest-entries');
    const made = new MadeEntries(() => nodeFileSystem.scratch(file));
    made.set('children/C-1/court-report.pdf', entry('C-1', 'x'));
    made.set('children/C-2/court-report.pdf', entry('C-2', 'y'));
    made.set('children/C-1/court-report.pdf', entry('C-1', 'z'));
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('"sha256": "y"');
    expect([...made.keys()]).toEqual(['children/C-1/court-report.pdf', 'children/C-2/court-report.pdf']);
    expect(made.textOf('children/C-1/court-report.pdf')).toEqual(entryText('children/C-1/court-report.pdf', entry('C-1', 'z')));
    expect(made.textOf('children/C-2/court-report.pdf')).toEqual(entryText('children/C-2/court-report.pdf', entry('C-2', 'y')));
    expect(made.textOf('children/C-3/court-report.pdf')).toBeUndefined();
    made.close();
    expect(existsSync(file)).toBe(false);
  });

  it('are held in memory where no scratch file can be made', () => {
    const made = new MadeEntries(() => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    });
    made.set('homes/H-1/home-study.pdf', entry('H-1', 'x'));
    expect(made.textOf('homes/H-1/home-study.pdf')).toEqual(entryText('homes/H-1/home-study.pdf', entry('H-1', 'x')));
    made.close();
  });
});
