/**
 * Words shaped by an earlier build come back from `<out>/.casepress-cache/shapes`
 * and the PDF set with them has the bytes of one whose words were shaped afresh.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadFonts, type FontFiles } from '../src/io/fonts.js';
import { readShapedRuns, writeShapedRuns } from '../src/io/shaped-runs.js';
import { addShapedRuns, seedShapedRuns, takeShapedRuns, toPdf } from '../src/render/pdf/index.js';
import { SAMPLE_IMAGES, SAMPLE_TREE } from './helpers/sample-tree.js';

const DIR = mkdtempSync(join(tmpdir(), 'casepress-shapes-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** The same font files as new byte arrays: the writer parses them as if in a new process. */
const freshCopy = (fonts: FontFiles): FontFiles => Object.fromEntries(Object.entries(fonts).map(([key, bytes]) => [key, bytes.slice()])) as unknown as FontFiles;

describe('shaped runs kept under the output folder', () => {
  it('give a PDF the bytes of one shaped afresh, and are kept and read back', async () => {
    const first = freshCopy(await loadFonts());
    const shaped = await toPdf(SAMPLE_TREE, { fonts: first, images: SAMPLE_IMAGES });
    const runs = addShapedRuns(undefined, [takeShapedRuns(first)])!;
    expect(Object.keys(runs.regular ?? {}).length).toBeGreaterThan(100);
    await writeShapedRuns(DIR, first, runs);
    expect(readdirSync(DIR)).toHaveLength(1);

    const second = freshCopy(first);
    const kept = readShapedRuns(DIR, second)!;
    expect(kept).toEqual(runs);
    seedShapedRuns(second, kept);
    const seeded = await toPdf(SAMPLE_TREE, { fonts: second, images: SAMPLE_IMAGES });
    expect(takeShapedRuns(second)).toEqual({});
    expect(Buffer.from(seeded).equals(Buffer.from(shaped))).toBe(true);
    expect(addShapedRuns(kept, [{}])).toBeUndefined();
  });

  it('reads a damaged file, or one kept for other fonts, as absent', async () => {
    const fonts = freshCopy(await loadFonts());
    const [name] = readdirSync(DIR);
    writeFileSync(join(DIR, name!), '{"format":1}\n{}');
    expect(readShapedRuns(DIR, fonts)).toBeUndefined();
    await writeShapedRuns(DIR, fonts, { regular: { a: [[1], [500], [500]] } });
    expect(readShapedRuns(DIR, { ...fonts, symbols: fonts.regular })).toBeUndefined();
  });
});
