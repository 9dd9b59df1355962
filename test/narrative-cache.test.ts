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
});
