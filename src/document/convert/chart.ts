/**
 * `:::chart` → a chart and its data table, both from one GFM table written once:
 *
 *   :::chart{kind=line title="Caseworker visits" alt="…" y-title="Child-months visited" format="0.0%"}
 *   | Month   | Agency | Unit A |
 *   |---------|-------:|-------:|
 *   | 2026-07 | 95.2%  | 93.0%  |
 *   :::
 *
 * The first column holds the categories (the x axis), each further column a
 * series named by its header. A cell that is not a number ("fewer than 5",
 * "—", empty) is a gap in the chart and prints as written in the table; one
 * that starts like a number and is not one ("9S.2") is reported.
 */
import type { ContainerDirective, Table as MdTable } from '../syntax/nodes.js';
import { closest } from '../../core/did-you-mean.js';
import type { Block, Chart, ChartSeries, NumberFormat, TableCell } from '../ast.js';
import { isPlaceholder, labelOf, readAttributes } from './attributes.js';
import { cleanText, positionOf, report, type Context } from './context.js';
import { describe } from './directives.js';
import { convertFlow } from './flow.js';
import { convertInlines, plainText } from './phrasing.js';
import { convertTable } from './table.js';

const KINDS = ['line', 'bar'] as const;
const EXAMPLE = ':::chart{kind=line title="…" alt="…"} | table | :::';
const HOLDS = 'a :::chart holds one table: the categories in its first column, one column per series';

export function chartDirective(node: ContainerDirective, ctx: Context): Block[] {
  const a = readAttributes(node, ctx, ['kind', 'title', 'alt', 'x-title', 'y-title', 'format', 'stacked'], ['kind', 'alt'], EXAMPLE);
  const kind = readKind(node, ctx, a['kind']);
  const format = a['format'] !== undefined && !isPlaceholder(ctx, a['format']) ? readFormat(node, ctx, a['format']) : undefined;
  const stacked = readStacked(node, ctx, a['stacked'], kind);
  const label = labelOf(node);
  if (label && a['title'] !== undefined) report(ctx, 'CP2103', node, 'both a [label] and title="…" on :::chart', 'the title is given once', 'keep one: :::chart[…] or :::chart{title="…"}');
  const title = label ? plainText(convertInlines(label, ctx)) : cleanText(a['title'] ?? '');
  if (ctx.mode === 'template') {
    convertFlow(node.children, ctx, 'document');
    return [];
  }
  const tables = node.children.filter((c): c is MdTable => c.type === 'table');
  for (const child of node.children) {
    if (child !== tables[0]) report(ctx, 'CP2101', child, `${child.type === 'table' ? 'a second table' : describe(child)} in a :::chart`, HOLDS);
  }
  const source = tables[0];
  if (!source) {
    report(ctx, 'CP2101', node, 'a :::chart without a table', HOLDS, 'put a table (| Month | Visits | / |---|--:| / rows) between :::chart and :::');
    return [];
  }
  const table = convertTable(source, ctx);
  if (table.columns.length < 2 || table.rows.length === 0) {
    report(ctx, 'CP2101', source, `a :::chart table of ${table.columns.length} column(s) and ${table.rows.length} row(s)`, HOLDS, 'give it a header row, a first column of categories and at least one column of numbers');
    return [table];
  }
  const read = readData(table.header, table.rows, (what) => report(ctx, 'CP2103', source, what, 'a chart cell is a number (1,234, 95.2 or 95.2%), or words or nothing for a gap'));
  const chart: Chart = {
    type: 'chart',
    kind: kind ?? 'line',
    stacked,
    title,
    alt: cleanText(a['alt'] ?? ''),
    categories: read.categories,
    series: read.series,
    ...(a['x-title'] ? { xTitle: cleanText(a['x-title']) } : {}),
    ...(a['y-title'] ? { yTitle: cleanText(a['y-title']) } : {}),
    format: format ?? read.format,
    position: positionOf(node),
  };
  return [chart, table];
}

function readKind(node: ContainerDirective, ctx: Context, value: string | undefined): Chart['kind'] | undefined {
  if (value === undefined || value === '' || isPlaceholder(ctx, value)) return undefined;
  if ((KINDS as readonly string[]).includes(value)) return value as Chart['kind'];
  const near = closest(value, KINDS);
  report(ctx, 'CP2103', node, `kind="${value}" on :::chart`, `the kinds are ${KINDS.join(', ')}`, near ? `did you mean kind=${near}?` : undefined);
  return undefined;
}

function readStacked(node: ContainerDirective, ctx: Context, value: string | undefined, kind: Chart['kind'] | undefined): boolean {
  if (value === undefined || value === 'false' || isPlaceholder(ctx, value)) return false;
  if (value !== '' && value !== 'true') {
    report(ctx, 'CP2103', node, `stacked="${value}" on :::chart`, 'stacked is written alone (or stacked=true, stacked=false)');
    return false;
  }
  if (kind === 'line') report(ctx, 'CP2103', node, 'stacked on a :::chart of kind=line', 'only bars are stacked', 'write kind=bar stacked');
  return kind === 'bar';
}

/** `0`, `0.0`, `0.00`, `0%`, `0.0%`: decimals, and whether the numbers are percentages. */
function readFormat(node: ContainerDirective, ctx: Context, value: string): NumberFormat | undefined {
  const m = /^0(?:\.(0{1,3}))?(%)?$/.exec(value.trim());
  if (m) return { decimals: m[1]?.length ?? 0, percent: m[2] === '%' };
  report(ctx, 'CP2103', node, `format="${value}" on :::chart`, 'a format is 0 followed by the decimals shown and % for percentages', 'write format="0", format="0.0" or format="0.0%"');
  return undefined;
}

const NUMBER = /^([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$/;
const LOOKS_NUMERIC = /^[-−+]?[\d.]/;

interface ChartData {
  readonly categories: string[];
  readonly series: ChartSeries[];
  /** The most decimals written, and whether any number was written with %. */
  readonly format: NumberFormat;
}

/** The data of a chart table: categories from the first column, a series from each further one. */
function readData(header: readonly TableCell[], rows: readonly (readonly TableCell[])[], bad: (what: string) => void): ChartData {
  let decimals = 0;
  let percent = false;
  const cell = (row: readonly TableCell[], i: number): string => plainText(row[i]?.children ?? []).trim();
  const series = header.slice(1).map((h, s): ChartSeries => ({
    name: plainText(h.children).trim(),
    values: rows.map((row) => {
      const text = cell(row, s + 1);
      const m = NUMBER.exec(text.replace(/\s+/g, ''));
      if (!m) {
        if (LOOKS_NUMERIC.test(text)) bad(`a cell "${text}" in the column "${plainText(h.children).trim()}"`);
        return null;
      }
      const value = Number(`${m[2]!.replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
      // Past 10^15 a number no longer prints as written (and past 10^308 it is no number at all).
      if (!(value < 1e15)) {
        bad(`a cell "${text}" in the column "${plainText(h.children).trim()}" (too large to chart)`);
        return null;
      }
      decimals = Math.max(decimals, m[3]?.length ?? 0);
      percent ||= m[4] === '%';
      return m[1] ? -value : value;
    }),
  }));
  return { categories: rows.map((row) => cell(row, 0)), series, format: { decimals: Math.min(decimals, 3), percent } };
}
