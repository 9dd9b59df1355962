/**
 * A markdown-it plugin for the generic directive syntax casepress templates
 * write (the generic directive proposal for CommonMark):
 *
 *   :::name[label]{attributes}   a container, closed by a line of as many colons or more;
 *   …                            an outer container needs more colons than those inside it
 *   :::
 *   ::name[label]{attributes}    a leaf, alone on its line
 *   :name[label]{attributes}     in a line of text; `:name` with neither part is just text
 *
 * A name starts with a letter and holds letters, digits, "-" and "_" (not at
 * its end). Attributes: `key=value`, `key="value"`, `key='value'`, `key`,
 * `#id`, `.class`; values decode character references (`&#46;`) but not
 * backslashes. A line that does not parse as a whole is not a directive.
 *
 * Tokens: `container_directive_open` / `_close` and `leaf_directive_open` /
 * `_close` (info: the name, meta: {@link DirectiveMeta}), each followed by its
 * label as an `inline` token with meta.label; `text_directive_open` / `_close`
 * around the label's inline tokens.
 */
import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it';

export interface DirectiveMeta {
  readonly attributes: Record<string, string>;
  /** Where the label's text starts in the source (1-based column), for a block directive with one. */
  readonly labelColumn?: number;
}

const COLON = 0x3a;

/** The end of a directive name starting at `pos`, or -1. */
function nameEnd(src: string, pos: number, max: number): number {
  if (pos >= max || !/[A-Za-z]/.test(src[pos]!)) return -1;
  let end = pos + 1;
  while (end < max && /[A-Za-z0-9_-]/.test(src[end]!)) end++;
  return /[-_]/.test(src[end - 1]!) ? -1 : end;
}

/** The index of the `]` closing the label opened at `pos` (escapes and nested brackets allowed), or -1. */
export function labelEnd(src: string, pos: number, max: number, multiline: boolean): number {
  let depth = 0;
  for (let i = pos; i < max; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
    else if (c === '\n' && !multiline) return -1;
  }
  return -1;
}

const ATTRIBUTE = /[ \t\n]*(?:([#.])([^\s"'<=>`{}#.]+)|([A-Za-z_:][\w.:-]*)(?:[ \t\n]*=[ \t\n]*(?:"([^"]*)"|'([^']*)'|([^\s"'<=>`{}]+)))?)/y;

/** The attributes in `{…}` opened at `pos`, and the index after its `}`; undefined when it does not parse. */
function readAttributes(md: MarkdownIt, src: string, pos: number, max: number, multiline: boolean): { attributes: Record<string, string>; end: number } | undefined {
  const attributes: Record<string, string> = {};
  let i = pos + 1;
  for (;;) {
    ATTRIBUTE.lastIndex = i;
    const m = ATTRIBUTE.exec(src);
    if (!m || m.index + m[0].length > max) break;
    i = m.index + m[0].length;
    if (m[1]) {
      const key = m[1] === '#' ? 'id' : 'class';
      attributes[key] = key === 'class' && attributes['class'] ? `${attributes['class']} ${m[2]}` : m[2]!;
      continue;
    }
    const raw = m[4] ?? m[5] ?? m[6] ?? '';
    if (!multiline && raw.includes('\n')) return undefined;
    // Character references only: a backslash in an attribute value is itself.
    attributes[m[3]!] = raw.includes('&') ? md.utils.unescapeAll(raw.replace(/\\/g, '\\\\')) : raw;
  }
  while (i < max && (src[i] === ' ' || src[i] === '\t' || (multiline && src[i] === '\n'))) i++;
  return i < max && src[i] === '}' ? { attributes, end: i + 1 } : undefined;
}

interface Parsed {
  readonly name: string;
  readonly attributes: Record<string, string>;
  /** The label's text and where it starts, if one was written. */
  readonly label?: { readonly start: number; readonly end: number };
  readonly end: number;
}

/** `name[label]{attributes}` from `pos` (just after the colons), or undefined. */
function parseDirective(md: MarkdownIt, src: string, pos: number, max: number, multiline: boolean): Parsed | undefined {
  const afterName = nameEnd(src, pos, max);
  if (afterName < 0) return undefined;
  let end = afterName;
  let label: Parsed['label'];
  if (src[end] === '[') {
    const close = labelEnd(src, end, max, multiline);
    if (close < 0) return { name: src.slice(pos, afterName), attributes: {}, end };
    label = { start: end + 1, end: close };
    end = close + 1;
  }
  let attributes: Record<string, string> = {};
  if (src[end] === '{') {
    const read = readAttributes(md, src, end, max, multiline);
    if (read) ({ attributes, end } = read);
  }
  return { name: src.slice(pos, afterName), attributes, ...(label ? { label } : {}), end };
}

function colonsAt(src: string, pos: number, max: number): number {
  let n = 0;
  while (pos + n < max && src.charCodeAt(pos + n) === COLON) n++;
  return n;
}

function onlySpaceAfter(src: string, pos: number, max: number): boolean {
  for (let i = pos; i < max; i++) if (src[i] !== ' ' && src[i] !== '\t') return false;
  return true;
}

function blockDirective(md: MarkdownIt, state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const max = state.eMarks[startLine]!;
  const colons = colonsAt(state.src, start, max);
  if (colons < 2) return false;
  const parsed = parseDirective(md, state.src, start + colons, max, false);
  if (!parsed || !onlySpaceAfter(state.src, parsed.end, max)) return false;
  if (silent) return true;

  const container = colons > 2;
  let nextLine = startLine;
  let closed = false;
  if (container) {
    // The content runs to the first line of as many colons or more (like a code fence), else to the end.
    while (++nextLine < endLine) {
      const pos = state.bMarks[nextLine]! + state.tShift[nextLine]!;
      const lineMax = state.eMarks[nextLine]!;
      if (pos < lineMax && state.sCount[nextLine]! < state.blkIndent) break;
      if (state.sCount[nextLine]! - state.blkIndent >= 4) continue;
      const n = colonsAt(state.src, pos, lineMax);
      if (n >= colons && onlySpaceAfter(state.src, pos + n, lineMax)) {
        closed = true;
        break;
      }
    }
  }
  const kind = container ? 'container_directive' : 'leaf_directive';
  const lineStart = state.src.lastIndexOf('\n', start - 1) + 1;
  const open = state.push(`${kind}_open`, 'div', 1);
  open.info = parsed.name;
  open.map = [startLine, container ? nextLine + (closed ? 1 : 0) : startLine + 1];
  open.meta = { attributes: parsed.attributes, ...(parsed.label ? { labelColumn: parsed.label.start - lineStart + 1 } : {}) } satisfies DirectiveMeta;
  if (parsed.label) {
    const label = state.push('inline', '', 0);
    label.content = state.src.slice(parsed.label.start, parsed.label.end);
    label.map = [startLine, startLine + 1];
    label.meta = { label: true };
    label.children = [];
  }
  if (container) {
    const parentType = state.parentType;
    const lineMax = state.lineMax;
    state.parentType = 'root';
    state.lineMax = nextLine;
    state.md.block.tokenize(state, startLine + 1, nextLine);
    state.parentType = parentType;
    state.lineMax = lineMax;
  }
  state.push(`${kind}_close`, 'div', -1);
  state.line = container ? nextLine + (closed ? 1 : 0) : startLine + 1;
  return true;
}

function textDirective(md: MarkdownIt, state: StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== COLON || (pos > 0 && src.charCodeAt(pos - 1) === COLON)) return false;
  const parsed = parseDirective(md, src, pos + 1, state.posMax, true);
  // `:name` alone ("10:30", "Re:Smith") is text.
  if (!parsed || parsed.end === pos + 1 + parsed.name.length) return false;
  if (!silent) {
    const open = state.push('text_directive_open', 'span', 1);
    open.info = parsed.name;
    open.meta = { attributes: parsed.attributes } satisfies DirectiveMeta;
    if (parsed.label) {
      const posMax = state.posMax;
      state.pos = parsed.label.start;
      state.posMax = parsed.label.end;
      state.md.inline.tokenize(state);
      state.posMax = posMax;
    }
    state.push('text_directive_close', 'span', -1);
  }
  state.pos = parsed.end;
  return true;
}

export function directives(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'directive', (state, startLine, endLine, silent) => blockDirective(md, state, startLine, endLine, silent), {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.inline.ruler.before('link', 'text_directive', (state, silent) => textDirective(md, state, silent));
}
