/**
 * Images brought down to the pixels they are printed with: an image with
 * more pixels than its largest box needs at 300 dpi is decoded, averaged down
 * (its proportions kept) and encoded again, so a 2000 × 2000 logo printed an
 * inch tall is not embedded whole. A PNG stays a PNG; a JPEG stays a JPEG at
 * a fixed quality. The codecs load only when an image needs shrinking, and
 * each shrunk image is kept for the process, by the hash of its bytes and
 * its new size, so a document set decodes it once.
 *
 * Layout is unchanged: a shrunk image keeps at least 300 dpi of its largest
 * box, so its natural size (a pixel a point in the PDF, 96 dpi in the DOCX)
 * is still larger than any box it is fitted into, and pictures are sized by
 * their boxes and proportions, which shrinking keeps.
 */
import { createHash } from 'node:crypto';
import { imageHeader } from '../../core/image-header.js';
import type { DocumentTree, ImageSet } from '../../document/ast.js';
import type { StyleSheet } from '../style/style.js';
import { resample, type Pixels } from './resample.js';
import { imageUses, type PrintBox } from './uses.js';

/** Print resolution, in pixels per inch. */
const DPI = 300;
const JPEG_QUALITY = 90;

/** Shrunk images by source hash and size; and by the source array itself, so the same bytes are not hashed per document. */
const shrunk = new Map<string, Uint8Array>();
const shrunkFrom = new WeakMap<Uint8Array, Map<string, Uint8Array>>();

/**
 * The document's images as they should be embedded: each one the tree uses at
 * no more pixels than its largest print needs; the others as given.
 */
export async function printReady(tree: DocumentTree, style: StyleSheet, images: ImageSet): Promise<ImageSet> {
  const boxes = new Map<string, PrintBox[]>();
  for (const { key, box } of imageUses(tree, style)) {
    if (Object.hasOwn(images, key)) boxes.set(key, [...(boxes.get(key) ?? []), box]);
  }
  let ready: Record<string, Uint8Array> | undefined;
  for (const [key, keyBoxes] of boxes) {
    const bytes = images[key]!;
    const smaller = await shrinkToFit(bytes, keyBoxes);
    if (smaller !== bytes) (ready ??= { ...images })[key] = smaller;
  }
  return ready ?? images;
}

/** The pixel size an image of `width` × `height` needs to print at 300 dpi in the largest of `boxes`; undefined when it has no more than that. */
export function printPixels(width: number, height: number, boxes: readonly PrintBox[]): { width: number; height: number } | undefined {
  const widest = Math.max(...boxes.map((box) => Math.min(box.width, (box.height * width) / height)));
  const needed = Math.ceil((widest * DPI) / 72);
  if (!(needed < width)) return undefined;
  return { width: needed, height: Math.max(1, Math.round((height * needed) / width)) };
}

/** `bytes` shrunk to its largest print, or `bytes` itself when it is small enough or cannot be read (the writers then say why). */
async function shrinkToFit(bytes: Uint8Array, boxes: readonly PrintBox[]): Promise<Uint8Array> {
  const header = imageHeader(bytes);
  if (typeof header === 'string') return bytes;
  const target = printPixels(header.width, header.height, boxes);
  if (!target || (header.type === 'jpg' && rotatedByExif(bytes))) return bytes;
  const size = `${target.width}x${target.height}`;
  const known = shrunkFrom.get(bytes) ?? new Map<string, Uint8Array>();
  shrunkFrom.set(bytes, known);
  let result = known.get(size);
  if (result) return result;
  const key = `${createHash('sha256').update(bytes).digest('hex')} ${size}`;
  result = shrunk.get(key);
  if (!result) {
    try {
      result = header.type === 'png' ? await shrinkPng(bytes, target) : await shrinkJpeg(bytes, target);
    } catch {
      result = bytes; // the writers say what is wrong with it
    }
    shrunk.set(key, result);
  }
  known.set(size, result);
  return result;
}

async function shrinkPng(bytes: Uint8Array, target: { width: number; height: number }): Promise<Uint8Array> {
  const { decode, encode } = await import('fast-png');
  const small = resample(pngPixels(decode(bytes)), target.width, target.height);
  return encode({ width: small.width, height: small.height, data: small.data, channels: small.channels, depth: 8 });
}

async function shrinkJpeg(bytes: Uint8Array, target: { width: number; height: number }): Promise<Uint8Array> {
  const { default: jpeg } = await import('jpeg-js');
  const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
  const small = resample({ width: decoded.width, height: decoded.height, channels: 4, data: decoded.data }, target.width, target.height);
  return new Uint8Array(jpeg.encode({ width: small.width, height: small.height, data: small.data }, JPEG_QUALITY).data);
}

interface DecodedPng {
  readonly width: number;
  readonly height: number;
  readonly data: ArrayLike<number>;
  readonly depth: number;
  readonly channels: number;
  readonly palette?: number[][];
  readonly transparency?: Uint16Array;
}

/** A decoded PNG as 8-bit samples: palettes expanded, a transparent colour turned into an alpha channel. */
export function pngPixels(png: DecodedPng): Pixels {
  const { width, height, depth, palette } = png;
  const count = width * height;
  const inChannels = png.channels;
  const rowBytes = Math.ceil((width * inChannels * depth) / 8);
  const sample = (y: number, i: number): number => {
    if (depth === 8 || depth === 16) return png.data[y * width * inChannels + i]!;
    const bit = i * depth;
    return (png.data[y * rowBytes + (bit >> 3)]! >> (8 - depth - (bit & 7))) & ((1 << depth) - 1);
  };
  const key = !palette && png.transparency && png.transparency.length === inChannels ? png.transparency : undefined;
  const channels = (palette ? palette[0]!.length : inChannels + (key ? 1 : 0)) as Pixels['channels'];
  const data = new Uint8Array(count * channels);
  const scale = depth === 16 ? 1 / 257 : 255 / ((1 << depth) - 1);
  const raw = new Array<number>(inChannels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const out = (y * width + x) * channels;
      for (let c = 0; c < inChannels; c++) raw[c] = sample(y, x * inChannels + c);
      if (palette) {
        const entry = palette[raw[0]!] ?? palette[0]!;
        for (let c = 0; c < channels; c++) data[out + c] = entry[c]!;
        continue;
      }
      for (let c = 0; c < inChannels; c++) data[out + c] = Math.round(raw[c]! * scale);
      if (key) data[out + inChannels] = raw.every((v, c) => v === key[c]) ? 0 : 255;
    }
  }
  return { width, height, channels, data };
}

/** Whether a JPEG's EXIF says to turn it: re-encoding would drop that, so such an image is embedded as it is. */
function rotatedByExif(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return false;
    const length = view.getUint16(at + 2);
    if (marker === 0xe1 && length >= 8 && String.fromCharCode(...bytes.subarray(at + 4, at + 8)) === 'Exif') return exifOrientation(bytes.subarray(at + 10, at + 2 + length)) > 1;
    at += 2 + length;
  }
  return false;
}

/** The Orientation tag (0x0112) of a TIFF block, 1 when absent or unreadable. */
function exifOrientation(tiff: Uint8Array): number {
  if (tiff.length < 8) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const little = tiff[0] === 0x49;
  const first = view.getUint32(4, little);
  if (first + 2 > tiff.length) return 1;
  const entries = view.getUint16(first, little);
  for (let i = 0; i < entries; i++) {
    const at = first + 2 + i * 12;
    if (at + 12 > tiff.length) return 1;
    if (view.getUint16(at, little) === 0x0112) return view.getUint16(at + 8, little);
  }
  return 1;
}
