/**
 * `casepress watch` as a user runs it, on the starter root: the compiled
 * command in a child process (`npm run build` first) with real chokidar. It
 * builds, says it is watching, rebuilds the document a saved note changes, and
 * on a real SIGINT stops with exit 0, leaving no temporary file behind.
 * (What each rebuild does is tested in watch.test.ts, in this process.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, STARTER } from './helpers/fixture-root.js';

const BIN = join(REPO, 'bin/casepress');
const NOTE = 'children/C-0001/contacts/2026-11-01.md';

let work: string;
let child: ChildProcess;
let stdout = '';
let exited: Promise<number | null>;
/** Calls `check` on what came out so far each time more comes, until it returns something. */
function waitFor<T>(check: (text: string) => T | undefined): Promise<T> {
  return new Promise((found, failed) => {
    const look = () => {
      const result = check(stdout);
      if (result === undefined) return;
      child.stdout!.off('data', look);
      found(result);
    };
    child.stdout!.on('data', look);
    child.once('exit', () => failed(new Error(`watch exited:\n${stdout}`)));
    look();
  });
}

beforeAll(async () => {
  if (!existsSync(join(REPO, 'dist/casepress.cjs'))) throw new Error('dist/ has no casepress: run `npm run build` first');
  work = await mkdtemp(join(tmpdir(), 'casepress-watch-cli-'));
  await cp(STARTER, join(work, 'root'), { recursive: true });
  child = spawn(process.execPath, [BIN, 'watch', join(work, 'root'), '--as-of', '2026-11-23', '--out', join(work, 'output'), '--jobs', '1'], { cwd: REPO, env: { ...process.env, NO_COLOR: '1' } });
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  exited = new Promise((done) => child.on('exit', (code) => done(code)));
});

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

describe('casepress watch', () => {
  it('builds, watches, rebuilds what a saved note changes, and stops on Ctrl-C with exit 0', async () => {
    await waitFor((text) => (/documents built as of 2026-11-23[\s\S]*^watching .*Ctrl-C stops$/m.test(text) ? true : undefined));
    const from = stdout.length;
    await appendFile(join(work, 'root', NOTE), '\nThe child asked about the school play.\n');
    const line = await waitFor((text) => /^.*changed: .*$/m.exec(text.slice(from))?.[0]);
    expect(line).toMatch(new RegExp(`✔ ${NOTE} changed: rebuilt children/C-0001/court-report-[\\d-]+ \\(\\d+\\.\\d s\\)$`));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout.slice(from)).toContain('stopped watching');
    const files = await readdir(join(work, 'output'), { recursive: true });
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
