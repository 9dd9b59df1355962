/**
 * Staff-written narrative (a court note, a home study's sections) checked by
 * `validate` before any template places it: it is read with the rules of every
 * narrative ({{{markdown x}}}: NARRATIVE_HOLDS), so what a narrative may hold
 * is the same wherever it is printed, and each problem is reported at its own
 * line and column.
 */
import { sortDiagnostics, type Diagnostic } from '../../core/diagnostic.js';
import { readNodes } from '../syntax/tree.js';
import type { Context } from './context.js';
import { convertFlow } from './flow.js';

/** Diagnostics for narrative Markdown, pointing into `markdown` as the text of `file`. */
export function checkNarrative(markdown: string, file: string, field = ''): Diagnostic[] {
  const ctx: Context = { file, mode: 'document', diagnostics: [], narrative: { field, file, markerLine: 0, inPlace: true } };
  convertFlow(readNodes(markdown), ctx, 'document');
  return sortDiagnostics(ctx.diagnostics);
}
