/**
 * The escaping property (architecture.md, "Escaping"): a value from the data can
 * never change the document's structure. For ANY string s, rendering it through a
 * template and converting the Markdown gives, at the place the template put it,
 * exactly one text node equal to s — after the documented rules (each line break
 * → one space, U+0000 → U+FFFD, Unicode NFC) — and nothing else: no other block,
 * no mark, no link, no diagnostic. A blank s prints the *not recorded* marker
 * (the templates here say optional=true).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Inline } from '../src/document/ast.js';
import { markdownToTree } from '../src/document/from-markdown.js';
import { compileTemplate, renderTemplate, type CompiledTemplate } from '../src/templates/index.js';

/** What s must read as in the tree. */
function expected(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ').replace(/\0/g, '\uFFFD').normalize('NFC');
}

const blank = (s: string): boolean => s.trim() === '';
const text = (value: string): Inline => ({ type: 'text', value });
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children });
const NOT_RECORDED: Inline = { type: 'emphasis', children: [text('not recorded')] };

interface Case {
  readonly template: string;
  /** The whole tree expected for the value printed (inlines where {{text s}} stands). */
  readonly tree: (printed: Inline[]) => Block[];
  /** Values this place cannot take (e.g. a blank signer name). */
  readonly skip?: (s: string) => boolean;
  /** What the value prints as, when not the usual text/marker. */
  readonly printed?: (s: string) => Inline[];
}

const CASES: Record<string, Case> = {
  paragraph: {
    template: 'Before.\n\n{{text s optional=true}}\n\nAfter.\n',
    tree: (p) => [para(text('Before.')), para(...p), para(text('After.'))],
  },
  'paragraph, mid-sentence': {
    template: 'Name: {{text s optional=true}} (child)\n',
    tree: (p) => [para(...joinText([text('Name: '), ...p, text(' (child)')]))],
  },
  'list item': {
    template: '- first\n- {{text s optional=true}}\n- last\n',
    tree: (p) => [
      { type: 'list', ordered: false, items: [{ children: [para(text('first'))] }, { children: [para(...p)] }, { children: [para(text('last'))] }] },
    ],
  },
  'numbered list item': {
    template: '1. {{text s optional=true}}\n2. last\n',
    tree: (p) => [{ type: 'list', ordered: true, start: 1, items: [{ children: [para(...p)] }, { children: [para(text('last'))] }] }],
  },
  heading: {
    template: '## {{text s optional=true}}\n\nAfter.\n',
    tree: (p) => [{ type: 'heading', level: 2, children: p }, para(text('After.'))],
  },
  'table cell': {
    template: '| Name | Role |\n|---|:-:|\n| {{text s optional=true}} | x |\n',
    // Without :::table{widths}, widths follow the content: only their sum is checked (width 0 stands for "any").
    tree: (p) => [
      {
        type: 'table',
        columns: [
          { align: 'left', width: 0 },
          { align: 'center', width: 0 },
        ],
        header: [{ children: [text('Name')] }, { children: [text('Role')] }],
        rows: [[{ children: p }, { children: [text('x')] }]],
      },
    ],
  },
  'table caption (directive label)': {
    template: ':::table[{{text s optional=true}}]{widths="1,1"}\n| A | B |\n|---|---|\n| x | y |\n:::\n',
    tree: (p) => [
      {
        type: 'table',
        columns: [
          { align: 'left', width: 0.5 },
          { align: 'left', width: 0.5 },
        ],
        header: [{ children: [text('A')] }, { children: [text('B')] }],
        rows: [[{ children: [text('x')] }, { children: [text('y')] }]],
        caption: p,
      },
    ],
  },
  'checklist item': {
    template: ':::checklist\n- [x] {{text s optional=true}} :note[noted]\n:::\n',
    tree: (p) => [{ type: 'checklist', items: [{ checked: true, children: p, note: [text('noted')] }] }],
    // The spaces before :note[…] are the separator and are not printed.
    printed: (s) => (blank(s) ? [NOT_RECORDED] : [text(expected(s).replace(/ +$/, ''))]),
    skip: (s) => !blank(s) && expected(s).replace(/ +$/, '') === '',
  },
  'signature attribute': {
    template: '::signature{name="{{attr s}}" role="Case Manager"}\n',
    tree: (p) => [{ type: 'signature', signers: [{ name: (p[0] as { value: string }).value, role: 'Case Manager' }] }],
    skip: blank,
  },
};

/** The tree a paragraph gets: neighbouring texts are one text node. */
function joinText(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const i of inlines) {
    const last = out[out.length - 1];
    if (i.type === 'text' && last?.type === 'text') out[out.length - 1] = text((last.value + i.value).normalize('NFC'));
    else out.push(i);
  }
  return out;
}

/** The tree without positions, and without the widths of a table whose widths follow its content. */
function comparable(blocks: readonly Block[], contentWidths: boolean): unknown {
  for (const block of blocks) {
    if (block.type === 'table') expect(block.columns.reduce((sum, c) => sum + c.width, 0)).toBeCloseTo(1, 9);
  }
  return JSON.parse(JSON.stringify(blocks, (key, v: unknown) => (key === 'position' ? undefined : contentWidths && key === 'width' ? 0 : v)));
}

const compiled = new Map<string, CompiledTemplate>();
function compiledFor(name: string, template: string): CompiledTemplate {
  let t = compiled.get(name);
  if (!t) {
    const result = compileTemplate(template, `templates/${name}.md.hbs`, {});
    expect(result.diagnostics).toEqual([]);
    t = result.template!;
    compiled.set(name, t);
  }
  return t;
}

function check(name: string, c: Case, s: string): void {
  if (c.skip?.(s)) return;
  const rendered = renderTemplate(compiledFor(name, c.template), { s });
  expect(rendered.diagnostics).toEqual([]);
  const { blocks, diagnostics } = markdownToTree(rendered.markdown!, `out/${name}.md`);
  const printed = c.printed?.(s) ?? (blank(s) ? [NOT_RECORDED] : [text(expected(s))]);
  expect({ diagnostics, blocks: comparable(blocks, name === 'table-cell') }, JSON.stringify(rendered.markdown)).toEqual({ diagnostics: [], blocks: c.tree(printed) });
}

/** Biased to what Markdown, GFM, directives and Handlebars read as structure. */
const HAZARDS = [
  ...'*_[]()#|:{}<>!\\`~-+.>=&;"\'@$%^?/,'.split(''),
  '\n', '\r', '\r\n', ' ', '  ', '    ', '\t', '\0', 'a', 'Z', '1', '9', '0',
  '::', ':::', ':::notice', '::pagebreak', ':note[x]', '{{x}}', '}}', '{{{', '&amp;', '&#42;', '&#32;',
  '- ', '* ', '+ ', '1. ', '2) ', '# ', '### ', '> ', '---', '===', '***', '```', '~~~', '| --- |', '[ ] ', '[x] ',
  'www.example.org', 'https://x.org', 'a@b.org', 'mailto:a@b.org', '<https://x.org>', '<div>', '<!--', '-->',
  '![a](b.png)', '[t](u)', '[^1]', '\\', 'e\u0301', '\u00A0', '\u2028', '\uFEFF', '—', 'Zoë', 'Nguyễn', '\u{1F600}',
];
const hazardous = fc.string({ unit: fc.constantFrom(...HAZARDS), maxLength: 12 });

const GENERATORS: Record<string, fc.Arbitrary<string>> = {
  'fc.string (ASCII graphemes)': fc.string(),
  'fc.string binary (full Unicode, controls)': fc.string({ unit: 'binary' }),
  'fc.string binary-ascii (controls)': fc.string({ unit: 'binary-ascii' }),
  'Markdown hazards': hazardous,
};

describe('a value printed with {{text}} / {{attr}} is exactly itself in the tree', () => {
  for (const [name, c] of Object.entries(CASES)) {
    describe(name, () => {
      for (const [generator, arbitrary] of Object.entries(GENERATORS)) {
        it(generator, () => {
          fc.assert(fc.property(arbitrary, (s) => check(name.replace(/\W+/g, '-'), c, s)), { numRuns: 300 });
        });
      }
      it('a name like O\'Brien *Jr* | {{x}} # :::', () => {
        check(name.replace(/\W+/g, '-'), c, "O'Brien *Jr* | {{x}} # :::");
      });
    });
  }
});

/**
 * {{{markdown x}}} prints trusted Markdown, so its structure is its own; what it
 * guarantees is that it stays where the template put it: inside the :::notice
 * or list item around it, before the text that follows, making no directive.
 * Whatever it holds that the tree does not is reported against the field.
 */
describe('a narrative printed with {{{markdown}}} stays in its block', () => {
  const NARRATIVE_HAZARDS = fc.string({
    unit: fc.constantFrom(...HAZARDS, '\n\n', '\n  ', '\n    ', '\n:::\n', '\n::::\n', '\n::pagebreak\n', '\n::narrative-end\n', '\n- ', '\n```', '\n<!--', '\n| a | b |\n|---|---|', '\n# ', '\n#### '),
    maxLength: 16,
  });
  const inNotice = compileTemplate(':::notice\nBefore.\n\n{{{markdown s optional=true}}}\n\nAfter.\n:::\n\nOutside.\n', 'templates/notice.md.hbs', {}).template!;
  const inItem = compileTemplate('- Item\n\n  {{{markdown s optional=true}}}\n- Next\n\nOutside.\n', 'templates/item.md.hbs', {}).template!;
  const DIRECTIVE_BLOCKS = new Set(['pageBreak', 'signature', 'keep', 'notice', 'checklist', 'image']);

  function directiveBlocks(blocks: readonly Block[]): string[] {
    return blocks.flatMap((b) => [
      ...(DIRECTIVE_BLOCKS.has(b.type) ? [b.type] : []),
      ...(b.type === 'list' ? b.items.flatMap((i) => directiveBlocks(i.children)) : []),
      ...(b.type === 'keep' || b.type === 'notice' ? directiveBlocks(b.children) : []),
    ]);
  }

  function render(template: CompiledTemplate, s: string, file: string) {
    const rendered = renderTemplate(template, { s });
    expect(rendered.diagnostics).toEqual([]);
    const tree = markdownToTree(rendered.markdown!, 'out.md');
    for (const d of tree.diagnostics) expect({ file: d.file, field: d.field }, d.message).toEqual({ file, field: 's' });
    return tree.blocks;
  }

  for (const [generator, arbitrary] of Object.entries({ ...GENERATORS, 'Markdown hazards with line breaks': NARRATIVE_HAZARDS })) {
    it(`inside :::notice (${generator})`, () => {
      fc.assert(
        fc.property(arbitrary, (s) => {
          const blocks = render(inNotice, s, 'templates/notice.md.hbs');
          expect(blocks.map((b) => b.type)).toEqual(['notice', 'paragraph']);
          const notice = blocks[0] as Extract<Block, { type: 'notice' }>;
          expect(withoutPosition(notice.children[0])).toEqual(para(text('Before.')));
          expect(withoutPosition(notice.children[notice.children.length - 1])).toEqual(para(text('After.')));
          expect(directiveBlocks(notice.children)).toEqual([]);
          expect(withoutPosition(blocks[1])).toEqual(para(text('Outside.')));
        }),
        { numRuns: 300 },
      );
    });
    it(`inside a list item (${generator})`, () => {
      fc.assert(
        fc.property(arbitrary, (s) => {
          const blocks = render(inItem, s, 'templates/item.md.hbs');
          expect(blocks.map((b) => b.type)).toEqual(['list', 'paragraph']);
          const list = blocks[0] as Extract<Block, { type: 'list' }>;
          expect(list.items).toHaveLength(2);
          expect(withoutPosition(list.items[0]!.children[0])).toEqual(para(text('Item')));
          expect(withoutPosition(list.items[1])).toEqual({ children: [para(text('Next'))] });
          expect(directiveBlocks(list.items[0]!.children)).toEqual([]);
          expect(withoutPosition(blocks[1])).toEqual(para(text('Outside.')));
        }),
        // A bullet alone on its line, then a checkbox: a task list the check found outside the narrative.
        { numRuns: 300, examples: [['*\r[ ] *'], ['- x\n[x] y'], ['1. [ ] z']] },
      );
    });
  }
});

function withoutPosition(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' ? undefined : v)));
}
