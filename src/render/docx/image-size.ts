/**
 * The pixel size of a PNG or JPEG, read from its header bytes, so an image
 * printed at a width in points keeps its proportions. No decoding.
 */

export interface ImageInfo {
  readonly type: 'png' | 'jpg';
  readonly width: number;
  readonly height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** JPEG start-of-frame markers: SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** The image's type and pixel size, or undefined when the bytes are not a PNG or JPEG it can read. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // The IHDR chunk comes first: length (4), "IHDR" (4), width (4), height (4).
    const width = view.getUint32(16);
    const height = view.getUint32(20);
    return width > 0 && height > 0 ? { type: 'png', width, height } : undefined;
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 <= bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1]!;
      // Fill bytes and markers without a length (RSTn, TEM) carry no segment.
      if (marker === 0xff) {
        at += 1;
        continue;
      }
      if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
        at += 2;
        continue;
      }
      if (marker === 0xd9 || marker === 0xda) return undefined; // end of image, or scan data before any frame
      const length = view.getUint16(at + 2);
      if (isStartOfFrame(marker)) {
        const height = view.getUint16(at + 5);
        const width = view.getUint16(at + 7);
        return width > 0 && height > 0 ? { type: 'jpg', width, height } : undefined;
      }
      at += 2 + length;
    }
  }
  return undefined;
}
