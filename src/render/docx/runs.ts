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

/** The characters each face prints, as a bitmap of the Basic Multilingual Plane. */
export class GlyphUse {
  private readonly seen = new Map<Face, Uint8Array>();
  private readonly lists = new Map<Face, number[]>();

  constructor(
    /** Whether the text face has a character; every character when the fonts are not known. */
    readonly covered: (codePoint: number) => boolean,
  ) {}

  add(face: Face, text: string): void {
    let seen = this.seen.get(face);
    let list = this.lists.get(face);
    if (!seen || !list) {
      this.seen.set(face, (seen = new Uint8Array(0x10000)));
      this.lists.set(face, (list = []));
    }
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (!seen[c]) {
        seen[c] = 1;
        list.push(c);
      }
    }
  }

  /** The faces used, and the characters of each in code point order. */
  used(): Map<Face, number[]> {
    return new Map([...this.lists].map(([face, list]) => [face, [...list].sort((a, b) => a - b)]));
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
}

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

const PLAIN = /^[\x20-\x7e]*$/;

/** Runs of `text` (already clean): one run, or one per stretch the text face has and the symbol font sets. */
export function textRun(text: string, f: Format, ctx: RunContext): string {
  if (text === '') return '';
  const run = (t: string, format: Format) => `<w:r>${runProperties(format)}<w:t xml:space="preserve">${esc(t)}</w:t></w:r>`;
  if (f.font !== undefined || PLAIN.test(text) || [...text].every((c) => ctx.glyphs.covered(c.codePointAt(0)!))) {
    ctx.glyphs.add(f.font === ctx.symbolFont ? 'symbols' : faceOf(f), text);
    return run(text, f);
  }
  let out = '';
  let stretch = '';
  let symbols = false;
  const flush = () => {
    if (stretch === '') return;
    ctx.glyphs.add(symbols ? 'symbols' : faceOf(f), stretch);
    out += run(stretch, symbols ? { ...f, font: ctx.symbolFont } : f);
    stretch = '';
  };
  for (const c of text) {
    const lacking = !ctx.glyphs.covered(c.codePointAt(0)!);
    if (lacking !== symbols) {
      flush();
      symbols = lacking;
    }
    stretch += c;
  }
  flush();
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
        case 'text':
          s += textRun(cleanText(node.value), f, ctx);
          break;
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
