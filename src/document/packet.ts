/**
 * A packet: several documents bound as one file (the court packet), behind a
 * cover. Each part keeps its own tree: its title starts a new page, its own
 * running header heads its pages, its headings nest under its bookmark; the
 * page numbers run on through the whole packet.
 *
 * The cover's last table is its contents, one row per part in order: the
 * writers put each part's first page in the row's last cell (contentsWithPages).
 */
import type { DocumentTree, Table } from './ast.js';

export interface Packet {
  /** The cover: its meta is the packet's (footer, file title, metadata), its letterhead heads page 1. */
  readonly cover: DocumentTree;
  readonly parts: readonly DocumentTree[];
}

/** The index in `cover.blocks` of the contents table, or a message saying why the cover has none that fits. */
export function contentsTable(packet: Packet): number | string {
  const index = packet.cover.blocks.findLastIndex((b) => b.type === 'table');
  const table = packet.cover.blocks[index] as Table | undefined;
  if (!table) return "the cover has no contents table (its last table lists the parts)";
  if (table.rows.length !== packet.parts.length) return `the cover's contents table has ${table.rows.length} rows for ${packet.parts.length} parts`;
  return index;
}

/** The cover with each contents row's last cell set to `pages[i]` (the part's first page, or what the writer puts there). */
export function contentsWithPages(packet: Packet, pages: readonly string[]): DocumentTree {
  const index = contentsTable(packet);
  if (typeof index === 'string') throw new Error(index);
  const table = packet.cover.blocks[index] as Table;
  const rows = table.rows.map((row, i) => [...row.slice(0, -1), { children: [{ type: 'text' as const, value: pages[i]! }] }]);
  const blocks = packet.cover.blocks.map((b, i) => (i === index ? { ...table, rows } : b));
  return { ...packet.cover, blocks };
}
