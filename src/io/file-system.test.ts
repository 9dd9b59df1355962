import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFileSystem } from './file-system.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a file opened to be read by offset', () => {
  it('reads as it was when opened, after it is replaced by a rename', async () => {
    dir = mkdtempSync(join(tmpdir(), 'casepress-open-read-'));
    const path = join(dir, 'manifest.json');
    writeFileSync(path, 'the last manifest');
    const file = nodeFileSystem.openRead(path)!;
    await nodeFileSystem.writeAtomic(path, 'a new manifest, longer than the last');
    expect(file.size).toBe(17);
    expect(Buffer.from(file.read(4, 4)).toString()).toBe('last');
    // Past its end, fewer bytes or none.
    expect(Buffer.from(file.read(9, 100)).toString()).toBe('manifest');
    expect(file.read(17, 10)).toHaveLength(0);
    file.close();
  });

  it('is undefined when the path is missing or a folder', () => {
    dir = mkdtempSync(join(tmpdir(), 'casepress-open-read-'));
    mkdirSync(join(dir, 'folder'));
    expect(nodeFileSystem.openRead(join(dir, 'missing.json'))).toBeUndefined();
    expect(nodeFileSystem.openRead(join(dir, 'folder'))).toBeUndefined();
  });
});
