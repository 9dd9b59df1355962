/**
 * The code cache's loader (code-cache.ts), as bundled (dist/code-cache.cjs),
 * run in processes of their own on a small bundle of CommonJS files: the
 * cache is written when a process exits, and found by the next one.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../io/package-files.js';

const LOADER = join(PACKAGE_ROOT, 'dist', 'code-cache.cjs');

let bundle: string;
beforeEach(() => {
  bundle = mkdtempSync(join(tmpdir(), 'casepress-code-cache-'));
  writeFileSync(join(bundle, 'code-identity.txt'), 'a'.repeat(64));
  writeFileSync(
    join(bundle, 'main.cjs'),
    [
      'const shared = require("./shared.cjs");',
      'const other = require("./other.cjs");',
      'const { basename } = require("node:path");',
      'module.exports = { same: other.shared === shared, count: shared.count(), file: basename(__filename), dir: __dirname };',
    ].join('\n'),
  );
  writeFileSync(join(bundle, 'shared.cjs'), 'let n = 0;\nexports.count = () => ++n;\n');
  writeFileSync(join(bundle, 'other.cjs'), 'exports.shared = require("./shared.cjs");\n');
});
afterEach(() => rmSync(bundle, { recursive: true, force: true }));

/** Runs the bundle's main.cjs through the loader in a new process; what main exports, as JSON. */
function run(): { same: boolean; count: number; file: string; dir: string } {
  const script = `const out = require(${JSON.stringify(LOADER)}).runBundled(${JSON.stringify(join(bundle, 'main.cjs'))}); process.stdout.write(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as ReturnType<typeof run>;
}

const cacheDirs = () => readdirSync(join(bundle, 'code-cache'));
const cacheFiles = (dir: string) => readdirSync(join(bundle, 'code-cache', dir)).sort();

describe('runBundled', () => {
  it('loads each file of the bundle once, with its own file name and folder', () => {
    expect(run()).toEqual({ same: true, count: 1, file: 'main.cjs', dir: bundle });
  });

  it('keeps the compiled code of every file when the process ends, and the next process uses it as it is', () => {
    run();
    const [dir] = cacheDirs();
    expect(dir).toBe(`${process.version}-${process.arch}-${'a'.repeat(16)}`);
    expect(cacheFiles(dir!).map((name) => name.replace(/\.\d+-\d+\.bin$/, ''))).toEqual(['main.cjs', 'other.cjs', 'shared.cjs']);
    const main = join(bundle, 'code-cache', dir!, cacheFiles(dir!)[0]!);
    const written = statSync(main).mtimeMs;
    const bytes = readFileSync(main);
    expect(run().count).toBe(1);
    // Accepted by V8, so not written again.
    expect(statSync(main).mtimeMs).toBe(written);
    expect(readFileSync(main).equals(bytes)).toBe(true);
  });

  it("never runs the code compiled from a file's earlier text, even one of the same length", () => {
    expect(run().count).toBe(1);
    // V8 would take the old cache for this text: it checks only the length.
    writeFileSync(join(bundle, 'shared.cjs'), 'let n = 5;\nexports.count = () => ++n;\n');
    expect(run().count).toBe(6);
  });

  it('starts a new cache for a rebuilt bundle, and replaces one V8 refuses', () => {
    run();
    const [first] = cacheDirs();
    const shared = join(bundle, 'code-cache', first!, cacheFiles(first!).find((name) => name.startsWith('shared.cjs.'))!);
    writeFileSync(shared, 'not a code cache');
    expect(run().count).toBe(1);
    expect(readFileSync(shared, 'utf8')).not.toBe('not a code cache');

    writeFileSync(join(bundle, 'code-identity.txt'), 'b'.repeat(64));
    expect(run().count).toBe(1);
    expect(cacheDirs().sort()).toEqual([first, `${process.version}-${process.arch}-${'b'.repeat(16)}`].sort());
  });

  it('runs, and caches nothing, where the bundle carries no identity', () => {
    rmSync(join(bundle, 'code-identity.txt'));
    expect(run().same).toBe(true);
    expect(readdirSync(bundle)).not.toContain('code-cache');
  });
});
