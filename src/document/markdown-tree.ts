/**
 * Markdown → blocks and diagnostics, by either parser: `fast` (fast-parse.ts,
 * for the Markdown templates write, falling back to remark for anything else)
 * or `remark` (parse-markdown.ts, CommonMark + GFM + directives in full). Both
 * feed the same converter (convert/*.ts), so they give the same tree; the
 * differential test (test/markdown-differential.test.ts) holds them to it.
 */
import { sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { Block } from './ast.js';
import type { Context, Mode } from './convert/context.js';
import { convertFlow } from './convert/flow.js';
import { fastParse } from './fast-parse.js';
import { parseMarkdown } from './parse-markdown.js';

export interface TreeOptions {
  readonly images?: Iterable<string>;
  readonly mode?: Mode;
}

/**
 * `fast`: fast-parse.ts where it answers and the converter reports nothing, else remark.
 * `remark`: remark only (what casepress always did).
 * `fast-unchecked`: fast-parse.ts wherever it answers, even with diagnostics (whose
 * inline positions it does not track): for the differential test only.
 */
export type Parser = 'fast' | 'remark' | 'fast-unchecked';

export interface TreeResult {
  blocks: Block[];
  diagnostics: Diagnostic[];
  /** Which parser's mdast the result came from. */
  parsedBy: 'fast' | 'remark';
}

export function convertMarkdown(markdown: string, file: string, options: TreeOptions = {}, parser: Parser = 'fast'): TreeResult {
  const images = options.images ? new Set(options.images) : undefined;
  const context = (): Context => ({ file, source: markdown, mode: options.mode ?? 'document', diagnostics: [], ...(images ? { images } : {}) });
  // Templates' own sources (checkTemplateMarkdown) are read once each: remark reads them.
  if (parser !== 'remark' && (options.mode ?? 'document') === 'document') {
    const root = fastParse(markdown);
    if (root) {
      const ctx = context();
      const blocks = convertFlow(root.children, ctx, 'document');
      // Diagnostics point at line, column and extent, which the fast parser does not
      // track in full: a document with any is converted again from remark's mdast.
      if (ctx.diagnostics.length === 0 || parser === 'fast-unchecked') return { blocks, diagnostics: sortDiagnostics(ctx.diagnostics), parsedBy: 'fast' };
    }
  }
  const ctx = context();
  const blocks = convertFlow(parseMarkdown(markdown).children, ctx, 'document');
  return { blocks, diagnostics: sortDiagnostics(ctx.diagnostics), parsedBy: 'remark' };
}
