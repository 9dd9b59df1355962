/**
 * markdown-it's flat token stream → nested nodes (nodes.ts) with their place
 * in the source: line and column as an editor shows them, offset into the
 * Markdown as given (CRLF and all).
 */
import type { Token } from 'markdown-it';
import { labelEnd, type DirectiveMeta } from './directives.js';
import type { Located, ListItem, Paragraph, PhrasingContent, Point, RootContent, TableRow } from './nodes.js';
import { readMarkdown, splitRow, type PlacedToken, type ReadEnv } from './reader.js';

type Position = NonNullable<Located['position']>;

/**
 * How deep blocks (lists, directives) and marks (bold, italics, links) may
 * nest, each: far more than any document needs, and few enough that no walk
 * over the tree, here or in the writers, runs out of stack. What stands
 * deeper is one `tooDeep` node, which the converter reports.
 */
export const MAX_DEPTH = 32;

/** The blocks that hold blocks: what nests. */
const HOLDS_BLOCKS: ReadonlySet<string> = new Set(['bullet_list_open', 'ordered_list_open', 'blockquote_open', 'container_directive_open']);

/** Where each line of an inline token's content starts in the source. */
interface ContentLines {
  /** Offset in the content where each line starts. */
  readonly starts: readonly number[];
  /** 1-based source line and column of each. */
  readonly lines: readonly number[];
  readonly columns: readonly number[];
}

export function readNodes(markdown: string): RootContent[] {
  const normalized = markdown.includes('\r') || markdown.includes('\0') ? markdown.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD') : markdown;
  const { tokens, env } = readMarkdown(normalized);
  const lines = normalized.split('\n');
  return new TreeBuilder(tokens, env, lines, lineOffsets(markdown, lines)).flow();
}

/** The offset of each line's start in the Markdown as given (CRLF, CR and LF all end a line). */
function lineOffsets(markdown: string, lines: readonly string[]): number[] {
  const offsets = [0];
  if (!markdown.includes('\r')) {
    for (const line of lines) offsets.push(offsets[offsets.length - 1]! + line.length + 1);
    return offsets;
  }
  const breaks = /\r\n|\r|\n/g;
  for (let m = breaks.exec(markdown); m; m = breaks.exec(markdown)) offsets.push(m.index + m[0].length);
  return offsets;
}

class TreeBuilder {
  private i = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly env: ReadEnv,
    private readonly lines: readonly string[],
    private readonly offsets: readonly number[],
  ) {}

  private point(line: number, column: number): Point {
    return { line, column, offset: (this.offsets[line - 1] ?? 0) + column - 1 };
  }

  /** A block's place: from its first character to the end of its last line. */
  private blockPosition(token: Token, column: number): Position | undefined {
    if (!token.map) return undefined;
    const [first, end] = token.map;
    const last = Math.max(first + 1, end);
    return { start: this.point(first + 1, column), end: this.point(last, (this.lines[last - 1] ?? '').length + 1) };
  }

  /** The column of the block token at `index`: noted when its block started, else the line's first non-space. */
  private columnAt(index: number): number {
    const known = this.env.columns.get(index);
    if (known !== undefined) return known;
    const line = this.lines[this.tokens[index]!.map?.[0] ?? 0] ?? '';
    return line.length - line.trimStart().length + 1;
  }

  /** Blocks up to the closing token of the block they stand in (or the end); `depth` is how many blocks they stand in. */
  flow(depth = 0): RootContent[] {
    const out: RootContent[] = [];
    while (this.i < this.tokens.length && this.tokens[this.i]!.nesting !== -1) out.push(this.block(depth));
    return out;
  }

  private block(depth: number): RootContent {
    const index = this.i++;
    const token = this.tokens[index]!;
    const position = this.blockPosition(token, this.columnAt(index));
    if (depth >= MAX_DEPTH && HOLDS_BLOCKS.has(token.type)) {
      this.i = closeOf(this.tokens, index) + 1;
      return { type: 'tooDeep', what: 'blocks', position };
    }
    switch (token.type) {
      case 'paragraph_open':
        return this.paragraph(position);
      case 'heading_open': {
        const inline = this.tokens[this.i++]!;
        this.i++;
        // `# Title` on one line, or a setext heading's lines (underlined by === or ---) read like a paragraph's.
        const atx = token.markup.startsWith('#');
        const lines = () => {
          if (!atx) return this.paragraphLines(inline);
          const column = this.lines[inline.map![0]]!.indexOf(inline.content, (position?.start.column ?? 1) - 1 + token.markup.length) + 1;
          return this.singleLine(inline.map![0], column);
        };
        return { type: 'heading', depth: Number(token.tag.slice(1)), children: this.phrasing(inline, lines), position };
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        return this.list(token, position, depth);
      case 'table_open':
        return this.table(position);
      case 'fence':
      case 'code_block':
        return { type: 'code', fenced: token.type === 'fence', position };
      case 'blockquote_open':
        while (!(this.tokens[this.i]!.type === 'blockquote_close' && this.tokens[this.i]!.level === token.level)) this.i++;
        this.i++;
        return { type: 'blockquote', position };
      case 'hr':
        return { type: 'thematicBreak', position };
      case 'html_block':
        return { type: 'html', value: token.content.replace(/\n+$/, ''), position };
      case 'reference_definition':
        return { type: 'definition', position };
      case 'footnote_definition':
        return { type: 'footnoteDefinition', position };
      case 'container_directive_open': {
        const label = this.label(token);
        const children = this.flow(depth + 1);
        this.i++;
        return { type: 'containerDirective', name: token.info, attributes: (token.meta as DirectiveMeta).attributes, ...(label ? { label } : {}), children, position };
      }
      case 'leaf_directive_open': {
        const label = this.label(token);
        this.i++;
        return { type: 'leafDirective', name: token.info, attributes: (token.meta as DirectiveMeta).attributes, children: label?.children ?? [], position };
      }
      default:
        throw new Error(`markdown-it token "${token.type}" has no node`);
    }
  }

  private paragraph(position: Position | undefined): Paragraph {
    const inline = this.tokens[this.i++]!;
    this.i++;
    const children = this.phrasing(inline, () => this.paragraphLines(inline));
    // After a task box, the paragraph starts where its text does, if it starts with text.
    const shift = children[0]?.type === 'text' ? ((inline.meta as { shift?: number } | null)?.shift ?? 0) : 0;
    const start = position && shift ? { ...position, start: this.point(position.start.line, position.start.column + shift) } : position;
    return { type: 'paragraph', children, ...(start ? { position: start } : {}) };
  }

  /** A block directive's [label], read as a paragraph that starts where the label's text does. */
  private label(open: Token): Paragraph | undefined {
    const inline = this.tokens[this.i];
    if (inline?.type !== 'inline' || !(inline.meta as { label?: boolean } | null)?.label) return undefined;
    this.i++;
    const column = (open.meta as DirectiveMeta).labelColumn ?? 1;
    const line = open.map![0] + 1;
    return { type: 'paragraph', children: this.phrasing(inline, () => this.singleLine(inline.map![0], column)), position: { start: this.point(line, column), end: this.point(line, column + inline.content.length) } };
  }

  private list(open: Token, position: Position | undefined, depth: number): RootContent {
    const items: ListItem[] = [];
    while (this.tokens[this.i]!.type === 'list_item_open') {
      const index = this.i++;
      const item = this.tokens[index]!;
      const itemPosition = this.blockPosition(item, items.length === 0 ? (position?.start.column ?? 1) : this.columnAt(index));
      const checked = (item.meta as { checked?: boolean } | null)?.checked;
      const children = this.flow(depth + 1);
      this.i++;
      items.push({ type: 'listItem', ...(checked !== undefined ? { checked } : {}), children, ...(itemPosition ? { position: itemPosition } : {}) });
    }
    this.i++;
    const ordered = open.type === 'ordered_list_open';
    return { type: 'list', ordered, ...(ordered ? { start: Number(open.attrGet('start') ?? 1) } : {}), children: items, position };
  }

  private table(position: Position | undefined): RootContent {
    const align: ('left' | 'right' | 'center' | null)[] = [];
    const rows: TableRow[] = [];
    for (let token = this.tokens[this.i++]!; token.type !== 'table_close'; token = this.tokens[this.i++]!) {
      if (token.type !== 'tr_open') continue;
      const line = token.map![0];
      const cells: { children: PhrasingContent[] }[] = [];
      let split: ReturnType<typeof splitRow> | undefined;
      for (let cell = this.tokens[this.i++]!; cell.type !== 'tr_close'; cell = this.tokens[this.i++]!) {
        if (cell.type === 'th_open') align.push((/text-align:(\w+)/.exec(String(cell.attrGet('style') ?? ''))?.[1] as 'left' | 'right' | 'center' | undefined) ?? null);
        if (cell.type !== 'inline') continue;
        const n = cells.length;
        const column = () => (split ??= splitRow(this.lines[line] ?? ''))[n]?.column ?? 1;
        cells.push({ children: this.phrasing(cell, () => this.singleLine(line, column())) });
      }
      rows.push({ type: 'tableRow', children: cells });
    }
    return { type: 'table', align, children: rows, position };
  }

  /** Content on one line (0-based) from a column. */
  private singleLine(line: number, column: number): ContentLines {
    return { starts: [0], lines: [line + 1], columns: [column] };
  }

  /** A paragraph's lines: each is the end of its source line (the last one without trailing spaces). */
  private paragraphLines(inline: Token): ContentLines {
    const starts: number[] = [];
    const lines: number[] = [];
    const columns: number[] = [];
    const parts = inline.content.split('\n');
    let offset = 0;
    parts.forEach((part, k) => {
      const line = inline.map![0] + k;
      const source = this.lines[line] ?? '';
      const end = k === parts.length - 1 ? source.trimEnd().length : source.length;
      starts.push(offset);
      lines.push(line + 1);
      columns.push(end - part.length + 1);
      offset += part.length + 1;
    });
    return { starts, lines, columns };
  }

  /** `contentLines` is asked for only when a node that can be reported is found (most text has none). */
  private phrasing(inline: Token, contentLines: () => ContentLines): PhrasingContent[] {
    let lines: ContentLines | undefined;
    const locate = (at: number | undefined): Position | undefined => {
      if (at === undefined) return undefined;
      lines ??= contentLines();
      let k = lines.starts.length - 1;
      while (k > 0 && lines.starts[k]! > at) k--;
      const start = this.point(lines.lines[k]!, lines.columns[k]! + at - lines.starts[k]!);
      return { start, end: this.point(start.line, start.column + 1) };
    };
    /** Where a token's node starts, for the kinds that can be reported. */
    const placed = (token: PlacedToken): Located => {
      const position = locate(token.at);
      return position ? { position } : {};
    };
    const children = inline.children ?? [];
    let j = 0;
    const walk = (close?: string, depth = 0): PhrasingContent[] => {
      const out: PhrasingContent[] = [];
      while (j < children.length) {
        const token: PlacedToken = children[j++]!;
        if (token.type === close) return out;
        if (token.nesting === 1 && depth >= MAX_DEPTH) {
          out.push({ type: 'tooDeep', what: 'marks', ...placed(token) });
          j = closeOf(children, j - 1) + 1;
          continue;
        }
        switch (token.type) {
          case 'text':
          case 'text_special':
          case 'softbreak': {
            // One text node for a run of text and line breaks, as a paragraph's lines are one text.
            const value = token.type === 'softbreak' ? '\n' : token.content;
            const last = out[out.length - 1];
            if (last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + value };
            else out.push({ type: 'text', value });
            break;
          }
          case 'hardbreak':
            out.push({ type: 'break' });
            break;
          case 'strong_open':
            out.push({ type: 'strong', children: walk('strong_close', depth + 1) });
            break;
          case 'em_open':
            out.push({ type: 'emphasis', children: walk('em_close', depth + 1) });
            break;
          case 's_open':
            out.push({ type: 'delete', children: walk('s_close', depth + 1), ...placed(token) });
            break;
          case 'link_open': {
            const autolink = token.markup === 'autolink';
            const linkAt = autolink ? placed(token) : { position: locate((token.at ?? 1) - 1) };
            const content = walk('link_close', depth + 1);
            const labelEnd: number | undefined = (children[j - 1] as PlacedToken).at;
            // A link whose label is not followed by "(" was made from a [label]: address definition.
            if (!autolink && labelEnd !== undefined && inline.content[labelEnd + 1] !== '(') {
              out.push({ type: 'linkReference', ...linkAt });
              break;
            }
            const title = token.attrGet('title');
            out.push({ type: 'link', url: String(token.attrGet('href') ?? ''), ...(title ? { title: String(title) } : {}), children: content, ...linkAt });
            break;
          }
          case 'image': {
            // Like a link: made from a definition when its [alt] is not followed by "(".
            const close = token.at === undefined ? -1 : labelEnd(inline.content, token.at + 1, inline.content.length, true);
            if (close >= 0 && inline.content[close + 1] !== '(') {
              out.push({ type: 'imageReference', ...placed(token) });
              break;
            }
            const title = token.attrGet('title');
            out.push({ type: 'image', url: String(token.attrGet('src') ?? ''), ...(title ? { title: String(title) } : {}), alt: altText(token.children ?? []), ...placed(token) });
            break;
          }
          case 'code_inline':
            out.push({ type: 'inlineCode', ...placed(token) });
            break;
          case 'html_inline':
            out.push({ type: 'html', value: token.content, ...placed(token) });
            break;
          case 'footnote_reference':
            out.push({ type: 'footnoteReference', ...placed(token) });
            break;
          case 'text_directive_open':
            out.push({ type: 'textDirective', name: token.info, attributes: (token.meta as DirectiveMeta).attributes, children: walk('text_directive_close', depth + 1), ...placed(token) });
            break;
          default:
            throw new Error(`markdown-it inline token "${token.type}" has no node`);
        }
      }
      return out;
    };
    return walk();
  }
}

/** The index of the token that closes the one opened at `open` (the last token when none does). */
function closeOf(tokens: readonly Token[], open: number): number {
  let level = 0;
  for (let k = open; k < tokens.length; k++) {
    level += tokens[k]!.nesting;
    if (level === 0) return k;
  }
  return tokens.length - 1;
}

/** An image's alt text: the text of its description, without marks. */
function altText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => (t.type === 'softbreak' ? '\n' : t.type === 'image' ? altText(t.children ?? []) : t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline' ? t.content : ''))
    .join('');
}
