import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { imageInfo } from './image-size.js';

function png(width: number, height: number): Uint8Array {
  const header = Buffer.alloc(25);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return Buffer.concat([header, deflateSync(Buffer.alloc(4))]);
}

/** A JPEG's markers up to its frame header: SOI, an APP0 segment, a DQT-like segment, then SOF. */
function jpeg(width: number, height: number, sof = 0xc0): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 72, 0, 72, 0, 0];
  const other = [0xff, 0xdb, 0x00, 0x04, 0x00, 0x00];
  const sofSegment = [0xff, sof, 0x00, 0x11, 8, height >> 8, height & 255, width >> 8, width & 255, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return new Uint8Array([0xff, 0xd8, ...app0, 0xff, 0xff, ...other, ...sofSegment, 0xff, 0xd9]);
}

describe('imageInfo', () => {
  it('reads a PNG size from its IHDR chunk', () => {
    expect(imageInfo(png(640, 480))).toEqual({ type: 'png', width: 640, height: 480 });
  });

  it('reads a JPEG size from its start-of-frame segment, past other segments and fill bytes', () => {
    expect(imageInfo(jpeg(1200, 900))).toEqual({ type: 'jpg', width: 1200, height: 900 });
    expect(imageInfo(jpeg(300, 200, 0xc2))).toEqual({ type: 'jpg', width: 300, height: 200 });
  });

  it('reads a PNG inside a larger buffer (a Node Buffer from a pool)', () => {
    const pooled = Buffer.concat([Buffer.alloc(7), png(3, 5)]).subarray(7);
    expect(imageInfo(pooled)).toEqual({ type: 'png', width: 3, height: 5 });
  });

  it('refuses what is not a PNG or JPEG, and truncated or empty images', () => {
    expect(imageInfo(new TextEncoder().encode('GIF89a......'))).toBeUndefined();
    expect(imageInfo(new Uint8Array())).toBeUndefined();
    expect(imageInfo(jpeg(10, 10).subarray(0, 30))).toBeUndefined();
    expect(imageInfo(png(0, 10))).toBeUndefined();
  });
});
