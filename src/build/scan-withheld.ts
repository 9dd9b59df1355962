/**
 * The last line of defence (case-format.md, Audiences): one exhaustive visitor
 * over the finished document tree. Every text it carries — blocks, table
 * cells and captions, checklist notes, signatures, image alt text, a chart's
 * title, labels and alt text, the
 * letterhead and the metadata that becomes the page headers and footers, the
 * PDF info and the DOCX core properties — is looked at with inline markup
 * flattened (`Hart**well**` is one word), each withheld value and full
 * identifier found is replaced by the marker (a link whose address holds one
 * loses the address), and every marker is printed in
 * the form its place needs. A node type the visitor does not know fails the
 * build (`UnknownNode`): a new kind of text must not slip past the scan.
 */
import type { SharedGuards, WithheldValue } from '../compute/audience.js';
import { WITHHELD_MARKER } from '../compute/redaction/marker.js';
import { withheldMatcher, type Found } from '../compute/redaction/matcher.js';
import type { Block, DocumentMeta, DocumentTree, Inline, Letterhead } from '../document/ast.js';

/** How a withheld value prints: short in a table cell or a label, in words in prose. */
export const WITHHELD_FORMS = { cell: '[withheld]', prose: '(withheld for this audience)' } as const;
type Place = keyof typeof WITHHELD_FORMS;

/** One replacement of the scan: where it stood in the document, and what it was. */
export interface Replacement {
  /** "line 42" (of the rendered Markdown), "a signature", "the letterhead", "the metadata (title)". */
  readonly where: string;
  readonly values: readonly WithheldValue[];
  readonly identifiers: number;
}

export interface ScanResult {
  readonly tree: DocumentTree;
  /** The withheld values found in the text (one per distinct value). */
  readonly found: readonly WithheldValue[];
  readonly replacements: readonly Replacement[];
}

/** Thrown for a node type the visitor does not know; the build reports it and writes nothing. */
export class UnknownNode extends Error {
  constructor(readonly nodeType: string) {
    super(`the final scan for withheld values does not know the document node type '${nodeType}'`);
  }
}

/** A run of markers, the brackets around it, the marker doubled: printed once, in one pair of brackets. */
const MARKER_RUN = new RegExp(`([(\\[])?${WITHHELD_MARKER}(?:\\s*${WITHHELD_MARKER})*([)\\]])?`, 'gu');

/** A span [start, end) of a text and what it becomes. */
type Edit = [number, number, string];

function printMarkers(text: string, place: Place): Edit[] {
  const edits: Edit[] = [];
  for (const m of text.matchAll(MARKER_RUN)) {
    const [open, close] = [m[1], m[2]];
    const form = WITHHELD_FORMS[place];
    edits.push([m.index, m.index + m[0].length, open && close ? form : `${open ?? ''}${form}${close ?? ''}`]);
  }
  return edits;
}

/** `families`: the foster-family guards `withheld` holds by reference (looked for too). */
export function scanWithheld(tree: DocumentTree, withheld: readonly WithheldValue[], families?: SharedGuards): ScanResult {
  const { letterhead } = tree;
  // The agency's own name and address print on every copy, whatever a foster family is called.
  const find = withheldMatcher(withheld, letterhead ? [letterhead.name, ...letterhead.addressLines] : [], families);
  const found = new Set<WithheldValue>();
  const replacements: Replacement[] = [];
  const note = (where: string, hit: Found) => {
    hit.values.forEach((w) => found.add(w));
    replacements.push({ where, values: hit.values, identifiers: hit.identifiers });
  };

  /** Phase one: the spans of withheld values and identifiers in a text, as edits that put the marker there. */
  const markEdits = (flat: string, where: string): Edit[] => {
    const hit = find(flat);
    if (hit.spans.length === 0) return [];
    note(where, hit);
    return hit.spans.map(([s, e]) => [s, e, WITHHELD_MARKER]);
  };
  /** Phase two: every marker in the text, as edits that print it in the form its place needs. */
  const printEdits = (marked: string, place: Place): Edit[] => (marked.includes(WITHHELD_MARKER) ? printMarkers(marked, place) : []);
  const text = (value: string, place: Place, where: string): string => {
    const marked = applyEdits(value, markEdits(value, where));
    return applyEdits(marked, printEdits(marked, place));
  };
  /** A link whose address holds a withheld value or an identifier keeps its text, not the address. */
  const unlink = (nodes: readonly Inline[], where: string): readonly Inline[] =>
    nodes.flatMap((node): Inline[] => {
      if (node.type === 'text' || node.type === 'break') return [node];
      const children = unlink(node.children, where);
      if (node.type !== 'link') return [{ ...node, children }];
      const hit = find(node.url);
      if (hit.spans.length === 0) return [{ ...node, children }];
      note(`${where}, a link's address`, hit);
      return [...children];
    });
  const inlines = (given: readonly Inline[], place: Place, where: string): readonly Inline[] => {
    const nodes = given.some(holdsLink) ? unlink(given, where) : given;
    const flat = flatten(nodes);
    const marks = markEdits(flat, where);
    const marked = marks.length ? editInlines(nodes, marks) : nodes;
    const prints = printEdits(marks.length ? flatten(marked) : flat, place);
    return prints.length ? editInlines(marked, prints) : marked;
  };

  const blocks = (nodes: readonly Block[]): Block[] => nodes.map(block);
  const block = (node: Block): Block => {
    const where = node.position ? `line ${node.position.line}` : 'the document';
    switch (node.type) {
      case 'heading':
      case 'paragraph':
        return { ...node, children: inlines(node.children, 'prose', where) };
      case 'list':
        return { ...node, items: node.items.map((item) => ({ children: blocks(item.children) })) };
      case 'table':
        return {
          ...node,
          header: node.header.map((c) => ({ children: inlines(c.children, 'cell', where) })),
          rows: node.rows.map((row) => row.map((c) => ({ children: inlines(c.children, 'cell', where) }))),
          ...(node.caption ? { caption: inlines(node.caption, 'prose', where) } : {}),
        };
      case 'keep':
        return { ...node, children: blocks(node.children) };
      case 'notice':
        return { ...node, children: blocks(node.children), ...(node.title ? { title: inlines(node.title, 'prose', where) } : {}) };
      case 'checklist':
        return {
          ...node,
          items: node.items.map((item) => ({ ...item, children: inlines(item.children, 'prose', where), ...(item.note ? { note: inlines(item.note, 'prose', where) } : {}) })),
        };
      case 'signature':
        return {
          ...node,
          signers: node.signers.map((s) => ({ ...s, name: text(s.name, 'cell', where), role: text(s.role, 'cell', where), ...(s.date !== undefined ? { date: text(s.date, 'cell', where) } : {}) })),
        };
      case 'image':
        return { ...node, alt: text(node.alt, 'prose', where) };
      case 'chart': {
        const cell = (value: string) => text(value, 'cell', where);
        return {
          ...node,
          title: cell(node.title),
          alt: text(node.alt, 'prose', where),
          categories: node.categories.map(cell),
          series: node.series.map((s) => ({ ...s, name: cell(s.name) })),
          ...(node.xTitle !== undefined ? { xTitle: cell(node.xTitle) } : {}),
          ...(node.yTitle !== undefined ? { yTitle: cell(node.yTitle) } : {}),
        };
      }
      case 'pageBreak':
        return node;
      default:
        return unknownNode(node);
    }
  };
  const meta = (m: DocumentMeta): DocumentMeta => {
    const field = (name: string, value: string) => text(value, 'cell', `the metadata (${name})`);
    return {
      ...m,
      title: field('title', m.title),
      ...(m.runningHeader !== undefined ? { runningHeader: field('running header', m.runningHeader) } : {}),
      author: field('author', m.author),
      subject: field('subject', m.subject),
      keywords: m.keywords.map((k) => field('keywords', k)),
      reference: field('reference', m.reference),
      confidentiality: field('confidentiality', m.confidentiality),
    };
  };
  const head = (l: Letterhead): Letterhead => ({
    ...l,
    name: text(l.name, 'cell', 'the letterhead'),
    addressLines: l.addressLines.map((line) => text(line, 'cell', 'the letterhead')),
    ...(l.phone !== undefined ? { phone: text(l.phone, 'cell', 'the letterhead') } : {}),
  });

  const scanned: DocumentTree = { ...tree, meta: meta(tree.meta), ...(letterhead ? { letterhead: head(letterhead) } : {}), blocks: blocks(tree.blocks) };
  return { tree: scanned, found: [...found], replacements };
}

/** A node of a type added to the tree but not to the visitor: a compile error here, and at run time a failed build. */
function unknownNode(node: never): never {
  throw new UnknownNode(String((node as { type?: unknown }).type));
}

const holdsLink = (node: Inline): boolean => node.type === 'link' || (node.type !== 'text' && node.type !== 'break' && node.children.some(holdsLink));

/** The text of inline nodes as one string (a line break as a newline), so a word split by markup is one word. */
function flatten(nodes: readonly Inline[]): string {
  let out = '';
  for (const node of nodes) out += node.type === 'text' ? node.value : node.type === 'break' ? '\n' : flatten(node.children);
  return out;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = '';
  let at = 0;
  for (const [start, end, by] of edits) {
    out += text.slice(at, start) + by;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Edits of the flattened text (in order, apart) made in the inline nodes: an
 * edit's new text goes into the text node where its span starts, and what the
 * span covers in later nodes is removed with it; emptied nodes go.
 */
function editInlines(nodes: readonly Inline[], edits: readonly Edit[]): Inline[] {
  let at = 0;
  let k = 0;
  const leaf = (value: string): string => {
    const start = at;
    const end = at + value.length;
    at = end;
    let out = '';
    let pos = start;
    while (k < edits.length && edits[k]![0] < end) {
      const [s, e, by] = edits[k]!;
      if (s >= pos) out += value.slice(pos - start, s - start) + by;
      pos = Math.min(Math.max(e, pos), end);
      if (e > end) break;
      k++;
    }
    return out + value.slice(pos - start);
  };
  const walk = (list: readonly Inline[]): Inline[] =>
    list.flatMap((node): Inline[] => {
      if (node.type === 'break') {
        at += 1;
        return [node];
      }
      if (node.type === 'text') {
        const value = leaf(node.value);
        return value === '' ? [] : [{ ...node, value }];
      }
      const children = walk(node.children);
      return children.length === 0 ? [] : [{ ...node, children }];
    });
  return walk(nodes);
}
