/**
 * Every folder under test/fixtures/bad/ is a case root that must produce
 * exactly the diagnostics its expected.json lists: code, file, line, column
 * and the words of the message. See test/fixtures/README.md.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRoot, loadRoot, REPO, type FixtureSpec } from './helpers/fixture-root.js';

interface ExpectedDiagnostic {
  readonly code: string;
  readonly severity?: 'error' | 'warning';
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** Words the message or hint must contain. */
  readonly includes: readonly string[];
}

interface Expected extends FixtureSpec {
  readonly description: string;
  readonly diagnostics: readonly ExpectedDiagnostic[];
}

const BAD = join(REPO, 'test/fixtures/bad');
const fixtures = readdirSync(BAD).filter((name) => existsSync(join(BAD, name, 'expected.json'))).sort();

describe('bad input fixtures', () => {
  it('there are at least 40', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  it.each(fixtures)('%s', async (name) => {
    const expected = JSON.parse(readFileSync(join(BAD, name, 'expected.json'), 'utf8')) as Expected;
    const overlay = join(BAD, name, 'root');
    const root = await buildRoot(existsSync(overlay) ? overlay : undefined, expected);
    try {
      const { diagnostics } = await loadRoot(root);
      const actual = diagnostics.map((d) => ({
        code: d.code,
        severity: d.severity,
        file: d.file,
        line: d.span?.start.line,
        column: d.span?.start.column,
        text: `${d.message}\n${d.hint ?? ''}`,
      }));
      expect(actual.map((d) => `${d.file}:${d.line ?? '-'} ${d.code}`)).toEqual(
        expected.diagnostics.map((d) => `${d.file}:${d.line ?? '-'} ${d.code}`),
      );
      expected.diagnostics.forEach((want, i) => {
        const got = actual[i]!;
        if (want.severity) expect(got.severity).toBe(want.severity);
        if (want.column !== undefined) expect(got.column, `column of ${want.code}`).toBe(want.column);
        for (const words of want.includes) expect(got.text).toContain(words);
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
