/**
 * WordprocessingML written as strings: escaping, the namespaces of the parts
 * the writer makes, paragraphs, tables and their properties in the order the
 * schema wants them.
 */
import type { Align } from '../../document/ast.js';
import { hex } from './units.js';

const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
const ESCAPES = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Text and attribute values: & " ' < > as entities, control characters dropped. */
export function esc(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, (c) => ENTITY[c] ?? '') : value;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = `${R}/`;

/** The namespaces of document.xml, the headers and the footers: text, relationships, pictures, the watermark's VML. */
export const PART_NAMESPACES =
  `xmlns:w="${W}" xmlns:r="${R}" ` +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"';

export interface ParagraphOptions {
  /** A paragraph style id (from the reference's styles). */
  style?: string;
  /** A list paragraph: its level and `w:num` id. */
  numbering?: { readonly level: number; readonly numId: number };
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** `w:pBdr`'s content. */
  border?: string;
  /** `w:tabs`'s content. */
  tabs?: string;
  /** `w:spacing`'s attributes. */
  spacing?: string;
  /** `w:ind`'s attributes. */
  indent?: string;
  align?: Align;
  /** The runs. */
  children: string;
}

/** A paragraph, its properties in schema order. */
export function paragraph(o: ParagraphOptions): string {
  let p = '';
  if (o.style !== undefined) p += `<w:pStyle w:val="${esc(o.style)}"/>`;
  if (o.keepNext) p += '<w:keepNext/>';
  if (o.keepLines) p += '<w:keepLines/>';
  if (o.pageBreakBefore) p += '<w:pageBreakBefore/>';
  if (o.numbering) p += `<w:numPr><w:ilvl w:val="${o.numbering.level}"/><w:numId w:val="${o.numbering.numId}"/></w:numPr>`;
  if (o.border !== undefined) p += `<w:pBdr>${o.border}</w:pBdr>`;
  if (o.tabs !== undefined) p += `<w:tabs>${o.tabs}</w:tabs>`;
  if (o.spacing !== undefined) p += `<w:spacing ${o.spacing}/>`;
  if (o.indent !== undefined) p += `<w:ind ${o.indent}/>`;
  if (o.align !== undefined) p += `<w:jc w:val="${o.align}"/>`;
  if (p === '') return o.children === '' ? '<w:p/>' : `<w:p>${o.children}</w:p>`;
  return `<w:p><w:pPr>${p}</w:pPr>${o.children}</w:p>`;
}

/** `w:spacing`'s attributes, in twips (line in 240ths of a line with lineRule auto). */
export const spacing = (s: { before?: number; after?: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' }): string =>
  [
    s.before !== undefined ? `w:before="${s.before}"` : '',
    s.after !== undefined ? `w:after="${s.after}"` : '',
    s.line !== undefined ? `w:line="${s.line}"` : '',
    s.lineRule !== undefined ? `w:lineRule="${s.lineRule}"` : '',
  ]
    .filter(Boolean)
    .join(' ');

/** A single line's attributes: colour (bare hex), width in eighths of a point, space in points. */
export const line = (color: string, size: number, space = 0): string => `w:val="single" w:sz="${size}" w:space="${space}" w:color="${color}"`;
export const NO_LINE = 'w:val="nil"';

/** `w:tblBorders` (or `w:tcBorders`): one line for the outside and another for the inside. */
export function borders(tag: 'w:tblBorders' | 'w:tcBorders', outside: string, inside: string, left = outside): string {
  return `<${tag}><w:top ${outside}/><w:left ${left}/><w:bottom ${outside}/><w:right ${outside}/><w:insideH ${inside}/><w:insideV ${inside}/></${tag}>`;
}

/** Cell margins (`w:tblCellMar` or `w:tcMar`) in twips. */
export function margins(tag: 'w:tblCellMar' | 'w:tcMar', m: { top: number; left: number; bottom: number; right: number }): string {
  return `<${tag}><w:top w:w="${m.top}" w:type="dxa"/><w:left w:w="${m.left}" w:type="dxa"/><w:bottom w:w="${m.bottom}" w:type="dxa"/><w:right w:w="${m.right}" w:type="dxa"/></${tag}>`;
}

export function table(o: { style?: string; width: number; borders: string; cellMargins?: string; columns: readonly number[]; rows: string }): string {
  return (
    `<w:tbl><w:tblPr>${o.style ? `<w:tblStyle w:val="${esc(o.style)}"/>` : ''}<w:tblW w:w="${o.width}" w:type="dxa"/>${o.borders}<w:tblLayout w:type="fixed"/>${o.cellMargins ?? ''}</w:tblPr>` +
    `<w:tblGrid>${o.columns.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>${o.rows}</w:tbl>`
  );
}

/** A row that never splits across pages; a header row repeats on every page. */
export const row = (cells: string, header = false): string => `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells}</w:tr>`;

export const cell = (width: number, properties: string, content: string): string => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${properties}</w:tcPr>${content}</w:tc>`;

export const shading = (fill: string): string => `<w:shd w:val="clear" w:color="auto" w:fill="${hex(fill)}"/>`;
