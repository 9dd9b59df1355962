/**
 * The house style (render/style) as Word styles: document defaults, Title,
 * Heading 1-3 (Word's built-in ids, so the navigation pane and a table of
 * contents find them), Caption, Hyperlink, and a named table style. Built once
 * per style sheet and reused by every document.
 */
import {
  AlignmentType,
  LevelFormat,
  LineRuleType,
  type ILevelsOptions,
  type IStylesOptions,
  type IThemeOptions,
} from 'docx';
import type { StyleSheet } from '../style/style.js';
import { eighths, halfPoints, hex, twips } from './units.js';

/** The table style every data table uses ("Casepress Table" in Word's style gallery). */
export const TABLE_STYLE = 'CasepressTable';
/** The paragraph style of table cells: the table's type size, no spacing. */
export const TABLE_TEXT_STYLE = 'TableText';
/** The paragraph style of header and footer text. */
export const HEADER_STYLE = 'Header';
export const FOOTER_STYLE = 'Footer';

/** Word's built-in style ids. */
export const TITLE_STYLE = 'Title';
export const CAPTION_STYLE = 'Caption';
export const HYPERLINK_STYLE = 'Hyperlink';

/** List references in numbering.xml. */
export const BULLET_LIST = 'casepress-bullet';
export const orderedList = (start: number): string => `casepress-ordered-${start}`;

/**
 * Noto Serif's line height (ascender + descender + line gap) per em. Word's
 * "single" spacing is this; the PDF adds the style's lineGap to it, so the
 * DOCX asks for the same line as a multiple of single.
 */
const NOTO_SERIF_LINE = 1.362;

/** Checkbox glyphs (☐ ☒) come from a symbol font; Noto Serif has none. */
export const SYMBOL_FONT = 'Segoe UI Symbol';

/** `w:spacing w:line` (240ths of single spacing) that gives the PDF's line height. */
export function lineSpacing(style: StyleSheet): number {
  return Math.round(240 * (1 + style.font.lineGap / (style.font.size * NOTO_SERIF_LINE)));
}

/**
 * The Document options that carry the styles: docx's default styles replaced
 * by ours, plus the table style, which docx has no builder for and so comes in
 * as a one-style `externalStyles` part (docx merges its defaults around it).
 */
export interface DocxStyles {
  readonly styles: IStylesOptions;
  readonly externalStyles: string;
}

const cache = new WeakMap<StyleSheet, DocxStyles>();

/** The document's styles, built once per style sheet. */
export function docxStyles(style: StyleSheet): DocxStyles {
  let styles = cache.get(style);
  if (!styles) {
    styles = { styles: buildStyles(style), externalStyles: externalStyles(style) };
    cache.set(style, styles);
  }
  return styles;
}

function buildStyles(style: StyleSheet): IStylesOptions {
  const font = style.font.family;
  const color = hex(style.textColor);
  const heading = (level: 1 | 2 | 3) => {
    const h = style.heading[level];
    return {
      run: { font, size: halfPoints(h.size), bold: true, italics: false, color },
      paragraph: {
        spacing: { before: twips(h.spaceBefore), after: twips(h.spaceAfter) },
        keepNext: true,
        keepLines: true,
        outlineLevel: level - 1,
      },
    };
  };
  return {
    default: {
      document: {
        run: { font, size: halfPoints(style.font.size), color, language: { value: 'en-US' } },
        paragraph: {
          spacing: { before: 0, after: twips(style.paragraphSpacing), line: lineSpacing(style), lineRule: LineRuleType.AUTO },
        },
      },
      title: {
        run: { font, size: halfPoints(style.title.size), bold: true, color },
        paragraph: { spacing: { before: 0, after: twips(style.title.spaceAfter) }, keepNext: true, keepLines: true },
      },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      caption: {
        run: { font, size: halfPoints(style.table.fontSize), italics: true, bold: false, color },
        paragraph: { spacing: { before: twips(style.paragraphSpacing), after: twips(style.table.cellPadding) }, keepNext: true },
      },
      hyperlink: { run: { color: hex(style.linkColor), underline: {} } },
      listParagraph: { paragraph: { spacing: { after: twips(style.paragraphSpacing / 2) } } },
    },
    paragraphStyles: [
      {
        id: TABLE_TEXT_STYLE,
        name: 'Table Text',
        basedOn: 'Normal',
        quickFormat: true,
        run: { size: halfPoints(style.table.fontSize) },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: HEADER_STYLE,
        name: 'header',
        basedOn: 'Normal',
        run: { size: halfPoints(style.header.fontSize), color: hex(style.header.color) },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
      {
        id: FOOTER_STYLE,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: halfPoints(style.footer.fontSize), color: hex(style.footer.color) },
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    ],
  };
}

const STYLES_NAMESPACES =
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 w15"';

/**
 * A named table style: borders, cell margins, type size. The header row's
 * shading and bold are set on its cells, not as the style's first-row
 * formatting: LibreOffice applies that to the first row of a table without a
 * header too (it reads only the w:val form of w:tblLook, which docx does not
 * write). The tables carry the borders directly as well, for readers that
 * ignore table styles.
 */
function externalStyles(style: StyleSheet): string {
  const t = style.table;
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="${eighths(t.borderWidth)}" w:space="0" w:color="${hex(t.borderColor)}"/>`;
  const pad = twips(t.cellPadding);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${STYLES_NAMESPACES}>` +
    `<w:style w:type="table" w:styleId="${TABLE_STYLE}">` +
      `<w:name w:val="Casepress Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>` +
      `<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
      `<w:rPr><w:sz w:val="${halfPoints(t.fontSize)}"/><w:szCs w:val="${halfPoints(t.fontSize)}"/></w:rPr>` +
      `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
      `<w:tblCellMar><w:top w:w="${pad}" w:type="dxa"/><w:left w:w="${pad}" w:type="dxa"/>` +
      `<w:bottom w:w="${pad}" w:type="dxa"/><w:right w:w="${pad}" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
      `</w:style></w:styles>`
  );
}

/** Noto Serif in the theme too, so "+Body" and "+Headings" in Word's font list are the house font. */
export function docxTheme(style: StyleSheet): IThemeOptions {
  return { fonts: { headings: style.font.family, body: style.font.family } };
}

const BULLETS = ['•', '◦', '▪'];
const ORDERED_FORMATS = [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN];

/** Indent of list level `level` (0-8), and the hanging indent of its number. */
export function listIndent(style: StyleSheet, level: number): { left: number; hanging: number } {
  return { left: twips(style.listIndent * (level + 1)), hanging: twips(style.listIndent) };
}

const levelCache = new WeakMap<StyleSheet, Map<string, readonly ILevelsOptions[]>>();

/** A list definition's levels, built once per style sheet and list reference. */
function cachedLevels(style: StyleSheet, reference: string, build: () => ILevelsOptions[]): readonly ILevelsOptions[] {
  let byReference = levelCache.get(style);
  if (!byReference) levelCache.set(style, (byReference = new Map()));
  let levels = byReference.get(reference);
  if (!levels) byReference.set(reference, (levels = build()));
  return levels;
}

/** Nine levels of bullets, each indented one listIndent further. */
export function bulletLevels(style: StyleSheet): readonly ILevelsOptions[] {
  return cachedLevels(style, BULLET_LIST, () => Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.BULLET,
    text: BULLETS[level % BULLETS.length]!,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: listIndent(style, level) } },
  })));
}

/** Nine levels of numbers (1. a. i. …); level 0 starts at `start`. */
export function orderedLevels(style: StyleSheet, start: number): readonly ILevelsOptions[] {
  return cachedLevels(style, orderedList(start), () => Array.from({ length: 9 }, (_, level) => ({
    level,
    format: ORDERED_FORMATS[level % ORDERED_FORMATS.length]!,
    text: `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    start: level === 0 ? start : 1,
    style: { paragraph: { indent: listIndent(style, level) } },
  })));
}
