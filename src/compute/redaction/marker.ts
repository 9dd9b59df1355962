/**
 * The marker a withheld value leaves. Compute and the scans emit this one
 * sentinel (private-use characters around a word, so it reads as "withheld" if
 * it ever shows unprinted); the build's final visitor prints it in the form its
 * place in the document needs (a table cell's short form, prose's long one).
 */
export const WITHHELD_MARKER = '\uE000withheld\uE001';

/** `text` with each span [start, end) (in order, apart) replaced by the marker. */
export function markSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + WITHHELD_MARKER;
    at = end;
  }
  return out + text.slice(at);
}
