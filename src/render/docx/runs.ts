/**
 * Inline content (text, strong, emphasis, links, hard breaks) as runs. Each
 * run's characters are counted under the face that prints them, so the fonts
 * embedded are cut to what the document shows; a character the text face
 * lacks (☐ ☒, arrows) is set in the symbol font, as the PDF does.
 */
import type { Inline } from '../../document/ast.js';
import { cleanText } from './text.js';
import { esc } from './xml.js';

/** The four faces of the text font, and the symbol font. */
export type Face = 'regular' | 'bold' | 'italic' | 'boldItalic' | 'symbols';

/** The characters each face prints: ASCII in a small table, the rest (rarer) in a set. */
export class GlyphUse {
  private readonly faces = new Map<Face, { readonly ascii: number[]; readonly other: Set<number> }>();

  constructor(
    /** Whether the text face has a character; every character when the fonts are not known. */
    readonly covered: (codePoint: number) => boolean,
  ) {}

  private use(face: Face) {
    let use = this.faces.get(face);
    if (!use) this.faces.set(face, (use = { ascii: new Array<number>(128).fill(0), other: new Set() }));
    return use;
  }

  add(face: Face, text: string): void {
    const { ascii, other } = this.use(face);
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c < 128) ascii[c] = 1;
      else other.add(c);
    }
  }

  /**
   * Adds `text` to `face` when the text face has every character of it, in
   * one pass; false (nothing added) when it lacks one.
   */
  addCovered(face: Face, text: string): boolean {
    const { ascii, other } = this.use(face);
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c < 128) ascii[c] = 1;
      else if (other.has(c)) continue;
      else if (this.covered(c)) other.add(c);
      else return false;
    }
    return true;
  }

  /** The faces used, and the characters of each (control characters aside) in code point order. */
  used(): Map<Face, number[]> {
    const out = new Map<Face, number[]>();
    for (const [face, use] of this.faces) {
      const list: number[] = [];
      for (let c = 0x20; c < 128; c += 1) if (use.ascii[c]) list.push(c);
      out.set(face, [...list, ...[...use.other].sort((a, b) => a - b)]);
    }
    return out;
  }
}

export interface Format {
  readonly bold?: boolean;
  readonly italics?: boolean;
  /** A character style id. */
  readonly style?: string;
  readonly font?: string;
  readonly color?: string;
  /** Half-points. */
  readonly size?: number;
  /** What the paragraph's style sets (Title and headings bold, captions italic): only for counting glyphs. */
  readonly styleBold?: boolean;
  readonly styleItalics?: boolean;
}

export interface RunContext {
  readonly glyphs: GlyphUse;
  /** The font of characters the text face lacks. */
  readonly symbolFont: string;
  /** Character style id of links. */
  readonly hyperlinkStyle: string;
  /** Adds an external link's relationship; returns its id. */
  link(url: string): string;
  /**
   * Text nodes that stand for a field, by their whole text: the field's
   * instruction (a packet's contents: PAGEREF to a part). The keys start with
   * U+0000, which no text from the data or Markdown can hold.
   */
  readonly fields?: ReadonlyMap<string, string>;
}

/** A field Word computes (PAGE, PAGEREF …), with no result until it does. */
export const fieldRuns = (instruction: string, properties = ''): string =>
  `<w:r>${properties}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${properties}<w:instrText xml:space="preserve">${esc(instruction)}</w:instrText></w:r>` +
  `<w:r>${properties}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${properties}<w:fldChar w:fldCharType="end"/></w:r>`;

function runProperties(f: Format): string {
  let s = '';
  if (f.style !== undefined) s += `<w:rStyle w:val="${esc(f.style)}"/>`;
  if (f.font !== undefined) {
    const font = esc(f.font);
    s += `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>`;
  }
  if (f.bold) s += '<w:b/><w:bCs/>';
  if (f.italics) s += '<w:i/><w:iCs/>';
  if (f.color !== undefined) s += `<w:color w:val="${f.color}"/>`;
  if (f.size !== undefined) s += `<w:sz w:val="${f.size}"/><w:szCs w:val="${f.size}"/>`;
  return s === '' ? '' : `<w:rPr>${s}</w:rPr>`;
}

const faceOf = (f: Format): Face => {
  const bold = f.bold || f.styleBold;
  const italics = f.italics || f.styleItalics;
  return bold ? (italics ? 'boldItalic' : 'bold') : italics ? 'italic' : 'regular';
};

/** Spaces XML would fold: at either end, or two together. */
const FOLDED = /^\s|\s$|\s\s/;

const run = (text: string, f: Format) => `<w:r>${runProperties(f)}<w:t${FOLDED.test(text) ? ' xml:space="preserve"' : ''}>${esc(text)}</w:t></w:r>`;

/** Runs of `text` (already clean): one run, or one per stretch the text face has and the symbol font sets. */
export function textRun(text: string, f: Format, ctx: RunContext): string {
  if (text === '') return '';
  if (f.font !== undefined) {
    ctx.glyphs.add(f.font === ctx.symbolFont ? 'symbols' : faceOf(f), text);
    return run(text, f);
  }
  if (ctx.glyphs.addCovered(faceOf(f), text)) return run(text, f);
  const covered = ctx.glyphs.covered;
  let out = '';
  let start = 0;
  let symbols = false;
  const flush = (end: number) => {
    if (end === start) return;
    const stretch = text.slice(start, end);
    ctx.glyphs.add(symbols ? 'symbols' : faceOf(f), stretch);
    out += run(stretch, symbols ? { ...f, font: ctx.symbolFont } : f);
    start = end;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const lacking = c >= 0x7f && !covered(c);
    if (lacking !== symbols) {
      flush(i);
      symbols = lacking;
    }
  }
  flush(text.length);
  return out;
}

export const TAB_RUN = '<w:r><w:tab/></w:r>';

/** Links open web and mail addresses only; anything else prints as its text. */
const isWebAddress = (url: string): boolean => /^(https?:|mailto:)/i.test(url);

/** The runs of `inlines`, each carrying `format` plus its own marks. */
export function runs(inlines: readonly Inline[], format: Format, ctx: RunContext): string {
  const walk = (nodes: readonly Inline[], f: Format, inLink: boolean): string => {
    let s = '';
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const field = ctx.fields?.get(node.value);
          s += field === undefined ? textRun(cleanText(node.value), f, ctx) : fieldRuns(field, runProperties(f));
          break;
        }
        case 'strong':
          s += walk(node.children, { ...f, bold: true }, inLink);
          break;
        case 'emphasis':
          s += walk(node.children, { ...f, italics: true }, inLink);
          break;
        case 'break':
          s += `<w:r>${runProperties(f)}<w:br/></w:r>`;
          break;
        case 'link': {
          if (inLink || !isWebAddress(node.url)) {
            s += walk(node.children, f, inLink);
            break;
          }
          const linked: Format = { ...f, style: ctx.hyperlinkStyle };
          let children = walk(node.children, linked, true);
          if (children === '') children = textRun(cleanText(node.url), linked, ctx);
          s += `<w:hyperlink r:id="${ctx.link(cleanText(node.url).trim())}" w:history="1">${children}</w:hyperlink>`;
          break;
        }
      }
    }
    return s;
  };
  return walk(inlines, format, false);
}
