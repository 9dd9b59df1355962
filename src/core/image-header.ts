/**
 * What a PNG or JPEG is, read from its bytes (never its name): type, pixel
 * size, and the size of its pixels decoded. No decoding: the PNG's chunks and
 * the JPEG's segments are walked to the frame header, so a file that is
 * truncated, misnamed or of a kind PDF readers cannot show is told apart
 * before anything tries to print it.
 */

export interface ImageHeader {
  readonly type: 'png' | 'jpg';
  readonly width: number;
  readonly height: number;
  /** Bytes its pixels take decoded: every channel, at least 8 bits a sample. */
  readonly decodedBytes: number;
  /** A PNG's bits per pixel (every channel) and whether it is interlaced (Adam7). */
  readonly bitsPerPixel?: number;
  readonly interlaced?: boolean;
  /** A PNG's compressed pixel data (its IDAT chunks, in order). */
  readonly compressed?: readonly Uint8Array[];
  /** What a PNG's compressed data inflates to: one filter byte per row, and its samples, pass by pass. */
  readonly inflatedBytes?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels by PNG colour type, and the bit depths each allows. */
const PNG_COLOUR: Readonly<Record<number, { channels: number; depths: readonly number[] }>> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
const ADAM7: ReadonlyArray<readonly [number, number, number, number]> = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];

/** The image's header, or what is wrong with it (a phrase: "it is not a PNG or JPEG image"). */
export function imageHeader(bytes: Uint8Array): ImageHeader | string {
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return pngHeader(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return jpegHeader(bytes);
  return 'it is not a PNG or JPEG image (its first bytes say so, whatever its name)';
}

function pngHeader(bytes: Uint8Array): ImageHeader | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  if (bytes.length < 33 || type(12) !== 'IHDR' || view.getUint32(8) !== 13) return 'it is a PNG without its header (IHDR)';
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const depth = bytes[24]!;
  const colour = PNG_COLOUR[bytes[25]!];
  const interlaced = bytes[28] === 1;
  if (width === 0 || height === 0) return 'it is a PNG of no pixels';
  if (!colour || !colour.depths.includes(depth) || bytes[26] !== 0 || bytes[27] !== 0 || bytes[28]! > 1) return 'it is a PNG whose header is not valid';
  const compressed: Uint8Array[] = [];
  let palette = false;
  let at = 8;
  for (;;) {
    if (at + 12 > bytes.length) return 'it is a PNG cut short (no IEND chunk)';
    const length = view.getUint32(at);
    const name = type(at + 4);
    if (at + 12 + length > bytes.length) return 'it is a PNG cut short (a chunk runs past the end of the file)';
    if (name === 'IDAT') compressed.push(bytes.subarray(at + 8, at + 8 + length));
    if (name === 'PLTE') palette = true;
    if (name === 'IEND') break;
    at += 12 + length;
  }
  if (compressed.length === 0) return 'it is a PNG without pixel data (no IDAT chunk)';
  if (bytes[25] === 3 && !palette) return 'it is a palette PNG without its palette (PLTE)';
  const bitsPerPixel = colour.channels * depth;
  const passes = interlaced ? ADAM7 : [[0, 0, 1, 1] as const];
  let inflatedBytes = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w > 0 && h > 0) inflatedBytes += h * (1 + Math.ceil((w * bitsPerPixel) / 8));
  }
  return { type: 'png', width, height, bitsPerPixel, interlaced, decodedBytes: width * height * colour.channels * Math.max(1, depth / 8), compressed, inflatedBytes };
}

/** What is wrong with a PNG's inflated pixel data for its header (too short, an unknown row filter), or undefined. */
export function pngRowsProblem(data: Uint8Array, png: { width: number; height: number; bitsPerPixel: number; interlaced: boolean }): string | undefined {
  const passes = png.interlaced ? ADAM7 : [[0, 0, 1, 1] as const];
  let pos = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const width = Math.ceil((png.width - x0) / dx);
    const height = Math.ceil((png.height - y0) / dy);
    if (width <= 0 || height <= 0) continue;
    const rowBytes = Math.ceil((width * png.bitsPerPixel) / 8);
    for (let row = 0; row < height; row++) {
      if (pos >= data.length) return 'Incomplete or corrupt PNG file';
      if (data[pos]! > 4) return `Invalid filter algorithm: ${data[pos]!}`;
      pos += 1 + rowBytes;
    }
  }
  return pos > data.length ? 'Incomplete or corrupt PNG file' : undefined;
}

/** Baseline, extended and progressive frames (Huffman coded): what PDF's DCTDecode shows. */
const SHOWN_FRAMES = new Set([0xc0, 0xc1, 0xc2]);
/** Every other start-of-frame marker: SOF3, SOF5–7, SOF9–11, SOF13–15 (lossless, hierarchical, arithmetic). */
const OTHER_FRAMES = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpegHeader(bytes: Uint8Array): ImageHeader | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return 'it is a JPEG whose segments are damaged';
    const marker = bytes[at + 1]!;
    // Fill bytes, and markers without a length (RSTn, TEM), carry no segment.
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return 'it is a JPEG without a frame header';
    const length = view.getUint16(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return 'it is a JPEG cut short';
    if (OTHER_FRAMES.has(marker)) return 'it is a JPEG of a kind PDF readers do not show (lossless, hierarchical or arithmetic coded): save it again as an ordinary JPEG';
    if (SHOWN_FRAMES.has(marker)) {
      if (length < 8) return 'it is a JPEG whose frame header is damaged';
      const precision = bytes[at + 4]!;
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      const components = bytes[at + 9]!;
      if (width === 0 || height === 0) return 'it is a JPEG of no pixels';
      if (precision !== 8 || ![1, 3, 4].includes(components)) return `it is a JPEG of ${precision}-bit samples and ${components} components; PDF readers show 8-bit grey, RGB or CMYK`;
      return { type: 'jpg', width, height, decodedBytes: width * height * components };
    }
    at += 2 + length;
  }
  return 'it is a JPEG cut short';
}
