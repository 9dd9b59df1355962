/**
 * Which blocks a page may not end after: one rule for both writers, so the PDF
 * and the DOCX keep the same things together. Headings are kept with what
 * follows by the writers themselves; this covers the paragraphs that act as
 * headings or lead into what follows.
 */
import type { Block, Inline } from './ast.js';

/**
 * - `whole`: the paragraph stays on one page with the start of the next block
 *   (a bold title line; the statement above signature lines);
 * - `end`: its last lines stay with the next block (a paragraph leading into a
 *   table, a chart or a list, e.g. "For: the mother" above a goal's objectives, or one
 *   ending in a colon).
 */
export type KeepWithNext = 'whole' | 'end';

export function keepWithNext(block: Block, next: Block | undefined): KeepWithNext | undefined {
  if (block.type !== 'paragraph' || !next || next.type === 'pageBreak') return undefined;
  if (next.type === 'signature' || isTitleLine(block.children)) return 'whole';
  if (next.type === 'table' || next.type === 'chart' || next.type === 'list' || next.type === 'checklist' || leadsIn(block.children)) return 'end';
  return undefined;
}

/** A paragraph ending in a colon introduces what follows ("In her own words, …:"). */
function leadsIn(children: readonly Inline[]): boolean {
  const last = children.at(-1);
  if (!last) return false;
  if (last.type === 'text') return last.value.trimEnd().endsWith(':');
  return last.type !== 'break' && leadsIn(last.children);
}

/** A paragraph printed wholly in bold ("**Joey's own words**") is a title for what follows. */
function isTitleLine(children: readonly Inline[]): boolean {
  const visible = children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return visible.length > 0 && visible.every((c) => c.type === 'strong');
}
