/**
 * The reader's own parts (directives, task items, table cells, footnotes,
 * positions), read through readNodes; what they become in the document tree
 * is tested by the fixtures (from-markdown.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Nodes } from './nodes.js';
import { splitRow } from './reader.js';
import { readNodes } from './tree.js';

/** Nodes without positions, and the start of each position as "line:column". */
function shape(node: Nodes | Nodes[]): unknown {
  if (Array.isArray(node)) return node.map(shape);
  const { position, ...rest } = node as Nodes & Record<string, unknown>;
  const out: Record<string, unknown> = { ...rest };
  if (position) out['at'] = `${position.start.line}:${position.start.column}`;
  for (const key of ['children', 'label'] as const) if (out[key]) out[key] = shape(out[key] as Nodes[]);
  return out;
}

describe('directives', () => {
  it('reads a container with its label and attributes, and what it holds', () => {
    const [node] = readNodes(':::notice[Read *this*]{kind=warning .a .b #x title="a&#46;b\\c"}\nText.\n:::\n');
    expect(shape(node!)).toEqual({
      type: 'containerDirective',
      name: 'notice',
      attributes: { kind: 'warning', class: 'a b', id: 'x', title: 'a.b\\c' },
      label: { type: 'paragraph', at: '1:11', children: [{ type: 'text', value: 'Read ' }, { type: 'emphasis', children: [{ type: 'text', value: 'this' }] }] },
      children: [{ type: 'paragraph', at: '2:1', children: [{ type: 'text', value: 'Text.' }] }],
      at: '1:1',
    });
  });

  it('closes a container at the first line of as many colons or more, so an outer one needs more', () => {
    const nodes = readNodes('::::keep\n:::notice\nIn.\n:::\n::::\nAfter.\n');
    expect(shape(nodes)).toMatchObject([{ name: 'keep', children: [{ name: 'notice', children: [{ type: 'paragraph' }] }] }, { type: 'paragraph', at: '6:1' }]);
  });

  it('reads a leaf alone on its line, indented in a list item too', () => {
    expect(shape(readNodes('- item\n\n  ::signature{name="A" role=\'B\'}\n'))).toMatchObject([
      { type: 'list', children: [{ children: [{ type: 'paragraph', at: '1:3' }, { type: 'leafDirective', name: 'signature', attributes: { name: 'A', role: 'B' }, at: '3:3' }] }] },
    ]);
  });

  it('leaves as text what does not parse as a whole', () => {
    for (const text of ['::pagebreak and more', '::name-{a=1}', '::x{a="open}', ':::']) {
      expect(shape(readNodes(text)), text).toEqual([{ type: 'paragraph', at: '1:1', children: [{ type: 'text', value: text }] }]);
    }
  });

  it('reads a text directive with a label or attributes; a bare :name, 10:30 and \\: are text', () => {
    const [paragraph] = readNodes('At 10:30 Re:Smith wrote \\:note[x] and :note[*the* note]{a=1}.');
    expect(shape(paragraph!)).toEqual({
      type: 'paragraph',
      at: '1:1',
      children: [
        { type: 'text', value: 'At 10:30 Re:Smith wrote :note[x] and ' },
        { type: 'textDirective', name: 'note', attributes: { a: '1' }, children: [{ type: 'emphasis', children: [{ type: 'text', value: 'the' }] }, { type: 'text', value: ' note' }], at: '1:39' },
        { type: 'text', value: '.' },
      ],
    });
  });
});

describe('task items', () => {
  it('takes [ ] and [x] with a space and text after them, as written (not escaped)', () => {
    const [list] = readNodes('- [x] done\n- [ ]  two spaces\n- \\[x] escaped\n- [ ]\n');
    expect(shape(list!)).toMatchObject({
      children: [
        { checked: true, children: [{ at: '1:7', children: [{ type: 'text', value: 'done' }] }] },
        { checked: false, children: [{ at: '2:7', children: [{ type: 'text', value: ' two spaces' }] }] },
        { children: [{ children: [{ type: 'text', value: '[x] escaped' }] }] },
        { children: [{ children: [{ type: 'text', value: '[ ]' }] }] },
      ],
    });
    expect((list as { children: { checked?: boolean }[] }).children.map((item) => item.checked)).toEqual([true, false, undefined, undefined]);
  });
});

describe('table cells', () => {
  it('split on unescaped pipes, as GFM does', () => {
    expect(splitRow('| a \\| b | c\\\\| d |')).toEqual([
      { content: 'a \\| b', column: 3 },
      { content: 'c\\\\', column: 12 },
      { content: 'd', column: 17 },
    ]);
    const [table] = readNodes('| A | B |\n|---|---|\n| c\\\\| d |\n');
    expect(shape(table!)).toMatchObject({ children: [{}, { children: [{ children: [{ type: 'text', value: 'c\\' }] }, { children: [{ type: 'text', value: 'd' }] }] }] });
  });

  it('keep white space other than spaces and tabs at their edges', () => {
    const [table] = readNodes('| A | B |\n|---|--:|\n| \u00a0x\u00a0 | `y` |\n');
    expect(shape(table!)).toMatchObject({
      align: [null, 'right'],
      children: [{}, { children: [{ children: [{ type: 'text', value: '\u00a0x\u00a0' }] }, { children: [{ type: 'inlineCode', at: '3:9' }] }] }],
    });
  });
});

describe('what is read only to be reported', () => {
  it('finds footnotes (a reference only where it is defined) and reference definitions, at their place', () => {
    const nodes = readNodes('See [^1] and [^2], [a][ref], `code` and <b>.\n\n[^1]: The note.\n\n[ref]: https://example.org\n\n![a](b.png) ![a][ref]\n');
    expect(shape(nodes)).toEqual([
      {
        type: 'paragraph',
        at: '1:1',
        children: [
          { type: 'text', value: 'See ' },
          { type: 'footnoteReference', at: '1:5' },
          { type: 'text', value: ' and [^2], ' },
          { type: 'linkReference', at: '1:20' },
          { type: 'text', value: ', ' },
          { type: 'inlineCode', at: '1:30' },
          { type: 'text', value: ' and ' },
          { type: 'html', value: '<b>', at: '1:41' },
          { type: 'text', value: '.' },
        ],
      },
      { type: 'footnoteDefinition', at: '3:1' },
      { type: 'definition', at: '5:1' },
      { type: 'paragraph', at: '7:1', children: [{ type: 'image', url: 'b.png', alt: 'a', at: '7:1' }, { type: 'text', value: ' ' }, { type: 'imageReference', at: '7:13' }] },
    ]);
  });

  it('places inline nodes in headings, # and underlined', () => {
    const nodes = readNodes('## A `x` #\n\nOne\nand `y`\n===\n');
    const code = (n: Nodes) => (n as { children: Nodes[] }).children.find((c) => c.type === 'inlineCode')!.position?.start;
    expect(nodes.map(code)).toEqual([
      { line: 1, column: 6, offset: 5 },
      { line: 4, column: 5, offset: 20 },
    ]);
  });

  it('places inline nodes on the later lines of a paragraph, and counts offsets in the text as given (CRLF)', () => {
    const [paragraph] = readNodes('First line\r\n  second `x` line\r\n');
    const code = (paragraph as { children: Nodes[] }).children.find((n) => n.type === 'inlineCode')!;
    expect(code.position?.start).toEqual({ line: 2, column: 10, offset: 21 });
  });
});
