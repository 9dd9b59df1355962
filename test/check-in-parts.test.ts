/**
 * `validate` checks a root in parts of a few children (cli/check-in-parts.ts):
 * it must report exactly what a load of the whole root reports — every
 * diagnostic with its position, code frame and hint, and the count of files
 * checked — for every bad-input fixture, the example agency, and a generated
 * root with errors across many children, however the children are cut.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRootInParts } from '../src/cli/check-in-parts.js';
import { readRoot } from '../src/cli/read-root.js';
import { formatJson, formatText } from '../src/cli/report.js';
import { generateAgency } from '../tools/gen/index.js';
import { buildRoot, REPO, writeFiles, type FixtureSpec } from './helpers/fixture-root.js';

const BAD = join(REPO, 'test/fixtures/bad');
const fixtures = readdirSync(BAD).filter((name) => existsSync(join(BAD, name, 'expected.json'))).sort();

/** What `validate` prints, both ways, from a whole load and from parts of each size. */
async function expectSameReports(root: string, sizes: readonly number[]): Promise<void> {
  const whole = (await readRoot(root)).report;
  for (const size of sizes) {
    const { report } = await checkRootInParts(root, size);
    expect(formatJson(report), `parts of ${size}`).toBe(formatJson(whole));
    expect(formatText(report), `parts of ${size}`).toBe(formatText(whole));
  }
}

const made: string[] = [];
afterAll(async () => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('validate in parts reports what a whole load reports', () => {
  it.each(fixtures)('bad input: %s', async (name) => {
    const spec = JSON.parse(readFileSync(join(BAD, name, 'expected.json'), 'utf8')) as FixtureSpec;
    const overlay = join(BAD, name, 'root');
    const root = await buildRoot(existsSync(overlay) ? overlay : undefined, spec);
    made.push(root);
    await expectSameReports(root, [1, 2]);
  });

  it('the example agency', async () => {
    const root = await mkdtemp(join(tmpdir(), 'casepress-parts-'));
    made.push(root);
    await cp(join(REPO, 'cases'), root, { recursive: true });
    await expectSameReports(root, [1, 3, 500]);
  });

  it('a generated root with errors in children of several parts, in a home and in agency.yaml', async () => {
    const root = await mkdtemp(join(tmpdir(), 'casepress-parts-'));
    made.push(root);
    const files = [...generateAgency({ children: 30, homes: 6, seed: 5, asOf: '2026-11-23' })];
    await writeFiles(root, Object.fromEntries(files.map((f) => [f.path, f.text])));
    const children = readdirSync(join(root, 'children')).sort();
    const homes = readdirSync(join(root, 'homes')).sort();
    // A bad date in one child, a placement in a home that does not exist in another, a stray file and a folder with a bad name.
    const edit = async (path: string, change: (text: string) => string) => writeFile(join(root, path), change(await readFile(join(root, path), 'utf8')));
    await edit(`children/${children[3]}/case.yaml`, (t) => t.replace(/^(\s*dob:) .*$/m, '$1 2019-02-30'));
    await edit(`children/${children[17]}/case.yaml`, (t) => t.replace(/(\bhome: )H-[0-9]+/, '$1H-9999'));
    await edit(`homes/${homes[2]}/home.yaml`, (t) => t.replace(/^(\s*license_expires:) .*$/m, '$1 soon'));
    await edit('agency.yaml', (t) => `${t}unknown_field: 1\n`);
    await writeFiles(root, { [`children/${children[25]}/notes.txt`]: 'a stray file', 'children/bad name!/case.yaml': 'id: x\n' });
    const whole = (await readRoot(root)).report;
    expect(whole.diagnostics.length).toBeGreaterThanOrEqual(5);
    await expectSameReports(root, [1, 4, 7, 100]);
  });
});
