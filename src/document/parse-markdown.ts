/**
 * Markdown → mdast with the syntax casepress reads: CommonMark, GFM (tables,
 * task lists; its other parts are reported by the converter) and directives.
 *
 * One frozen processor for the process. GFM's autolink-literal transform
 * (which walks every text node to turn bare "www.…" and "a@b.org" into links)
 * is left out: the converter prints such links as their text anyway
 * (convert/phrasing.ts), so the tree is the same without it, and it was about a
 * tenth of the parse.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** An mdast-util-from-markdown extension, or a list of them, as remark plugins add them. */
type FromMarkdownExtension = { readonly transforms?: readonly unknown[]; readonly enter?: Record<string, unknown> } | readonly FromMarkdownExtension[];

function withoutAutolinkTransform(extension: FromMarkdownExtension): FromMarkdownExtension {
  if (Array.isArray(extension)) return extension.map(withoutAutolinkTransform);
  const single = extension as Exclude<FromMarkdownExtension, readonly FromMarkdownExtension[]>;
  if (!single.transforms || !single.enter || !('literalAutolink' in single.enter)) return single;
  const { transforms: _dropped, ...rest } = single;
  return rest;
}

/** A plugin run after remark-gfm: its autolink-literal extension without the tree transform. */
function dropAutolinkTransform(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: FromMarkdownExtension[] };
  if (data.fromMarkdownExtensions) data.fromMarkdownExtensions = data.fromMarkdownExtensions.map(withoutAutolinkTransform) as FromMarkdownExtension[];
}

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).use(dropAutolinkTransform).freeze();

export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}
