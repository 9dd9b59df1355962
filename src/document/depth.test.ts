/**
 * Bounded work for any Markdown (issue 13): nesting beyond MAX_DEPTH is one
 * located CP2101, never a stack overflow, and long flat input stays linear.
 */
import { describe, expect, it } from 'vitest';
import { markdownToTree } from './from-markdown.js';
import { MAX_DEPTH } from './syntax/tree.js';

const where = (markdown: string) => markdownToTree(markdown, 'note.md').diagnostics.map((d) => `${d.code} ${d.span?.start.line}:${d.span?.start.column} ${d.message.split(':')[0]}`);

describe('nesting is bounded', () => {
  it('20,000 "*" around a word is one diagnostic where the marks start', () => {
    expect(where(`${'*'.repeat(20_000)}word${'*'.repeat(20_000)}`)).toEqual([`CP2101 1:1 bold, italics or links nested more than ${MAX_DEPTH} deep`]);
  });

  it('marks and links nested just within the limit are read', () => {
    const markdown = `${'[_'.repeat(MAX_DEPTH / 2)}x${'_](https://a.example)'.repeat(MAX_DEPTH / 2)}`;
    expect(where(markdown)).toEqual([]);
  });

  it('lists nested 3,000 deep: one diagnostic where the list too deep starts', () => {
    const markdown = Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}- x`).join('\n');
    expect(where(markdown)).toEqual([`CP2101 ${MAX_DEPTH + 1}:${MAX_DEPTH * 2 + 1} lists or directives nested more than ${MAX_DEPTH} deep`]);
  });

  it('directives nested 200 deep', () => {
    const markdown = `${Array.from({ length: 200 }, (_, i) => `${':'.repeat(400 - i)}keep`).join('\n')}\nx\n`;
    expect(where(markdown)).toEqual([`CP2101 ${MAX_DEPTH + 1}:1 lists or directives nested more than ${MAX_DEPTH} deep`]);
  });

  it('200,000 short paragraphs in a narrative convert without overflowing the stack', () => {
    const markdown = `::narrative{field="body" file="court/a.md" line="3"}\n${'a\n\n'.repeat(200_000)}::narrative-end\n`;
    const { blocks, diagnostics } = markdownToTree(markdown, 't.md');
    expect(diagnostics).toEqual([]);
    expect(blocks).toHaveLength(200_000);
  });
});
