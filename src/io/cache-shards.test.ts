import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeIdentity, readShards, writeShards } from './cache-shards.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shards-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const CODE = 'code-1';
const value = { 'children/C-1/case.yaml': { sha256: 'ab', kind: 'case', diagnostics: [] } };
const onlyFile = async () => join(dir, (await readdir(dir))[0]!);

describe('cache shards on disk', () => {
  it('reads back what was written, for the same shard and code', async () => {
    await writeShards(dir, new Map([['children/C-1', value]]), new Set(['children/C-1']), CODE);
    expect(readShards(dir, ['children/C-1', 'children/C-2'], CODE)).toEqual(new Map([['children/C-1', value]]));
    expect(readShards(dir, ['children/C-1'], 'code-2')).toEqual(new Map());
  });

  it.each([
    ['a changed byte', (text: string) => text.replace('"ab"', '"ac"')],
    ['a cut-off end', (text: string) => text.slice(0, -3)],
    ['a damaged header', (text: string) => `{${text}`],
    ['no header', (text: string) => text.slice(text.indexOf('\n') + 1)],
    ['another shard\'s header', (text: string) => text.replace('"shard":"children/C-1"', '"shard":"children/C-2"')],
  ])('reads a file with %s as absent', async (_what, damage) => {
    await writeShards(dir, new Map([['children/C-1', value]]), new Set(['children/C-1']), CODE);
    const file = await onlyFile();
    await writeFile(file, damage(await readFile(file, 'utf8')));
    expect(readShards(dir, ['children/C-1'], CODE)).toEqual(new Map());
  });

  it('removes the files of shards not kept, and anything else in its folder', async () => {
    await writeShards(dir, new Map([['children/C-1', value], ['children/C-2', value]]), new Set(['children/C-1', 'children/C-2']), CODE);
    await writeFile(join(dir, 'stray.json'), '{}');
    await writeShards(dir, new Map(), new Set(['children/C-2']), CODE);
    expect(await readdir(dir)).toHaveLength(1);
    expect([...readShards(dir, ['children/C-1', 'children/C-2'], CODE).keys()]).toEqual(['children/C-2']);
  });

  it('identifies the code by its files and its packages', () => {
    expect(codeIdentity(['load'], ['yaml'])).toMatch(/^[0-9a-f]{64}$/);
    expect(codeIdentity(['load'], ['yaml'])).toBe(codeIdentity(['load'], ['yaml']));
    expect(codeIdentity(['load'], ['yaml'])).not.toBe(codeIdentity(['load'], ['zod']));
    expect(codeIdentity(['load'], ['yaml'])).not.toBe(codeIdentity(['model'], ['yaml']));
  });
});
