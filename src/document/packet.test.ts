import { describe, expect, it } from 'vitest';
import type { Block, DocumentTree, Table } from './ast.js';
import { contentsTable, contentsWithPages, type Packet } from './packet.js';

const meta = { title: 'T', author: 'A', subject: 'S', keywords: [], reference: 'C-1', confidentiality: 'C', date: '2026-11-23' };
const text = (value: string) => ({ children: [{ type: 'text' as const, value }] });
const table = (rows: number): Table => ({
  type: 'table',
  columns: [{ align: 'left', width: 0.8 }, { align: 'right', width: 0.2 }],
  header: [text('Part'), text('Page')],
  rows: Array.from({ length: rows }, (_, i) => [text(`Part ${i + 1}`), text('')]),
});
const tree = (blocks: Block[]): DocumentTree => ({ meta, blocks });
const packet = (cover: Block[], parts: number): Packet => ({ cover: tree(cover), parts: Array.from({ length: parts }, () => tree([])) });

describe('the contents of a packet', () => {
  it("is the cover's last table, one row per part", () => {
    expect(contentsTable(packet([table(5), { type: 'paragraph', children: [] }, table(2)], 2))).toBe(2);
    expect(contentsTable(packet([{ type: 'paragraph', children: [] }], 2))).toBe('the cover has no contents table (its last table lists the parts)');
    expect(contentsTable(packet([table(3)], 2))).toBe("the cover's contents table has 3 rows for 2 parts");
  });

  it("gets each part's page in its row's last cell, and nothing else changes", () => {
    const cover = [table(1), table(2)];
    const filled = contentsWithPages(packet(cover, 2), ['2', '19']);
    expect(filled.blocks[0]).toBe(cover[0]);
    expect((filled.blocks[1] as Table).rows).toEqual([
      [text('Part 1'), text('2')],
      [text('Part 2'), text('19')],
    ]);
  });
});
