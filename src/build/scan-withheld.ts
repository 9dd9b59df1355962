/**
 * The last line of defence (case-format.md, Audiences): the text of every copy
 * is scanned for each value withheld from it; an occurrence — typically a
 * surname in a narrative — is replaced by the marker and reported.
 */
import { withheldReplacer, type WithheldValue } from '../compute/audience.js';
import type { Block, DocumentTree, Inline } from '../document/ast.js';

export interface ScanResult {
  readonly tree: DocumentTree;
  /** The withheld values found in the text, by field. */
  readonly found: readonly WithheldValue[];
}

export function scanWithheld(tree: DocumentTree, withheld: readonly WithheldValue[]): ScanResult {
  const replace = withheldReplacer(withheld);
  if (!replace) return { tree, found: [] };
  const found = new Set<WithheldValue>();
  const text = (value: string): string => {
    const replaced = replace(value);
    for (const w of replaced.found) found.add(w);
    return replaced.text;
  };
  const inlines = (nodes: readonly Inline[]): Inline[] =>
    nodes.map((node) => (node.type === 'text' ? { ...node, value: text(node.value) } : node.type === 'break' ? node : { ...node, children: inlines(node.children) }));
  const blocks = (nodes: readonly Block[]): Block[] => nodes.map(block);
  const block = (node: Block): Block => {
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        return { ...node, children: inlines(node.children) };
      case 'list':
        return { ...node, items: node.items.map((item) => ({ children: blocks(item.children) })) };
      case 'table':
        return {
          ...node,
          header: node.header.map((c) => ({ children: inlines(c.children) })),
          rows: node.rows.map((row) => row.map((c) => ({ children: inlines(c.children) }))),
          ...(node.caption ? { caption: inlines(node.caption) } : {}),
        };
      case 'keep':
        return { ...node, children: blocks(node.children) };
      case 'notice':
        return { ...node, children: blocks(node.children), ...(node.title ? { title: inlines(node.title) } : {}) };
      case 'checklist':
        return { ...node, items: node.items.map((item) => ({ ...item, children: inlines(item.children), ...(item.note ? { note: inlines(item.note) } : {}) })) };
      case 'signature':
        return { ...node, signers: node.signers.map((s) => ({ ...s, name: text(s.name), role: text(s.role) })) };
      default:
        return node;
    }
  };
  const scanned: DocumentTree = { ...tree, meta: { ...tree.meta, title: text(tree.meta.title), subject: text(tree.meta.subject) }, blocks: blocks(tree.blocks) };
  return { tree: scanned, found: [...found] };
}
