/**
 * Markdown → mdast with the syntax casepress reads: CommonMark, GFM (tables,
 * task lists; its other parts are reported by the converter) and directives.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}
