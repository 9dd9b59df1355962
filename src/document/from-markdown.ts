/**
 * Markdown → the document tree (ast.ts): markdown-it reads it (syntax/reader.ts:
 * CommonMark, GFM tables, directives), its tokens are nested into nodes that
 * know their line and column (syntax/tree.ts), and one converter with a handler
 * per node type makes the tree (convert/*.ts).
 *
 * The syntax, in full:
 * - `#`, `##`, `###` headings; paragraphs with **bold**, *italics*, [links](https://…),
 *   hard breaks (a backslash or two spaces at the end of a line); soft line
 *   breaks are spaces;
 * - bullet and numbered lists, nested by indentation (a numbered list keeps its first number);
 * - GFM tables, aligned by the delimiter row (`:--`, `:-:`, `--:`);
 * - `![alt](assets/file.png)` alone in its paragraph, or `::image{src=… width=… alt=…}`;
 * - the directives of convert/directives.ts (pagebreak, signature, keep,
 *   notice, checklist, table);
 * - `::narrative{…}` … `::narrative-end`, written only by {{{markdown x}}}.
 * Anything else (code, HTML, block quotes, rules, footnotes, strikethrough,
 * headings 4–6, unknown directives, bad attributes, marks or blocks nested more
 * than 32 deep: syntax/tree.ts MAX_DEPTH) is a diagnostic at its
 * line and column, never dropped silently. Bare web addresses are not made
 * into links: write <https://…> or [text](https://…).
 */
import { sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { Block } from './ast.js';
import type { Context, Mode } from './convert/context.js';
import { convertFlow } from './convert/flow.js';
import { readNodes } from './syntax/tree.js';

export interface MarkdownOptions {
  /** The image keys there are; an image not among them is CP2104. Without it images are not checked. */
  readonly images?: Iterable<string>;
  /** `template` checks a template's own source (see checkTemplateMarkdown). */
  readonly mode?: Mode;
}

export function markdownToTree(markdown: string, file: string, options: MarkdownOptions = {}): { blocks: Block[]; diagnostics: Diagnostic[] } {
  const ctx: Context = { file, mode: options.mode ?? 'document', diagnostics: [], ...(options.images ? { images: new Set(options.images) } : {}) };
  const blocks = convertFlow(readNodes(markdown), ctx, 'document');
  return { blocks, diagnostics: sortDiagnostics(ctx.diagnostics) };
}

/**
 * Checks a template's Markdown before any data is in it, so an unsupported
 * construct is reported at its template line and column. `{{…}}` tags are
 * plain text to Markdown; Handlebars comments are blanked first (they may
 * hold anything). What only the data decides (attribute values with `{{`,
 * checklist items, image files) is left to markdownToTree after rendering.
 */
export function checkTemplateMarkdown(source: string, file: string): Diagnostic[] {
  const blanked = source.replace(/\{\{~?!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
  return markdownToTree(blanked, file, { mode: 'template' }).diagnostics;
}
