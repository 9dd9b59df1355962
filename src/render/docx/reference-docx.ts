/**
 * The house reference .docx (templates/reference.docx) written from the house
 * style sheet (render/style), so the DOCX looks like the PDF: Noto Serif at the
 * PDF's sizes and spacing in Word's own styles (Normal, Title, Heading 1-3,
 * caption, header, footer, List Paragraph, Hyperlink) and casepress's two
 * (Table Text, Casepress Table). `npm run reference-docx` writes the file; a
 * test checks the committed file is what this writes and has every style the
 * writer uses. The writer uses these same bytes when no other reference is
 * given.
 */
import { STYLE, type StyleSheet } from '../style/style.js';
import { zipPackage } from './package.js';
import { STYLE_NAMES } from './reference.js';
import { halfPoints, hex, twips, eighths } from './units.js';
import { PART_NAMESPACES, W, XML_DECLARATION, esc, paragraph } from './xml.js';
import { SYMBOL_FONT } from './fonts.js';

/** The date in the reference's zip entries: the file changes only when its parts do. */
const REFERENCE_DATE = '2026-01-01';

/**
 * Noto Serif's line height (ascender + descender + line gap) per em. Word's
 * "single" spacing is this; the PDF adds the style's lineGap to it, so the
 * DOCX asks for the same line as a multiple of single.
 */
const NOTO_SERIF_LINE = 1.362;

/** `w:spacing w:line` (240ths of single spacing) that gives the PDF's line height. */
export function lineSpacing(style: StyleSheet): number {
  return Math.round(240 * (1 + style.font.lineGap / (style.font.size * NOTO_SERIF_LINE)));
}

const fonts = (family: string) => {
  const f = esc(family);
  return `<w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>`;
};
const size = (pt: number) => `<w:sz w:val="${halfPoints(pt)}"/><w:szCs w:val="${halfPoints(pt)}"/>`;
const tight = '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>';

function style(type: 'paragraph' | 'character' | 'table' | 'numbering', id: string, name: string, body: string, extra = ''): string {
  return `<w:style w:type="${type}" w:styleId="${id}"${extra}><w:name w:val="${esc(name)}"/>${body}</w:style>`;
}

/** styles.xml: document defaults and every style the writer uses, ids as Word gives them. */
export function referenceStyles(s: StyleSheet): string {
  const color = `<w:color w:val="${hex(s.textColor)}"/>`;
  const heading = (level: 1 | 2 | 3) => {
    const h = s.heading[level];
    return style(
      'paragraph',
      `Heading${level}`,
      STYLE_NAMES[`heading${level}`],
      `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>` +
        `<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="${twips(h.spaceBefore)}" w:after="${twips(h.spaceAfter)}"/><w:outlineLvl w:val="${level - 1}"/></w:pPr>` +
        `<w:rPr><w:b/><w:bCs/>${color}${size(h.size)}</w:rPr>`,
    );
  };
  const t = s.table;
  const tableLine = `w:val="single" w:sz="${eighths(t.borderWidth)}" w:space="0" w:color="${hex(t.borderColor)}"`;
  const pad = twips(t.cellPadding);
  return (
    `${XML_DECLARATION}<w:styles xmlns:w="${W}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(s.font.family)}${color}${size(s.font.size)}<w:lang w:val="en-US"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="${twips(s.paragraphSpacing)}" w:line="${lineSpacing(s)}" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    style('paragraph', 'Normal', 'Normal', '<w:qFormat/>', ' w:default="1"') +
    style('character', 'DefaultParagraphFont', 'Default Paragraph Font', '<w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>', ' w:default="1"') +
    style(
      'table',
      'TableNormal',
      'Normal Table',
      '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>',
      ' w:default="1"',
    ) +
    style('numbering', 'NoList', 'No List', '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>', ' w:default="1"') +
    style(
      'paragraph',
      'Title',
      STYLE_NAMES.title,
      `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="${twips(s.title.spaceAfter)}"/></w:pPr><w:rPr><w:b/><w:bCs/>${color}${size(s.title.size)}</w:rPr>`,
    ) +
    heading(1) +
    heading(2) +
    heading(3) +
    style(
      'paragraph',
      'Caption',
      STYLE_NAMES.caption,
      `<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:unhideWhenUsed/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="${twips(s.paragraphSpacing)}" w:after="${twips(t.cellPadding)}"/></w:pPr><w:rPr><w:i/><w:iCs/>${color}${size(t.fontSize)}</w:rPr>`,
    ) +
    style('paragraph', 'ListParagraph', STYLE_NAMES.listParagraph, `<w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="${twips(s.paragraphSpacing / 2)}"/></w:pPr>`) +
    style('paragraph', 'Header', STYLE_NAMES.header, `<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr>${tight}</w:pPr><w:rPr><w:color w:val="${hex(s.header.color)}"/>${size(s.header.fontSize)}</w:rPr>`) +
    style('paragraph', 'Footer', STYLE_NAMES.footer, `<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:pPr>${tight}</w:pPr><w:rPr><w:color w:val="${hex(s.footer.color)}"/>${size(s.footer.fontSize)}</w:rPr>`) +
    style('paragraph', 'TableText', STYLE_NAMES.tableText, `<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>${tight}</w:pPr><w:rPr>${size(t.fontSize)}</w:rPr>`) +
    style('character', 'Hyperlink', STYLE_NAMES.hyperlink, `<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:color w:val="${hex(s.linkColor)}"/><w:u w:val="single"/></w:rPr>`) +
    // Borders and cell margins only: the header row's shading and bold are set on its cells, since LibreOffice applies a style's first-row formatting to tables without a header too.
    style(
      'table',
      'CasepressTable',
      STYLE_NAMES.table,
      `<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/><w:pPr>${tight}</w:pPr><w:rPr>${size(t.fontSize)}</w:rPr>` +
        `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${tableLine}/>`).join('')}</w:tblBorders>` +
        `<w:tblCellMar><w:top w:w="${pad}" w:type="dxa"/><w:left w:w="${pad}" w:type="dxa"/><w:bottom w:w="${pad}" w:type="dxa"/><w:right w:w="${pad}" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
    ) +
    `</w:styles>`
  );
}

/** The reference's own page: one paragraph in each style, so an agency sees what it restyles. */
function sampleDocument(s: StyleSheet): string {
  const p = (id: string, text: string) => paragraph({ style: id, children: `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>` });
  const margin = twips(s.page.margin);
  return (
    `${XML_DECLARATION}<w:document ${PART_NAMESPACES}><w:body>` +
    p('Title', 'Title: the document’s title') +
    p('Heading1', 'Heading 1') +
    paragraph({ children: '<w:r><w:t xml:space="preserve">Normal: body text. Restyle the styles of this file in Word (Home › Styles › Modify), keep their names, and pass it with --reference-docx.</w:t></w:r>' }) +
    p('Heading2', 'Heading 2') +
    p('ListParagraph', 'List Paragraph') +
    p('Heading3', 'Heading 3') +
    p('Caption', 'Caption: above a table') +
    p('TableText', 'Table Text: the text of table cells (tables use the table style Casepress Table)') +
    p('Header', 'Header: page headers') +
    p('Footer', 'Footer: page footers') +
    `<w:sectPr><w:pgSz w:w="${twips(s.page.width)}" w:h="${twips(s.page.height)}"/><w:pgMar w:top="${margin}" w:right="${margin}" w:bottom="${margin}" w:left="${margin}" w:header="${Math.round(margin / 2)}" w:footer="${Math.round(margin / 2)}" w:gutter="0"/></w:sectPr>` +
    `</w:body></w:document>`
  );
}

const fontEntry = (name: string, family: 'roman' | 'swiss') =>
  `<w:font w:name="${esc(name)}"><w:charset w:val="00"/><w:family w:val="${family}"/><w:pitch w:val="variable"/></w:font>`;

const CONTENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';

/** The parts of the house reference .docx, by path. */
export function referenceParts(s: StyleSheet = STYLE): Map<string, string> {
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
  const rels = (list: string) => `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${list}</Relationships>`;
  return new Map([
    [
      '[Content_Types].xml',
      `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        ['document.main', 'styles', 'numbering', 'settings', 'fontTable'].map((part) => `<Override PartName="/word/${part === 'document.main' ? 'document' : part}.xml" ContentType="${CONTENT}${part}+xml"/>`).join('') +
        `</Types>`,
    ],
    ['_rels/.rels', rels(rel('rId1', 'officeDocument', 'word/document.xml'))],
    ['word/document.xml', sampleDocument(s)],
    ['word/_rels/document.xml.rels', rels(rel('rId1', 'styles', 'styles.xml') + rel('rId2', 'numbering', 'numbering.xml') + rel('rId3', 'settings', 'settings.xml') + rel('rId4', 'fontTable', 'fontTable.xml'))],
    ['word/styles.xml', referenceStyles(s)],
    ['word/numbering.xml', `${XML_DECLARATION}<w:numbering xmlns:w="${W}"/>`],
    [
      'word/settings.xml',
      // Keep the embedded fonts when Word saves the file again; they are subsets.
      `${XML_DECLARATION}<w:settings xmlns:w="${W}"><w:embedTrueTypeFonts/><w:saveSubsetFonts/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
        `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`,
    ],
    ['word/fontTable.xml', `${XML_DECLARATION}<w:fonts xmlns:w="${W}">${fontEntry(s.font.family, 'roman')}${fontEntry(SYMBOL_FONT, 'swiss')}</w:fonts>`],
  ]);
}

/** templates/reference.docx as `npm run reference-docx` writes it. */
export function referenceDocx(s: StyleSheet = STYLE): Uint8Array {
  return zipPackage(referenceParts(s), REFERENCE_DATE, 9);
}

let house: Uint8Array | undefined;

/** The house reference's bytes, made once per process: what the writer uses when it is given none. */
export function houseReference(): Uint8Array {
  house ??= referenceDocx();
  return house;
}
