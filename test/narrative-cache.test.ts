import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRoot } from '../src/cli/read-root.js';

const REPO = join(import.meta.dirname, '..');
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('the narrative check between runs', () => {
  it('skips a note found clean before only while its bytes are the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'casepress-narratives-'));
    dirs.push(dir);
    const root = join(dir, 'root');
    await cp(join(REPO, 'cases'), root, { recursive: true });
    const parseCache = join(dir, 'out', '.casepress-cache', 'parses');
    const codes = async () => (await readRoot(root, { parseCache })).diagnostics.filter((d) => d.code === 'CP2101').map((d) => `${d.file}:${d.span?.start.line}`);

    expect(await codes()).toEqual([]);
    expect(await readdir(join(dir, 'out', '.casepress-cache', 'narratives'))).toHaveLength(1);

    const note = join(root, 'children', 'C-2025-0142', 'court', (await readdir(join(root, 'children', 'C-2025-0142', 'court')))[0]!);
    const before = await readFile(note, 'utf8');
    await appendFile(note, '\nThe mother said `no`.\n');
    const lines = before.split('\n').length + (before.endsWith('\n') ? 1 : 0);
    expect(await codes()).toEqual([`${note.slice(root.length + 1)}:${lines}`]);

    await writeFile(note, before);
    expect(await codes()).toEqual([]);
  });

  it('keeps the parses and verdicts of the kinds a command skips as they were', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'casepress-skipped-'));
    dirs.push(dir);
    const root = join(dir, 'root');
    await cp(join(REPO, 'cases'), root, { recursive: true });
    const cache = join(dir, 'out', '.casepress-cache');
    const parseCache = join(cache, 'parses');
    /** Every file of the cache folder and its text. */
    const stored = async () => Object.fromEntries(await Promise.all((await readdir(cache, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map(async (e) => [join(e.parentPath, e.name), await readFile(join(e.parentPath, e.name), 'utf8')] as const)));

    const whole = await readRoot(root, { parseCache });
    const before = await stored();
    const part = await readRoot(root, { parseCache, skip: new Set(['assessment', 'court-note', 'study']) });
    expect(part.diagnostics).toEqual([]);
    expect(part.root.children.flatMap((c) => [...c.assessments, ...c.courtNotes])).toEqual([]);
    expect(part.root.homes.filter((h) => h.study)).toEqual([]);
    expect(part.root.children.map((c) => c.contacts.length)).toEqual(whole.root.children.map((c) => c.contacts.length));
    expect(part.root.fileCount).toBeLessThan(whole.root.fileCount);
    // Not a shard or verdict lost: the next whole read finds every parse it stored.
    expect(await stored()).toEqual(before);
  });
});
