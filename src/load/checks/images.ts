/**
 * The images under assets/ (the logo, signature images a template prints) are
 * checked as a document will need them: a PNG or JPEG by content, whole, and
 * within IMAGE_LIMITS, so a misnamed, damaged or huge image is one located
 * error at `validate` rather than a failure of every document that prints it
 * (a 20000 × 20000 logo took 45 s and 6.4 GB per document). One over the
 * limits is refused with the limits and the size a print needs, not scaled
 * down; one within them is, when rendered (render/images/shrink.ts).
 */
import { inflateSync } from 'node:zlib';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import { groupThousands } from '../../core/digits.js';
import { imageHeader, pngRowsProblem } from '../../core/image-header.js';
import { isAssetImage } from '../../core/listing.js';
import type { Check } from './context.js';

export const IMAGE_LIMITS = {
  /** Pixels on the longer side: 10 inches at 300 dots an inch. */
  side: 3000,
  pixels: 4_000_000,
  /** The pixels decoded, every channel (a 2000 × 2000 RGBA image at 8 bits). */
  decodedBytes: 16 * 1024 * 1024,
  /** The file, as the loader reads it. */
  fileBytes: 5 * 1024 * 1024,
} as const;

const grouped = (n: number) => groupThousands(String(n));
const LIMITS_TEXT = `casepress prints images of at most ${grouped(IMAGE_LIMITS.side)} pixels a side, ${IMAGE_LIMITS.pixels / 1_000_000} megapixels and ${IMAGE_LIMITS.fileBytes / 1024 / 1024} MB`;
const RESIZE_HINT = 'save it smaller: a logo or signature printed 2 inches wide is sharp at 600 pixels across';

/** What is wrong with an image file as a document would print it, or undefined. */
export function imageProblem(asset: { readonly size: number; readonly bytes?: Uint8Array }): { problem: string; hint?: string } | undefined {
  if (asset.size > IMAGE_LIMITS.fileBytes) return { problem: `the file is ${(asset.size / 1024 / 1024).toFixed(1)} MB; ${LIMITS_TEXT}`, hint: RESIZE_HINT };
  // A listing that did not read the file (a stand-in in tests) leaves nothing to check.
  if (!asset.bytes) return undefined;
  const header = imageHeader(asset.bytes);
  if (typeof header === 'string') return { problem: header, hint: 'save it as a PNG or JPEG from an image editor' };
  const { width, height } = header;
  if (Math.max(width, height) > IMAGE_LIMITS.side || width * height > IMAGE_LIMITS.pixels || header.decodedBytes > IMAGE_LIMITS.decodedBytes) {
    return { problem: `the image is ${width} × ${height} pixels${header.decodedBytes > IMAGE_LIMITS.decodedBytes && width * height <= IMAGE_LIMITS.pixels ? ` at ${(header.decodedBytes / width / height).toFixed(0)} bytes a pixel` : ''}; ${LIMITS_TEXT}`, hint: RESIZE_HINT };
  }
  if (header.type === 'png') {
    let data: Uint8Array;
    try {
      // Never more than the header says the pixels take: a compressed bomb stops here.
      data = inflateSync(Buffer.concat(header.compressed!), { maxOutputLength: header.inflatedBytes! });
    } catch {
      return { problem: 'its pixel data is damaged (it does not decompress to the size its header gives)', hint: 'save it again as a PNG from an image editor' };
    }
    const rows = pngRowsProblem(data, { width, height, bitsPerPixel: header.bitsPerPixel!, interlaced: header.interlaced! });
    if (rows) return { problem: `its pixel data is damaged (${rows.toLowerCase()})`, hint: 'save it again as a PNG from an image editor' };
  }
  return undefined;
}

export const imagesArePrintable: Check = ({ root }) => {
  const out: Diagnostic[] = [];
  const agency = root.agency;
  const logo = agency?.data.logo?.replace(/^\.\//, '');
  for (const [path, asset] of root.assets) {
    if (!isAssetImage(path)) continue;
    const found = imageProblem(asset);
    if (!found) continue;
    if (agency && path === logo) {
      out.push(diagnostic('CP1320', { file: agency.file, span: agency.locate.value(['logo']), field: 'logo', message: `\`logo\`: "${path}" cannot be printed: ${found.problem}`, hint: found.hint }));
    } else {
      out.push(diagnostic('CP1320', { file: path, message: `this image cannot be printed: ${found.problem}`, hint: found.hint }));
    }
  }
  return out;
};
