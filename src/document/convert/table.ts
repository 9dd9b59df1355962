/**
 * GFM tables → our Table: column alignment from the delimiter row (`:--`,
 * `:-:`, `--:`), the first row as the header (repeated on every page), and
 * column widths as shares of the table's width that add up to 1: from
 * `:::table{widths="10,20,70"}` when given (percentages or any relative
 * numbers), else from the longest text in each column (at least 4 and at
 * most 40 characters' worth, so a long note does not squeeze the dates).
 */
import type { Table as MdTable } from '../syntax/nodes.js';
import type { Align, Inline, Table, TableCell } from '../ast.js';
import { positionOf, type Context } from './context.js';
import { convertInlines, plainText } from './phrasing.js';

export interface TableExtras {
  readonly caption?: readonly Inline[];
  /** Relative widths, one per column, already checked. */
  readonly widths?: readonly number[];
}

export function convertTable(node: MdTable, ctx: Context, extras: TableExtras = {}): Table {
  const [headerRow, ...bodyRows] = node.children;
  const count = Math.max(node.align?.length ?? 0, headerRow?.children.length ?? 0);
  const row = (cells: readonly { children: Parameters<typeof convertInlines>[0] }[]): TableCell[] =>
    Array.from({ length: count }, (_, i) => ({ children: cells[i] ? convertInlines(cells[i].children, ctx) : [] }));
  const header = row(headerRow?.children ?? []);
  const rows = bodyRows.map((r) => row(r.children));
  const weights = extras.widths ?? Array.from({ length: count }, (_, i) => contentWeight([header, ...rows].map((r) => r[i]!)));
  const shares = normalizeWidths(weights);
  const table: Table = {
    type: 'table',
    columns: Array.from({ length: count }, (_, i) => ({ align: (node.align?.[i] ?? 'left') as Align, width: shares[i]! })),
    header,
    rows,
    ...(extras.caption ? { caption: extras.caption } : {}),
    position: positionOf(node),
  };
  return table;
}

function contentWeight(cells: readonly TableCell[]): number {
  const longest = Math.max(0, ...cells.map((c) => [...plainText(c.children)].length));
  return Math.min(40, Math.max(4, longest));
}

/** Relative widths → shares rounded to 4 decimals that add up to 1 (the widest column takes the rounding). */
export function normalizeWidths(weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.round((w / total) * 10_000) / 10_000);
  const widest = weights.indexOf(Math.max(...weights));
  const others = shares.reduce((sum, s, i) => (i === widest ? sum : sum + s), 0);
  shares[widest] = Math.round((1 - others) * 10_000) / 10_000;
  return shares;
}

/** `"10,20,70"`, `"10%, 20%, 70%"` or `"1,2,7"` → numbers; undefined when not a list of positive numbers. */
export function parseWidths(text: string): number[] | undefined {
  const parts = text.split(',').map((p) => p.trim().replace(/%$/, ''));
  if (parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return undefined;
  const numbers = parts.map(Number);
  return numbers.every((n) => n > 0) ? numbers : undefined;
}
