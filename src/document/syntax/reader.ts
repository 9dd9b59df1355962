/**
 * The one Markdown reader: markdown-it (CommonMark, GFM tables and
 * strikethrough, HTML recognised so it can be reported), with
 * - the directives (directives.ts);
 * - GFM task items (`- [ ] …`, `- [x] …`): the list item's meta.checked;
 * - what is read only to be reported: footnotes (`[^1]` and `[^1]: …`) and
 *   link reference definitions (markdown-it keeps those silently);
 * - where each token starts, which markdown-it does not record in full: the
 *   column of each block (env.columns, by token index) and the offset of each
 *   inline token in its inline content (`at`).
 * Bare web addresses stay text (no linkify).
 */
import markdownIt, { type MarkdownIt, type StateBlock, type StateCore, type StateInline, type Token } from 'markdown-it';
import { directives } from './directives.js';

/** What one read leaves beside the tokens. */
export interface ReadEnv {
  /** 1-based column of the block token at each index that starts a block. */
  readonly columns: Map<number, number>;
  /** The footnote labels defined. */
  readonly footnotes: Set<string>;
}

/** An inline token with the offset in its inline content where it was pushed. */
export type PlacedToken = Token & { at?: number };

function lineStartOf(src: string, pos: number): number {
  return src.lastIndexOf('\n', pos - 1) + 1;
}

/** Runs first at each block start, matches nothing, and notes the column the block's first token will have. */
function columnProbe(state: StateBlock, startLine: number): boolean {
  // An indented code block starts where its indentation does.
  const indented = state.sCount[startLine]! - state.blkIndent >= 4;
  const start = indented ? state.bMarks[startLine]! + state.blkIndent : state.bMarks[startLine]! + state.tShift[startLine]!;
  (state.env as ReadEnv).columns.set(state.tokens.length, start - lineStartOf(state.src, start) + 1);
  return false;
}

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** markdown-it's reference rule, leaving a `reference_definition` token where it read one (markdown-it leaves none). */
function reportingReferences(md: MarkdownIt): void {
  // The rule's function is reached through the ruler's list (internal, but the way to wrap a rule).
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__;
  const original = rules.find((rule) => rule.name === 'reference')!.fn;
  md.block.ruler.at('reference', (state, startLine, endLine, silent) => {
    if (!original(state, startLine, endLine, silent)) return false;
    if (!silent) state.push('reference_definition', '', 0).map = [startLine, state.line];
    return true;
  });
}

const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:/;

/** `[^label]: …` up to a blank line, and the lines indented under it after one. */
function footnoteDefinition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const match = FOOTNOTE_DEFINITION.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!match) return false;
  if (silent) return true;
  let line = startLine + 1;
  for (; line < endLine; line++) {
    if (!state.isEmpty(line)) continue;
    const next = state.skipEmptyLines(line);
    if (next >= endLine || state.sCount[next]! - state.blkIndent < 4) break;
    line = next;
  }
  (state.env as ReadEnv).footnotes.add(match[1]!.toLowerCase());
  state.push('footnote_definition', '', 0).map = [startLine, line];
  state.line = line;
  return true;
}

/** `[^label]` when a footnote of that label is defined (else it is text, as in GFM). */
function footnoteReference(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5e) return false;
  const match = /^\[\^([^\]\s]+)\]/.exec(state.src.slice(state.pos, state.posMax));
  if (!match || !(state.env as ReadEnv).footnotes.has(match[1]!.toLowerCase())) return false;
  if (!silent) state.push('footnote_reference', '', 0);
  state.pos += match[0].length;
  return true;
}

const TASK_BOX = /^\[([ xX])\][ \t](?=[ \t]*[^ \t\n])/;

/**
 * A list item whose first paragraph starts with `[ ]`, `[x]` or `[X]`, a space
 * and more text is a task item: the box and that space go to the item's
 * meta.checked and out of the text (checked on the source, so an escaped `\[x]`
 * stays text).
 */
function taskItems(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.type !== 'list_item_open' || tokens[i + 1]!.type !== 'paragraph_open') continue;
    const inline = tokens[i + 2]!;
    const box = TASK_BOX.exec(inline.content);
    if (!box) continue;
    tokens[i]!.meta = { checked: box[1] !== ' ' };
    inline.content = inline.content.slice(box[0].length);
    inline.meta = { ...inline.meta, shift: box[0].length };
  }
}

/** True when the character at `i` is backslash-escaped (an odd run of backslashes before it). */
function escapedAt(line: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && line[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}

/** A table row's cells as GFM splits them: on each unescaped "|", trimmed of spaces and tabs only; 1-based columns. */
export function splitRow(line: string): { content: string; column: number }[] {
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  let start = 0;
  let end = line.length;
  while (start < end && blank(line[start])) start++;
  while (end > start && blank(line[end - 1])) end--;
  if (line[start] === '|') start++;
  if (end > start && line[end - 1] === '|' && !escapedAt(line, end - 1)) end--;
  const cells: { content: string; column: number }[] = [];
  let cellStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && line[i] === '\\') {
      i++;
      continue;
    }
    if (i < end && line[i] !== '|') continue;
    let from = cellStart;
    let to = i;
    while (from < to && blank(line[from])) from++;
    while (to > from && blank(line[to - 1])) to--;
    cells.push({ content: line.slice(from, to), column: from + 1 });
    cellStart = i + 1;
  }
  return cells;
}

/** What markdown-it splits or trims otherwise than GFM: "\\|" (an escaped backslash, then a pipe) and white space other than spaces and tabs. */
const SPLIT_APART = /\\\\\||[\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Table cells as GFM reads them: markdown-it trims a cell of every kind of
 * white space (a no-break space, a vertical tab, a byte-order mark at a value's
 * edge would be lost) and reads "\\|" as an escaped pipe; in a row that has
 * either, the cells' text is taken again from the row.
 */
function tableCells(state: StateCore): void {
  let lines: string[] | undefined;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'tr_open') continue;
    lines ??= state.src.split('\n');
    const line = lines[tokens[i]!.map![0]] ?? '';
    if (!SPLIT_APART.test(line)) continue;
    const cells = splitRow(line);
    let n = 0;
    for (i++; tokens[i]!.type !== 'tr_close'; i++) {
      if (tokens[i]!.type === 'inline') tokens[i]!.content = cells[n++]?.content ?? '';
    }
  }
}

function createReader(): MarkdownIt {
  const md = markdownIt('default', { html: true, linkify: false, typographer: false });
  // Work readMarkdown's caller does, or nothing here needs: the text is normalized (CRLF, NUL)
  // before, and tree.ts joins text runs itself.
  md.disable(['normalize', 'text_join', 'linkify', 'replacements', 'smartquotes']);
  // Addresses as written (escapes and character references decoded): not percent-encoded, so a
  // link prints and points where its author wrote, and not refused by scheme.
  md.normalizeLink = (url) => url;
  md.normalizeLinkText = (text) => text;
  md.validateLink = () => true;
  const Inline = md.inline.State;
  // Inline tokens remember where they were pushed: the start of code, links, HTML, directives.
  md.inline.State = class extends Inline {
    override push(type: string, tag: string, nesting: -1 | 0 | 1): Token {
      const token: PlacedToken = super.push(type, tag, nesting);
      token.at = this.pos;
      return token;
    }
  };
  md.use(directives);
  reportingReferences(md);
  md.block.ruler.before('reference', 'footnote_definition', footnoteDefinition);
  md.block.ruler.before('table', 'column', columnProbe);
  md.inline.ruler.before('link', 'footnote_reference', footnoteReference);
  md.core.ruler.before('inline', 'task_items', taskItems);
  md.core.ruler.before('inline', 'table_cells', tableCells);
  return md;
}

const reader = createReader();

/** Tokens of Markdown whose line breaks are all LF and that holds no NUL (readNodes makes it so). */
export function readMarkdown(markdown: string): { tokens: Token[]; env: ReadEnv } {
  const env: ReadEnv = { columns: new Map(), footnotes: new Set() };
  return { tokens: reader.parse(markdown, env), env };
}
