/**
 * A chart node as drawing instructions: rectangles, lines, dots and text at
 * fixed places, in points from the chart's top left corner. Text is measured
 * by the caller's fonts (the PDF's embedded faces), so labels are placed where
 * they fit: a category label wraps onto a second line, and when the labels
 * still do not fit side by side only every second (third…) one is printed.
 * Pure and deterministic: the same chart and fonts give the same marks.
 */
import type { Chart } from '../../document/ast.js';
import { formatValue, valueScale } from './scale.js';

/** Width of `text` set at `size` points, bold or not. */
export type Measure = (text: string, size: number, bold: boolean) => number;

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Mark =
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly fill: string }
  | { readonly kind: 'line'; readonly points: readonly Point[]; readonly stroke: string; readonly width: number; readonly dash?: readonly number[] }
  | { readonly kind: 'dot'; readonly x: number; readonly y: number; readonly r: number; readonly fill: string }
  /** `y` is the baseline; `anchor` says which end of the text (or its middle) stands at `x`. */
  | { readonly kind: 'text'; readonly x: number; readonly y: number; readonly text: string; readonly size: number; readonly bold: boolean; readonly color: string; readonly anchor: 'start' | 'middle' | 'end' };

export interface Drawing {
  readonly width: number;
  readonly height: number;
  readonly marks: readonly Mark[];
}

/** Series colours, told apart in greyscale too (dark, light, middle…); lines also differ in dash. */
const SERIES_COLORS = ['#1F3A5F', '#E69F00', '#009E73', '#56B4E9', '#D55E00', '#CC79A7', '#7F7F7F', '#000000'] as const;
export const SERIES_DASHES: readonly (readonly number[] | undefined)[] = [undefined, [5, 2], [1.5, 1.5], [6, 2, 1.5, 2]];
export const seriesColor = (i: number): string => SERIES_COLORS[i % SERIES_COLORS.length]!;
export const seriesDash = (i: number): readonly number[] | undefined => SERIES_DASHES[i % SERIES_DASHES.length];

export const CHART_TEXT = { title: 10.5, label: 8 } as const;
const TEXT = '#000000';
const MUTED = '#444444';
const GRID = '#D9D9D9';
const AXIS = '#666666';
/** A line of text per point of size; Noto Serif's ascent per point of size. */
const LEADING = 1.3;
const ASCENT = 0.95;
/** The plot's height as a share of the chart's width. */
const PLOT_RATIO = 0.4;
/** The share of a category's band its bars take. */
const GROUP = 0.7;

/**
 * Whether a bar chart lays its bars across (categories down the left, values
 * along the bottom): when its category labels, by an estimate of their width,
 * would not fit under their bars on two lines. Decided from the data alone, so
 * the PDF and the DOCX chart agree.
 */
export function barsAcross(chart: Chart, width: number): boolean {
  if (chart.kind !== 'bar' || chart.categories.length === 0) return false;
  const slot = (width - 40) / chart.categories.length - 4;
  const estimate = (t: string) => t.length * CHART_TEXT.label * 0.5;
  return chart.categories.some((c) => {
    const rows = wrap(c, slot, estimate);
    return rows.length > 2 || rows.some((r) => estimate(r) > slot);
  });
}

export function layoutChart(chart: Chart, width: number, measure: Measure, maxHeight = Infinity): Drawing {
  const marks: Mark[] = [];
  const label = CHART_TEXT.label;
  const line = label * LEADING;
  const text = (x: number, y: number, value: string, anchor: 'start' | 'middle' | 'end', o: { size?: number; bold?: boolean; color?: string } = {}) =>
    marks.push({ kind: 'text', x, y, text: value, size: o.size ?? label, bold: o.bold ?? false, color: o.color ?? TEXT, anchor });
  let y = 0;

  if (chart.title) {
    for (const row of wrap(chart.title, width, (t) => measure(t, CHART_TEXT.title, true))) {
      text(0, y + CHART_TEXT.title * ASCENT, row, 'start', { size: CHART_TEXT.title, bold: true });
      y += CHART_TEXT.title * LEADING;
    }
    y += 4;
  }

  // The legend: a swatch and the series' name, as many to a row as fit.
  if (chart.series.length > 1) {
    const swatch = chart.kind === 'line' ? 16 : 8;
    let x = 0;
    let rows = 1;
    const items = chart.series.map((s, i) => {
      const w = swatch + 4 + measure(s.name, label, false);
      if (x > 0 && x + w > width) {
        x = 0;
        rows += 1;
      }
      const at = { x, row: rows - 1, i, name: s.name };
      x += w + 14;
      return at;
    });
    for (const item of items) {
      const top = y + item.row * line;
      const mid = top + line / 2;
      if (chart.kind === 'line') {
        const dash = seriesDash(item.i);
        marks.push({ kind: 'line', points: [{ x: item.x, y: mid }, { x: item.x + swatch, y: mid }], stroke: seriesColor(item.i), width: 1.5, ...(dash ? { dash } : {}) });
        marks.push({ kind: 'dot', x: item.x + swatch / 2, y: mid, r: 2, fill: seriesColor(item.i) });
      } else {
        marks.push({ kind: 'rect', x: item.x, y: mid - swatch / 2, width: swatch, height: swatch, fill: seriesColor(item.i) });
      }
      text(item.x + swatch + 4, top + label * ASCENT + (line - label) / 2, item.name, 'start');
    }
    y += rows * line + 4;
  }

  const plot = { maxHeight, marks, y, width, measure, text };
  return barsAcross(chart, width) ? layoutAcross(chart, plot) : layoutUp(chart, plot);
}

type Text = (x: number, y: number, value: string, anchor: 'start' | 'middle' | 'end', o?: { size?: number; bold?: boolean; color?: string }) => void;

/** What the plot is drawn into: the marks so far, where the plot starts (below the title and legend), the width, the fonts. */
interface Plot {
  /** The most the whole chart may take (a page): bars across shrink their bands to it. */
  readonly maxHeight: number;
  readonly marks: Mark[];
  readonly y: number;
  readonly width: number;
  readonly measure: Measure;
  readonly text: Text;
}

/** A plot title (an axis' name) above the plot, at its left. */
/**
 * Each bar of a bar chart, whichever way it is drawn: its series and
 * category, the values it spans (stacked bars start where the category's last
 * bar of the same sign ended), and where it sits across its category's group
 * (a share of the group: side by side, or the whole group when stacked).
 */
interface BarSpan {
  readonly series: number;
  readonly category: number;
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly size: number;
}

function barSpans(chart: Chart, n: number): BarSpan[] {
  const count = chart.series.length;
  const positive = new Array<number>(n).fill(0);
  const negative = new Array<number>(n).fill(0);
  const spans: BarSpan[] = [];
  chart.series.forEach((s, k) => {
    s.values.forEach((v, i) => {
      if (v === null || i >= n) return;
      if (!chart.stacked) {
        spans.push({ series: k, category: i, from: 0, to: v, start: k / count, size: 1 / count });
        return;
      }
      const sums = v >= 0 ? positive : negative;
      const from = sums[i]!;
      sums[i] = from + v;
      spans.push({ series: k, category: i, from, to: from + v, start: 0, size: 1 });
    });
  });
  return spans;
}

function titleAbove(title: string | undefined, p: Plot, y: number): number {
  const label = CHART_TEXT.label;
  if (!title) return y;
  for (const row of wrap(title, p.width, (t) => p.measure(t, label, false))) {
    p.text(0, y + label * ASCENT, row, 'start', { color: MUTED });
    y += label * LEADING;
  }
  return y;
}

/** Bars or lines over categories along the bottom, values up the left. */
function layoutUp(chart: Chart, p: Plot): Drawing {
  const { marks, width, measure, text } = p;
  const label = CHART_TEXT.label;
  const line = label * LEADING;
  let y = titleAbove(chart.yTitle, p, p.y);
  const scale = valueScale(chart);
  const tickLabels = scale.ticks.map((t) => formatValue(t, chart.format));
  const tickWidth = Math.max(...tickLabels.map((t) => measure(t, label, false)));
  const plotLeft = Math.ceil(tickWidth) + 6;
  const plotRight = width - 2;
  const plotTop = y + label / 2 + 2;
  const plotHeight = Math.round(width * PLOT_RATIO);
  const plotBottom = plotTop + plotHeight;
  const plotWidth = plotRight - plotLeft;
  const yOf = (v: number) => plotBottom - ((v - scale.min) / (scale.max - scale.min)) * plotHeight;

  scale.ticks.forEach((t, k) => {
    const ty = yOf(t);
    if (t !== scale.min) marks.push({ kind: 'line', points: [{ x: plotLeft, y: ty }, { x: plotRight, y: ty }], stroke: GRID, width: 0.5 });
    text(plotLeft - 4, ty + label * 0.35, tickLabels[k]!, 'end', { color: MUTED });
  });

  const n = chart.categories.length;
  const band = plotWidth / Math.max(1, n);
  const centre = (i: number) => plotLeft + band * (i + 0.5);
  const base = yOf(Math.max(scale.min, Math.min(0, scale.max)));

  if (chart.kind === 'bar') {
    const group = band * GROUP;
    for (const bar of barSpans(chart, n)) {
      const top = Math.min(yOf(bar.from), yOf(bar.to));
      const height = Math.abs(yOf(bar.to) - yOf(bar.from));
      const x = centre(bar.category) - group / 2 + bar.start * group;
      if (height > 0) marks.push({ kind: 'rect', x, y: top, width: bar.size * group, height, fill: seriesColor(bar.series) });
    }
  } else {
    chart.series.forEach((s, k) => {
      const color = seriesColor(k);
      const dash = seriesDash(k);
      // A gap (null) breaks the line; each run of values is drawn apart.
      let run: Point[] = [];
      const flush = () => {
        if (run.length > 1) marks.push({ kind: 'line', points: run, stroke: color, width: 1.5, ...(dash ? { dash } : {}) });
        run = [];
      };
      s.values.forEach((v, i) => {
        if (v === null || i >= n) return flush();
        run.push({ x: centre(i), y: yOf(v) });
      });
      flush();
      s.values.forEach((v, i) => {
        if (v !== null && i < n) marks.push({ kind: 'dot', x: centre(i), y: yOf(v), r: 2, fill: color });
      });
    });
  }

  marks.push({ kind: 'line', points: [{ x: plotLeft, y: base }, { x: plotRight, y: base }], stroke: AXIS, width: 0.75 });
  marks.push({ kind: 'line', points: [{ x: plotLeft, y: plotTop }, { x: plotLeft, y: plotBottom }], stroke: AXIS, width: 0.75 });

  // Category labels: wrapped to their band (two lines at most), else every k-th one over k bands.
  const measureLabel = (t: string) => measure(t, label, false);
  // No label is narrower than its widest word: start from the fewest labels that allows.
  const widestWord = Math.max(0, ...chart.categories.flatMap((c) => c.split(/\s+/).map(measureLabel)));
  let every = Math.min(n, Math.max(1, Math.ceil((widestWord + 4) / band)));
  let wrapped = chart.categories.map((c) => wrap(c, every * band - 4, measureLabel));
  while (every < n && wrapped.some((rows, i) => i % every === 0 && (rows.length > 2 || rows.some((r) => measureLabel(r) > every * band - 4)))) {
    every += 1;
    wrapped = chart.categories.map((c) => wrap(c, every * band - 4, measureLabel));
  }
  // When one label takes two lines, each takes two, split where its lines are most even ("Oct / 2025" beside "Nov / 2025").
  if (wrapped.some((rows, i) => i % every === 0 && rows.length === 2)) wrapped = chart.categories.map((c) => evenSplit(c, measureLabel));
  let labelRows = 0;
  let ly = plotBottom + 5;
  chart.categories.forEach((_, i) => {
    if (i % every !== 0) return;
    const rows = wrapped[i]!.slice(0, 2);
    labelRows = Math.max(labelRows, rows.length);
    marks.push({ kind: 'line', points: [{ x: centre(i), y: plotBottom }, { x: centre(i), y: plotBottom + 3 }], stroke: AXIS, width: 0.5 });
    rows.forEach((row, r) => text(centre(i), ly + label * ASCENT + r * line, row, 'middle'));
  });
  ly += labelRows * line + 2;

  if (chart.xTitle) {
    for (const row of wrap(chart.xTitle, width, measureLabel)) {
      text(plotLeft + plotWidth / 2, ly + label * ASCENT, row, 'middle', { color: MUTED });
      ly += line;
    }
  }
  return { width, height: Math.ceil(ly + 2), marks };
}

/** Bars across: categories down the left (labels wrapped to a third of the width), values along the bottom. */
function layoutAcross(chart: Chart, p: Plot): Drawing {
  const { marks, width, measure, text } = p;
  const label = CHART_TEXT.label;
  const line = label * LEADING;
  const y = titleAbove(chart.xTitle, p, p.y);
  const n = chart.categories.length;
  const most = width / 3;
  // Room for the label's lines, and for side-by-side bars at least 6 points thick each.
  const bars = chart.stacked ? 1 : chart.series.length;
  let size: number = label;
  let rows = chart.categories.map((c) => wrap(c, most, (t) => measure(t, size, false)).slice(0, 2));
  let band = Math.max(16, Math.max(1, ...rows.map((r) => r.length)) * line + 6, (bars * 6) / GROUP);
  // Too many categories for the height allowed: a band each as tall as fits, labels on one line in smaller type (4 points at least).
  const below = 3 + line + 4 + (chart.yTitle ? wrap(chart.yTitle, width, (t) => measure(t, label, false)).length * line : 0);
  const room = (p.maxHeight - y - 2 - below) / n;
  if (band > room) {
    size = Math.max(4, Math.min(label, (room - 2) / LEADING));
    band = Math.max(room, size * LEADING + 2);
    rows = chart.categories.map((c) => [c]);
  }
  const rowLine = size * LEADING;
  const measureLabel = (t: string) => measure(t, label, false);
  const labelWidth = Math.max(0, ...rows.flat().map((t) => measure(t, size, false)));
  const scale = valueScale(chart);
  const tickLabels = scale.ticks.map((t) => formatValue(t, chart.format));
  const lastTick = measureLabel(tickLabels.at(-1) ?? '');
  const plotLeft = Math.ceil(labelWidth) + 8;
  const plotRight = width - Math.ceil(lastTick / 2) - 2;
  const plotTop = y + 2;
  const plotBottom = plotTop + band * n;
  const plotWidth = plotRight - plotLeft;
  const xOf = (v: number) => plotLeft + ((v - scale.min) / (scale.max - scale.min)) * plotWidth;
  const centre = (i: number) => plotTop + band * (i + 0.5);

  scale.ticks.forEach((t, k) => {
    const tx = xOf(t);
    if (t !== scale.min) marks.push({ kind: 'line', points: [{ x: tx, y: plotTop }, { x: tx, y: plotBottom }], stroke: GRID, width: 0.5 });
    text(tx, plotBottom + 3 + label * ASCENT, tickLabels[k]!, 'middle', { color: MUTED });
  });
  const group = band * GROUP;
  for (const bar of barSpans(chart, n)) {
    const x = Math.min(xOf(bar.from), xOf(bar.to));
    const w = Math.abs(xOf(bar.to) - xOf(bar.from));
    const top = centre(bar.category) - group / 2 + bar.start * group;
    if (w > 0) marks.push({ kind: 'rect', x, y: top, width: w, height: bar.size * group, fill: seriesColor(bar.series) });
  }
  const base = xOf(Math.max(scale.min, Math.min(0, scale.max)));
  marks.push({ kind: 'line', points: [{ x: base, y: plotTop }, { x: base, y: plotBottom }], stroke: AXIS, width: 0.75 });
  marks.push({ kind: 'line', points: [{ x: plotLeft, y: plotBottom }, { x: plotRight, y: plotBottom }], stroke: AXIS, width: 0.75 });
  rows.forEach((r, i) => {
    const first = centre(i) - ((r.length - 1) * rowLine) / 2 + size * 0.35;
    r.forEach((row, k) => text(plotLeft - 4, first + k * rowLine, row, 'end', { size }));
  });
  let ly = plotBottom + 3 + line + 2;
  if (chart.yTitle) {
    for (const row of wrap(chart.yTitle, width, measureLabel)) {
      text(plotLeft + plotWidth / 2, ly + label * ASCENT, row, 'middle', { color: MUTED });
      ly += line;
    }
  }
  return { width, height: Math.ceil(ly + 2), marks };
}


/** A label as two lines split between words where the longer line is shortest (one word stays one line). */
function evenSplit(value: string, measure: (text: string) => number): string[] {
  const words = value.split(/\s+/).filter(Boolean);
  let best: string[] = [words.join(' ')];
  let widest = Infinity;
  for (let k = 1; k < words.length; k++) {
    const rows = [words.slice(0, k).join(' '), words.slice(k).join(' ')];
    const w = Math.max(...rows.map(measure));
    if (w < widest) [best, widest] = [rows, w];
  }
  return best;
}

/** Words set into lines no wider than `width` (a word wider than that has a line of its own). */
export function wrap(value: string, width: number, measure: (text: string) => number): string[] {
  const words = value.split(/\s+/).filter(Boolean);
  const rows: string[] = [];
  let row = '';
  for (const word of words) {
    const next = row ? `${row} ${word}` : word;
    if (row && measure(next) > width) {
      rows.push(row);
      row = word;
    } else row = next;
  }
  if (row) rows.push(row);
  return rows;
}
