/**
 * Grapheme clusters (a letter with its marks, an emoji sequence): where a word
 * too long for its line may be cut.
 */

/** Made on first use: creating it loads ICU's break rules (15 ms), and most documents never cut a word. */
let segmenter: Intl.Segmenter | undefined;

/**
 * At most this many UTF-16 units are given to the segmenter at once: V8's
 * takes time in proportion to the string's length at every step, so walking a
 * 100 KB word at once took seconds, and 400 KB minutes.
 */
const WINDOW = 256;

/**
 * The clusters of `text`, in order; joined, they are `text`. An ASCII
 * character followed by another (or by nothing), CR before LF aside, is a
 * cluster of its own. Other text goes to the segmenter a window at a time,
 * with the plain character that ends it; a window cut short ends before its
 * last cluster, which may go on past it, and the next starts there (a cluster
 * boundary, where the rules start afresh). A cluster longer than a window (a
 * letter under hundreds of marks) is cut at the window.
 */
export function graphemesOf(text: string): string[] {
  const clusters: string[] = [];
  let start = 0;
  while (start < text.length) {
    if (standsAlone(text, start)) {
      clusters.push(text[start]!);
      start++;
      continue;
    }
    let end = start + 1;
    while (end < text.length && end - start < WINDOW && !standsAlone(text, end)) end++;
    const whole = end >= text.length || standsAlone(text, end);
    // A window cut short never ends between the two halves of a surrogate pair.
    if (!whole && isHighSurrogate(text.charCodeAt(end - 1)) && end - 1 > start) end--;
    let next = start;
    for (const { segment, index } of (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(text.slice(start, whole ? end + 1 : end))) {
      if (!whole && index > 0 && index + segment.length >= end - start) break;
      clusters.push(segment);
      next = start + index + segment.length;
    }
    start = next;
  }
  return clusters;
}

/** An ASCII character (not CR) before another or at the end: nothing joins it to the next. */
function standsAlone(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0x7f || code === 0x0d) return false;
  const next = text.charCodeAt(i + 1);
  return !(next >= 0x7f);
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
