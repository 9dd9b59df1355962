/**
 * What the converter carries while it walks the nodes: the file, the mode, the
 * diagnostics so far, and the narrative it is inside, if any. Diagnostics point
 * into the Markdown, or, inside a narrative, at the template line that printed it.
 */
import type { Nodes } from '../syntax/nodes.js';
import type { Code } from '../../core/codes.js';
import { diagnostic, type Diagnostic } from '../../core/diagnostic.js';
import type { Span } from '../../core/source.js';
import type { Position } from '../ast.js';

/**
 * `document`: rendered Markdown, checked in full.
 * `template`: a template's own source, where `{{…}}` is still text: constructs
 * are checked, but not what only the data fills in (attribute values with
 * `{{`, the items of a checklist, image files).
 */
export type Mode = 'document' | 'template';

/** Where blocks stand: the document (and keep/notice boxes), or a list item. */
export type Place = 'document' | 'item';

/** A narrative printed by {{{markdown x}}}, framed by ::narrative{…} and ::narrative-end. */
export interface Narrative {
  readonly field: string;
  readonly file: string;
  readonly span?: Span;
  /** The line of the ::narrative marker in the Markdown: the narrative's line 1 is the next one. */
  readonly markerLine: number;
  /** The Markdown read is the data file's own text (checkNarrative): diagnostics point at each node in it. */
  readonly inPlace?: boolean;
}

export interface Context {
  readonly file: string;
  readonly mode: Mode;
  readonly diagnostics: Diagnostic[];
  readonly images?: ReadonlySet<string>;
  readonly narrative?: Narrative;
  /** Inside :::checklist, where task items and :note[…] belong. */
  readonly inChecklist?: boolean;
}

export function spanOf(node: Nodes): Span | undefined {
  const p = node.position;
  return p ? { start: { ...p.start }, end: { ...p.end } } : undefined;
}

export function positionOf(node: Nodes): Position | undefined {
  const p = node.position;
  return p ? { line: p.start.line, column: p.start.column } : undefined;
}

/**
 * Reports a problem with a node. `what` names what was found ("a code block
 * (```)"), `why` says what is expected instead.
 */
export function report(ctx: Context, code: Code, node: Nodes, what: string, why: string, hint?: string): void {
  const n = ctx.narrative;
  if (n?.inPlace) {
    ctx.diagnostics.push(diagnostic(code, { file: n.file, span: spanOf(node), field: n.field || undefined, message: `${what}: ${why}`, hint }));
    return;
  }
  if (n) {
    const line = node.position ? node.position.start.line - n.markerLine : undefined;
    ctx.diagnostics.push(
      diagnostic(code, {
        file: n.file,
        span: n.span,
        field: n.field || undefined,
        message: `the Markdown in \`${n.field}\`${line ? ` (its line ${line})` : ''} has ${what}: ${why}`,
        hint,
      }),
    );
    return;
  }
  ctx.diagnostics.push(diagnostic(code, { file: ctx.file, span: spanOf(node), message: `${what}: ${why}`, hint }));
}

/**
 * Text as it goes into the tree: each line break becomes a space (a soft line
 * break in Markdown is a space) and the text is put in Unicode NFC, so "é"
 * typed as e + combining accent prints like the precomposed letter. Nothing
 * else changes: spaces, punctuation and every other character are kept.
 */
export function cleanText(value: string): string {
  const oneLine = value.includes('\n') || value.includes('\r') ? value.replace(/\r\n|\r|\n/g, ' ') : value;
  return nfc(oneLine);
}

const NON_ASCII = /[^\0-\x7f]/;

/** Unicode NFC; ASCII text, most of every document, is NFC already and skips the work. */
export function nfc(value: string): string {
  return NON_ASCII.test(value) ? value.normalize('NFC') : value;
}
