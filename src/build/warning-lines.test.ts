import { describe, expect, it } from 'vitest';
import type { ScratchFile } from './ports.js';
import { linesInPieces, WarningLines } from './warning-lines.js';

/** A scratch file in memory that says how much was written to it. */
function memoryScratch(): ScratchFile & { size: () => number; closed: boolean } {
  let bytes = Buffer.alloc(0);
  const file = {
    closed: false,
    size: () => bytes.length,
    append(more: Uint8Array) {
      const at = bytes.length;
      bytes = Buffer.concat([bytes, more]);
      return at;
    },
    read: (offset: number, length: number) => bytes.subarray(offset, offset + length),
    close() {
      file.closed = true;
    },
  };
  return file;
}

const lines = Array.from({ length: 3_000 }, (_, i) => `children/C-${i}/court-report: a warning with ünïcode number ${i}`);

describe('the warnings a build keeps until it ends', () => {
  it('waits in the scratch file, and comes back whole and in order', () => {
    const file = memoryScratch();
    const kept = new WarningLines(() => file);
    for (const line of lines) kept.push(line);
    expect(kept.length).toBe(lines.length);
    // Written in batches: most of it is on disk before the end.
    expect(file.size()).toBeGreaterThan(100_000);
    expect(kept.all()).toEqual(lines);
    kept.close();
    expect(file.closed).toBe(true);
  });

  it('stays in memory when no scratch file can be made', () => {
    const kept = new WarningLines(() => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    });
    for (const line of lines) kept.push(line);
    expect(kept.all()).toEqual(lines);
  });

  it('makes no file for a few warnings', () => {
    let opened = 0;
    const kept = new WarningLines(() => {
      opened++;
      return memoryScratch();
    });
    kept.push('one');
    expect(kept.all()).toEqual(['one']);
    expect(new WarningLines(() => memoryScratch()).all()).toEqual([]);
    expect(opened).toBe(0);
  });
});

describe('warnings.txt', () => {
  it('is the lines, each ended, in pieces of about a megabyte', () => {
    const many = Array.from({ length: 30_000 }, (_, i) => `${lines[i % lines.length]} (${i})`);
    const pieces = [...linesInPieces(many)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length < (1 << 20) + 200 && piece.endsWith('\n'))).toBe(true);
    expect(pieces.join('')).toBe(`${many.join('\n')}\n`);
    expect([...linesInPieces([])]).toEqual([]);
  });
});
