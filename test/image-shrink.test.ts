/**
 * Images embedded at the pixels they are printed with (300 dpi): a large PNG
 * and JPEG printed small come out of the PDF and the DOCX shrunk, laid out at
 * the same size, the same bytes on every render; a small image goes in as it is.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode as encodePng } from 'fast-png';
import { unzipSync } from 'fflate';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageHeader } from '../src/core/image-header.js';
import type { DocumentTree } from '../src/document/ast.js';
import { loadFonts, type FontFiles } from '../src/io/fonts.js';
import { toDocx } from '../src/render/docx/index.js';
import { resample } from '../src/render/images/resample.js';
import { pngPixels, printPixels, printReady } from '../src/render/images/shrink.js';
import { STYLE } from '../src/render/style/style.js';
import { toPdf } from '../src/render/pdf/index.js';
import { SAMPLE_TREE } from './helpers/sample-tree.js';

const DIR = mkdtempSync(join(tmpdir(), 'casepress-shrink-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

/** A `width` × `height` RGBA PNG of gradients, its left half see-through. */
function bigPng(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([x % 256, y % 256, (x + y) % 256, x < width / 2 ? 96 : 255], (y * width + x) * 4);
  }
  return encodePng({ width, height, data, channels: 4, depth: 8 });
}

function bigJpeg(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set([x % 256, y % 256, 128, 255], (y * width + x) * 4);
  return new Uint8Array(jpeg.encode({ width, height, data }, 80).data);
}

const IMAGES = { 'logo.png': bigPng(1000, 1000), 'photo.jpg': bigJpeg(1200, 600), 'small.png': bigPng(100, 50) };
const TREE: DocumentTree = {
  meta: { ...SAMPLE_TREE.meta, draft: false },
  letterhead: { name: 'Agency', addressLines: [], logo: 'logo.png' },
  blocks: [
    { type: 'image', src: 'photo.jpg', alt: 'Photo', width: 144 },
    { type: 'image', src: 'small.png', alt: 'Small' },
  ],
};

let fonts: FontFiles;
beforeAll(async () => {
  fonts = await loadFonts();
});

describe('images shrunk to their printed size', () => {
  it('needs 300 dpi of the largest box an image is printed in', () => {
    expect(printPixels(2000, 2000, [{ width: 150, height: 48 }])).toEqual({ width: 200, height: 200 });
    expect(printPixels(2000, 1000, [{ width: 150, height: 48 }, { width: 180, height: Infinity }])).toEqual({ width: 750, height: 375 });
    expect(printPixels(300, 300, [{ width: 72, height: 72 }])).toBeUndefined();
  });

  it('averages colour by alpha, so a see-through pixel lends none of its colour', () => {
    const data = new Uint8Array([255, 0, 0, 0, 0, 0, 255, 255]);
    expect([...resample({ width: 2, height: 1, channels: 4, data }, 1, 1).data]).toEqual([0, 0, 255, 128]);
  });

  it('reads a palette PNG with transparency and a 16-bit grey one as 8-bit samples', () => {
    const palette = pngPixels({ width: 3, height: 1, depth: 2, channels: 1, data: new Uint8Array([0b00_01_10_00]), palette: [[1, 2, 3, 0], [4, 5, 6, 255], [7, 8, 9, 255]] });
    expect([...palette.data]).toEqual([1, 2, 3, 0, 4, 5, 6, 255, 7, 8, 9, 255]);
    const grey = pngPixels({ width: 2, height: 1, depth: 16, channels: 1, data: new Uint16Array([65535, 257]), transparency: new Uint16Array([257]) });
    expect([...grey.data]).toEqual([255, 255, 1, 0]);
  });

  it('embeds a large PNG and JPEG in the PDF at 300 dpi of their printed size, a small image as it is, the same bytes twice', async () => {
    const first = await toPdf(TREE, { fonts, images: IMAGES });
    const second = await toPdf(TREE, { fonts, images: IMAGES });
    expect(Buffer.compare(first, second)).toBe(0);
    const path = join(DIR, 'images.pdf');
    writeFileSync(path, first);
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    const rows = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((row) => row.trim().split(/\s+/));
    const seen = rows.map((r) => `${r[2]} ${r[3]}x${r[4]} ${r[12]}ppi`);
    expect(seen).toEqual(['image 200x200 300ppi', 'smask 200x200 300ppi', 'image 600x300 300ppi', 'image 100x50 72ppi', 'smask 100x50 72ppi']);
  });

  it('puts the shrunk images in the DOCX media, drawn at the same size, and the small one byte for byte', async () => {
    const first = await toDocx(TREE, { fonts, images: IMAGES });
    expect(Buffer.compare(first, await toDocx(TREE, { fonts, images: IMAGES }))).toBe(0);
    const files = unzipSync(first);
    const media = Object.entries(files).filter(([name]) => name.startsWith('word/media/'));
    const sizes = media.map(([name, data]) => {
      const header = imageHeader(data);
      return typeof header === 'string' ? header : `${name} ${header.type} ${header.width}x${header.height}`;
    });
    expect(sizes.sort()).toEqual(['word/media/image1.jpg jpg 600x300', 'word/media/image2.png png 100x50', 'word/media/image3.png png 200x200']);
    expect(Buffer.compare(files['word/media/image2.png']!, IMAGES['small.png'])).toBe(0);
    // Drawn at the size the original is printed: the photo 144 pt wide, the small image at 96 dpi, the logo 48 pt square (9525 EMU a pixel).
    const extents = (part: string) => [...new TextDecoder().decode(files[part]).matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"/g)].map((m) => `${m[1]}x${m[2]}`);
    expect(extents('word/document.xml')).toEqual(['1828800x914400', '952500x476250']);
    expect(Object.keys(files).filter((name) => /^word\/header\d+\.xml$/.test(name)).flatMap(extents)).toEqual(['609600x609600']);
  });

  it('leaves a JPEG its EXIF turns as it is (re-encoding would drop the turn), and shrinks it unturned', async () => {
    const tiff = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 8 + tiff.length]), Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const photo = IMAGES['photo.jpg'];
    const turned = new Uint8Array(Buffer.concat([photo.subarray(0, 2), app1, photo.subarray(2)]));
    const tree = { ...TREE, letterhead: undefined };
    expect((await printReady(tree, STYLE, { 'photo.jpg': turned }))['photo.jpg']).toBe(turned);
    expect((await printReady(tree, STYLE, { 'photo.jpg': photo }))['photo.jpg']).not.toBe(photo);
  });
});
