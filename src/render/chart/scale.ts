/**
 * The value axis of a chart: a domain rounded out to "nice" steps (1, 2 or 5
 * times a power of ten) and its tick labels in the chart's number format.
 * Both writers use it, so the PDF's axis and the DOCX chart's are the same.
 */
import { groupThousands } from '../../core/digits.js';
import type { Chart, NumberFormat } from '../../document/ast.js';

export interface ValueScale {
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/** About this many steps between the lowest tick and the highest. */
const STEPS = 5;

/** The lowest and highest values the chart draws: each value, or for stacked bars each category's sums. */
function extent(chart: Chart): { lo: number; hi: number } {
  let lo = Infinity;
  let hi = -Infinity;
  const see = (v: number) => {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  };
  if (chart.kind === 'bar' && chart.stacked) {
    chart.categories.forEach((_, i) => {
      let up = 0;
      let down = 0;
      for (const s of chart.series) {
        const v = s.values[i] ?? 0;
        if (v >= 0) up += v;
        else down += v;
      }
      see(up);
      see(down);
    });
  } else {
    for (const s of chart.series) for (const v of s.values) if (v !== null) see(v);
  }
  return Number.isFinite(lo) ? { lo, hi } : { lo: 0, hi: 0 };
}

/**
 * The value scale of a chart. Bars start at zero; a line whose values all lie
 * in the upper half of their range (a visit rate of 91–97%) is drawn on an
 * axis that starts near them, so its trend shows. Percentages stop at 100
 * when no value passes it.
 */
export function valueScale(chart: Chart): ValueScale {
  let { lo, hi } = extent(chart);
  const zoom = chart.kind === 'line' && lo > 0 && lo > hi / 2;
  if (!zoom) lo = Math.min(0, lo);
  hi = Math.max(chart.kind === 'line' && zoom ? hi : 0, hi);
  if (hi === lo) hi = lo === 0 ? 1 : lo + Math.abs(lo) * 0.1;
  const least = 10 ** -chart.format.decimals;
  let step = Math.max(niceStep((hi - lo) / STEPS), least);
  if (zoom) {
    // The padding of a zoomed line: half a step below its lowest value.
    lo = Math.max(0, lo - step / 2);
    step = Math.max(niceStep((hi - lo) / STEPS), least);
  }
  let min = round(Math.floor(lo / step + 1e-9) * step);
  let max = round(Math.ceil(hi / step - 1e-9) * step);
  if (chart.format.percent && hi <= 100 && max > 100) max = 100;
  if (max === min) max = round(min + step);
  if (min < 0 && lo >= 0) min = 0;
  const ticks: number[] = [];
  // At most 100 ticks, whatever the numbers: a chart never loops on a hostile value.
  for (let k = 0; k <= 100; k++) {
    const t = round(min + k * step);
    if (t > max + step * 1e-6) break;
    ticks.push(t);
  }
  if (ticks.at(-1)! < max) ticks.push(max);
  return { min, max, step, ticks };
}

/** The step of 1, 2 or 5 times a power of ten nearest to `raw` (on a log scale, as d3's ticks choose it). */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f >= Math.sqrt(50) ? 10 : f >= Math.sqrt(10) ? 5 : f >= Math.sqrt(2) ? 2 : 1;
  return round(nice * power);
}

/** Rounded to 9 significant decimals, so 0.1 + 0.2 prints as 0.3 and compares as it. */
function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** A value as the chart prints it: its format's decimals, thousands separated, "%" after a percentage. */
export function formatValue(value: number, format: NumberFormat): string {
  const fixed = Math.abs(value).toFixed(format.decimals);
  const [whole, fraction] = fixed.split('.') as [string, string | undefined];
  const grouped = groupThousands(whole);
  const sign = value < 0 && Number(fixed) !== 0 ? '−' : '';
  return `${sign}${grouped}${fraction !== undefined ? `.${fraction}` : ''}${format.percent ? '%' : ''}`;
}
