/**
 * Images under assets/ are checked at validate as a document will need them
 * (issue 13: a non-image or symlinked logo passed validate, then every document
 * failed; a 20000 × 20000 logo took 45 s and 6.4 GB per document).
 */
import { describe, expect, it } from 'vitest';
import { jpegHeaderOnly, png } from '../../../test/helpers/make-image.js';
import { IMAGE_LIMITS, imageProblem } from './images.js';

const problem = (bytes: Uint8Array) => imageProblem({ size: bytes.length, bytes })?.problem;

describe('imageProblem', () => {
  it('accepts PNGs and JPEGs within the limits, whatever their colour type', () => {
    expect(problem(png(600, 200))).toBeUndefined();
    expect(problem(png(2000, 2000))).toBeUndefined();
    expect(problem(png(50, 50, { colour: 0 }))).toBeUndefined();
    expect(problem(png(50, 50, { colour: 2, depth: 16 }))).toBeUndefined();
    expect(problem(jpegHeaderOnly(3000, 1200))).toBeUndefined();
    expect(problem(jpegHeaderOnly(800, 600, 0xc2, 1))).toBeUndefined();
  });

  it('tells the type by content, not by name', () => {
    expect(problem(new TextEncoder().encode('not an image'))).toMatch(/not a PNG or JPEG image/);
    expect(problem(new TextEncoder().encode('GIF89a……'))).toMatch(/not a PNG or JPEG image/);
  });

  it('refuses an image over the limits, saying them', () => {
    expect(problem(png(20_000, 1))).toBe(`the image is 20000 × 1 pixels; casepress prints images of at most 3,000 pixels a side, 4 megapixels and 5 MB`);
    expect(problem(png(2001, 2000))).toMatch(/2001 × 2000 pixels; .* 4 megapixels/);
    expect(problem(png(2000, 1500, { depth: 16 }))).toMatch(/2000 × 1500 pixels at 8 bytes a pixel/);
    expect(problem(jpegHeaderOnly(3001, 10))).toMatch(/3001 × 10 pixels/);
    expect(imageProblem({ size: IMAGE_LIMITS.fileBytes + 1 })?.problem).toMatch(/the file is 5\.0 MB; casepress prints images of at most/);
  });

  it('refuses damaged files and compressed bombs before anything decodes them', () => {
    const good = png(300, 100);
    expect(problem(good.subarray(0, good.length - 30))).toMatch(/PNG cut short/);
    // 100 × 100 pixels in the header, 200 MB in the data: stopped at the header's size.
    const bomb = png(100, 100, { raw: new Uint8Array(200 * 1024 * 1024) });
    expect(problem(bomb)).toMatch(/does not decompress to the size its header gives/);
    const badFilter = new Uint8Array(10 * 41).map((_, i) => (i % 41 === 0 ? 7 : 0));
    expect(problem(png(10, 10, { raw: badFilter }))).toMatch(/invalid filter algorithm: 7/);
    expect(problem(jpegHeaderOnly(100, 100, 0xc9))).toMatch(/arithmetic coded/);
    expect(problem(jpegHeaderOnly(100, 0))).toMatch(/no pixels/);
    expect(problem(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]))).toMatch(/JPEG cut short/);
  });
});
