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
    expect([...kept.said()]).toEqual(lines);
    kept.close();
    expect(file.closed).toBe(true);
  });

  it('comes back sorted as Array.prototype.sort sorts, merged from sorted runs written to the scratch file', () => {
    // Orders a locale or code points would give otherwise: upper before lower case, accents after z, a surrogate pair before U+FF5E.
    const odd = ['homes/H-1/z', 'homes/H-1/Z', 'homes/H-1/é', 'homes/H-1/\u{1F600}', 'homes/H-1/\uFF5E', 'homes/H-1', 'homes/H-1/', 'agency.yaml: a'];
    const said = [...lines].reverse().flatMap((line, i) => (i % 500 === 0 ? [line, ...odd] : [line]));
    const file = memoryScratch();
    // Runs of about 10 KB: some twenty of them.
    const kept = new WarningLines(() => file, 10_000);
    for (const line of said) kept.push(line);
    const written = file.size();
    expect([...kept.sorted()]).toEqual([...said].sort());
    // The runs were written beside the lines as said, which still come back as said.
    expect(file.size()).toBeGreaterThan(written * 1.9);
    expect([...kept.said()]).toEqual(said);
  });

  it('stays in memory when no scratch file can be made', () => {
    const kept = new WarningLines(() => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    });
    for (const line of lines) kept.push(line);
    expect([...kept.said()]).toEqual(lines);
    expect([...kept.sorted()]).toEqual([...lines].sort());
  });

  it('makes no file for a few warnings', () => {
    let opened = 0;
    const kept = new WarningLines(() => {
      opened++;
      return memoryScratch();
    });
    kept.push('one');
    expect([...kept.said()]).toEqual(['one']);
    expect([...kept.sorted()]).toEqual(['one']);
    expect([...new WarningLines(() => memoryScratch()).said()]).toEqual([]);
    expect([...new WarningLines(() => memoryScratch()).sorted()]).toEqual([]);
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
