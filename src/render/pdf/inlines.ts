/**
 * Text: inline marks to styled runs, runs to lines, lines to the page.
 *
 * Lines are broken here rather than by pdfkit so that every paragraph, cell
 * and note is measured before it is drawn (pagination decides on exact
 * heights), runs in different fonts share one line, and a glyph the text face
 * lacks falls back to the symbols face instead of printing a blank box.
 */
import type { Align, Inline } from '../../document/ast.js';
import type { StyleSheet } from '../style/style.js';
import type { Frame, PdfContext } from './context.js';
import { slice, type Slice } from './flow.js';
import { covers, runOf, sizedWidth, type Face, type Faces, type FontKey, type ShapedRun } from './fonts.js';
import { graphemesOf } from './graphemes.js';
import type { StructElement } from './structure.js';

export interface TextStyle {
  readonly font: FontKey;
  readonly size: number;
  readonly color: string;
  readonly link?: string;
}

export type Piece = { readonly text: string; readonly style: TextStyle } | { readonly break: true };

export interface BaseText {
  readonly size: number;
  readonly color: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface Fragment {
  readonly style: TextStyle;
  /** Offset from the start of the line. */
  readonly x: number;
  readonly width: number;
  /** Width of the spaces it ends with (a link's underline stops before them). */
  readonly trailing: number;
  /** What is drawn: the runs it was measured by, word by word, space by space (a cut word cluster by cluster). */
  readonly runs: readonly ShapedRun[];
}

/**
 * A fragment's text, from its runs' strings: read only for a link and the
 * running header, so it is not built (a string per word, kept until the
 * page is drawn) for every fragment laid out.
 */
export function fragmentText(fragment: Fragment): string {
  return fragment.runs.map((run) => run.text).join('');
}

export interface Line {
  readonly fragments: readonly Fragment[];
  /** Width of the set text, trailing space excluded. */
  readonly width: number;
}

export interface LineMetrics {
  /** From the top of a line to its baseline. */
  readonly ascent: number;
  /** From one line's top to the next's. */
  readonly height: number;
}

export function fontKey(bold: boolean, italic: boolean): FontKey {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/** Inline marks as styled pieces of text. */
export function piecesOf(inlines: readonly Inline[], base: BaseText, style: StyleSheet): Piece[] {
  const pieces: Piece[] = [];
  const walk = (nodes: readonly Inline[], bold: boolean, italic: boolean, link: string | undefined): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': {
          const textStyle: TextStyle = {
            font: fontKey(bold, italic),
            size: base.size,
            color: link ? style.linkColor : base.color,
            ...(link ? { link } : {}),
          };
          pieces.push({ text: node.value, style: textStyle });
          break;
        }
        case 'strong':
          walk(node.children, true, italic, link);
          break;
        case 'emphasis':
          walk(node.children, bold, true, link);
          break;
        case 'link':
          walk(node.children, bold, italic, node.url);
          break;
        case 'break':
          pieces.push({ break: true });
          break;
        default:
          throw new Error(`unknown inline node "${(node as { type?: unknown }).type}"`);
      }
    }
  };
  walk(inlines, base.bold ?? false, base.italic ?? false, undefined);
  return pieces;
}

/** A plain string of inlines (for bookmarks). */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
          return node.value;
        case 'break':
          return ' ';
        default:
          return plainText(node.children);
      }
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

export function lineMetrics(faces: Faces, size: number, lineGap: number): LineMetrics {
  const face = faces.regular;
  const ascent = face.ascent * size;
  return { ascent, height: ascent - face.descent * size + lineGap };
}

// ---------------------------------------------------------------------------
// Line breaking

interface Box {
  readonly kind: 'box';
  readonly text: string;
  readonly style: TextStyle;
  readonly width: number;
  /** Its run, or its clusters' runs when it is set cluster by cluster. */
  readonly runs: readonly ShapedRun[];
  /** Text set cluster by cluster (a long word, or a piece of one cut at the end of a line): its clusters and their widths. */
  readonly cut?: Clusters;
}
interface Clusters {
  readonly texts: readonly string[];
  readonly widths: readonly number[];
  readonly runs: readonly ShapedRun[];
}
interface Glue {
  readonly kind: 'glue';
  readonly style: TextStyle;
  readonly width: number;
  readonly run: ShapedRun;
}
type Atom = Box | Glue | { readonly kind: 'break' };

const SPACES = /[ \t\n\r\f\v\u2028\u2029]+/;
const MARK = /\p{M}/u;

/**
 * A word longer than this (UTF-16 units) is set cluster by cluster without
 * being shaped whole: it is wider than any line, and shaping a pasted base64
 * blob of a megabyte at once took seconds.
 */
const LONG_WORD = 256;

/** Breaks pieces into lines no wider than `width` (a word wider than a line is cut between characters). */
export function breakLines(faces: Faces, pieces: readonly Piece[], width: number): Line[] {
  const atoms = atomsOf(faces, pieces);
  if (atoms.length === 0) return [];
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let lineWidth = 0;
  const endLine = (): void => {
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  const place = (unit: Box[], unitWidth: number): void => {
    if (unitWidth <= width + 0.01) {
      for (const box of unit) line.push(box);
      lineWidth += unitWidth;
      return;
    }
    // Too wide for any line: cut between clusters, a line's worth at a time.
    for (const box of unit) {
      const { texts, widths, runs } = box.cut ?? clustersOf(faces[box.style.font], box.text, box.style).cut!;
      let from = 0;
      let pieceWidth = 0;
      const flushPiece = (to: number): void => {
        if (to > from) line.push(cutBox({ texts: texts.slice(from, to), widths: widths.slice(from, to), runs: runs.slice(from, to) }, pieceWidth, box.style));
        lineWidth += pieceWidth;
        from = to;
        pieceWidth = 0;
      };
      for (let i = 0; i < texts.length; i++) {
        const w = widths[i]!;
        if ((line.length > 0 || i > from) && lineWidth + pieceWidth + w > width + 0.01) {
          flushPiece(i);
          endLine();
        }
        pieceWidth += w;
      }
      flushPiece(texts.length);
    }
  };

  let glue: Glue | undefined;
  let unit: Box[] = [];
  const flushUnit = (): void => {
    if (unit.length === 0) return;
    let unitWidth = 0;
    for (const box of unit) unitWidth += box.width;
    if (line.length > 0) {
      const glueWidth = glue?.width ?? 0;
      if (lineWidth + glueWidth + unitWidth <= width + 0.01) {
        if (glue) line.push(glue);
        lineWidth += glueWidth;
      } else {
        endLine();
      }
    }
    place(unit, unitWidth);
    unit = [];
    glue = undefined;
  };
  for (const atom of atoms) {
    if (atom.kind === 'box') {
      unit.push(atom);
    } else if (atom.kind === 'glue') {
      flushUnit();
      if (line.length > 0) glue ??= atom;
    } else {
      flushUnit();
      endLine();
      glue = undefined;
    }
  }
  flushUnit();
  if (line.length > 0) endLine();
  return lines.map(fragmentsOf);
}

/** Pieces as boxes (words, each in the face that has its glyphs), glue (spaces) and breaks. */
function atomsOf(faces: Faces, pieces: readonly Piece[]): Atom[] {
  const atoms: Atom[] = [];
  for (const piece of pieces) {
    if ('break' in piece) {
      atoms.push({ kind: 'break' });
      continue;
    }
    const parts = piece.text.split(SPACES);
    parts.forEach((part, index) => {
      if (index > 0) {
        const face = faces[piece.style.font];
        const run = runOf(face, ' ');
        atoms.push({ kind: 'glue', style: piece.style, width: sizedWidth(face, run, piece.style.size), run });
      }
      if (part.length > 0) for (const box of boxesOf(faces, part, piece.style)) atoms.push(box);
    });
  }
  return atoms;
}

/** A word split where its characters need a different face (the symbols face has ☐ ☒ and other signs). */
function boxesOf(faces: Faces, word: string, style: TextStyle): Box[] {
  const primary = faces[style.font];
  const fallback = faces.symbols;
  if (style.font === 'symbols' || allCovered(primary, word)) return boxes(primary, word, style);
  const symbolStyle: TextStyle = { ...style, font: 'symbols' };
  const runs: Box[] = [];
  let current = '';
  let currentFace: Face = primary;
  const flush = (): void => {
    if (current.length > 0) for (const b of boxes(currentFace, current, currentFace === fallback ? symbolStyle : style)) runs.push(b);
    current = '';
  };
  for (const char of word) {
    const codePoint = char.codePointAt(0)!;
    // A combining mark stays in the face of the letter it sits on.
    const isMark = codePoint >= 0x300 && current.length > 0 && MARK.test(char);
    const face = isMark ? currentFace : covers(primary, codePoint) || !covers(fallback, codePoint) ? primary : fallback;
    if (face !== currentFace) flush();
    currentFace = face;
    current += char;
  }
  flush();
  return runs;
}

function allCovered(face: Face, word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 0x7f) continue;
    const codePoint = word.codePointAt(i)!;
    if (codePoint > 0xffff) i++;
    if (!covers(face, codePoint)) return false;
  }
  return true;
}

/** Text in one face: a box, or its clusters when it is too long to be a word on a line. */
function boxes(face: Face, text: string, style: TextStyle): Box[] {
  if (text.length > LONG_WORD) return [clustersOf(face, text, style)];
  const run = runOf(face, text);
  return [{ kind: 'box', text, style, width: sizedWidth(face, run, style.size), runs: [run] }];
}

/** Text as its grapheme clusters, each measured alone and drawn so (no kerning across them). */
function clustersOf(face: Face, text: string, style: TextStyle): Box {
  const texts = graphemesOf(text);
  const runs = texts.map((cluster) => runOf(face, cluster));
  const widths = runs.map((run) => sizedWidth(face, run, style.size));
  let width = 0;
  for (const w of widths) width += w;
  return cutBox({ texts, widths, runs }, width, style);
}

function cutBox(cut: Clusters, width: number, style: TextStyle): Box {
  return { kind: 'box', text: cut.texts.join(''), style, width, runs: cut.runs, cut };
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a === b || (a.font === b.font && a.size === b.size && a.color === b.color && a.link === b.link);
}

function fragmentsOf(atoms: Atom[]): Line {
  const fragments: Fragment[] = [];
  let x = 0;
  let style: TextStyle | undefined;
  let cut = false;
  let width = 0;
  let trailing = 0;
  // Gathered here and copied to size: an array grown by push holds room for 16 more, and a line lives until it is drawn.
  const runs: ShapedRun[] = [];
  const flush = (): void => {
    if (style && runs.length > 0) fragments.push({ style, x, width, trailing, runs: runs.slice() });
    x += width;
    width = 0;
    trailing = 0;
    runs.length = 0;
  };
  for (const atom of atoms) {
    if (atom.kind === 'break') continue;
    // A space goes with the text before it, cut or not.
    const atomCut: boolean = atom.kind === 'box' ? atom.cut !== undefined : cut;
    if (!style || !sameStyle(style, atom.style) || atomCut !== cut) {
      flush();
      style = atom.style;
      cut = atomCut;
    }
    if (atom.kind === 'box') {
      for (const run of atom.runs) runs.push(run);
      trailing = 0;
    } else {
      runs.push(atom.run);
      trailing += atom.width;
    }
    width += atom.width;
  }
  flush();
  return { fragments: fragments.slice(), width: x };
}

// ---------------------------------------------------------------------------
// Drawing

/** Draws one line with its baseline at `baseline`, aligned within `width`. */
export function drawLine(ctx: PdfContext, line: Line, x: number, baseline: number, width: number, align: Align = 'left'): void {
  const { doc } = ctx;
  const shift = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0;
  for (const fragment of line.fragments) {
    const left = x + shift + fragment.x;
    const { style } = fragment;
    if (!style.link) {
      ctx.tags.resume();
      ctx.text.draw(fragment.runs, style.font, style.size, style.color, left, baseline);
      continue;
    }
    const url = style.link;
    const face = ctx.faces[style.font];
    const w = fragment.width - fragment.trailing;
    const underline = baseline + style.size * 0.12;
    const top = baseline - face.ascent * style.size;
    ctx.tags.link(
      () => {
        ctx.text.draw(fragment.runs, style.font, style.size, style.color, left, baseline);
        doc.save().lineWidth(0.5).strokeColor(style.color).moveTo(left, underline).lineTo(left + w, underline).stroke().restore();
      },
      // A link annotation in a tagged PDF says what it is in words (its Contents): the linked text.
      (parent) => doc.link(left, top, w, (face.ascent - face.descent) * style.size, url, parent ? ({ structParent: parent, Contents: new String(fragmentText(fragment).trim()) } as object) : {}),
    );
  }
}

/** Lays out and measures a run of inlines as a block of lines. */
export function setText(ctx: PdfContext, inlines: readonly Inline[], base: BaseText, width: number): Line[] {
  return breakLines(ctx.faces, piecesOf(inlines, base, ctx.style), width);
}

/**
 * Lines as slices, one per line so a long paragraph can break between pages,
 * with its first two and last two lines kept together (no orphans, no widows).
 * The lines are content of `element` (a paragraph, a heading, a caption).
 */
export function lineSlices(ctx: PdfContext, element: StructElement, lines: readonly Line[], frame: Frame, size: number, lineGap: number, align: Align = 'left'): Slice[] {
  const metrics = lineMetrics(ctx.faces, size, lineGap);
  const n = lines.length;
  return lines.map((line, k) =>
    slice(metrics.height, (y) => ctx.tags.text(element, () => drawLine(ctx, line, frame.x, y + metrics.ascent, frame.width, align)), {
      baseline: metrics.ascent,
      keepWithNext: (k === 0 && n > 1) || (k === n - 2 && n > 1),
    }),
  );
}
