/**
 * Lists through numbering.xml: the reference's numbering kept as it is, and
 * the writer's two list definitions (bullets; numbers 1. a. i.) added after
 * it, with ids above the reference's. Each list is a `w:num` of its own, so
 * every ordered list counts from its own start.
 */
import type { StyleSheet } from '../style/style.js';
import { twips } from './units.js';
import { esc } from './xml.js';

/** The bullet of each level, in turn. */
export const BULLETS = ['•', '◦', '▪'];
const ORDERED_FORMATS = ['decimal', 'lowerLetter', 'lowerRoman'];

/** Indent of list level `level` (0-8), and the hanging indent of its number, in twips. */
export function listIndent(style: StyleSheet, level: number): { left: number; hanging: number } {
  return { left: twips(style.listIndent * (level + 1)), hanging: twips(style.listIndent) };
}

/** The largest value of `attribute` in the part, 0 when there is none. */
function largest(xml: string, attribute: string): number {
  let max = 0;
  for (const m of xml.matchAll(new RegExp(`\\b${attribute}="(\\d+)"`, 'g'))) max = Math.max(max, Number(m[1]));
  return max;
}

export class Numbering {
  private readonly lists: { readonly ordered: boolean; readonly level: number; readonly start: number }[] = [];
  private readonly abstractBase: number;
  private readonly numBase: number;

  constructor(
    private readonly reference: string,
    private readonly style: StyleSheet,
    /** The font of the bullets the text font lacks (◦ ▪), or undefined to leave them in the text font. */
    private readonly bulletFont: (bullet: string) => string | undefined,
  ) {
    this.abstractBase = largest(reference, 'w:abstractNumId');
    this.numBase = largest(reference, 'w:numId');
  }

  /** A new list (its `w:num` id): its items at `level`, numbered from `start` when ordered. */
  add(ordered: boolean, level: number, start: number): number {
    this.lists.push({ ordered, level, start });
    return this.numBase + this.lists.length;
  }

  /** numbering.xml: the reference's, then the writer's definitions and lists when there are any. */
  xml(): string {
    if (this.lists.length === 0) return this.reference;
    const bullet = this.abstractBase + 1;
    const ordered = this.abstractBase + 2;
    const abstracts = this.abstract(bullet, false) + this.abstract(ordered, true);
    const nums = this.lists
      .map((list, i) => {
        const override = list.ordered ? `<w:lvlOverride w:ilvl="${list.level}"><w:startOverride w:val="${list.start}"/></w:lvlOverride>` : '';
        return `<w:num w:numId="${this.numBase + i + 1}"><w:abstractNumId w:val="${list.ordered ? ordered : bullet}"/>${override}</w:num>`;
      })
      .join('');
    // Every abstractNum comes before the first num (the schema's order).
    const firstNum = this.reference.search(/<w:num\b[^>]*w:numId=/);
    const close = this.reference.lastIndexOf('</w:numbering>');
    if (close < 0) return this.reference.replace(/<w:numbering([^>]*)\/>\s*$/, `<w:numbering$1>${abstracts}${nums}</w:numbering>`);
    const at = firstNum >= 0 ? firstNum : close;
    return this.reference.slice(0, at) + abstracts + this.reference.slice(at, close) + nums + this.reference.slice(close);
  }

  private abstract(id: number, ordered: boolean): string {
    let s = `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>`;
    for (let level = 0; level < 9; level += 1) {
      const indent = listIndent(this.style, level);
      const text = ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length]!;
      const font = ordered ? undefined : this.bulletFont(text);
      s +=
        `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${ordered ? ORDERED_FORMATS[level % ORDERED_FORMATS.length] : 'bullet'}"/><w:lvlText w:val="${esc(text)}"/>` +
        `<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${indent.left}" w:hanging="${indent.hanging}"/></w:pPr>` +
        (font ? `<w:rPr><w:rFonts w:ascii="${esc(font)}" w:hAnsi="${esc(font)}" w:cs="${esc(font)}" w:hint="default"/></w:rPr>` : '') +
        `</w:lvl>`;
    }
    return `${s}</w:abstractNum>`;
  }
}
