/**
 * Stays as half-open spans of day numbers: a stay from A to B counts B − A
 * days (rules.md, "Calendar arithmetic"), so spans add and subtract exactly.
 * Internal to the case clocks.
 */
import { dayNumber } from '../../core/calendar-date.js';

/** Days [start, end): `end` is the day the stay ended (or the day considered), not counted. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export function spanOf(start: string, end: string | number): Span {
  return { start: dayNumber(start), end: typeof end === 'number' ? end : dayNumber(end) };
}

/** Sorted, merged, without empty spans. */
export function normalize(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else out.push(span);
  }
  return out;
}

/** The days of `spans` within [from, to). */
export function clip(spans: readonly Span[], from: number, to: number): Span[] {
  return normalize(spans.map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) })));
}

/** The days of `spans` that are not in `minus`. */
export function subtract(spans: readonly Span[], minus: readonly Span[]): Span[] {
  const cut = normalize(minus);
  const out: Span[] = [];
  for (const span of normalize(spans)) {
    let start = span.start;
    for (const hole of cut) {
      if (hole.end <= start || hole.start >= span.end) continue;
      if (hole.start > start) out.push({ start, end: hole.start });
      start = Math.max(start, hole.end);
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

/** The days of `spans` that are also in `other`. */
export function intersect(spans: readonly Span[], other: readonly Span[]): Span[] {
  return normalize(normalize(other).flatMap((o) => clip(spans, o.start, o.end)));
}

/** How many days the spans hold. */
export function totalDays(spans: readonly Span[]): number {
  return normalize(spans).reduce((sum, s) => sum + (s.end - s.start), 0);
}

/** How many days of the (normalized) spans fall within [from, to). */
export function daysWithin(spans: readonly Span[], from: number, to: number): number {
  let sum = 0;
  for (const s of spans) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (end > start) sum += end - start;
  }
  return sum;
}
