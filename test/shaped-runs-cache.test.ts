/**
 * Words shaped by an earlier build come back from `<out>/.casepress-cache/shapes`
 * (build/pool.ts) and the PDF set with them has the bytes of one whose words
 * were shaped afresh.
 */
import { describe, expect, it } from 'vitest';
import { renderPool } from '../src/build/pool.js';
import type { RenderedJob, Renderer, RendererSetup, RenderTask } from '../src/build/renderer.js';
import { loadFonts, type FontFiles } from '../src/io/fonts.js';
import { gatherShapedRuns, seedShapedRuns, takeShapedRuns, toPdf, type ShapedRuns } from '../src/render/pdf/index.js';
import { SAMPLE_IMAGES, SAMPLE_TREE } from './helpers/sample-tree.js';

/** The same font files as new byte arrays: the writer parses them as if in a new process. */
const freshCopy = (fonts: FontFiles): FontFiles => Object.fromEntries(Object.entries(fonts).map(([key, bytes]) => [key, bytes.slice()])) as unknown as FontFiles;

describe('shaped runs kept between builds', () => {
  it('give a PDF the bytes of one shaped afresh, after a trip through JSON', async () => {
    const first = freshCopy(await loadFonts());
    const shaped = await toPdf(SAMPLE_TREE, { fonts: first, images: SAMPLE_IMAGES });
    const gathered = gatherShapedRuns(undefined);
    gathered.add(takeShapedRuns(first));
    const runs = gathered.result()!;
    expect(Object.keys(runs.regular ?? {}).length).toBeGreaterThan(100);

    const second = freshCopy(first);
    seedShapedRuns(second, [JSON.parse(JSON.stringify(runs)) as ShapedRuns]);
    const seeded = await toPdf(SAMPLE_TREE, { fonts: second, images: SAMPLE_IMAGES });
    expect(takeShapedRuns(second)).toEqual({});
    expect(Buffer.from(seeded).equals(Buffer.from(shaped))).toBe(true);
    const again = gatherShapedRuns(runs);
    again.add({});
    expect(again.result()).toBeUndefined();
  });

  it('are read when the first document renders, and kept with what the build shaped when the pool closes', async () => {
    const kept: ShapedRuns = { regular: { a: '68;500;500' } };
    const shipped: ShapedRuns = { regular: { c: '70;520;520' } };
    const reads: number[] = [];
    const written: ShapedRuns[] = [];
    const setups: RendererSetup[] = [];
    const stand: (setup: RendererSetup) => Renderer = (setup) => {
      setups.push(setup);
      return {
        render: async (): Promise<RenderedJob> => ({ files: {}, diagnostics: [], warnings: [], caught: [], heapBytes: 0, thread: 0, shapedRuns: { regular: { b: '69;510;510' } } }) as unknown as RenderedJob,
        capacity: 1,
        threads: 0,
        close: async () => {},
      };
    };
    const shapes = { read: () => (reads.push(1), { kept, shipped }), write: async (runs: ShapedRuns) => void written.push(runs) };
    const idle = renderPool({} as RendererSetup, { renderer: stand }, shapes);
    await idle.close();
    expect(reads).toEqual([]);
    expect(written).toEqual([]);

    const pool = renderPool({} as RendererSetup, { renderer: stand }, shapes);
    await pool.submit({} as RenderTask, async () => {}, () => {});
    await pool.drain();
    await pool.close();
    expect(setups[0]!.shapedRuns).toEqual([kept, shipped]);
    // The shipped words are not copied into the output folder's.
    expect(written).toEqual([{ regular: { a: '68;500;500', b: '69;510;510' } }]);
  });
});
