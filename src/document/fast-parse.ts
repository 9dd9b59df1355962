/**
 * A fast Markdown → mdast parser for the Markdown casepress templates write:
 * paragraphs, ATX headings, bullet and numbered lists (nested, task items),
 * GFM tables, leaf and container directives, and inline text with backslash
 * escapes, numeric character references, `*`/`_` emphasis, hard breaks,
 * [links](…), <autolinks>, ![images](…) and :text[directives]{…}.
 *
 * It builds only what convert/*.ts reads of the mdast (types, children,
 * values, urls, names, attributes, start positions, and the offsets the
 * converter looks at), and gives up — `undefined`, so the caller uses remark
 * (parse-markdown.ts) — as soon as it meets anything it does not fully
 * understand: code, HTML, block quotes, rules, setext headings, indented or
 * lazy lines, link references, strikethrough, bare web or e-mail addresses,
 * named character references, tabs, CR line endings, and the like. Where it
 * answers, the tree it leads to is the one remark's leads to
 * (test/markdown-differential.test.ts checks this on every document).
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';

/** Thrown (never escapes this module) when the fast path cannot answer. */
const BAIL: unique symbol = Symbol('bail');

type Node = RootContent & Record<string, unknown>;
type Inline = PhrasingContent;

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Unicode punctuation and symbols, as micromark reads them (one UTF-16 unit at a time). */
const PUNCTUATION = /\p{P}|\p{S}/u;
const WHITESPACE = /\s/;

function isAsciiPunctuation(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}

function isPunctuation(c: number): boolean {
  if (c < 128) return isAsciiPunctuation(c);
  return PUNCTUATION.test(String.fromCharCode(c));
}

function isWhitespace(c: number): boolean {
  if (c === 32 || c === 10 || c === 9) return true;
  if (c < 128) return false;
  return WHITESPACE.test(String.fromCharCode(c));
}

/** Character-class of micromark's classifyCharacter: 1 whitespace, 2 punctuation, 0 other. -1 = start or end of text. */
function classify(c: number): 0 | 1 | 2 {
  if (c < 0 || isWhitespace(c)) return 1;
  if (isPunctuation(c)) return 2;
  return 0;
}

/** A numeric character reference's character, or BAIL when micromark would not decode it as is. */
function numericReference(src: string, at: number, end: number): { value: string; next: number } | undefined {
  // at points at '&'
  if (src.charCodeAt(at + 1) !== 35 /* # */) return undefined;
  let p = at + 2;
  let hex = false;
  const x = src.charCodeAt(p);
  if (x === 120 || x === 88) {
    hex = true;
    p++;
  }
  const digitsStart = p;
  while (p < end) {
    const c = src.charCodeAt(p);
    const digit = (c >= 48 && c <= 57) || (hex && ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)));
    if (!digit) break;
    p++;
  }
  const n = p - digitsStart;
  if (n === 0 || n > (hex ? 6 : 7) || src.charCodeAt(p) !== 59 /* ; */ || p >= end) return undefined;
  const code = Number.parseInt(src.slice(digitsStart, p), hex ? 16 : 10);
  const safe =
    code === 9 ||
    (code >= 32 && code <= 126) ||
    (code >= 160 && code < 0xd800) ||
    (code > 0xdfff && code <= 0x10ffff && !(code >= 0xfdd0 && code <= 0xfdef) && (code & 0xfffe) !== 0xfffe);
  if (!safe) throw BAIL;
  return { value: String.fromCodePoint(code), next: p + 1 };
}

/** True for a code unit that can start a named reference (`&amp;`): the fast path does not decode those. */
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

interface Delimiter {
  kind: 'delim';
  ch: number;
  /** Characters left in the run. */
  n: number;
  open: boolean;
  close: boolean;
}

type Item = Inline | Delimiter;

class Parser {
  private readonly lineStarts: number[] = [0];
  private readonly lineEnds: number[] = [];

  constructor(private readonly src: string) {
    let i = src.indexOf('\n');
    while (i >= 0) {
      this.lineEnds.push(i);
      this.lineStarts.push(i + 1);
      i = src.indexOf('\n', i + 1);
    }
    this.lineEnds.push(src.length);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  private point(line: number, column: number): Point {
    return { line: line + 1, column: column + 1, offset: this.lineStarts[line]! + column };
  }

  private position(line: number, column: number) {
    const start = this.point(line, column);
    return { start, end: start };
  }

  private indent(line: number): number {
    const s = this.lineStarts[line]!;
    const e = this.lineEnds[line]!;
    let p = s;
    while (p < e && this.src.charCodeAt(p) === 32) p++;
    return p === e ? -1 : p - s;
  }

  private blank(line: number): boolean {
    return this.indent(line) < 0;
  }

  private text(line: number): string {
    return this.src.slice(this.lineStarts[line], this.lineEnds[line]);
  }

  // ---------------------------------------------------------------- flow

  /** The blocks of lines [from, to), none of which closes an enclosing container. */
  flow(from: number, to: number): Node[] {
    const out: Node[] = [];
    let i = from;
    while (i < to) {
      const indent = this.indent(i);
      if (indent < 0) {
        i++;
        continue;
      }
      if (indent > 0) throw BAIL;
      const line = this.text(i);
      const c = line.charCodeAt(0);
      if (c === 35 /* # */) {
        const heading = this.heading(i, line);
        if (heading) {
          out.push(heading);
          i++;
          continue;
        }
      } else if (c === 58 /* : */ && line.charCodeAt(1) === 58) {
        i = this.directive(i, to, line, out);
        continue;
      } else if (c === 124 /* | */) {
        i = this.table(i, to, out);
        continue;
      } else if (listMarker(line, 0)) {
        i = this.list(i, to, 0, out);
        continue;
      }
      this.checkParagraphStart(line);
      i = this.paragraph(i, to, 0, out);
    }
    return out;
  }

  private checkParagraphStart(line: string): void {
    const c = line.charCodeAt(0);
    // Block quotes, HTML, fences, rules, directives not understood, link reference definitions.
    if (c === 62 || c === 60 || c === 96 || c === 126 || c === 58 || c === 61 || c === 95 || c === 42 || c === 45 || c === 43) {
      if (c === 58 || c === 61) {
        if (c === 58 && line.charCodeAt(1) === 58) throw BAIL;
      } else if (c === 42 || c === 45 || c === 95 || c === 43) {
        if (isThematicBreak(line)) throw BAIL;
      } else throw BAIL;
    }
    if (c === 91 /* [ */ && /^\[(?:[^\]\\]|\\.)*(?:\]:|$)/.test(line)) throw BAIL;
  }

  private heading(i: number, line: string): Node | undefined {
    let depth = 0;
    while (line.charCodeAt(depth) === 35) depth++;
    if (depth > 6) return undefined;
    const after = line.charCodeAt(depth);
    if (depth < line.length && after !== 32) return undefined;
    let start = depth;
    while (line.charCodeAt(start) === 32) start++;
    let end = line.length;
    while (end > start && line.charCodeAt(end - 1) === 32) end--;
    if (end > start && line.charCodeAt(end - 1) === 35) throw BAIL; // a closing sequence
    const base = this.lineStarts[i]!;
    return { type: 'heading', depth, children: this.inline(base + start, base + end), position: this.position(i, 0) } as unknown as Node;
  }

  /** A paragraph from line i (its text starting at column `column`); returns the line after it. */
  private paragraph(i: number, to: number, column: number, out: Node[]): number {
    let j = i + 1;
    while (j < to) {
      const indent = this.indent(j);
      if (indent < 0) break;
      if (this.interrupts(j, indent)) break;
      j++;
    }
    const start = this.lineStarts[i]! + column;
    let end = this.lineEnds[j - 1]!;
    while (end > start && this.src.charCodeAt(end - 1) === 32) end--;
    out.push({ type: 'paragraph', children: this.inline(start, end), position: this.position(i, column) } as unknown as Node);
    return j;
  }

  /** Whether line j (not blank) ends the paragraph before it; BAIL when what it does is not plain. */
  private interrupts(j: number, indent: number): boolean {
    const line = this.text(j);
    if (indent >= 4) return false; // an indented continuation line
    const c = line.charCodeAt(indent);
    if (indent > 0 && (c === 35 || c === 58 || c === 62 || c === 60 || c === 96 || c === 126 || c === 124 || c === 45 || c === 42 || c === 43 || c === 61 || c === 95 || (c >= 48 && c <= 57))) throw BAIL;
    switch (c) {
      case 35: {
        let d = 0;
        while (line.charCodeAt(d) === 35) d++;
        return d <= 6 && (d === line.length || line.charCodeAt(d) === 32);
      }
      case 62:
      case 60:
      case 124:
      case 61:
        throw BAIL;
      case 96:
      case 126:
        if (line.charCodeAt(1) === c && line.charCodeAt(2) === c) throw BAIL;
        return false;
      case 58:
        if (line.charCodeAt(1) === 58) throw BAIL;
        return false;
      case 45:
      case 42:
      case 43:
      case 95: {
        if (isThematicBreak(line) || /^-+ *$/.test(line)) throw BAIL;
        if (c === 95) return false;
        const m = listMarker(line, 0);
        if (!m) return false;
        if (m.contentStart >= line.length) throw BAIL;
        return true;
      }
      default: {
        if (c >= 48 && c <= 57) {
          const m = listMarker(line, 0);
          if (!m) return false;
          if (m.start !== 1 || m.contentStart >= line.length) throw BAIL;
          return true;
        }
        return false;
      }
    }
  }

  // ---------------------------------------------------------------- lists

  /** A list whose first marker is at `indent` on line i; returns the line after it. */
  private list(i: number, to: number, indent: number, out: Node[]): number {
    const first = listMarker(this.text(i), indent)!;
    const items: Node[] = [];
    const list = {
      type: 'list',
      ordered: first.ordered,
      start: first.ordered ? first.start : null,
      spread: false,
      children: items,
      position: this.position(i, indent),
    } as unknown as Node;
    let j = i;
    items: while (j < to) {
      const line = this.text(j);
      const m = listMarker(line, indent);
      if (!m || m.ordered !== first.ordered || m.marker !== first.marker) break;
      if (m.contentStart >= line.length || line.charCodeAt(m.contentStart) === 32) throw BAIL; // empty item, or content set off by more than one space
      const column = m.contentStart;
      const item: Record<string, unknown> = { type: 'listItem', spread: false, checked: null, children: [] as Node[], position: this.position(j, indent) };
      const children = item['children'] as Node[];
      let textColumn = column;
      const task = /^\[([ xX])\] (?=[^ ])/.exec(line.slice(column));
      if (task) {
        item['checked'] = task[1] !== ' ';
        textColumn = column + 4;
      } else if (line.charCodeAt(column) === 91 && /^\[[ xX]\]/.test(line.slice(column))) throw BAIL;
      this.checkItemContent(line.slice(textColumn));
      let end = this.lineEnds[j]!;
      const start = this.lineStarts[j]! + textColumn;
      while (end > start && this.src.charCodeAt(end - 1) === 32) end--;
      const phrasing = this.inline(start, end);
      // mdast-util-gfm-task-list-item moves a task item's paragraph past the check only when its text comes first.
      const at = task && phrasing[0]?.type !== 'text' ? column : textColumn;
      children.push({ type: 'paragraph', children: phrasing, position: this.position(j, at) } as unknown as Node);
      items.push(item as unknown as Node);
      j++;
      // What follows the item's first line: nested lists, a blank line, the next item, or the end.
      while (j < to) {
        const ind = this.indent(j);
        if (ind < 0) {
          let k = j + 1;
          while (k < to && this.blank(k)) k++;
          if (k >= to) break items;
          const next = this.indent(k);
          if (next >= column) throw BAIL; // a second paragraph in the item
          const nm = listMarker(this.text(k), next);
          if (next === indent && nm && nm.ordered === first.ordered && nm.marker === first.marker) {
            j = k;
            break;
          }
          // The list ends at the blank line; an enclosing list or the flow reads on from there.
          break items;
        }
        if (ind >= column) {
          if (ind >= column + 4) throw BAIL;
          const nm = listMarker(this.text(j), ind);
          if (!nm) throw BAIL; // a continuation line
          j = this.list(j, to, ind, children);
          continue;
        }
        // A line left of the item's content: a sibling item, the parent's next item, or a lazy line.
        const nm = listMarker(this.text(j), ind);
        if (!nm) {
          // A heading ends the list; anything else here would be a lazy continuation line.
          if (ind === 0 && /^#{1,6}(?: |$)/.test(this.text(j))) break items;
          throw BAIL;
        }
        if (ind === indent) break;
        if (ind < indent) break items;
        throw BAIL;
      }
    }
    out.push(list);
    return j;
  }

  private checkItemContent(content: string): void {
    const c = content.charCodeAt(0);
    if (c === 35 || c === 62 || c === 60 || c === 124 || c === 58 || c === 96 || c === 126 || c === 61) throw BAIL;
    if (listMarker(content, 0) || isThematicBreak(content)) throw BAIL;
    if (c === 91 && /^\[(?:[^\]\\]|\\.)*(?:\]:|$)/.test(content)) throw BAIL;
  }

  // ---------------------------------------------------------------- tables

  private table(i: number, to: number, out: Node[]): number {
    if (i + 1 >= to) throw BAIL;
    const header = this.cells(i);
    const align = delimiterRow(this.text(i + 1));
    if (!align || align.length !== header.length) throw BAIL;
    const rows: Node[] = [this.row(i, header)];
    let j = i + 2;
    while (j < to) {
      const ind = this.indent(j);
      if (ind < 0) break;
      if (ind > 0 || this.src.charCodeAt(this.lineStarts[j]!) !== 124) throw BAIL;
      rows.push(this.row(j, this.cells(j)));
      j++;
    }
    out.push({ type: 'table', align, children: rows, position: this.position(i, 0) } as unknown as Node);
    return j;
  }

  /** The [start, end) offsets of a row's cells, trimmed. */
  private cells(line: number): [number, number][] {
    const src = this.src;
    const s = this.lineStarts[line]!;
    let e = this.lineEnds[line]!;
    while (e > s && src.charCodeAt(e - 1) === 32) e--;
    if (src.charCodeAt(s) !== 124) throw BAIL;
    const cells: [number, number][] = [];
    let p = s + 1;
    let cellStart = p;
    while (p < e) {
      const c = src.charCodeAt(p);
      if (c === 92 /* \ */) {
        p += 2;
        continue;
      }
      if (c === 124) {
        cells.push([cellStart, p]);
        cellStart = p + 1;
      }
      p++;
    }
    if (cellStart < e) cells.push([cellStart, e]);
    else if (src.charCodeAt(e - 1) !== 124) throw BAIL;
    if (cells.length === 0) throw BAIL;
    for (const cell of cells) {
      while (cell[0] < cell[1] && src.charCodeAt(cell[0]) === 32) cell[0]++;
      while (cell[1] > cell[0] && src.charCodeAt(cell[1] - 1) === 32) cell[1]--;
      // A cell ending in an escaped space or a lone backslash before the pipe is not plain.
      if (cell[1] > cell[0] && src.charCodeAt(cell[1] - 1) === 92) throw BAIL;
    }
    return cells;
  }

  private row(line: number, cells: [number, number][]): Node {
    return {
      type: 'tableRow',
      children: cells.map(([a, b]) => ({ type: 'tableCell', children: a < b ? this.inline(a, b) : [] })),
      position: this.position(line, 0),
    } as unknown as Node;
  }

  // ---------------------------------------------------------------- directives

  /** A leaf (`::`) or container (`:::`) directive on line i; returns the line after it. */
  private directive(i: number, to: number, line: string, out: Node[]): number {
    let size = 0;
    while (line.charCodeAt(size) === 58) size++;
    const head = this.directiveHead(i, size);
    if (size === 2) {
      out.push({ type: 'leafDirective', name: head.name, attributes: head.attributes, children: head.label ?? [], position: this.position(i, 0) } as unknown as Node);
      return i + 1;
    }
    // The content ends at the first line of `size` or more colons (an outer container's fence ended `to` already).
    let close = i + 1;
    while (close < to && !isClosingFence(this.text(close), size)) close++;
    if (close >= to) throw BAIL; // unclosed
    const children: Node[] = [];
    if (head.label) children.push({ type: 'paragraph', data: { directiveLabel: true }, children: head.label, position: this.position(i, 0) } as unknown as Node);
    children.push(...this.flow(i + 1, close));
    out.push({ type: 'containerDirective', name: head.name, attributes: head.attributes, children, position: this.position(i, 0) } as unknown as Node);
    return close + 1;
  }

  private directiveHead(i: number, size: number): { name: string; label?: Inline[]; attributes: Record<string, string> } {
    const src = this.src;
    const end = this.lineEnds[i]!;
    let p = this.lineStarts[i]! + size;
    const nameEnd = scanName(src, p, end);
    if (nameEnd < 0) throw BAIL;
    const name = src.slice(p, nameEnd);
    p = nameEnd;
    let label: Inline[] | undefined;
    if (src.charCodeAt(p) === 91) {
      const close = scanLabel(src, p, end, true);
      if (close <= p + 1) throw BAIL; // unclosed, or an empty label
      label = this.inline(p + 1, close);
      p = close + 1;
    }
    let attributes: Record<string, string> = {};
    if (src.charCodeAt(p) === 123) {
      const parsed = scanAttributes(src, p, end);
      attributes = parsed.attributes;
      p = parsed.next;
    }
    while (p < end && src.charCodeAt(p) === 32) p++;
    if (p !== end) throw BAIL;
    return label ? { name, label, attributes } : { name, attributes };
  }

  // ---------------------------------------------------------------- inline

  /** Phrasing content of src[start, end): text whose line breaks are `\n` followed by the next line's own indentation. */
  inline(start: number, end: number, bound = start, boundEnd = end): Inline[] {
    const src = this.src;
    const items: Item[] = [];
    let text = '';
    const flush = () => {
      if (text) {
        items.push({ type: 'text', value: text });
        text = '';
      }
    };
    let p = start;
    /** Offset just after the last backslash escape (for the text-directive rule after an escaped colon). */
    let escapedEnd = -1;
    while (p < end) {
      const c = src.charCodeAt(p);
      switch (c) {
        case 92: {
          // \
          const n = p + 1 < end ? src.charCodeAt(p + 1) : -1;
          if (n === 10) {
            flush();
            items.push({ type: 'break' });
            p = skipSpaces(src, p + 2, end);
            continue;
          }
          if (n >= 0 && isAsciiPunctuation(n)) {
            text += String.fromCharCode(n);
            p += 2;
            escapedEnd = p;
            continue;
          }
          text += '\\';
          p++;
          continue;
        }
        case 10: {
          // A line ending: the spaces written before it go (not those of &#32;); two or more make a hard break.
          let k = p;
          while (k > start && src.charCodeAt(k - 1) === 32) k--;
          const spaces = p - k;
          if (spaces > text.length || text.slice(text.length - spaces).trim() !== '') throw BAIL;
          text = text.slice(0, text.length - spaces);
          if (spaces >= 2) {
            flush();
            items.push({ type: 'break' });
          } else text += '\n';
          p = skipSpaces(src, p + 1, end);
          continue;
        }
        case 42:
        case 95: {
          // * _
          let q = p;
          while (q < end && src.charCodeAt(q) === c) q++;
          // micromark's attention tokenizer, where GFM makes `~` an attention marker on either side.
          const previous = p > bound ? src.charCodeAt(p - 1) : -1;
          const next = q < boundEnd ? src.charCodeAt(q) : -1;
          const before = classify(previous);
          const after = classify(next);
          const left = after === 0 || (after === 2 && before !== 0) || next === 126;
          const right = before === 0 || (before === 2 && after !== 0) || previous === 126;
          const open = c === 42 ? left : left && (before !== 0 || !right);
          const close = c === 42 ? right : right && (after !== 0 || !left);
          flush();
          items.push({ kind: 'delim', ch: c, n: q - p, open, close });
          p = q;
          continue;
        }
        case 38: {
          // &
          const ref = numericReference(src, p, end);
          if (ref) {
            text += ref.value;
            p = ref.next;
            continue;
          }
          if (p + 1 < end && isAlnum(src.charCodeAt(p + 1))) throw BAIL; // maybe a named reference
          text += '&';
          p++;
          continue;
        }
        case 91: {
          // [
          const link = this.link(p, end, 'link');
          flush();
          items.push(link.node);
          p = link.next;
          continue;
        }
        case 33: {
          // !
          if (src.charCodeAt(p + 1) === 91 && p + 1 < end) {
            const image = this.link(p + 1, end, 'image');
            flush();
            items.push(image.node);
            p = image.next;
            continue;
          }
          text += '!';
          p++;
          continue;
        }
        case 60: {
          // < : only an autolink to a scheme
          const m = /^<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*>/.exec(src.slice(p, Math.min(end, p + 2048)));
          if (!m) throw BAIL;
          const url = m[0].slice(1, -1);
          if (url.includes('\\') || url.includes('&')) throw BAIL;
          flush();
          items.push({ type: 'link', title: null, url, children: [{ type: 'text', value: url }], position: { start: { line: 0, column: 0, offset: p }, end: { line: 0, column: 0, offset: p } } } as Inline);
          p += m[0].length;
          continue;
        }
        case 58: {
          // : a text directive with a [label] or {attributes}
          if (p + 1 < end && src.charCodeAt(p + 1) === 47 && src.charCodeAt(p + 2) === 47) throw BAIL; // scheme://
          const prev = p > start ? src.charCodeAt(p - 1) : -1;
          if (prev === 58 && escapedEnd !== p) {
            text += ':';
            p++;
            continue;
          }
          if (/(?:mailto|xmpp)$/i.test(text)) throw BAIL;
          const nameEnd = scanName(src, p + 1, end);
          if (nameEnd < 0) {
            text += ':';
            p++;
            continue;
          }
          const next = nameEnd < end ? src.charCodeAt(nameEnd) : -1;
          if (next !== 91 && next !== 123) {
            text += ':';
            p++;
            continue;
          }
          const directive = this.textDirective(p, nameEnd, end);
          flush();
          items.push(directive.node);
          p = directive.next;
          continue;
        }
        case 96: // `
        case 126: // ~
        case 64: // @
        case 13:
        case 9:
        case 0:
          throw BAIL;
        case 119:
        case 87: {
          // w: www. would be a literal autolink
          if (src.slice(p, p + 4).toLowerCase() === 'www.') throw BAIL;
          text += src[p];
          p++;
          continue;
        }
        default: {
          // A run of plain characters.
          let q = p + 1;
          while (q < end && !SPECIAL[src.charCodeAt(q)]) q++;
          text += src.slice(p, q);
          p = q;
        }
      }
    }
    flush();
    return resolveEmphasis(items);
  }

  /** `[text](destination)` (or an image's `![alt](src)`, `at` on its `[`): anything else gives up. */
  private link(at: number, end: number, type: 'link' | 'image'): { node: Inline; next: number } {
    const src = this.src;
    let p = at + 1;
    while (p < end) {
      const c = src.charCodeAt(p);
      if (c === 92) p += 2;
      else if (c === 91) throw BAIL;
      else if (c === 93) break;
      else p++;
    }
    if (p >= end || src.charCodeAt(p + 1) !== 40 /* ( */) throw BAIL;
    const textEnd = p;
    p += 2;
    if (src.charCodeAt(p) === 60 || src.charCodeAt(p) === 32 || src.charCodeAt(p) === 10) throw BAIL;
    let depth = 0;
    let url = '';
    while (p < end) {
      const c = src.charCodeAt(p);
      if (c <= 32) throw BAIL; // a title, or whitespace: not plain
      if (c === 92 && p + 1 < end && isAsciiPunctuation(src.charCodeAt(p + 1))) {
        url += src[p + 1];
        p += 2;
        continue;
      }
      if (c === 38) {
        const ref = numericReference(src, p, end);
        if (!ref) throw BAIL;
        url += ref.value;
        p = ref.next;
        continue;
      }
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      url += src[p];
      p++;
    }
    if (p >= end || depth !== 0) throw BAIL;
    const children = this.inline(at + 1, textEnd, at, textEnd + 1);
    const position = { start: { line: 0, column: 0, offset: type === 'image' ? at - 1 : at }, end: { line: 0, column: 0, offset: p + 1 } };
    if (type === 'link') return { node: { type: 'link', title: null, url, children, position } as Inline, next: p + 1 };
    return { node: { type: 'image', title: null, url, alt: altText(children), position } as Inline, next: p + 1 };
  }

  private textDirective(at: number, nameEnd: number, end: number): { node: Inline; next: number } {
    const src = this.src;
    const name = src.slice(at + 1, nameEnd);
    let p = nameEnd;
    let children: Inline[] = [];
    if (src.charCodeAt(p) === 91) {
      const close = scanLabel(src, p, end, false);
      if (close < 0) throw BAIL;
      if (src.slice(p, close).includes('\n')) throw BAIL;
      children = close > p + 1 ? this.inline(p + 1, close) : [];
      p = close + 1;
    }
    let attributes: Record<string, string> = {};
    if (p < end && src.charCodeAt(p) === 123) {
      const parsed = scanAttributes(src, p, end);
      attributes = parsed.attributes;
      p = parsed.next;
    }
    return {
      node: { type: 'textDirective', name, attributes, children, position: { start: { line: 0, column: 0, offset: at }, end: { line: 0, column: 0, offset: p } } } as Inline,
      next: p,
    };
  }
}

/** Characters that end a run of plain text in Parser.inline. */
const SPECIAL: boolean[] = [];
for (const c of '\\\n*_&[!<:`~@\r\t\0wW') SPECIAL[c.charCodeAt(0)] = true;

function skipSpaces(src: string, p: number, end: number): number {
  while (p < end && src.charCodeAt(p) === 32) p++;
  return p;
}

interface Marker {
  ordered: boolean;
  /** `-`, `*`, `+`, or `.`/`)` for ordered lists. */
  marker: string;
  start: number;
  /** Index of the content after the marker and one space (the line's length when there is none). */
  contentStart: number;
}

/** A list marker at column `at` of a line, followed by a space or the end of the line. */
function listMarker(line: string, at: number): Marker | undefined {
  const c = line.charCodeAt(at);
  if (c === 45 || c === 42 || c === 43) {
    const n = line.charCodeAt(at + 1);
    if (at + 1 < line.length && n !== 32) return undefined;
    if (isThematicBreak(line.slice(at))) return undefined;
    return { ordered: false, marker: line[at]!, start: 0, contentStart: Math.min(line.length, at + 2) };
  }
  if (c >= 48 && c <= 57) {
    let p = at;
    while (p < line.length && p - at < 10) {
      const d = line.charCodeAt(p);
      if (d < 48 || d > 57) break;
      p++;
    }
    if (p - at > 9) return undefined;
    const d = line.charCodeAt(p);
    if (d !== 46 && d !== 41) return undefined;
    if (p + 1 < line.length && line.charCodeAt(p + 1) !== 32) return undefined;
    return { ordered: true, marker: line[p]!, start: Number(line.slice(at, p)), contentStart: Math.min(line.length, p + 2) };
  }
  return undefined;
}

function isThematicBreak(line: string): boolean {
  return /^ {0,3}(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/.test(line);
}

function isClosingFence(line: string, size: number): boolean {
  let p = 0;
  while (line.charCodeAt(p) === 58) p++;
  if (p === 0) {
    // An indented fence (up to 3 spaces) would close too: not plain.
    if (/^ {1,3}:/.test(line)) throw BAIL;
    return false;
  }
  if (p < size) return false;
  return /^ *$/.test(line.slice(p));
}

/** Alignment of a GFM delimiter row, or undefined when the line is not one. */
function delimiterRow(line: string): ('left' | 'right' | 'center' | null)[] | undefined {
  if (!/^\|(?: *:?-+:? *\|)+ *$/.test(line) && !/^\|(?: *:?-+:? *\|)* *:?-+:? *$/.test(line)) return undefined;
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map((cell) => {
    const t = cell.trim();
    const l = t.startsWith(':');
    const r = t.endsWith(':');
    return l && r ? 'center' : l ? 'left' : r ? 'right' : null;
  });
}

/** End of a directive name starting at p, or -1 when there is none (micromark-extension-directive's factoryName). */
function scanName(src: string, p: number, end: number): number {
  if (p >= end) return -1;
  const first = src.charCodeAt(p);
  if (first === 10 || isWhitespace(first) || isPunctuation(first)) return -1;
  let q = p + 1;
  while (q < end) {
    const c = src.charCodeAt(q);
    if (c === 10 || isWhitespace(c) || (isPunctuation(c) && c !== 45 && c !== 95)) break;
    q++;
  }
  const last = src.charCodeAt(q - 1);
  return last === 45 || last === 95 ? -1 : q;
}

/** The `]` closing a directive label that opens at p, or -1; gives up on nested brackets and long labels. */
function scanLabel(src: string, p: number, end: number, oneLine: boolean): number {
  let q = p + 1;
  while (q < end) {
    const c = src.charCodeAt(q);
    if (c === 92) {
      q += 2;
      continue;
    }
    if (c === 91) throw BAIL;
    if (c === 93) {
      if (q - p > 900) throw BAIL;
      return q;
    }
    if (c === 10 && oneLine) throw BAIL;
    q++;
  }
  return -1;
}

/** `{name=value name="value" name}`: the attributes, values decoded; gives up on `#id`, `.class`, single quotes, line breaks. */
function scanAttributes(src: string, p: number, end: number): { attributes: Record<string, string>; next: number } {
  const attributes: Record<string, string> = {};
  let q = p + 1;
  for (;;) {
    while (q < end && src.charCodeAt(q) === 32) q++;
    if (q >= end) throw BAIL;
    const c = src.charCodeAt(q);
    if (c === 125) return { attributes, next: q + 1 };
    if (!isAttributeNameStart(c)) throw BAIL;
    const nameStart = q;
    q++;
    while (q < end && isAttributeNameChar(src.charCodeAt(q))) q++;
    const name = src.slice(nameStart, q);
    if (name === 'class') throw BAIL;
    while (q < end && src.charCodeAt(q) === 32) q++;
    if (src.charCodeAt(q) !== 61 /* = */) {
      attributes[name] = '';
      continue;
    }
    q++;
    while (q < end && src.charCodeAt(q) === 32) q++;
    const v = src.charCodeAt(q);
    if (v === 34) {
      const close = src.indexOf('"', q + 1);
      if (close < 0 || close >= end) throw BAIL;
      attributes[name] = decodeAttribute(src.slice(q + 1, close));
      q = close + 1;
      const after = src.charCodeAt(q);
      if (q < end && after !== 32 && after !== 125) throw BAIL;
      continue;
    }
    if (q >= end || v === 39 || v === 60 || v === 61 || v === 62 || v === 96 || v === 125 || v === 10) throw BAIL;
    const valueStart = q;
    while (q < end) {
      const u = src.charCodeAt(q);
      if (u === 125 || u === 32) break;
      if (u === 34 || u === 39 || u === 60 || u === 61 || u === 62 || u === 96 || u === 10 || u === 9) throw BAIL;
      q++;
    }
    attributes[name] = decodeAttribute(src.slice(valueStart, q));
  }
}

function isAttributeNameStart(c: number): boolean {
  if (c === 45 || c === 95) return true;
  if (c === 10 || c === 35 || c === 46) return false;
  return !isWhitespace(c) && !isPunctuation(c);
}

function isAttributeNameChar(c: number): boolean {
  if (c === 45 || c === 46 || c === 58 || c === 95) return true;
  if (c === 10) return false;
  return !isWhitespace(c) && !isPunctuation(c);
}

/** An attribute value with its numeric character references decoded; gives up on any other `&` and on line breaks. */
function decodeAttribute(value: string): string {
  if (value.includes('\n')) throw BAIL;
  if (!value.includes('&')) return value;
  let out = '';
  let p = 0;
  while (p < value.length) {
    const amp = value.indexOf('&', p);
    if (amp < 0) {
      out += value.slice(p);
      break;
    }
    out += value.slice(p, amp);
    const m = /^&#(\d{1,7});/.exec(value.slice(amp, amp + 10));
    if (!m) throw BAIL;
    const code = Number(m[1]);
    if (!((code >= 32 && code <= 126) || (code >= 160 && code < 0xd800) || (code > 0xdfff && code < 0xfdd0))) throw BAIL;
    out += String.fromCodePoint(code);
    p = amp + m[0].length;
  }
  return out;
}

/** The plain text of an image's label, as mdast's `alt`. */
function altText(children: readonly Inline[]): string {
  let out = '';
  for (const child of children) {
    if (child.type === 'text') out += child.value;
    else if (child.type === 'emphasis' || child.type === 'strong') out += altText(child.children);
    else throw BAIL;
  }
  return out;
}

/** CommonMark's "process emphasis": delimiter runs of `*` and `_` → emphasis and strong. */
function resolveEmphasis(items: Item[]): Inline[] {
  let hasDelimiter = false;
  for (const item of items) {
    if ((item as Delimiter).kind === 'delim') {
      hasDelimiter = true;
      break;
    }
  }
  if (!hasDelimiter) return items as Inline[];
  let c = 0;
  while (c < items.length) {
    const closer = items[c] as Delimiter;
    if (closer.kind !== 'delim' || !closer.close || closer.n === 0) {
      c++;
      continue;
    }
    let o = c - 1;
    let opener: Delimiter | undefined;
    for (; o >= 0; o--) {
      const d = items[o] as Delimiter;
      if (d.kind !== 'delim' || d.ch !== closer.ch || !d.open || d.n === 0) continue;
      // The rule of three, on what is left of each run (as micromark counts).
      if ((d.close || closer.open) && (d.n + closer.n) % 3 === 0 && !(d.n % 3 === 0 && closer.n % 3 === 0)) continue;
      opener = d;
      break;
    }
    if (!opener) {
      c++;
      continue;
    }
    const use = opener.n >= 2 && closer.n >= 2 ? 2 : 1;
    opener.n -= use;
    closer.n -= use;
    const inner = items.slice(o + 1, c).map(literal);
    const node = { type: use === 2 ? 'strong' : 'emphasis', children: mergeTexts(inner) } as Inline;
    items.splice(o + 1, c - o - 1, node);
    c = o + 2; // the closer, again (it may have characters left)
  }
  return mergeTexts(items.map(literal));
}

function literal(item: Item): Inline {
  const d = item as Delimiter;
  if (d.kind !== 'delim') return item as Inline;
  return { type: 'text', value: String.fromCharCode(d.ch).repeat(d.n) };
}

function mergeTexts(items: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const item of items) {
    if (item.type === 'text') {
      if (item.value === '') continue;
      const last = out[out.length - 1];
      if (last?.type === 'text') {
        out[out.length - 1] = { type: 'text', value: last.value + item.value };
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

/**
 * The mdast of `markdown`, or undefined when the fast path does not fully
 * understand it (then remark's is the answer).
 */
export function fastParse(markdown: string): Root | undefined {
  if (markdown.includes('\r') || markdown.includes('\t') || markdown.includes('\0')) return undefined;
  try {
    const parser = new Parser(markdown);
    return { type: 'root', children: parser.flow(0, parser.lineCount) } as Root;
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}
