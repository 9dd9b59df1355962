/**
 * Treatment passages (case-format.md, Audiences): in a note or a narrative
 * field, staff mark what is a parent's treatment detail with a fence,
 *
 *     :::treatment{parent=mother}
 *     Completed IOP; no positive screen since November.
 *     :::
 *
 * and a whole note with `treatment: true` in its front matter. This module only
 * reads the fences (the validator reports their mistakes, located); which
 * audience may read a passage is decided in compute/documents/narrative.ts.
 *
 * Reading fails closed: whatever a mistake leaves unclear is treatment detail
 * of no named parent (the strictest case), and no fence line is ever text.
 */
import { PARENT_ROLES, type ParentRole } from './case.js';

/** Whose treatment a passage describes: a parent's role, or null when the fence names no one. */
export interface Treatment {
  readonly parent: ParentRole | null;
}

/** A run of whole lines of a narrative: ordinary text, or one parent's treatment detail. */
export interface Passage {
  readonly text: string;
  readonly treatment: Treatment | undefined;
  /** The indentation of the opening fence (a passage inside a list item keeps its place there). */
  readonly indent: string;
}

/** A fence written wrong: where (0-based line of the text, 1-based column) and what. */
export interface FenceProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly hint: string;
}

export interface SplitNarrative {
  readonly passages: readonly Passage[];
  readonly problems: readonly FenceProblem[];
}

/** Every fence starts with this; text without it has no passages (the fast path of every narrative). */
export const FENCE = ':::';
const OPEN = /^([ \t]*):::treatment(?:\{([^}]*)\})?[ \t]*$/;
const CLOSE = /^[ \t]*:::[ \t]*$/;
const ANY_FENCE_LINE = /^([ \t]*):::/;
const FENCE_TOKEN = /:::(?:[A-Za-z_-]+(?:\{[^}\n]*\})?)?/g;
const EXAMPLE = 'write the passage between a line ":::treatment" (or ":::treatment{parent=mother}") and a line ":::"';

/** `text` in passages, with the mistakes in its fences. Pure; CRLF and CR line ends read as LF. */
export function splitPassages(text: string): SplitNarrative {
  if (!text.includes(FENCE)) return { passages: text === '' ? [] : [{ text, treatment: undefined, indent: '' }], problems: [] };
  const problems: FenceProblem[] = [];
  const passages: Passage[] = [];
  let lines: string[] = [];
  let open: { treatment: Treatment; indent: string; line: number } | undefined;
  const flush = () => {
    const treatment = open?.treatment;
    // An empty passage withholds nothing, so it leaves no marker behind.
    if (lines.length > 0 && (treatment === undefined || lines.some((l) => l.trim() !== ''))) passages.push({ text: lines.join('\n'), treatment, indent: open?.indent ?? '' });
    lines = [];
  };
  const problem = (line: number, column: number, message: string, hint = EXAMPLE) => problems.push({ line, column, message, hint });

  text.replace(/\r\n?/g, '\n').split('\n').forEach((line, n) => {
    const opening = OPEN.exec(line);
    if (opening) {
      const indent = opening[1]!;
      const parent = parentOf(opening[2], (message, hint) => problem(n, indent.length + 1, message, hint));
      if (open) {
        problem(n, indent.length + 1, `a treatment passage opens inside the one opened on line ${open.line + 1}`, 'close the first passage with a line ":::" before opening the next');
        // Both fences' parents stand for the inner lines: unless they agree, no one is named.
        flush();
        open = { ...open, treatment: { parent: open.treatment.parent === parent ? parent : null } };
        return;
      }
      flush();
      open = { treatment: { parent }, indent, line: n };
      return;
    }
    if (CLOSE.test(line)) {
      if (open) {
        flush();
        open = undefined;
      } else problem(n, line.indexOf(FENCE) + 1, 'this ":::" closes no treatment passage', `remove it, or open the passage with a line ":::treatment" above the text`);
      return;
    }
    const other = ANY_FENCE_LINE.exec(line);
    if (other) {
      // A misspelt opener (":::treatmnet", ":::notice"): its text is read as treatment detail until the next ":::".
      problem(n, other[1]!.length + 1, `"${line.trim()}" is not a treatment fence`, EXAMPLE);
      if (!open) {
        flush();
        open = { treatment: { parent: null }, indent: other[1]!, line: n };
      }
      return;
    }
    const inline = line.indexOf(FENCE);
    if (inline >= 0) {
      // A fence inside a line (a YAML value folded with ">" joins lines): the whole line is treatment detail, without its fences.
      problem(n, inline + 1, 'a treatment fence must stand on a line of its own', 'put ":::treatment" and ":::" on lines of their own (in YAML, write the field as a literal block with "|", which keeps lines)');
      if (open) lines.push(line.replace(FENCE_TOKEN, '').trimEnd());
      else {
        flush();
        passages.push({ text: line.replace(FENCE_TOKEN, '').trimEnd(), treatment: { parent: null }, indent: /^[ \t]*/.exec(line)![0] });
      }
      return;
    }
    lines.push(line);
  });
  if (open) problem(open.line, open.indent.length + 1, 'this treatment passage is never closed', 'end it with a line ":::" after its last line');
  flush();
  return { passages, problems };
}

/** The parent a fence's attributes name (`parent=mother`, quotes allowed); null for none or a mistake. */
function parentOf(attributes: string | undefined, problem: (message: string, hint: string) => void): ParentRole | null {
  if (attributes === undefined || attributes.trim() === '') return null;
  const match = /^\s*parent\s*=\s*"?([A-Za-z_]+)"?\s*$/.exec(attributes);
  const role = match?.[1];
  if (role && (PARENT_ROLES as readonly string[]).includes(role)) return role as ParentRole;
  problem(`"{${attributes}}" does not name a parent`, `write {parent=ROLE} with ROLE one of ${PARENT_ROLES.join(', ')}, or leave it out`);
  return null;
}
