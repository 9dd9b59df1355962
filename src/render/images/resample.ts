/**
 * Area averaging (a box filter): every output pixel is the mean of the source
 * pixels it covers, each weighted by how much of it is covered. Colour is
 * averaged premultiplied by alpha, so a transparent pixel's hidden colour
 * does not bleed into its visible neighbours. Pure and deterministic.
 */

/** 8-bit samples, `channels` to a pixel, row after row; alpha, when there is one, last. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
  readonly data: Uint8Array;
}

/** For each output index, the source indices it covers and their weights (summing to 1). */
function spans(from: number, to: number): Array<{ first: number; weights: number[] }> {
  const step = from / to;
  const out: Array<{ first: number; weights: number[] }> = [];
  for (let i = 0; i < to; i++) {
    const start = i * step;
    const end = (i + 1) * step;
    const first = Math.floor(start);
    const weights: number[] = [];
    for (let s = first; s < end && s < from; s++) weights.push((Math.min(s + 1, end) - Math.max(s, start)) / step);
    out.push({ first, weights });
  }
  return out;
}

/** The image averaged down to `width` × `height` (each no larger than the source's). */
export function resample(src: Pixels, width: number, height: number): Pixels {
  const { channels } = src;
  const alpha = channels === 2 || channels === 4 ? channels - 1 : -1;
  const across = spans(src.width, width);
  const down = spans(src.height, height);
  // Pass 1: rows narrowed to `width`, premultiplied, kept as floats.
  const narrow = new Float32Array(width * src.height * channels);
  for (let y = 0; y < src.height; y++) {
    const row = y * src.width * channels;
    for (let x = 0; x < width; x++) {
      const { first, weights } = across[x]!;
      const out = (y * width + x) * channels;
      for (let k = 0; k < weights.length; k++) {
        const at = row + (first + k) * channels;
        const w = weights[k]!;
        const a = alpha < 0 ? 1 : src.data[at + alpha]! / 255;
        for (let c = 0; c < channels; c++) narrow[out + c]! += (c === alpha ? src.data[at + c]! : src.data[at + c]! * a) * w;
      }
    }
  }
  // Pass 2: columns shortened to `height`, then un-premultiplied and rounded.
  const data = new Uint8Array(width * height * channels);
  const sums = new Float64Array(channels);
  for (let y = 0; y < height; y++) {
    const { first, weights } = down[y]!;
    for (let x = 0; x < width; x++) {
      sums.fill(0);
      for (let k = 0; k < weights.length; k++) {
        const at = ((first + k) * width + x) * channels;
        for (let c = 0; c < channels; c++) sums[c]! += narrow[at + c]! * weights[k]!;
      }
      const out = (y * width + x) * channels;
      const a = alpha < 0 ? 1 : sums[alpha]! / 255;
      for (let c = 0; c < channels; c++) {
        const value = c === alpha ? sums[c]! : a > 0 ? sums[c]! / a : 0;
        data[out + c] = Math.min(255, Math.max(0, Math.round(value)));
      }
    }
  }
  return { width, height, channels, data };
}
