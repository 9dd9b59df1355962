/** Small PNG and JPEG files made in memory for image tests: any size, colour type or damage, no fixture files. */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** A PNG of `width` × `height` (colour type 6: RGBA by default, 8 bits), rows of one grey; `raw` replaces its inflated data. */
export function png(width: number, height: number, options: { colour?: 0 | 2 | 4 | 6; depth?: 8 | 16; raw?: Uint8Array } = {}): Buffer {
  const colour = options.colour ?? 6;
  const depth = options.depth ?? 8;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = depth;
  ihdr[9] = colour;
  const row = Buffer.alloc(1 + (width * CHANNELS[colour]! * depth) / 8, 0x80);
  row[0] = 0;
  const raw = options.raw ?? Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

/** A JPEG's first segments up to its frame header (`marker` 0xC0 baseline, 0xC2 progressive, …): enough for a header reader. */
export function jpegHeaderOnly(width: number, height: number, marker = 0xc0, components = 3): Buffer {
  const frame = Buffer.alloc(2 + 2 + 6 + components * 3);
  frame[0] = 0xff;
  frame[1] = marker;
  frame.writeUInt16BE(frame.length - 2, 2);
  frame[4] = 8;
  frame.writeUInt16BE(height, 5);
  frame.writeUInt16BE(width, 7);
  frame[9] = components;
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00]), frame, Buffer.from([0xff, 0xd9])]);
}
