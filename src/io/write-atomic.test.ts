import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './write-atomic.js';

let dir: string;
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes the file, creating folders, and leaves no temporary file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'a/b/report.pdf');
    await writeFileAtomic(path, 'new bytes');
    expect(await readFile(path, 'utf8')).toBe('new bytes');
    expect(await readdir(join(dir, 'a/b'))).toEqual(['report.pdf']);
  });

  it('replaces a good file whole', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    const path = join(dir, 'report.pdf');
    await writeFile(path, 'old');
    await writeFileAtomic(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('on failure keeps what was there and leaves no temporary file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'atomic-'));
    // A folder with content where the file should go: the rename fails after the bytes are written.
    const path = join(dir, 'report.pdf');
    await mkdir(path);
    await writeFile(join(path, 'keep.txt'), 'kept');
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['report.pdf']);
    expect(await readFile(join(path, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
